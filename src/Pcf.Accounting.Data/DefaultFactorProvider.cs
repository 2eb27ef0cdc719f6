using System.Collections.Frozen;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using Pcf.Accounting.Factors;

namespace Pcf.Accounting.Data;

/// <summary>The provider over the embedded datasets: it reads a dataset only when a request could use it.</summary>
/// <remarks>
/// <para>A small manifest (generated with the data) lists each dataset's keys and regions. For a request, the provider
/// walks the region chain of its <see cref="Policy"/> and reads only the datasets that hold the requested key in a region
/// of that chain: a calculation on Chinese grid electricity never reads the US eGRID subregions or the spend factors.
/// The answer is the one a single catalog of every dataset would give, fallbacks included.</para>
/// <para>Its default policy (<see cref="DefaultFactors.Policy"/>) walks <see cref="RegionHierarchy.World"/> with the
/// proxy regions <c>GB</c> and <c>US</c> after <c>GLO</c>: the UK government's fuel and material factors and the US
/// spend factors stand in for any country that has none of its own, always recorded as a region fallback (the UK grid
/// factors never stand in for another country's grid). Proxies are
/// tried only when no region of the chain up to <c>GLO</c> has a factor in any year allowed: a Chinese request for 2025
/// takes China's 2023 factor before the UK's 2025 one.</para>
/// </remarks>
/// <threadsafety>Thread-safe; each dataset is read at most once per provider.</threadsafety>
public sealed class DefaultFactorProvider : EmissionFactorProvider
{
    private readonly ImmutableArray<DatasetEntry> _datasets;
    private readonly ConcurrentDictionary<string, FactorCatalog> _combined = new(StringComparer.Ordinal);
    private readonly FallbackPolicy? _nearPolicy;

    internal DefaultFactorProvider(string name, FallbackPolicy policy, ImmutableArray<DatasetEntry> datasets)
        : base(name)
    {
        Policy = policy;
        _nearPolicy = policy.Regions.Proxies.IsEmpty ? null : policy with { Regions = policy.Regions.WithProxies([]) };
        _datasets = datasets;
    }

    /// <summary>Gets the fallbacks allowed.</summary>
    public FallbackPolicy Policy { get; }

    /// <summary>Gets the names of the datasets read so far.</summary>
    public IReadOnlyList<string> LoadedDatasets => [.. _datasets.Where(d => d.IsLoaded).Select(d => d.Name)];

    /// <inheritdoc/>
    public override ValueTask<FactorLookup> FindAsync(FactorRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Find(request));
    }

    /// <inheritdoc/>
    public override ValueTask<IReadOnlyList<FactorLookup>> FindManyAsync(IReadOnlyList<FactorRequest> requests, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var results = new FactorLookup[requests.Count];
        for (int i = 0; i < results.Length; i++)
        {
            if ((i & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            ArgumentNullException.ThrowIfNull(requests[i], nameof(requests));
            results[i] = Find(requests[i]);
        }

        return ValueTask.FromResult<IReadOnlyList<FactorLookup>>(results);
    }

    // The regions up to GLO first, in every year allowed; only then the proxies.
    // Only the datasets meant to stand in for other countries (fuels, materials, spend) serve as proxies: the UK grid is
    // no proxy for another country's grid.
    private FactorLookup Find(FactorRequest request)
    {
        if (_nearPolicy is null)
        {
            return Find(request, Policy, proxies: false);
        }

        var near = Find(request, _nearPolicy, proxies: false);
        return near.Status == FactorLookupStatus.NotFound ? Find(request, Policy, proxies: true) : near;
    }

    private FactorLookup Find(FactorRequest request, FallbackPolicy policy, bool proxies)
    {
        var chain = policy.Regions.Chain(request.Region, policy.FallBackToGlobal);
        List<DatasetEntry>? needed = null;
        foreach (var dataset in _datasets)
        {
            if ((!proxies || dataset.ServesAsProxy) && dataset.Keys.Contains(request.Key) && chain.Any(dataset.Regions.Contains))
            {
                (needed ??= []).Add(dataset);
            }
        }

        if (needed is null)
        {
            return FactorLookup.NotFound;
        }

        // One dataset: its own catalog. Several (China's and Ember's electricity/grid): one catalog of them, kept for the
        // next request of the same combination, so the policy picks across datasets exactly as it would in one catalog.
        var catalog = needed.Count == 1
            ? needed[0].Catalog
            : _combined.GetOrAdd(string.Join('|', needed.Select(d => d.Name)), _ => new FactorCatalog(needed.SelectMany(d => d.Catalog.Factors)));
        return catalog.Find(request, Name, policy);
    }
}

/// <summary>One embedded dataset: its manifest entry and, once read, its factors.</summary>
internal sealed class DatasetEntry(string name, IEnumerable<string> keys, IEnumerable<string> regions, bool servesAsProxy, Func<string, FactorCatalog> read)
{
    private readonly Lazy<FactorCatalog> _catalog = new(() => read(name));

    public string Name { get; } = name;

    /// <summary>Gets a value indicating whether the dataset's factors may stand in for other countries (found through a proxy region).</summary>
    public bool ServesAsProxy { get; } = servesAsProxy;

    public FrozenStringSet Keys { get; } = new(keys);

    public FrozenStringSet Regions { get; } = new(regions);

    public bool IsLoaded => _catalog.IsValueCreated;

    public FactorCatalog Catalog => _catalog.Value;

    /// <summary>Creates an entry that reads the same data afresh (a provider of its own, not sharing what another one read).</summary>
    public DatasetEntry Fresh() => new(Name, Keys.Items, Regions.Items, ServesAsProxy, read);
}

/// <summary>A set of strings compared ignoring case, as keys and regions are.</summary>
internal sealed class FrozenStringSet(IEnumerable<string> items)
{
    private readonly FrozenSet<string> _set = items.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public IEnumerable<string> Items => _set;

    public bool Contains(string item) => _set.Contains(item);
}
