namespace Pcf.Accounting.Results;

/// <summary>One operand of an explanation: its value, unit and what it is. An explanation's value is the product of its terms.</summary>
/// <param name="Kind">What the term is.</param>
/// <param name="Value">The value.</param>
/// <param name="Unit">The unit as text, such as <c>kWh</c>, <c>kg CO2e/kg</c> or <c>kg/t</c>; empty for pure numbers.</param>
/// <threadsafety>Immutable value type.</threadsafety>
public readonly record struct ExplanationTerm(ExplanationTermKind Kind, double Value, string Unit)
{
    /// <summary>Gets what the term refers to, when it names something: the GWP set of a GWP, the gas of an amount per run.</summary>
    public string? Detail { get; init; }
}
