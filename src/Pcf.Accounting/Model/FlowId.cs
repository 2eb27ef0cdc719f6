namespace Pcf.Accounting.Model;

/// <summary>The identifier of a <see cref="Flow"/> within a product system, such as <c>pet-granulate</c>.</summary>
/// <param name="Value">The identifier: non-empty, compared ordinally.</param>
public readonly record struct FlowId(string Value)
{
    /// <summary>Returns the identifier.</summary>
    /// <returns><see cref="Value"/>.</returns>
    public override string ToString() => Value ?? string.Empty;

    /// <summary>Converts a string to a flow id.</summary>
    /// <param name="value">The identifier.</param>
    public static implicit operator FlowId(string value) => new(value);
}
