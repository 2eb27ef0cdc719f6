using Pcf.Accounting.Model;
using Pcf.Accounting.Uncertainty;

namespace Pcf.Accounting.Sampling;

/// <summary>Two products or scenarios sampled with common random numbers: every input they share (the same factor, the same
/// process exchange) gets the same draw in the same iteration, so that the comparison sees their difference, not the noise of
/// two independent runs.</summary>
/// <param name="A">The statistics of the first.</param>
/// <param name="B">The statistics of the second.</param>
/// <param name="Difference">The statistics of A − B, iteration by iteration (of the totals excluding biogenic uptake).</param>
/// <param name="ProbabilityALessThanB">The share of iterations in which A's total is below B's (a tie counts one half).</param>
/// <threadsafety>Immutable.</threadsafety>
public sealed record MonteCarloComparison(UncertaintyStatistics A, UncertaintyStatistics B, QuantityStatistics Difference, double ProbabilityALessThanB);
