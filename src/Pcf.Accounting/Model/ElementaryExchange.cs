using Pcf.Accounting.Gases;
using Pcf.Accounting.Units;

namespace Pcf.Accounting.Model;

/// <summary>A direct emission or removal of a greenhouse gas by a process, per run.</summary>
/// <remarks>The amount is a positive mass of the gas; <see cref="Kind"/> says whether it is an
/// emission or a removal and which separately reported quantity it belongs to.</remarks>
/// <param name="Gas">The greenhouse gas.</param>
/// <param name="Amount">The mass of gas per run; zero or positive.</param>
/// <param name="Kind">Emission, uptake, land-use change, land management, removal or capture.</param>
/// <threadsafety>Immutable.</threadsafety>
public sealed record ElementaryExchange(GreenhouseGas Gas, Quantity Amount, ElementaryExchangeKind Kind = ElementaryExchangeKind.Emission)
{
    /// <summary>Gets how <see cref="Amount"/> was derived, if it was (its result equals the amount; checked when the system is built).</summary>
    public Derivation? Derivation { get; init; }

    /// <summary>Gets the uncertainty of <see cref="Amount"/>, if stated (relative to it; sampled by a Monte Carlo run).</summary>
    public Model.UncertaintyDistribution? Uncertainty { get; init; }

    /// <summary>Gets a value indicating whether the exchange takes the gas out of the atmosphere (its CO2e counts negative).</summary>
    public bool IsRemoval => Kind is ElementaryExchangeKind.BiogenicUptake or ElementaryExchangeKind.LandManagementRemoval
        or ElementaryExchangeKind.TechnologicalRemoval or ElementaryExchangeKind.CcsCapture;
}
