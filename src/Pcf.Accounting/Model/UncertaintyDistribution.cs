using System.Globalization;
using Pcf.Accounting.Sampling;
using Pcf.Accounting.Uncertainty;

namespace Pcf.Accounting.Model;

/// <summary>The uncertainty of an amount, relative to it: a factor's components, a process's input, output or direct emission.</summary>
/// <remarks>
/// <para>Parameters are relative, so that one distribution describes an amount in any unit and a zero amount stays zero. A draw
/// is the amount times a multiplier drawn from the distribution:</para>
/// <list type="bullet">
/// <item><description><see cref="Normal"/>: the amount is the mean; <see cref="Spread"/> 0.1 is a standard deviation of 10 % of it.
/// A normal draw can be negative (below zero from about 3.3 standard deviations: at a relative standard deviation of 0.3, one
/// draw in 2,000); use a lognormal for amounts that cannot be.</description></item>
/// <item><description><see cref="Lognormal"/>: the amount is the geometric mean (the median), as in the ecoinvent database;
/// <see cref="Spread"/> is the geometric standard deviation (GSD, at least 1), and <see cref="GsdSquared"/> its square, the
/// factor that spans the central 95 % (amount ÷ GSD² to amount × GSD² holds 95.4 % of the draws).</description></item>
/// <item><description><see cref="Triangular"/>: mode at the amount, from <see cref="Minimum"/> × amount to <see cref="Maximum"/> × amount.</description></item>
/// <item><description><see cref="Uniform"/>: from <see cref="Minimum"/> × amount to <see cref="Maximum"/> × amount.</description></item>
/// <item><description><see cref="Fixed"/>: the amount is exact. A factor with data-quality scores and no distribution is widened
/// by the pedigree matrix (<see cref="Sampling.PedigreeMatrix"/>) in a Monte Carlo run; <see cref="Fixed"/> says it must not be.</description></item>
/// </list>
/// <para>Two distributions are equal when their kind and parameters are.</para>
/// </remarks>
/// <example><code>
/// var power = UncertaintyDistribution.LognormalFromGsdSquared(1.21);  // GSD 1.1: 95 % of draws within amount ÷ 1.21 .. × 1.21
/// double p975 = power.Quantile(0.975);                               // 1.1^1.959964 = 1.2054
/// </code></example>
/// <threadsafety>Immutable.</threadsafety>
public sealed record UncertaintyDistribution
{
    private UncertaintyDistribution(UncertaintyDistributionKind kind, double spread, double minimum, double maximum)
    {
        Kind = kind;
        Spread = spread;
        Minimum = minimum;
        Maximum = maximum;
        LogSpread = kind == UncertaintyDistributionKind.Lognormal ? Math.Log(spread) : 0;
    }

    /// <summary>Gets the distribution of an exact amount.</summary>
    public static UncertaintyDistribution Fixed { get; } = new(UncertaintyDistributionKind.Fixed, 0, 1, 1);

    /// <summary>Gets the shape.</summary>
    public UncertaintyDistributionKind Kind { get; }

    /// <summary>Gets the relative standard deviation (normal) or geometric standard deviation (lognormal); 0 otherwise.</summary>
    public double Spread { get; }

    /// <summary>Gets the relative minimum (triangular, uniform); 1 for a fixed amount, 0 otherwise.</summary>
    public double Minimum { get; }

    /// <summary>Gets the relative maximum (triangular, uniform); 1 for a fixed amount, 0 otherwise.</summary>
    public double Maximum { get; }

    /// <summary>Gets the square of the geometric standard deviation of a lognormal distribution (the ecoinvent "GSD²" or "SD95"); 0 otherwise.</summary>
    public double GsdSquared => Kind == UncertaintyDistributionKind.Lognormal ? Spread * Spread : 0;

    /// <summary>Gets the mean of the multiplier: 1 for normal, uniform and triangular distributions centred on 1, exp(σ²/2) for a lognormal one.</summary>
    public double RelativeMean => Kind switch
    {
        UncertaintyDistributionKind.Lognormal => Math.Exp(LogSpread * LogSpread / 2),
        UncertaintyDistributionKind.Uniform => (Minimum + Maximum) / 2,
        UncertaintyDistributionKind.Triangular => (Minimum + 1 + Maximum) / 3,
        _ => 1,
    };

    /// <summary>Gets the standard deviation of the multiplier (of a draw divided by the amount).</summary>
    public double RelativeStandardDeviation => Kind switch
    {
        UncertaintyDistributionKind.Normal => Spread,
        UncertaintyDistributionKind.Lognormal => Math.Sqrt((Math.Exp(LogSpread * LogSpread) - 1) * Math.Exp(LogSpread * LogSpread)),
        UncertaintyDistributionKind.Uniform => (Maximum - Minimum) / Math.Sqrt(12),
        UncertaintyDistributionKind.Triangular => Math.Sqrt(((Minimum * Minimum) + 1 + (Maximum * Maximum) - Minimum - Maximum - (Minimum * Maximum)) / 18),
        _ => 0,
    };

    /// <summary>Gets σ, the standard deviation of the logarithm of a lognormal multiplier (ln GSD); 0 otherwise.</summary>
    internal double LogSpread { get; }

    /// <summary>Creates a normal distribution.</summary>
    /// <param name="relativeStandardDeviation">The standard deviation as a fraction of the amount; positive.</param>
    /// <returns>The distribution.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The deviation is not positive and finite.</exception>
    public static UncertaintyDistribution Normal(double relativeStandardDeviation) =>
        double.IsFinite(relativeStandardDeviation) && relativeStandardDeviation > 0
            ? new(UncertaintyDistributionKind.Normal, relativeStandardDeviation, 0, 0)
            : throw new ArgumentOutOfRangeException(nameof(relativeStandardDeviation), relativeStandardDeviation, "Must be positive and finite.");

