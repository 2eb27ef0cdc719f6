using System.Collections.Immutable;

namespace Pcf.Accounting.Uncertainty;

/// <summary>What a Monte Carlo run found: how the total and each separately reported quantity are distributed, how far the run
/// converged, and which uncertain inputs matter most. A <see cref="Results.FootprintResult"/> carries it as <c>Uncertainty</c>,
/// and <c>pcf-result/1</c> as its <c>uncertainty</c> member.</summary>
/// <remarks>
/// <para>All values are kg CO2e for the result's demand, under its GWP set. <see cref="Quantities"/> has one line per quantity
/// of <see cref="QuantityNames"/>, in that order, the total excluding biogenic uptake first (<see cref="Total"/>).</para>
/// <para>The run is identified by <see cref="Seed"/>, <see cref="Iterations"/> and <see cref="Mode"/>: the same system, factors and
/// options reproduce it bit for bit, on any number of threads.</para>
/// </remarks>
/// <threadsafety>Immutable.</threadsafety>
public sealed record UncertaintyStatistics
{
    /// <summary>Gets the names of the quantities a run reports, as <c>pcf-result/1</c> names them: the two totals, then the
    /// separately reported quantities in the order of <c>reported</c>.</summary>
    public static ImmutableArray<string> QuantityNames { get; } =
    [
        "pcfExcludingBiogenicUptake", "pcfIncludingBiogenicUptake",
        "fossilGhgEmissions", "biogenicCo2Emissions", "biogenicCo2Uptake", "biogenicNonCo2Emissions", "landUseChangeEmissions",
        "landManagementFossilGhgEmissions", "landManagementBiogenicCo2Emissions", "landManagementBiogenicCo2Removals",
        "technologicalCo2Removals", "ccsTechnologicalCo2Capture", "aircraftEmissions", "packagingEmissions", "outboundLogisticsEmissions",
        "systemExpansionCredits",
    ];

    /// <summary>Gets the iterations run (fewer than <see cref="RequestedIterations"/> when the target was reached first).</summary>
    public required int Iterations { get; init; }

    /// <summary>Gets the iterations asked for.</summary>
    public required int RequestedIterations { get; init; }

    /// <summary>Gets the seed.</summary>
    public required long Seed { get; init; }

    /// <summary>Gets what was sampled: <see cref="MonteCarloMode.FixedScaling"/> or <see cref="MonteCarloMode.Technosphere"/> (never automatic).</summary>
    public required MonteCarloMode Mode { get; init; }

    /// <summary>Gets how many distinct uncertain inputs were drawn (a factor used by several processes counts once).</summary>
    public int UncertainInputCount { get; init; }

    /// <summary>Gets how many factors had their data-quality scores widened into a lognormal distribution by the pedigree matrix.</summary>
    public int PedigreeFactorCount { get; init; }

    /// <summary>Gets how many draws were redrawn because they made the technosphere singular or the result not finite.</summary>
    public int RedrawnCount { get; init; }

    /// <summary>Gets the distribution of each quantity, in the order of <see cref="QuantityNames"/>.</summary>
    public ImmutableArray<QuantityStatistics> Quantities
    {
        get;
        init => field = value.IsDefault ? [] : value;
    } = [];

    /// <summary>Gets a histogram of the total excluding biogenic uptake, from its smallest to its largest draw.</summary>
    public ImmutableArray<HistogramBin> Histogram
    {
        get;
        init => field = value.IsDefault ? [] : value;
    } = [];

    /// <summary>Gets the running mean of the total excluding biogenic uptake and its standard error at each checkpoint, the last at <see cref="Iterations"/>.</summary>
    public ImmutableArray<ConvergencePoint> Convergence
    {
        get;
        init => field = value.IsDefault ? [] : value;
    } = [];

    /// <summary>Gets the relative standard error the run was to stop at, if one was set.</summary>
    public double? TargetRelativeStandardError { get; init; }

    /// <summary>Gets the uncertain inputs that explain most of the variance of the total excluding biogenic uptake, largest ρ² first.</summary>
    /// <remarks>Candidates are chosen by a first-order estimate (the input's standard deviation times the total's derivative with
    /// respect to it, at the stated amounts); their draws are kept and ranked against the total. Shares are of the candidates' sum
    /// of ρ², which for an additive model of independent inputs is close to 1.</remarks>
    public ImmutableArray<VarianceContribution> Contributions
    {
        get;
        init => field = value.IsDefault ? [] : value;
    } = [];

    /// <summary>Gets notes on what the run held fixed or could not sample (such as product amounts held fixed in <see cref="MonteCarloMode.FixedScaling"/>).</summary>
    public ImmutableArray<string> Notes
    {
        get;
        init => field = value.IsDefault ? [] : value;
    } = [];

    /// <summary>Gets the statistics of the total excluding biogenic uptake (PACT's <c>pcfExcludingBiogenicUptake</c>).</summary>
    /// <exception cref="InvalidOperationException">The statistics hold no quantities.</exception>
    public QuantityStatistics Total => Quantities.IsEmpty ? throw new InvalidOperationException("The statistics hold no quantities.") : Quantities[0];

    /// <summary>Gets the relative standard error of the total's mean at the end of the run; <see langword="null"/> when the mean is zero.</summary>
    public double? RelativeStandardError => Convergence.IsEmpty ? null : Convergence[^1].RelativeStandardError;

    /// <summary>Finds the statistics of a quantity by its <c>pcf-result/1</c> name.</summary>
    /// <param name="quantity">The name, such as <c>fossilGhgEmissions</c>.</param>
    /// <returns>The statistics, or <see langword="null"/> when the run has none for it.</returns>
    public QuantityStatistics? Quantity(string quantity) => Quantities.FirstOrDefault(q => string.Equals(q.Quantity, quantity, StringComparison.Ordinal));

    /// <inheritdoc/>
    /// <remarks>Lists compare by value, in order.</remarks>
    public bool Equals(UncertaintyStatistics? other) =>
        other is not null && (ReferenceEquals(this, other)
            || (Iterations == other.Iterations && RequestedIterations == other.RequestedIterations && Seed == other.Seed && Mode == other.Mode
                && UncertainInputCount == other.UncertainInputCount && PedigreeFactorCount == other.PedigreeFactorCount && RedrawnCount == other.RedrawnCount
                && Quantities.SequenceEqual(other.Quantities) && Histogram.SequenceEqual(other.Histogram) && Convergence.SequenceEqual(other.Convergence)
                && Nullable.Equals(TargetRelativeStandardError, other.TargetRelativeStandardError) && Contributions.SequenceEqual(other.Contributions)
                && Notes.SequenceEqual(other.Notes)));

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Iterations, Seed, Mode, Quantities.IsEmpty ? 0 : Quantities[0].GetHashCode());
}
