using System.Text;
using System.Text.Json;

namespace Pcf.Accounting.Json;

/// <summary>The member names an object of the format may have, kept as UTF-8 as well so that a document's names are checked without making strings of them.</summary>
/// <threadsafety>Immutable.</threadsafety>
internal sealed class JsonMembers
{
    private readonly byte[][] _utf8;

    public JsonMembers(params string[] names)
    {
        Names = names;
        _utf8 = Array.ConvertAll(names, Encoding.UTF8.GetBytes);
    }

    /// <summary>Gets the names, in the order given.</summary>
    public string[] Names { get; }

    /// <summary>Tells whether a property's name is one of <see cref="Names"/> (escapes in the document are decoded first).</summary>
    public bool Contains(JsonProperty property)
    {
        foreach (var name in _utf8)
        {
            if (property.NameEquals(name))
            {
                return true;
            }
        }

        return false;
    }
}
