using Spectre.Console;

namespace Pcf.Accounting.Cli;

/// <summary>Where a command writes: the console for output, a writer for errors and warnings, and a console for progress.</summary>
/// <param name="console">The output console.</param>
/// <param name="error">The error writer.</param>
/// <param name="progress">The console progress is shown on (standard error); <see langword="null"/> for none.</param>
/// <param name="services">The library's services (factor providers, rule sets, views, templates), as an application would register them.</param>
internal sealed class CliContext(IAnsiConsole console, TextWriter error, IAnsiConsole? progress, IServiceProvider services)
{
    /// <summary>Gets the library's services.</summary>
    public IServiceProvider Services { get; } = services;

    /// <summary>Gets the output console, for tables, trees and charts.</summary>
    public IAnsiConsole Console { get; } = console;

    /// <summary>Gets the error writer: problems and warnings.</summary>
    public TextWriter Error { get; } = error;

    /// <summary>Gets the raw output writer, for data (JSON) and plain lines that must not be wrapped or styled.</summary>
    public TextWriter Out => Console.Profile.Out.Writer;

    /// <summary>Writes data (a JSON document) to the output, followed by a line break: straight to the process's standard output
    /// as it is rendered when the output console writes there, so a large document is never held whole; otherwise (a test's
    /// console) through <see cref="Out"/>.</summary>
    /// <param name="write">Writes UTF-8 to the stream it is given.</param>
    public void WriteData(Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        if (ReferenceEquals(Out, System.Console.Out))
        {
            Out.Flush();
            using var stdout = System.Console.OpenStandardOutput();
            using (var buffered = new BufferedStream(stdout, 1 << 16))
            {
                write(buffered);
                buffered.Write(System.Text.Encoding.UTF8.GetBytes(Environment.NewLine));
            }

            return;
        }

        using var memory = new MemoryStream();
        write(memory);
        Out.Write(System.Text.Encoding.UTF8.GetString(memory.GetBuffer(), 0, (int)memory.Length));
        Out.WriteLine();
        Out.Flush();
    }

    /// <summary>Gets a value indicating whether progress is shown: only when the output is an interactive terminal (Spectre calls the
    /// progress console interactive only when standard output is a terminal) and standard error, where it is drawn, is a terminal too.
    /// So nothing of it reaches a redirected stream or a pipe, and it is never written to standard output.</summary>
    public bool ShowsProgress => progress is { Profile.Capabilities: { Interactive: true, Ansi: true } };

    /// <summary>Runs long work under a status line (a spinner and the current step) on the progress console, when <see cref="ShowsProgress"/>.</summary>
    /// <typeparam name="T">What the work returns.</typeparam>
    /// <param name="status">The first step, such as <c>Reading system.json</c>.</param>
    /// <param name="work">The work; it reports each new step through the action it is given (plain text, not markup).</param>
    /// <returns>What the work returned.</returns>
    /// <remarks>The status line is cleared when the work ends, so output written afterwards is never mixed with it:
    /// the work prepares what to show, and the command writes it after this returns.</remarks>
    public async Task<T> RunWithProgressAsync<T>(string status, Func<Action<string>, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (!ShowsProgress)
        {
            return await work(static _ => { }).ConfigureAwait(false);
        }

        return await progress!.Status().StartAsync(Markup.Escape(status), async context =>
            await work(step =>
            {
                context.Status(Markup.Escape(step));
                context.Refresh(); // shown at once: a step may be a long synchronous one (factorizing)
            }).ConfigureAwait(false)).ConfigureAwait(false);
    }
}
