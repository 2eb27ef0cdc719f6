using System.Collections.Frozen;
using System.Collections.Immutable;
using Pcf.Accounting.Gases;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Factors;

/// <summary>The factors of one calculation: every distinct request resolved, in one GWP set.</summary>
/// <remarks>Made once per calculation by <see cref="FactorResolver.ResolveAsync"/>; it is the calculation's factor cache.</remarks>
/// <threadsafety>Immutable and thread-safe.</threadsafety>
public sealed class FactorResolution
{
    internal FactorResolution(GwpSet gwpSet, FrozenDictionary<FactorRequest, ResolvedFactor> factors, ImmutableArray<ValidationProblem> warnings)
    {
        GwpSet = gwpSet;
        Factors = factors;
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
