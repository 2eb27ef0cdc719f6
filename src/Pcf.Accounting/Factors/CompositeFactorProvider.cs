using System.Collections.Immutable;
using Pcf.Accounting.Units;

namespace Pcf.Accounting.Factors;

/// <summary>Asks providers in priority order (company primary data, supplier footprints, a national database, global defaults); the first that answers wins, and the match names it.</summary>
/// <remarks>
/// <para>Priority is by provider: each provider applies its own fallbacks, so a higher-priority provider's answer
/// with a fallback beats a lower one's exact answer. A failing member raises <see cref="FactorProviderException"/>
/// naming it; a wrong dimension (<see cref="FactorLookupStatus.WrongDimension"/>) is an answer, not skipped over.</para>
/// </remarks>
/// <threadsafety>Thread-safe when its members are.</threadsafety>
public sealed class CompositeFactorProvider : EmissionFactorProvider
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="providers">The providers, highest priority first.</param>
    /// <param name="name">The composite's own name.</param>
    public CompositeFactorProvider(IEnumerable<IEmissionFactorProvider> providers, string name = "composite")
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(providers);
        Providers = [.. providers];
    }

    /// <summary>Gets the providers, highest priority first.</summary>
    public ImmutableArray<IEmissionFactorProvider> Providers { get; }

    /// <inheritdoc/>
    /// <exception cref="FactorProviderException">A member failed.</exception>
    public override async ValueTask<FactorLookup> FindAsync(FactorRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var results = await FindManyAsync([request], cancellationToken).ConfigureAwait(false);
        return results[0];
    }

    /// <inheritdoc/>
    /// <exception cref="FactorProviderException">A member failed.</exception>
    public override async ValueTask<IReadOnlyList<FactorLookup>> FindManyAsync(IReadOnlyList<FactorRequest> requests, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var results = new FactorLookup[requests.Count];
        var pending = Enumerable.Range(0, requests.Count).ToList();
        foreach (var provider in Providers)
        {
            if (pending.Count == 0)
            {
                break;
            }

            var batch = pending.Select(i => requests[i]).ToArray();
            var answers = await CallAsync(provider, batch, cancellationToken).ConfigureAwait(false);
            var still = new List<int>();
            for (int j = 0; j < batch.Length; j++)
            {
                if (answers[j].Status != FactorLookupStatus.NotFound)
                {
                    results[pending[j]] = answers[j];
                }
                else
                {
                    still.Add(pending[j]);
                }
            }

            pending = still;
        }

        return results;
    }

    internal static async ValueTask<IReadOnlyList<FactorLookup>> CallAsync(IEmissionFactorProvider provider, IReadOnlyList<FactorRequest> batch, CancellationToken cancellationToken)
    {
        IReadOnlyList<FactorLookup> answers;
        try
        {
            answers = await provider.FindManyAsync(batch, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not FactorProviderException
            && !(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            throw new FactorProviderException(provider.Name, ex.Message, ex);
        }

        return answers is null || answers.Count != batch.Count
            ? throw new FactorProviderException(provider.Name, $"it returned {answers?.Count ?? 0} answers for {batch.Count} requests.")
            : answers;
    }
}
