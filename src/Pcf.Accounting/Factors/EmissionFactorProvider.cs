namespace Pcf.Accounting.Factors;

/// <summary>A base for providers: implement <see cref="FindAsync"/>; the batch form asks for each request in turn.</summary>
/// <remarks>Override <see cref="FindManyAsync"/> when the source answers a batch faster (one SQL query, one HTTP call).</remarks>
public abstract class EmissionFactorProvider : IEmissionFactorProvider
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="name">The provider's name, shown in results and errors.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    protected EmissionFactorProvider(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public abstract ValueTask<FactorLookup> FindAsync(FactorRequest request, CancellationToken cancellationToken = default);

    /// <inheritdoc/>
    public virtual async ValueTask<IReadOnlyList<FactorLookup>> FindManyAsync(IReadOnlyList<FactorRequest> requests, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var results = new FactorLookup[requests.Count];
        for (int i = 0; i < results.Length; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            results[i] = await FindAsync(requests[i], cancellationToken).ConfigureAwait(false);
        }

        return results;
    }

    /// <summary>Returns the name.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => Name;
}
