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

    /// <summary>Gets the index in <see cref="Names"/> of a property's name (escapes in the document are decoded first), or -1.</summary>
    public int IndexOf(JsonProperty property)
    {
        for (int i = 0; i < _utf8.Length; i++)
        {
            if (property.NameEquals(_utf8[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Gets the index in <see cref="Names"/> of a name the code asks for.</summary>
    /// <exception cref="ArgumentException">The name is not one of <see cref="Names"/> (a bug).</exception>
    public int IndexOf(string name)
    {
        // The names asked for are the literals given, so string equality ends at its identity check.
        int i = Array.IndexOf(Names, name);
        return i >= 0 ? i : throw new ArgumentException($"'{name}' is not one of the members: {string.Join(", ", Names)}.", nameof(name));
    }
}
