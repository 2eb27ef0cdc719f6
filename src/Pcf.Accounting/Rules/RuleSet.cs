using System.Collections.Immutable;
using Pcf.Accounting.Model;

namespace Pcf.Accounting.Rules;

/// <summary>What a standard requires of a calculation: the boundary, the allocation procedure, and the standard's name for reports.</summary>
/// <remarks>
/// <para>The built-in rule sets follow the ISO 14044 allocation hierarchy (cl. 4.3.4.2), which
/// ISO 14067 (cl. 6.4.6), GB/T 24067-2024, the GHG Protocol Product Standard (ch. 9) and the PACT
/// Methodology adopt: avoid allocation by system expansion where the data allow, else partition
/// by a physical relation (mass, then energy, or stated shares), else by economic value.
/// <see cref="AllocationPreference"/> is that order; for each multi-output process the engine takes
/// the first method its data support, unless the process states its own.</para>
/// <para>Sector templates make their own rule sets with <c>with</c>, such as a product-category
/// rule that prescribes mass allocation of slag.</para>
/// </remarks>
/// <param name="Id">A stable identifier, such as <c>ISO14067</c>.</param>
/// <param name="Name">The standard's name as it should appear in reports (PACT <c>crossSectoralStandards</c>).</param>
/// <param name="Boundary">The life-cycle stages covered.</param>
/// <param name="AllocationPreference">Allocation methods in order of preference.</param>
/// <threadsafety>Immutable.</threadsafety>
public sealed record RuleSet(string Id, string Name, SystemBoundary Boundary, ImmutableArray<AllocationMethod> AllocationPreference)
{
    private static readonly ImmutableArray<AllocationMethod> IsoHierarchy =
        [AllocationMethod.SystemExpansion, AllocationMethod.Mass, AllocationMethod.Energy, AllocationMethod.Stated, AllocationMethod.Economic];

    /// <summary>Gets ISO 14067:2018, cradle-to-gate, with the ISO 14044 allocation hierarchy: the default.</summary>
    public static RuleSet Iso14067 { get; } = new("ISO14067", "ISO 14067:2018", SystemBoundary.CradleToGate, IsoHierarchy);

    /// <summary>Gets GB/T 24067-2024 (the Chinese standard drafted on ISO 14067), cradle-to-gate, ISO 14044 hierarchy.</summary>
    public static RuleSet GbT24067 { get; } = new("GBT24067", "GB/T 24067-2024", SystemBoundary.CradleToGate, IsoHierarchy);

    /// <summary>Gets the GHG Protocol Product Standard (2011), cradle-to-gate, ISO 14044 hierarchy.</summary>
    public static RuleSet GhgProtocolProduct { get; } = new("GHGP-Product", "GHG Protocol Product Standard", SystemBoundary.CradleToGate, IsoHierarchy);

    /// <summary>Gets the PACT Methodology 3.0, cradle-to-gate, ISO 14044 hierarchy.</summary>
    public static RuleSet Pact3 { get; } = new("PACT3", "PACT Methodology v3.0", SystemBoundary.CradleToGate, IsoHierarchy);

    /// <summary>Gets the built-in rule sets.</summary>
    public static IReadOnlyList<RuleSet> All { get; } = [Iso14067, GbT24067, GhgProtocolProduct, Pact3];

    /// <inheritdoc/>
    /// <remarks>The allocation preferences compare by value, in order.</remarks>
    public bool Equals(RuleSet? other) =>
        other is not null && Id == other.Id && Name == other.Name && Boundary == other.Boundary && AllocationPreference.SequenceEqual(other.AllocationPreference);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Id, Name, Boundary);

    /// <summary>Gets a value indicating whether a process of <paramref name="stage"/> lies inside the boundary.</summary>
    /// <param name="stage">The stage.</param>
    /// <returns><see langword="true"/> when its emissions count; a process of unspecified stage always counts.</returns>
    public bool Includes(LifeCycleStage stage) => stage switch
    {
        LifeCycleStage.Unspecified => true,
        LifeCycleStage.RawMaterialAcquisition => Boundary != SystemBoundary.GateToGate,
        LifeCycleStage.Production => true,
        _ => Boundary == SystemBoundary.CradleToGrave,
    };
}
