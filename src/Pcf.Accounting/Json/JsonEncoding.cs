using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Json;

/// <summary>Checks that the bytes of a JSON document make text before it is parsed: valid UTF-8 (no invalid byte, overlong form or
/// encoded surrogate) and no string or member name whose escapes make a lone surrogate (<c>"\ud800"</c>).</summary>
/// <remarks>Every reader of the library runs this check first, so an encoding error is one problem at <c>$</c> with the code
/// <see cref="ProblemCodes.InvalidEncoding"/> and the byte offset, never an exception from deep in a parser. Readers of other
/// formats (the PACT package, an application's own documents) call it the same way.</remarks>
/// <threadsafety>Thread-safe.</threadsafety>
public static class JsonEncoding
{
    /// <summary>Checks a document's bytes (after any byte-order mark).</summary>
    /// <param name="utf8Json">The document.</param>
    /// <returns>The problem at <c>$</c>, naming the byte offset, or <see langword="null"/> when the bytes make text.</returns>
    /// <example><code>
    /// if (JsonEncoding.Check(bytes) is { } problem) return ValidationResult.Failure&lt;MyDocument&gt;([problem]);
    /// </code></example>
    public static ValidationProblem? Check(ReadOnlySpan<byte> utf8Json)
    {
        if (JsonText.InvalidUtf8At(utf8Json) is int bad)
        {
            return new("$", ProblemCodes.InvalidEncoding,
                $"The document is not valid UTF-8: an invalid byte sequence at byte {bad} (JSON must be UTF-8; save the file as UTF-8).");
        }

        if (JsonText.LoneSurrogateEscapeAt(utf8Json) is int escape)
        {
            return new("$", ProblemCodes.InvalidEncoding,
                $"The string at byte {escape} has an escape that makes no Unicode text: a lone surrogate (\\uD800 to \\uDFFF without its pair).");
        }

        return null;
    }
}
