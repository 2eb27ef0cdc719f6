using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Cli;

/// <summary>A failure to report to the user: a message, the problems behind it (each with file, JSON path and code), and the exit code.</summary>
/// <remarks>Thrown by commands on bad input and caught once, at the top of <see cref="PcfCli.RunAsync"/>, which prints it: never a stack trace.</remarks>
internal sealed class CliException : Exception
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="details">The problems, one line each.</param>
    /// <param name="exitCode">The exit code.</param>
    public CliException(string message, IEnumerable<string>? details = null, int exitCode = ExitCodes.InvalidInput)
        : base(message)
    {
        Details = [.. details ?? []];
        ExitCode = exitCode;
    }

    /// <summary>Initializes a new instance with no details.</summary>
    public CliException()
        : this("The command failed.")
    {
    }

    /// <summary>Initializes a new instance with no details.</summary>
    /// <param name="message">What failed.</param>
    public CliException(string message)
        : this(message, details: null)
    {
    }

    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The cause.</param>
    public CliException(string message, Exception innerException)
        : base(message, innerException)
    {
        Details = [];
        ExitCode = ExitCodes.InvalidInput;
    }

    /// <summary>Gets the problems, one line each.</summary>
    public IReadOnlyList<string> Details { get; }

    /// <summary>Gets the exit code.</summary>
    public int ExitCode { get; }

    /// <summary>Creates the failure of reading or calculating <paramref name="file"/>.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="file">The file the problems are in; <see langword="null"/> when none.</param>
    /// <param name="problems">The problems.</param>
    /// <returns>The exception.</returns>
    public static CliException FromProblems(string message, string? file, IEnumerable<ValidationProblem> problems) =>
        new(message, problems.Select(p => ProblemText.Format(file, p)));

    /// <summary>Creates the failure of a file that does not exist.</summary>
    /// <param name="path">The path.</param>
    /// <returns>The exception.</returns>
    public static CliException FileNotFound(string path) => new($"The file '{path}' does not exist.");

    /// <summary>Writes the message and the details, one per line.</summary>
    /// <param name="writer">The error writer.</param>
    public void WriteTo(TextWriter writer)
    {
        writer.WriteLine($"pcf: {Message}");
        foreach (var line in Details)
        {
            writer.WriteLine($"  {line}");
        }
    }
}
