namespace Pcf.Accounting.Factors;

/// <summary>Anything that answers emission-factor requests: an in-memory table, a JSON or CSV file, a database, a supplier's PACT footprints, a remote API.</summary>
/// <remarks>
/// <para>A provider answers each request with a <see cref="FactorLookup"/>: its best <see cref="FactorMatch"/> (applying and
/// recording its own fallbacks: region, year, unit conversion), <see cref="FactorLookup.NotFound"/> when it has nothing for
/// the key, or <see cref="FactorLookup.WrongDimension"/> when the only factor it has is per a unit of another dimension (per kg
/// when kWh is asked for): a wrong dimension is an error, never a silent conversion. Failures of the source itself (a database
/// down) are exceptions; the resolver reports them by the provider's name.</para>
/// <para>Providers compose in priority order (<see cref="CompositeFactorProvider"/>, <see cref="FactorResolver"/>).
/// Derive from <see cref="EmissionFactorProvider"/> to get a batch implementation for free.</para>
/// </remarks>
public interface IEmissionFactorProvider
{
    /// <summary>Gets the provider's name, shown in results and errors (such as <c>company-primary</c> or <c>Pcf.Accounting.Data</c>).</summary>
    string Name { get; }

    /// <summary>Finds the factor for one request.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the search.</param>
    /// <returns>The answer: found, not found, or of the wrong dimension.</returns>
    ValueTask<FactorLookup> FindAsync(FactorRequest request, CancellationToken cancellationToken = default);

    /// <summary>Finds the factors for many requests at once.</summary>
    /// <param name="requests">The requests.</param>
    /// <param name="cancellationToken">Cancels the search.</param>
    /// <returns>One answer per request, in the same order.</returns>
    ValueTask<IReadOnlyList<FactorLookup>> FindManyAsync(IReadOnlyList<FactorRequest> requests, CancellationToken cancellationToken = default);
}
