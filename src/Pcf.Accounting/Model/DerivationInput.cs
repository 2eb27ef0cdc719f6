using Pcf.Accounting.Units;

namespace Pcf.Accounting.Model;

/// <summary>One operand of a <see cref="Derivation"/>: a symbol of its formula, its value with a unit, and where the value comes from.</summary>
/// <param name="Symbol">The symbol the formula uses, such as <c>CaO</c> or <c>EF_calc</c>: letters, digits and <c>_</c>, starting with a letter.</param>
/// <param name="Value">The value and its unit, such as 65 % or 94.6 t/TJ.</param>
/// <threadsafety>Immutable.</threadsafety>
public sealed record DerivationInput(string Symbol, Measure Value)
{
    /// <summary>Gets what the value is, such as <c>CaO content of the clinker</c>.</summary>
    public string? Description { get; init; }

    /// <summary>Gets where the value comes from when it is a published default (document, clause or table, year); <see langword="null"/> for site data.</summary>
    public string? Source { get; init; }

    /// <summary>Gets a value indicating whether the value is a published default rather than site data.</summary>
    public bool IsDefault { get; init; }

    /// <summary>Gets the derivation that produced the value, when it is itself derived (its result equals <see cref="Value"/>).</summary>
    public Derivation? DerivedFrom { get; init; }
}
