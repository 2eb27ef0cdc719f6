using System.Collections.Immutable;
using System.Collections.ObjectModel;
using Pcf.Accounting.Gases;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Factors;

/// <summary>The factors of one calculation: every distinct request resolved, in one GWP set.</summary>
/// <remarks>Made once per calculation by <see cref="FactorResolver.ResolveAsync"/>; it is the calculation's factor cache.</remarks>
/// <threadsafety>Immutable and thread-safe.</threadsafety>
public sealed class FactorResolution
{
    // Implementation note: a read-only view of a plain dictionary, not a FrozenDictionary: the table is built once per
    // calculation and read about once per request, so freezing 100,000 entries cost more than it saved.
    internal FactorResolution(GwpSet gwpSet, Dictionary<FactorRequest, ResolvedFactor> factors, ImmutableArray<ValidationProblem> warnings)
    {
        GwpSet = gwpSet;
        Factors = new ReadOnlyDictionary<FactorRequest, ResolvedFactor>(factors);
        Warnings = warnings;
    }

    /// <summary>Gets the GWP set the factors were characterized with.</summary>
    public GwpSet GwpSet { get; }

    /// <summary>Gets the resolved factor of every distinct request.</summary>
    public IReadOnlyDictionary<FactorRequest, ResolvedFactor> Factors { get; }

    /// <summary>Gets every warning of every factor (such as <c>PCF0404</c>), in request order.</summary>
    public ImmutableArray<ValidationProblem> Warnings { get; }

    /// <summary>Gets the resolved factor of a request.</summary>
    /// <param name="request">A request that was resolved.</param>
    /// <returns>Its factor.</returns>
    /// <exception cref="KeyNotFoundException">The request was not part of the resolution.</exception>
    public ResolvedFactor this[FactorRequest request] => Factors[request];
}
