using System.Buffers;
using System.Text;

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
}
