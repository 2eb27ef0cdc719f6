using System.Text.RegularExpressions;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Fuzz;

/// <summary>The mechanical check of "a clear message": every problem says where (a JSON path from <c>$</c>, a CSV line, or a
/// parameter name), which rule (a stable <c>PCFxxxx</c> code), and says it in words of the domain within a bounded length,
/// never in .NET's (an exception type, <c>(Parameter '...')</c>, a stack frame).</summary>
internal static partial class MessageOracle
{
    /// <summary>The longest message accepted, in characters: values echoed in a message are truncated, so a message never grows
    /// with the input. (The longest legitimate messages list allowed names, about 600 characters.)</summary>
    public const int MaxMessageLength = 1_000;

    /// <summary>The longest path accepted, in characters (member names in paths are truncated too).</summary>
    public const int MaxPathLength = 400;

    /// <summary>Checks one problem.</summary>
    /// <param name="problem">The problem.</param>
    /// <returns>Why it is unclear, or <see langword="null"/> when it is clear.</returns>
    public static string? Check(ValidationProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        // A factor that cannot be resolved (PCF0401, PCF0402) is placed by its request (key, region, year, unit: the key is the
        // user's text, any characters); the message names the JSON paths that need it.
        bool placedByRequest = problem.Code is "PCF0401" or "PCF0402" && problem.Message.Contains(" $.", StringComparison.Ordinal);
        // A problem of a second file that the input names (an electronics bill of materials named by a template parameter) is
        // placed in that file, "server.bom.json:$.nodes[0].id": the file's name is the user's text, any characters.
        bool inNamedFile = NamedFilePath().IsMatch(problem.Path);
        if (string.IsNullOrEmpty(problem.Path) || problem.Path.Length > MaxPathLength || !(placedByRequest || inNamedFile || PathPattern().IsMatch(problem.Path)))
        {
            return $"the path '{Clip(problem.Path)}' is neither a JSON path from $, a CSV line nor a parameter name (or is longer than {MaxPathLength})";
        }

        if (problem.Code is null || !CodePattern().IsMatch(problem.Code))
        {
            return $"the code '{Clip(problem.Code)}' is not PCFxxxx";
        }

        return CheckText(problem.Message);
    }

    /// <summary>Checks a message of the tool or of a vector's failure: words, bounded, no .NET internals.</summary>
    /// <param name="message">The text.</param>
    /// <returns>Why it is unclear, or <see langword="null"/>.</returns>
    public static string? CheckText(string? message) => CheckText(message, MaxMessageLength);

    /// <summary>Checks a line of the tool's error output or a vector's failure (<c>file: path  code  message</c>): as <see cref="CheckText(string?)"/>, with room for the file and path.</summary>
    /// <param name="line">The line.</param>
    /// <returns>Why it is unclear, or <see langword="null"/>.</returns>
    public static string? CheckLine(string? line) => CheckText(line, MaxMessageLength + MaxPathLength + 300);

    private static string? CheckText(string? message, int max)
    {
        if (string.IsNullOrWhiteSpace(message))
        {
            return "the message is empty";
        }

        if (message.Length > max)
        {
            return $"the message has {message.Length} characters (limit {max}): an echoed value is not truncated";
        }

        if (message.Contains("(Parameter", StringComparison.Ordinal))
        {
            return "the message carries an argument exception's '(Parameter ...)'";
        }

        if (ExceptionName().Match(message) is { Success: true } m)
        {
            return $"the message names a .NET type ({m.Value})";
        }

        // A stack frame ("   at Pcf.Accounting.X.Y(...)"), not input text echoed in a message that happens to hold "   at ".
        if (StackFrame().IsMatch(message) || message.Contains("System.", StringComparison.Ordinal))
        {
            return "the message carries .NET internals (a stack frame or a System. name)";
        }

        return null;
    }

    private static string Clip(string? text) => text is null ? "null" : text.Length <= 80 ? text : text[..80] + "…";

    // $ paths ($, $.a, $['a b'], $[3]), CSV places (line 5, amount), or a parameter or option name (declaredUnit, --factors).
    [GeneratedRegex(@"^(\$|line \d+|--?[a-z][a-z-]*|[A-Za-z][A-Za-z0-9_.\[\]-]*)", RegexOptions.CultureInvariant)]
    private static partial Regex PathPattern();

    [GeneratedRegex(@"^.{1,260}?:\$(?:[.\[]|$)", RegexOptions.CultureInvariant)]
    private static partial Regex NamedFilePath();

    [GeneratedRegex(@"   at [A-Za-z_][\w.`<>]*\.[\w`<>]+\(", RegexOptions.CultureInvariant)]
    private static partial Regex StackFrame();

    [GeneratedRegex(@"^PCF\d{4}$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"\b[A-Z][A-Za-z]*Exception\b|\bSystem\.[A-Z]|\bJsonElement\b|\bJsonValueKind\b|\bUtf8JsonReader\b|\bTranscod", RegexOptions.CultureInvariant)]
    private static partial Regex ExceptionName();
}
