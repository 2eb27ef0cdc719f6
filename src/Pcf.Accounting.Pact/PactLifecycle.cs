using System.Collections.Immutable;

namespace Pcf.Accounting.Pact;

/// <summary>The PACT 3.0 footprint life cycle: footprints are never changed in place; a change is a new footprint that supersedes the old one.</summary>
/// <threadsafety>Thread-safe.</threadsafety>
public static class PactLifecycle
{
    /// <summary>Applies the update rule: the new footprint gets a new id (if it still has the old one), lists the old id and the old one's predecessors in <c>precedingPfIds</c>, and is active; the old one becomes deprecated.</summary>
    /// <param name="previous">The footprint being replaced.</param>
    /// <param name="updated">The changed footprint (for example a new export of the same product).</param>
    /// <param name="newId">The id for the new footprint when it must change; <see langword="null"/> for a new random UUID.</param>
    /// <returns>Both footprints, updated.</returns>
    /// <example><code>
    /// PactUpdate update = PactLifecycle.Supersede(lastYear, PactExporter.ToV3(result, metadata).Value.Value);
    /// // update.Current.PrecedingPfIds contains lastYear.Id; update.Deprecated.Status == PfStatus.Deprecated
    /// </code></example>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="newId"/> is the previous footprint's id or empty.</exception>
    public static PactUpdate Supersede(V3.ProductFootprint previous, V3.ProductFootprint updated, Guid? newId = null)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(updated);
        if (newId is { } given && (given == previous.Id || given == Guid.Empty))
        {
            throw new ArgumentException("The new footprint needs an id other than the previous one's.", nameof(newId));
        }

        Guid id = newId ?? (updated.Id == previous.Id || updated.Id == Guid.Empty ? Guid.NewGuid() : updated.Id);
        ImmutableArray<Guid> preceding = [.. (updated.PrecedingPfIds ?? []).Concat(previous.PrecedingPfIds ?? []).Append(previous.Id).Where(p => p != id).Distinct()];
        return new(
            previous with { Status = PfStatus.Deprecated },
            updated with { Id = id, Status = PfStatus.Active, PrecedingPfIds = preceding });
    }
}
