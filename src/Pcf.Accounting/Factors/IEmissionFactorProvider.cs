namespace Pcf.Accounting.Factors;

/// <summary>Anything that answers emission-factor requests: an in-memory table, a JSON or CSV file, a database, a supplier's PACT footprints, a remote API.</summary>
/// <remarks>
/// <para>A provider answers each request with its best <see cref="FactorMatch"/> (applying and recording its own
/// fallbacks: region, year, unit conversion) or <see langword="null"/> when it has nothing for the key.
/// When the only factor it has is per a unit of another dimension (per kg when kWh is asked for), it throws
/// <see cref="Units.IncompatibleUnitsException"/>: a wrong dimension is an error, never a silent conversion.</para>
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
    /// <returns>The match, or <see langword="null"/> when the provider has no factor for the request.</returns>
    /// <exception cref="Units.IncompatibleUnitsException">The provider's factor is per a unit of another dimension than the one asked for.</exception>
    ValueTask<FactorMatch?> FindAsync(FactorRequest request, CancellationToken cancellationToken = default);

    /// <summary>Finds the factors for many requests at once.</summary>
    /// <param name="requests">The requests.</param>
    /// <param name="cancellationToken">Cancels the search.</param>
    /// <returns>One entry per request, in the same order: the match or <see langword="null"/>.</returns>
    /// <exception cref="Units.IncompatibleUnitsException">A factor found is per a unit of another dimension than the one asked for.</exception>
    ValueTask<IReadOnlyList<FactorMatch?>> FindManyAsync(IReadOnlyList<FactorRequest> requests, CancellationToken cancellationToken = default);
}