    /// <summary>Creates a lognormal distribution whose geometric mean is the amount.</summary>
    /// <param name="geometricStandardDeviation">The geometric standard deviation (GSD); at least 1.</param>
    /// <returns>The distribution.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The deviation is below 1 or not finite.</exception>
    public static UncertaintyDistribution Lognormal(double geometricStandardDeviation) =>
        double.IsFinite(geometricStandardDeviation) && geometricStandardDeviation >= 1
            ? new(UncertaintyDistributionKind.Lognormal, geometricStandardDeviation, 0, 0)
            : throw new ArgumentOutOfRangeException(nameof(geometricStandardDeviation), geometricStandardDeviation, "Must be at least 1 and finite.");

    /// <summary>Creates a lognormal distribution from the square of its geometric standard deviation (the ecoinvent "GSD²": the 95 % interval is amount ÷ GSD² to amount × GSD²).</summary>
    /// <param name="gsdSquared">The squared geometric standard deviation; at least 1.</param>
    /// <returns>The distribution, with <see cref="Spread"/> = √<paramref name="gsdSquared"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1 or not finite.</exception>
    public static UncertaintyDistribution LognormalFromGsdSquared(double gsdSquared) =>
        double.IsFinite(gsdSquared) && gsdSquared >= 1
            ? new(UncertaintyDistributionKind.Lognormal, Math.Sqrt(gsdSquared), 0, 0)
            : throw new ArgumentOutOfRangeException(nameof(gsdSquared), gsdSquared, "Must be at least 1 and finite.");

    /// <summary>Creates a lognormal distribution from σ, the standard deviation of the logarithm (σ² is the variance that the pedigree matrix adds up).</summary>
    /// <param name="sigma">σ = ln GSD; zero or positive.</param>
    /// <returns>The distribution.</returns>
    /// <exception cref="ArgumentOutOfRangeException">σ is negative or not finite.</exception>
    public static UncertaintyDistribution LognormalFromSigma(double sigma) =>
        double.IsFinite(sigma) && sigma >= 0 && double.IsFinite(Math.Exp(sigma))
            ? new(UncertaintyDistributionKind.Lognormal, Math.Exp(sigma), 0, 0)
            : throw new ArgumentOutOfRangeException(nameof(sigma), sigma, "Must be zero or positive and finite.");

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

    /// <summary>Gets the multiplier of the amount at a cumulative probability: the inverse of the distribution function.</summary>
    /// <param name="probability">The probability, strictly between 0 and 1.</param>
    /// <returns>The multiplier; 1 for a fixed amount.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The probability is not strictly between 0 and 1.</exception>
    public double Quantile(double probability) => probability is > 0 and < 1
        ? Sample(probability)
        : throw new ArgumentOutOfRangeException(nameof(probability), probability, "Must lie strictly between 0 and 1.");

    /// <summary>Describes the distribution: <c>lognormal GSD² 1.21</c>, <c>normal 10 %</c>, <c>triangular 0.9–1.2</c>, <c>fixed</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Kind switch
    {
        UncertaintyDistributionKind.Normal => string.Create(CultureInfo.InvariantCulture, $"normal {Spread * 100:0.###} %"),
        UncertaintyDistributionKind.Lognormal => string.Create(CultureInfo.InvariantCulture, $"lognormal GSD² {GsdSquared:0.####}"),
        UncertaintyDistributionKind.Triangular => string.Create(CultureInfo.InvariantCulture, $"triangular {Minimum:0.####}–{Maximum:0.####}"),
        UncertaintyDistributionKind.Uniform => string.Create(CultureInfo.InvariantCulture, $"uniform {Minimum:0.####}–{Maximum:0.####}"),
        _ => "fixed",
    };

    /// <summary>The multiplier at <paramref name="u"/> in (0, 1), unchecked: the inverse distribution function of the Monte Carlo draws.</summary>
    internal double Sample(double u)
    {
        switch (Kind)
        {
            case UncertaintyDistributionKind.Normal:
                return 1 + (Spread * StandardNormal.Quantile(u));
            case UncertaintyDistributionKind.Lognormal:
                return LogSpread == 0 ? 1 : Math.Exp(LogSpread * StandardNormal.Quantile(u));
            case UncertaintyDistributionKind.Uniform:
                return Minimum + ((Maximum - Minimum) * u);
            case UncertaintyDistributionKind.Triangular:
                double width = Maximum - Minimum;
                if (width == 0)
                {
                    return 1;
                }

                // Inverse of the triangular distribution function with mode 1: below F(1) = (1 - a)/(b - a) the left branch.
                double left = 1 - Minimum, right = Maximum - 1;
                return u * width < left
                    ? Minimum + Math.Sqrt(u * width * left)
                    : Maximum - Math.Sqrt((1 - u) * width * right);
            default:
                return 1;
        }
    }

    private static UncertaintyDistribution Bounded(UncertaintyDistributionKind kind, double minimum, double maximum) =>
        double.IsFinite(minimum) && double.IsFinite(maximum) && minimum >= 0 && minimum <= 1 && maximum >= 1
            ? new(kind, 0, minimum, maximum)
            : throw new ArgumentOutOfRangeException(nameof(minimum), $"The relative bounds must satisfy 0 <= minimum <= 1 <= maximum; they are {minimum} and {maximum}.");
}
