using System.Collections.Immutable;
using Pcf.Accounting.Factors;
using Pcf.Accounting.Model;
using Pcf.Accounting.Results;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Engine;

/// <summary>Tells whether a stored result is stale: its product system changed (content hash), or the factors it used would
/// resolve differently today (factor-set hashes of the same requests, resolved again with today's providers).</summary>
/// <remarks>A result carries <see cref="SystemSummary.ContentHash"/> and <see cref="FootprintResult.FactorSets"/>; a store keeps
/// the result and asks this class, so a grid factor updated in a dataset marks every result that used it, and nothing else.</remarks>
/// <example><code>
/// var stale = (await FootprintStaleness.CheckFactorsAsync(stored, resolver)).ThrowIfInvalid();
/// if (!stale.IsEmpty) Console.WriteLine($"recalculate: {string.Join(", ", stale.Select(s => s.Name))} changed");
/// </code></example>
public static class FootprintStaleness
{
    /// <summary>Gets whether a system differs from the one a result was calculated from.</summary>
    /// <param name="result">The result.</param>
    /// <param name="system">The system as it is now.</param>
    /// <returns><see langword="true"/> when the content hashes differ.</returns>
    public static bool SystemChanged(FootprintResult result, ProductSystem system)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(system);
        return !string.Equals(result.System.ContentHash, system.ContentHash, StringComparison.Ordinal);
    }

    /// <summary>Resolves the requests of a result's factors again with today's providers and compares the factor-set hashes.</summary>
    /// <param name="result">The result (read back from a store, say).</param>
    /// <param name="resolver">Today's providers.</param>
    /// <param name="cancellationToken">Cancels the resolution.</param>
    /// <returns>The factor sets whose hash changed (empty when the result is current), or the problems of a resolution that failed
    /// (a request no provider answers any more is reported as a changed set with no current hash, not as a problem).</returns>
    public static async ValueTask<ValidationResult<ImmutableArray<StaleFactorSet>>> CheckFactorsAsync(FootprintResult result, FactorResolver resolver, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(resolver);
        var requests = result.Inventory.Factors.Select(f => f.Request).ToList();
        var resolution = await resolver.ResolveAsync(requests, result.GwpSet, cancellationToken).ConfigureAwait(false);
        var stale = ImmutableArray.CreateBuilder<StaleFactorSet>();
        if (!resolution.IsValid)
        {
            if (resolution.Problems.Any(p => p.Code is not (ProblemCodes.UnresolvedFactor or ProblemCodes.FactorWrongDimension)))
            {
                return ValidationResult.Failure<ImmutableArray<StaleFactorSet>>(resolution.Problems);
            }

            // Data that no longer answers a request: the sets of those requests changed.
            var gone = resolution.Problems.Select(p => p.Subject).OfType<FactorRequestSubject>().Select(s => s.Request).ToHashSet();
            foreach (var set in result.FactorSets.Where(set => result.Inventory.Factors.Any(f => gone.Contains(f.Request) && (f.Factor.Provenance.Dataset ?? f.ProviderName) == set.Name)))
            {
                stale.Add(new StaleFactorSet(set.Name, set.Hash, null));
            }

            return ValidationResult.Success(stale.ToImmutable());
        }

        var now = FactorSetHashes.Of(new FootprintInventory([], InventoryFactors.From(requests, resolution.Value), []));
        foreach (var set in result.FactorSets)
        {
            var current = now.FirstOrDefault(n => n.Name == set.Name);
            if (current is null || current.Hash != set.Hash)
            {
                stale.Add(new StaleFactorSet(set.Name, set.Hash, current?.Hash));
            }
        }

        // Requests now answered from another dataset: the old set is gone (above), the new one is listed too.
        foreach (var set in now.Where(n => result.FactorSets.All(s => s.Name != n.Name)))
        {
            stale.Add(new StaleFactorSet(set.Name, string.Empty, set.Hash));
        }

        return ValidationResult.Success(stale.ToImmutable());
    }
}
