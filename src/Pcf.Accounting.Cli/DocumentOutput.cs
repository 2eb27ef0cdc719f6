using System.CommandLine;
using System.Text;

namespace Pcf.Accounting.Cli;

/// <summary>The <c>--out</c> option of a command that writes a document (JSON or CSV), and the writing: to the file, atomically,
/// with a line <c>Wrote FILE.</c> on standard error, or to standard output.</summary>
internal static class DocumentOutput
{
    /// <summary>Creates an <c>--out</c> option.</summary>
    /// <param name="what">What is written, as in "Write the json or csv document".</param>
    /// <returns>The option.</returns>
    public static Option<string> Option(string what) => new("--out", "-o")
    {
        Description = $"Write {what} to this file instead of standard output (atomically: the file is whole or not written).",
        HelpName = "file",
    };

    /// <summary>Checks <c>--out</c> before any work: it needs a document format, and its folder must exist.</summary>
    /// <param name="parse">The parse result.</param>
    /// <param name="option">The <c>--out</c> option.</param>
    /// <param name="document">Whether the format asked for is a document (json or csv) rather than a table for reading.</param>
    /// <param name="formats">The document formats, for the message: <c>--format json or --format csv</c>.</param>
    /// <returns>The file to write, or <see langword="null"/> for standard output.</returns>
    /// <exception cref="CliException"><c>--out</c> without a document format (usage), or a folder that does not exist.</exception>
    public static string? Target(ParseResult parse, Option<string> option, bool document, string formats)
    {
        if (parse.GetValue(option) is not { Length: > 0 } target)
        {
            return null;
        }

        if (!document)
        {
            throw new CliException($"--out writes a document: add {formats}.", exitCode: ExitCodes.Usage);
        }

        Calculation.EnsureWritable(target); // before the work, which may take long
        return target;
    }

    /// <summary>Writes a document as it is rendered: to the file atomically, or to standard output, followed by a line
    /// break either way (a large document is never held whole).</summary>
    /// <param name="context">The command's context.</param>
    /// <param name="target">The file, or <see langword="null"/> for standard output.</param>
    /// <param name="write">Writes the document as UTF-8 to the stream it is given.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the document is written.</returns>
    public static async Task WriteAsync(CliContext context, string? target, Action<Stream> write, CancellationToken cancellationToken)
    {
        if (target is null)
        {
            context.WriteData(write);
            return;
        }

        await Calculation.WriteFileAsync(target, stream =>
        {
            write(stream);
            stream.Write("\n"u8);
        }, cancellationToken).ConfigureAwait(false);
        context.Error.WriteLine($"Wrote {target}.");
    }

    /// <summary>Writes a document: to the file (atomically, UTF-8 without a byte-order mark) and says so on standard error, or to standard output.</summary>
    /// <param name="context">The CLI context.</param>
    /// <param name="target">The file, or <see langword="null"/> for standard output.</param>
    /// <param name="text">The document, with its final line break.</param>
    /// <param name="cancellationToken">Cancels the writing of a file.</param>
    /// <returns>A task.</returns>
    /// <exception cref="CliException">The file cannot be written (the message names it); the old file, if any, is left as it was.</exception>
    public static async Task WriteAsync(CliContext context, string? target, string text, CancellationToken cancellationToken)
    {
        if (target is not null)
        {
            await Calculation.WriteFileAsync(target, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text), cancellationToken).ConfigureAwait(false);
            context.Error.WriteLine($"Wrote {target}.");
            return;
        }

        context.Out.Write(text);
        context.Out.Flush();
    }
}
