using Pcf.Accounting.Engine;
using Pcf.Accounting.Factors;
using Pcf.Accounting.Model;
using Pcf.Accounting.Results;
using Pcf.Accounting.Uncertainty;

namespace Pcf.Accounting.Sampling;

/// <summary>One side of a Monte Carlo comparison: a compiled system, its resolved factors and the demand to sample.</summary>
/// <param name="System">The compiled system.</param>
/// <param name="Factors">Its resolved factors (<see cref="CompiledSystem.FactorRequests"/>).</param>
/// <param name="Demand">What to calculate; <see langword="null"/> for one declared unit of the reference product.</param>
/// <threadsafety>Immutable.</threadsafety>
public sealed record MonteCarloInput(CompiledSystem System, FactorResolution Factors, Demand? Demand = null);
