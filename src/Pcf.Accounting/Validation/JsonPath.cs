namespace Pcf.Accounting.Validation;

/// <summary>A JSON path such as <c>$.factors[3].components[0]</c>, written out only when a problem reports it.</summary>
/// <remarks>Implementation note: reading a large document visits hundreds of thousands of array items and members,
/// nearly all without a problem. Formatting each one's path string up front cost more than reading the values, so a
/// path is text or a parent with a member name, plus an optional array index kept in the value itself (an item of an
/// array costs nothing), and <see cref="ToString"/> builds the text. The nesting follows the format's fixed shape, never
/// the data's depth. <c>default</c> is <c>$</c>.</remarks>
/// <threadsafety>Immutable value type.</threadsafety>
internal readonly struct JsonPath
{
    private readonly string? _text;
    private readonly Step? _step;
    private readonly int _item; // the index + 1; 0 for none

    private JsonPath(string? text, Step? step, int item)
    {
        _text = text;
        _step = step;
        _item = item;
    }

    public static implicit operator JsonPath(string text) => new(text, null, 0);

    /// <summary>The path of a member of the object at this path.</summary>
    public JsonPath Member(string name) => new(null, new Step(this, name), 0);

    /// <summary>The path of an item of the array at this path.</summary>
    public JsonPath Item(int index) => _item == 0
        ? new(_text, _step, index + 1)
        : new(null, new Step(this, null), index + 1);

    public override string ToString()
    {
        string parent = _text ?? _step?.ToString() ?? "$";
        return _item == 0 ? parent : $"{parent}[{_item - 1}]";
    }

    /// <summary>The path of a member: <c>$.a.b</c>, or <c>$.a['b c']</c> for a name that is not plain.</summary>
    internal static string MemberText(string path, string name) =>
        IsPlainName(name) ? $"{path}.{name}" : $"{path}['{name.Replace("'", "\\'", StringComparison.Ordinal)}']";

    private static bool IsPlainName(string name)
    {
        foreach (char c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }

        return name.Length > 0;
    }

    private sealed class Step(JsonPath parent, string? name)
    {
        public override string ToString() => name is null ? parent.ToString() : MemberText(parent.ToString(), name);
    }
}
