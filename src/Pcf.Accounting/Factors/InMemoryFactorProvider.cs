namespace Pcf.Accounting.Factors;

/// <summary>A provider over factors held in memory, with the fallbacks of a <see cref="FallbackPolicy"/>.</summary>
/// <example><code>
/// var primary = new InMemoryFactorProvider("company-primary", [myFactor]);
/// FactorLookup found = await primary.FindAsync(new FactorRequest("steel/hot-rolled-coil", "CN-JS", 2024, Unit.Tonne));
/// </code></example>
/// <threadsafety>Immutable and thread-safe.</threadsafety>
public sealed class InMemoryFactorProvider : EmissionFactorProvider
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="name">The provider's name.</param>
    /// <param name="factors">The factors.</param>
    /// <param name="policy">The fallbacks allowed; <see langword="null"/> for <see cref="FallbackPolicy.Default"/>.</param>
    public InMemoryFactorProvider(string name, IEnumerable<EmissionFactor> factors, FallbackPolicy? policy = null)
        : this(name, new FactorCatalog(factors), policy)
    {
    }

    /// <summary>Initializes a new instance over a catalog.</summary>
    /// <param name="name">The provider's name.</param>
    /// <param name="catalog">The factors.</param>
    /// <param name="policy">The fallbacks allowed; <see langword="null"/> for <see cref="FallbackPolicy.Default"/>.</param>
    public InMemoryFactorProvider(string name, FactorCatalog catalog, FallbackPolicy? policy = null)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        Catalog = catalog;
        Policy = policy ?? FallbackPolicy.Default;
    }

    /// <summary>Gets the factors.</summary>
    public FactorCatalog Catalog { get; }

    /// <summary>Gets the fallbacks allowed.</summary>
    public FallbackPolicy Policy { get; }

    /// <inheritdoc/>
    public override ValueTask<FactorLookup> FindAsync(FactorRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Catalog.Find(request, Name, Policy));
    }

    /// <inheritdoc/>
    public override ValueTask<IReadOnlyList<FactorLookup>> FindManyAsync(IReadOnlyList<FactorRequest> requests, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var results = new FactorLookup[requests.Count];
        var batch = new FactorCatalog.Batch();
        for (int i = 0; i < results.Length; i++)
        {
            if ((i & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var request = requests[i];
            ArgumentNullException.ThrowIfNull(request, nameof(requests));
            results[i] = Catalog.Find(request, Name, Policy, batch);
        }

        return ValueTask.FromResult<IReadOnlyList<FactorLookup>>(results);
    }
}
