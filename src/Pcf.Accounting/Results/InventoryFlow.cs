using System.Collections.Immutable;
using Pcf.Accounting.Model;
using Pcf.Accounting.Units;

namespace Pcf.Accounting.Results;

/// <summary>A flow of the system, as the inventory names it: its id, name, reference unit and tags.</summary>
/// <param name="Id">The flow's id.</param>
/// <param name="Name">Its name.</param>
/// <param name="ReferenceUnit">The unit the inventory accounts it in.</param>
/// <param name="Tags">Its tags.</param>
/// <threadsafety>Immutable.</threadsafety>
public sealed record InventoryFlow(FlowId Id, string Name, Unit ReferenceUnit, ImmutableArray<Tag> Tags)
{
    /// <inheritdoc/>
    public bool Equals(InventoryFlow? other) =>
        other is not null && Id == other.Id && Name == other.Name && ReferenceUnit == other.ReferenceUnit && Tags.SequenceEqual(other.Tags);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Id, Name);
}
