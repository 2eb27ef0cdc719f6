using Pcf.Accounting.Gases;
using Pcf.Accounting.Units;

namespace Pcf.Accounting.Results;

/// <summary>One greenhouse gas of a result: its net mass and its CO2e per declared unit.</summary>
/// <param name="Gas">The gas; <see langword="null"/> for factors given only as CO2e (not split by gas).</param>
/// <param name="Mass">The net mass of the gas (removals negative); zero for the CO2e-only line.</param>
/// <param name="Co2e">The net CO2e.</param>
/// <threadsafety>Immutable.</threadsafety>
public sealed record GasContribution(GreenhouseGas? Gas, Quantity Mass, Quantity Co2e);
