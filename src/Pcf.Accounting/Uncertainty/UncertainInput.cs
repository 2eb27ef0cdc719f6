using Pcf.Accounting.Factors;
using Pcf.Accounting.Model;

namespace Pcf.Accounting.Uncertainty;

/// <summary>An input a Monte Carlo run draws: one random number per iteration, shared by every place the input is used.</summary>
/// <param name="Key">A stable key naming the input, such as <c>factor|electricity/grid|CN|2023|kWh|dataset|version</c> or
/// <c>process|moulding|input|power|factor electricity/grid (CN, 2023)|0</c>; the same key gets the same draws in every run with the same seed
/// (which makes comparisons use common random numbers).</param>
/// <param name="Label">A readable name.</param>
/// <param name="Kind">What it is.</param>
/// <param name="Distribution">The distribution drawn (relative to the amount).</param>
/// <param name="FromPedigree">Whether the distribution was widened from data-quality scores by the pedigree matrix.</param>
/// <threadsafety>Immutable.</threadsafety>
public sealed record UncertainInput(string Key, string Label, UncertainInputKind Kind, UncertaintyDistribution Distribution, bool FromPedigree);
