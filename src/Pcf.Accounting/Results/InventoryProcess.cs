using System.Collections.Immutable;
using Pcf.Accounting.Model;

namespace Pcf.Accounting.Results;

/// <summary>One process in the inventory: how often it runs for the demand, its outputs (matrix columns), its direct
/// exchanges, the factors it uses, the products it takes from other processes, and its credits.</summary>
/// <remarks>Amounts per run are as the system states them, before allocation; totals are for the demand
/// (per run × <see cref="Runs"/>, where <see cref="Runs"/> already weighs each allocated output by its share).
/// A process outside the rule set's boundary (<see cref="IsIncluded"/> false) keeps its exchanges here, and the views count
/// them as cut off, not in the totals.</remarks>
/// <threadsafety>Immutable.</threadsafety>
public sealed record InventoryProcess
{
    /// <summary>Gets the process's id.</summary>
    public required ProcessId Id { get; init; }

    /// <summary>Gets its name.</summary>
    public required string Name { get; init; }

    /// <summary>Gets its life-cycle stage.</summary>
    public LifeCycleStage Stage { get; init; }

    /// <summary>Gets its region, if stated.</summary>
    public string? Region { get; init; }

    /// <summary>Gets its tags, sorted.</summary>
    public ImmutableArray<Tag> Tags { get; init; } = [];

    /// <summary>Gets a value indicating whether its own data are primary (site-measured).</summary>
    public bool IsPrimaryData { get; init; }

    /// <summary>Gets a value indicating whether the rule set's boundary includes it.</summary>
    public bool IsIncluded { get; init; } = true;

    /// <summary>Gets how many runs the demand needs: the sum over its outputs of runs × allocation share.</summary>
    public double Runs { get; init; }

    /// <summary>Gets its outputs, one per matrix column.</summary>
    public ImmutableArray<InventoryOutput> Outputs { get; init; } = [];

    /// <summary>Gets its direct emissions and removals, in canonical order (gas, kind).</summary>
    public ImmutableArray<InventoryEmission> Emissions { get; init; } = [];

    /// <summary>Gets its uses of background factors (inputs and displaced factor supplies), in the order of its inputs.</summary>
    public ImmutableArray<InventoryFactorUse> FactorUses { get; init; } = [];

    /// <summary>Gets the products it takes from other processes of the system, in the order of its inputs.</summary>
    public ImmutableArray<InventoryLink> Links { get; init; } = [];

    /// <summary>Gets its co-products displacing products of other processes (system expansion).</summary>
    public ImmutableArray<InventoryCredit> Credits { get; init; } = [];

    /// <summary>Gets the kg CO2e of its direct exchanges for the demand (zero outside the boundary).</summary>
    public double DirectCo2e => IsIncluded ? Emissions.Sum(e => e.Co2e) : 0;

    /// <summary>Gets the kg CO2e of the factors it uses for the demand (zero outside the boundary).</summary>
    public double BackgroundCo2e => IsIncluded ? FactorUses.Sum(u => u.Co2e) : 0;

    /// <summary>Gets a value indicating whether the process carries a tag.</summary>
    /// <param name="tag">The tag.</param>
    /// <returns><see langword="true"/> when <see cref="Tags"/> holds it.</returns>
    public bool HasTag(Tag tag) => Tags.BinarySearch(tag) >= 0;

    /// <inheritdoc/>
    public bool Equals(InventoryProcess? other) =>
        other is not null && Id == other.Id && Name == other.Name && Stage == other.Stage && Region == other.Region
        && IsPrimaryData == other.IsPrimaryData && IsIncluded == other.IsIncluded && Runs.Equals(other.Runs)
        && Tags.SequenceEqual(other.Tags) && Outputs.SequenceEqual(other.Outputs) && Emissions.SequenceEqual(other.Emissions)
        && FactorUses.SequenceEqual(other.FactorUses) && Links.SequenceEqual(other.Links) && Credits.SequenceEqual(other.Credits);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Id, Runs);
}
