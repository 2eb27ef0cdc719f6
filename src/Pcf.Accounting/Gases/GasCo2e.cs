using Pcf.Accounting.Units;

namespace Pcf.Accounting.Gases;

/// <summary>One gas of a characterized inventory: its mass, its GWP and the resulting CO2e.</summary>
/// <param name="Gas">The gas.</param>
/// <param name="Mass">The mass of gas.</param>
/// <param name="Factor">The characterization factor, kg CO2e per kg.</param>
/// <param name="Co2e">Mass × factor, in kg CO2e.</param>
/// <threadsafety>Immutable.</threadsafety>
public sealed record GasCo2e(GreenhouseGas Gas, Quantity Mass, double Factor, Quantity Co2e);
