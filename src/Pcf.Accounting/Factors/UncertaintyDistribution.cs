namespace Pcf.Accounting.Factors;

/// <summary>The uncertainty of a factor's amounts, relative to them (the same distribution applies to every component).</summary>
/// <remarks>Parameters are relative: a normal distribution with <see cref="Spread"/> 0.1 has a standard deviation of
/// 10 % of the amount; a lognormal one's <see cref="Spread"/> is the geometric standard deviation (≥ 1); triangular
/// and uniform ones span <see cref="Minimum"/> × amount to <see cref="Maximum"/> × amount.</remarks>
/// <threadsafety>Immutable.</threadsafety>
public sealed record UncertaintyDistribution
{
    private UncertaintyDistribution(UncertaintyDistributionKind kind, double spread, double minimum, double maximum)
    {
        Kind = kind;
        Spread = spread;
        Minimum = minimum;
        Maximum = maximum;
    }

    /// <summary>Gets the shape.</summary>
    public UncertaintyDistributionKind Kind { get; }

    /// <summary>Gets the relative standard deviation (normal) or geometric standard deviation (lognormal); 0 otherwise.</summary>
    public double Spread { get; }

    /// <summary>Gets the relative minimum (triangular, uniform); 0 otherwise.</summary>
    public double Minimum { get; }

    /// <summary>Gets the relative maximum (triangular, uniform); 0 otherwise.</summary>
    public double Maximum { get; }

    /// <summary>Creates a normal distribution.</summary>
    /// <param name="relativeStandardDeviation">The standard deviation as a fraction of the amount; positive.</param>
    /// <returns>The distribution.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The deviation is not positive and finite.</exception>
    public static UncertaintyDistribution Normal(double relativeStandardDeviation) =>
        double.IsFinite(relativeStandardDeviation) && relativeStandardDeviation > 0
            ? new(UncertaintyDistributionKind.Normal, relativeStandardDeviation, 0, 0)
            : throw new ArgumentOutOfRangeException(nameof(relativeStandardDeviation), relativeStandardDeviation, "Must be positive and finite.");

    /// <summary>Creates a lognormal distribution.</summary>
    /// <param name="geometricStandardDeviation">The geometric standard deviation; at least 1.</param>
    /// <returns>The distribution.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The deviation is below 1 or not finite.</exception>
    public static UncertaintyDistribution Lognormal(double geometricStandardDeviation) =>
        double.IsFinite(geometricStandardDeviation) && geometricStandardDeviation >= 1
            ? new(UncertaintyDistributionKind.Lognormal, geometricStandardDeviation, 0, 0)
            : throw new ArgumentOutOfRangeException(nameof(geometricStandardDeviation), geometricStandardDeviation, "Must be at least 1 and finite.");

    /// <summary>Creates a triangular distribution with the amount as mode.</summary>
    /// <param name="minimum">The relative minimum, at most 1.</param>
    /// <param name="maximum">The relative maximum, at least 1.</param>
    /// <returns>The distribution.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The bounds do not enclose 1.</exception>
    public static UncertaintyDistribution Triangular(double minimum, double maximum) => Bounded(UncertaintyDistributionKind.Triangular, minimum, maximum);

    /// <summary>Creates a uniform distribution.</summary>
    /// <param name="minimum">The relative minimum, at most 1.</param>
    /// <param name="maximum">The relative maximum, at least 1.</param>
    /// <returns>The distribution.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The bounds do not enclose 1.</exception>
    public static UncertaintyDistribution Uniform(double minimum, double maximum) => Bounded(UncertaintyDistributionKind.Uniform, minimum, maximum);

    private static UncertaintyDistribution Bounded(UncertaintyDistributionKind kind, double minimum, double maximum) =>
        double.IsFinite(minimum) && double.IsFinite(maximum) && minimum >= 0 && minimum <= 1 && maximum >= 1
            ? new(kind, 0, minimum, maximum)
            : throw new ArgumentOutOfRangeException(nameof(minimum), $"The relative bounds must satisfy 0 <= minimum <= 1 <= maximum; they are {minimum} and {maximum}.");
}
