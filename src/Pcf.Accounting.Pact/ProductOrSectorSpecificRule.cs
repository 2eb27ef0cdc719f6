using System.Collections.Immutable;

namespace Pcf.Accounting.Pact;

/// <summary>Product- or sector-specific rules (a PCR, a PEFCR) applied in the calculation (PACT <c>ProductOrSectorSpecificRule</c>, the same in 2.3 and 3.0).</summary>
/// <param name="Operator">The operator: <c>PEF</c>, <c>EPD International</c> or <c>Other</c>.</param>
/// <param name="RuleNames">The names of the rules; at least one.</param>
/// <threadsafety>Immutable.</threadsafety>
public sealed record ProductOrSectorSpecificRule(string Operator, ImmutableArray<string> RuleNames)
{
    /// <summary>Gets the operator's name when <see cref="Operator"/> is <c>Other</c>.</summary>
    public string? OtherOperatorName { get; init; }
}
