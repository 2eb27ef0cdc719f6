namespace Pcf.Accounting.Results;

/// <summary>One number of a view: a key that vectors and tables address, a label, the value and its unit.</summary>
/// <param name="Key">The stable key within the view, such as <c>direct</c> or <c>precursor:clinker:direct</c>.</param>
/// <param name="Label">What the number is, for people.</param>
/// <param name="Value">The value; finite.</param>
/// <param name="Unit">The unit, such as <c>kg CO2e</c> or <c>t CO2e/t</c>.</param>
/// <threadsafety>Immutable.</threadsafety>
public sealed record ViewLine(string Key, string Label, double Value, string Unit)
{
    /// <summary>Gets a note: the formula, the fallback used, a caveat.</summary>
    public string? Note { get; init; }
}
