using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Json;

/// <summary>Reads a whole input file within a size limit, enforced while reading: an endless stream (<c>/dev/zero</c>, a pipe)
/// or an oversized file stops at the limit with a clear problem, never after filling memory.</summary>
public static class JsonFile
{
    /// <summary>Reads a file's bytes, at most <see cref="JsonReadOptions.MaxDocumentBytes"/>.</summary>
    /// <param name="path">The file.</param>
    /// <param name="limits">The limits; <see langword="null"/> for <see cref="JsonReadOptions.Default"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The bytes, or the problem at <c>$</c>: the file does not exist, is a folder, cannot be read, or passes the size limit.</returns>
    public static async ValueTask<ValidationResult<byte[]>> ReadAsync(string path, JsonReadOptions? limits = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        limits ??= JsonReadOptions.Default;
        if (Directory.Exists(path))
        {
            return Problem(ProblemCodes.Required, $"'{path}' is a folder, not a file.");
        }

        if (!File.Exists(path))
        {
            return Problem(ProblemCodes.Required, $"The file '{path}' does not exist.");
        }

        try
        {
            var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
            await using (stream.ConfigureAwait(false))
            {
                long max = limits.MaxDocumentBytes;
                long known = stream.CanSeek ? stream.Length : -1;
                if (known > max)
                {
                    return Problem(ProblemCodes.DocumentTooLarge, $"'{path}' has {known} bytes; the limit is {max}.");
                }

                var buffer = new MemoryStream(known > 0 ? (int)Math.Min(known, int.MaxValue) : 81920);
                var chunk = new byte[81920];
                int read;
                while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    if (buffer.Length + read > max)
                    {
                        return Problem(ProblemCodes.DocumentTooLarge, $"'{path}' is larger than the limit of {max} bytes (reading stopped there).");
                    }

                    buffer.Write(chunk, 0, read);
                }

                return ValidationResult.Success(buffer.Length == buffer.Capacity ? buffer.GetBuffer() : buffer.ToArray());
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Problem(ProblemCodes.Required, $"The file '{path}' cannot be read: {e.Message}");
        }

        static ValidationResult<byte[]> Problem(string code, string message) => ValidationResult.Failure<byte[]>([new ValidationProblem("$", code, message)]);
    }

    /// <summary>Parses a JSON document within limits, for readers of other formats (templates, PACT): a byte-order mark is
    /// skipped; invalid UTF-8, a document over the size or depth limit and malformed JSON are problems at <c>$</c> with the
    /// line or byte.</summary>
    /// <param name="utf8Json">The document.</param>
    /// <param name="limits">The limits; <see langword="null"/> for <see cref="JsonReadOptions.Default"/>.</param>
    /// <returns>The parsed document (the caller disposes it), or the problem.</returns>
    public static ValidationResult<System.Text.Json.JsonDocument> Parse(ReadOnlyMemory<byte> utf8Json, JsonReadOptions? limits = null)
    {
        var walker = new JsonWalker(limits ?? JsonReadOptions.Default);
        var document = walker.Parse(utf8Json);
        return document is not null && walker.Problems.Count == 0
            ? ValidationResult.Success(document)
            : ValidationResult.Failure<System.Text.Json.JsonDocument>(walker.Problems);
    }
}
