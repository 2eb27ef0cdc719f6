using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Pcf.Accounting.Json;

/// <summary>Checks on the raw text of documents before parsing.</summary>
internal static class JsonText
{
    /// <summary>The offset of the first byte that is not valid UTF-8 (an invalid byte, an overlong form, an encoded surrogate), or <see langword="null"/>.</summary>
    public static int? InvalidUtf8At(ReadOnlySpan<byte> utf8)
    {
        if (System.Text.Unicode.Utf8.IsValid(utf8))
        {
            return null; // the vectorized check: nearly every document
        }

        int offset = 0;
        while (!utf8.IsEmpty)
        {
            if (Rune.DecodeFromUtf8(utf8, out _, out int consumed) != OperationStatus.Done)
            {
                return offset;
            }

            utf8 = utf8[consumed..];
            offset += consumed;
        }

        return null;
    }

    /// <summary>The offset of the first string or member name whose escapes make no text: a lone surrogate (<c>"\ud800"</c>,
    /// <c>"\udfff"</c>) that no .NET string can be read from; or <see langword="null"/>.</summary>
    /// <remarks>Implementation note: a document without <c>\uD8</c>..<c>\uDF</c> escapes (nearly every one) is passed by one
    /// vectorized search; only one that has them is read token by token, and a syntax error there is left to the parse.</remarks>
    public static int? LoneSurrogateEscapeAt(ReadOnlySpan<byte> utf8)
    {
        if (!HasSurrogateEscape(utf8))
        {
            return null;
        }

        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 4096 });
        char[]? buffer = null;
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.PropertyName) || !reader.ValueIsEscaped)
                {
                    continue;
                }

                // The text is never longer, in UTF-16 code units, than its escaped UTF-8.
                int length = reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length;
                if (buffer is null || buffer.Length < length)
                {
                    if (buffer is not null)
                    {
                        ArrayPool<char>.Shared.Return(buffer);
                    }

                    buffer = ArrayPool<char>.Shared.Rent(Math.Max(length, 256));
                }

                try
                {
                    reader.CopyString(buffer);
                }
                catch (InvalidOperationException)
                {
                    return checked((int)reader.TokenStartIndex);
                }
            }
        }
        catch (JsonException)
        {
            // Malformed: the parse reports it with its line.
        }
        finally
        {
            if (buffer is not null)
            {
                ArrayPool<char>.Shared.Return(buffer);
            }
        }

        return null;
    }

    private static bool HasSurrogateEscape(ReadOnlySpan<byte> utf8)
    {
        int at;
        while ((at = utf8.IndexOf("\\u"u8)) >= 0)
        {
            utf8 = utf8[(at + 2)..];
            if (utf8.Length >= 2 && (utf8[0] | 0x20) == 'd' && utf8[1] is (>= (byte)'8' and <= (byte)'9') or (>= (byte)'a' and <= (byte)'f') or (>= (byte)'A' and <= (byte)'F'))
            {
                return true;
            }
        }

        return false;
    }
}
