using System.Collections.Immutable;
using Pcf.Accounting.Units;

namespace Pcf.Accounting.Model;

/// <summary>A product or waste flow of the technosphere, such as PET granulate (kg) or grid electricity (kWh).</summary>
/// <remarks>
/// Every amount of the flow in the system has a unit of <see cref="ReferenceUnit"/>'s dimension;
/// the engine converts them all to <see cref="ReferenceUnit"/>. When no process in the system
/// produces the flow, it is supplied by an emission factor looked up under <see cref="FactorKey"/>.
/// </remarks>
/// <param name="Id">The identifier, unique in the system.</param>
/// <param name="Name">A readable name.</param>
/// <param name="ReferenceUnit">The unit in which the engine accounts the flow.</param>
/// <param name="Kind">Product or waste.</param>
/// <param name="FactorKey">The key under which a background emission factor is requested; <see langword="null"/> means <see cref="Id"/>.</param>
/// <threadsafety>Immutable.</threadsafety>
public sealed record Flow(FlowId Id, string Name, Unit ReferenceUnit, FlowKind Kind = FlowKind.Product, string? FactorKey = null)
{
    private readonly ImmutableArray<Tag> _tags = [];

    /// <summary>Gets the flow's tags, sorted and distinct, such as <c>cbam:good</c> or <c>cn:2523</c>.</summary>
    public ImmutableArray<Tag> Tags
    {
        get => _tags;
        init => _tags = Tag.Canonical(value.IsDefault ? [] : value);
    }

    /// <summary>Gets the dimension of the flow's amounts.</summary>
    public Dimension Dimension => ReferenceUnit.Dimension;

    /// <summary>Gets the key under which a background emission factor is requested: <see cref="FactorKey"/>, else the id.</summary>
    public string EffectiveFactorKey => FactorKey ?? Id.Value;

    /// <inheritdoc/>
    public bool Equals(Flow? other) =>
        other is not null && Id == other.Id && Name == other.Name && Equals(ReferenceUnit, other.ReferenceUnit) && Kind == other.Kind
        && FactorKey == other.FactorKey && Tags.SequenceEqual(other.Tags);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Id, Name, ReferenceUnit, Kind, FactorKey);
}
