namespace Pcf.Accounting.Validation;

/// <summary>A JSON path such as <c>$.factors[3].components[0]</c>, written out only when a problem reports it.</summary>
/// <remarks>Implementation note: reading a large document visits hundreds of thousands of array items and members,
/// nearly all without a problem. Formatting each one's path string up front cost more than reading the values, so a
/// path keeps its last index, member and member index in the value itself (<c>[3].inputs[2]</c> after a prefix costs
/// nothing; only a path longer than that folds its prefix into one small object), and <see cref="ToString"/> builds the text. The nesting follows the format's fixed shape, never
/// the data's depth. <c>default</c> is <c>$</c>.</remarks>
/// <threadsafety>Immutable value type.</threadsafety>
internal readonly struct JsonPath
{
    // The path is: a prefix (text, or an earlier path folded into a step), an optional index on it, an optional member name
    // after that, and an optional index on the member: $.processes[3].inputs[2] takes no step at all.
    private readonly string? _text;
    private readonly Step? _step;
    private readonly int _item; // the prefix's index + 1; 0 for none
    private readonly string? _member;
    private readonly int _memberItem; // the member's index + 1; 0 for none

    private JsonPath(string? text, Step? step, int item, string? member, int memberItem)
    {
        _text = text;
        _step = step;
        _item = item;
        _member = member;
        _memberItem = memberItem;
    }

    public static implicit operator JsonPath(string text) => new(text, null, 0, null, 0);

    public JsonPath Member(string name) => _member is null
        ? new(_text, _step, _item, name, 0)
        : new(null, new Step(this), 0, name, 0);

    public JsonPath Item(int index) => _member is null
        ? (_item == 0 ? new(_text, _step, index + 1, null, 0) : new(null, new Step(this), index + 1, null, 0))
        : (_memberItem == 0 ? new(_text, _step, _item, _member, index + 1) : new(null, new Step(this), index + 1, null, 0));

    public override string ToString()
    {
        string path = _text ?? _step?.ToString() ?? "$";
        if (_item != 0)
        {
            path = $"{path}[{_item - 1}]";
        }

        if (_member is not null)
        {
            path = MemberText(path, _member);
            if (_memberItem != 0)
            {
                path = $"{path}[{_memberItem - 1}]";
            }
        }

        return path;
    }

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

    // An earlier path, folded so that a member or an index can follow it.
    private sealed class Step(JsonPath path)
    {
        public override string ToString() => path.ToString();
    }
}
