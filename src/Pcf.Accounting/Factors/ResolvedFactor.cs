using System.Collections.Immutable;
using Pcf.Accounting.Gases;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Factors;

/// <summary>A request's factor ready for the calculation: components per requested unit and the CO2e per requested unit in the calculation's GWP set.</summary>
/// <remarks>
/// <para>Per-gas components are characterized with <see cref="GwpSet"/> (re-characterized when the factor was
/// published with another set: <see cref="IsRecharacterized"/>). CO2e components are used as published; when their
/// basis differs from <see cref="GwpSet"/> a <c>PCF0404</c> warning says so.</para>
/// <para><see cref="Co2ePerRequestedUnit"/> is net: removals and captures subtract (<see cref="FactorComponent.Sign"/>).</para>
/// </remarks>
/// <threadsafety>Immutable.</threadsafety>
public sealed record ResolvedFactor
{
    internal ResolvedFactor(FactorRequest request, FactorMatch match, GwpSet gwpSet, ImmutableArray<FactorComponent> components, double co2e, bool recharacterized, ImmutableArray<ValidationProblem> warnings)
    {
        Request = request;
        Match = match;
        GwpSet = gwpSet;
        Components = components;
        Co2ePerRequestedUnit = co2e;
        IsRecharacterized = recharacterized;
        Warnings = warnings;
    }

    /// <summary>Gets the request.</summary>
    public FactorRequest Request { get; }

    /// <summary>Gets the provider's match: the factor with its provenance, the provider's name, the fallbacks and data quality.</summary>
    public FactorMatch Match { get; }

    /// <summary>Gets the factor used.</summary>
    public EmissionFactor Factor => Match.Factor;

    /// <summary>Gets what the factor covers (life cycle or combustion only), as recorded in its provenance.</summary>
    public FactorKind Kind => Match.Factor.Provenance.Kind;

    /// <summary>Gets the GWP set of the calculation.</summary>
    public GwpSet GwpSet { get; }

    /// <summary>Gets the components, amounts per one requested unit (kg of gas, or kg CO2e).</summary>
    public ImmutableArray<FactorComponent> Components { get; }

    /// <summary>Gets the net kg CO2e per requested unit in <see cref="GwpSet"/>.</summary>
    public double Co2ePerRequestedUnit { get; }

    /// <summary>Gets a value indicating whether the factor was published in another GWP set and was re-characterized from its per-gas data.</summary>
    public bool IsRecharacterized { get; }

    /// <summary>Gets warnings about this factor (<c>PCF0404</c> when CO2e data could not be re-characterized).</summary>
    public ImmutableArray<ValidationProblem> Warnings { get; }
}
