using System.Text;
using System.Text.Json;

namespace Pcf.Accounting.Json;

/// <summary>The last few distinct strings read at one place of a document, so that a value repeated from item to item (a region, a key with several years) is one string.</summary>
/// <remarks>Implementation note: a 100,000-factor dataset has a handful of regions; one string per factor and region kept
/// 100,000 small objects alive through every collection. A value is compared in place, as UTF-8 (<see cref="JsonElement.ValueEquals(ReadOnlySpan{byte})"/>),
/// so a repeat allocates nothing; a new value replaces the oldest.</remarks>
/// <threadsafety>Not thread-safe: one per read.</threadsafety>
internal sealed class JsonStringPool(int capacity)
{
    private readonly string?[] _strings = new string?[capacity];
    private readonly byte[][] _utf8 = new byte[capacity][];
    private int _next;

    /// <summary>Gets the value of a string element, the pooled instance when there is one.</summary>
    public string Get(JsonElement value)
    {
        for (int i = 0; i < _strings.Length && _strings[i] is { } pooled; i++)
        {
            // Compared as UTF-8, as the document holds it (escapes decoded), so a comparison encodes nothing.
            if (value.ValueEquals(_utf8[i]))
            {
                return pooled;
            }
        }

        var text = value.GetString()!;
        _strings[_next] = text;
        _utf8[_next] = Encoding.UTF8.GetBytes(text);
        _next = (_next + 1) % _strings.Length;
        return text;
    }
}
