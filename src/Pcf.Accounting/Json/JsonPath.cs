namespace Pcf.Accounting.Json;

/// <summary>A JSON path such as <c>$.factors[3].components[0]</c>, written out only when a problem reports it.</summary>
/// <remarks>Implementation note: reading a large document visits hundreds of thousands of array items and members,
/// nearly all without a problem. Formatting each one's path string up front cost more than reading the values, so a
/// path is either text or a parent with a member name or an array index, and <see cref="ToString"/> builds the text.
/// The nesting follows the format's fixed shape, never the data's depth. <c>default</c> is <c>$</c>.</remarks>
/// <threadsafety>Immutable value type.</threadsafety>
internal readonly struct JsonPath
{
    private readonly string? _text;
    private readonly Step? _step;

    private JsonPath(string text) => _text = text;

    private JsonPath(Step step) => _step = step;

    public static implicit operator JsonPath(string text) => new(text);

    /// <summary>The path of a member of the object at this path.</summary>
    public JsonPath Member(string name) => new(new Step(this, name, -1));

    /// <summary>The path of an item of the array at this path.</summary>
    public JsonPath Item(int index) => new(new Step(this, null, index));

    public override string ToString() => _text ?? _step?.ToString() ?? "$";

    private sealed class Step(JsonPath parent, string? name, int index)
    {
        public override string ToString() => name is null
            ? $"{parent}[{index}]"
            : JsonWalker.Member(parent.ToString(), name);
    }
}
