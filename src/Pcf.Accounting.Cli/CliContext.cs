using Spectre.Console;

namespace Pcf.Accounting.Cli;

/// <summary>Where a command writes: the console for output, a writer for errors and warnings.</summary>
/// <param name="console">The output console.</param>
/// <param name="error">The error writer.</param>
internal sealed class CliContext(IAnsiConsole console, TextWriter error)
{
    /// <summary>Gets the output console, for tables, trees and charts.</summary>
    public IAnsiConsole Console { get; } = console;

    /// <summary>Gets the error writer: problems, warnings, progress of nothing.</summary>
    public TextWriter Error { get; } = error;

    /// <summary>Gets the raw output writer, for data (JSON) and plain lines that must not be wrapped or styled.</summary>
    public TextWriter Out => Console.Profile.Out.Writer;

    /// <summary>Gets a value indicating whether the output is an interactive terminal (progress is shown only then).</summary>
    public bool IsInteractive => Console.Profile.Capabilities.Interactive && Console.Profile.Capabilities.Ansi;
}
