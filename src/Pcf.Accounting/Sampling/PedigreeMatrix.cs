using System.Collections.Frozen;
using System.Collections.Immutable;
using Pcf.Accounting.Factors;
using Pcf.Accounting.Gases;
using Pcf.Accounting.Model;
using Pcf.Accounting.Uncertainty;

namespace Pcf.Accounting.Sampling;

/// <summary>Turns data-quality scores into a lognormal distribution: the pedigree matrix with its basic and additional
/// uncertainties, as variances of the logarithm that add up.</summary>
/// <remarks>
/// <para>σ² = basic variance (by the kind of amount) + the additional variance of each of the five indicators at its score;
/// the distribution is lognormal with GSD = exp(σ), its geometric mean the amount. A score between two whole scores (a
/// fallback penalty of 0.5, an average) takes the variance interpolated linearly between theirs.</para>
/// <para><see cref="Ecoinvent3"/> holds the published values of Weidema, B. P., Bauer, C., Hischier, R., Mutel, C., Nemecek, T.,
/// Reinhard, J., Vadenbo, C. O. and Wernet, G. (2013), <i>Overview and methodology. Data quality guideline for the ecoinvent
/// database version 3</i>, ecoinvent report No. 1 (v3), St. Gallen: the ecoinvent Centre — its table of additional uncertainty
/// per pedigree indicator and score (variances of the underlying normal distribution), and its table of default basic
/// uncertainty for emissions to air.</para>
/// <para>A Monte Carlo run applies it to every background factor that has data-quality scores (after fallback penalties) and no
/// distribution of its own: one draw per factor, each component widened by its own basic variance.</para>
/// </remarks>
/// <threadsafety>Immutable.</threadsafety>
public sealed class PedigreeMatrix
{
    /// <summary>Initializes a new matrix.</summary>
    /// <param name="reliability">The additional variance at reliability scores 1 to 5.</param>
    /// <param name="completeness">The additional variance at completeness scores 1 to 5.</param>
    /// <param name="temporal">The additional variance at temporal-correlation scores 1 to 5.</param>
    /// <param name="geographical">The additional variance at geographical-correlation scores 1 to 5.</param>
    /// <param name="technological">The additional variance at further-technological-correlation scores 1 to 5.</param>
    /// <param name="defaultBasicVariance">The basic variance of an amount whose gas has none of its own (and of a CO2e amount).</param>
    /// <param name="basicVariances">The basic variance by gas formula (<c>CO2</c>, <c>CH4</c>, <c>N2O</c> ...); <see langword="null"/> for none.</param>
    /// <exception cref="ArgumentException">A row does not have five values, or a value is negative or not finite.</exception>
    public PedigreeMatrix(
        IReadOnlyList<double> reliability,
        IReadOnlyList<double> completeness,
        IReadOnlyList<double> temporal,
        IReadOnlyList<double> geographical,
        IReadOnlyList<double> technological,
        double defaultBasicVariance,
        IReadOnlyDictionary<string, double>? basicVariances = null)
    {
        Reliability = Row(reliability, nameof(reliability));
        Completeness = Row(completeness, nameof(completeness));
        Temporal = Row(temporal, nameof(temporal));
        Geographical = Row(geographical, nameof(geographical));
        Technological = Row(technological, nameof(technological));
        DefaultBasicVariance = Variance(defaultBasicVariance, nameof(defaultBasicVariance));
        var basic = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (formula, variance) in basicVariances ?? new Dictionary<string, double>())
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(formula, nameof(basicVariances));
            basic[formula] = Variance(variance, nameof(basicVariances));
        }

        BasicVariances = basic.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Gets the ecoinvent version 3 matrix (Weidema et al. 2013, see the remarks), with the default basic uncertainties of
    /// its emissions to air: CO2 0.0006 (GSD² 1.05), CH4 and N2O 0.04 (GSD² 1.5, combustion and process emissions); any other
    /// gas and a CO2e amount take 0.0006, the guideline's value for the demand of products and CO2.</summary>
    /// <value>Additional variances at scores 1 to 5 — reliability 0, 0.0006, 0.002, 0.008, 0.04; completeness 0, 0.0001, 0.0006,
    /// 0.002, 0.008; temporal 0, 0.0002, 0.002, 0.008, 0.04; geographical 0, 0.000025, 0.0001, 0.0006, 0.002; further technological
    /// 0, 0.0006, 0.008, 0.04, 0.12.</value>
    public static PedigreeMatrix Ecoinvent3 { get; } = new(
        reliability: [0, 0.0006, 0.002, 0.008, 0.04],
        completeness: [0, 0.0001, 0.0006, 0.002, 0.008],
        temporal: [0, 0.0002, 0.002, 0.008, 0.04],
        geographical: [0, 0.000025, 0.0001, 0.0006, 0.002],
        technological: [0, 0.0006, 0.008, 0.04, 0.12],
        defaultBasicVariance: 0.0006,
        basicVariances: new Dictionary<string, double> { ["CO2"] = 0.0006, ["CH4"] = 0.04, ["N2O"] = 0.04 });

    /// <summary>Gets the additional variance at reliability scores 1 to 5.</summary>
    public ImmutableArray<double> Reliability { get; }

    /// <summary>Gets the additional variance at completeness scores 1 to 5.</summary>
    public ImmutableArray<double> Completeness { get; }

    /// <summary>Gets the additional variance at temporal-correlation scores 1 to 5.</summary>
    public ImmutableArray<double> Temporal { get; }

    /// <summary>Gets the additional variance at geographical-correlation scores 1 to 5.</summary>
    public ImmutableArray<double> Geographical { get; }

    /// <summary>Gets the additional variance at further-technological-correlation scores 1 to 5.</summary>
    public ImmutableArray<double> Technological { get; }

    /// <summary>Gets the basic variance of an amount whose gas has none in <see cref="BasicVariances"/>.</summary>
    public double DefaultBasicVariance { get; }

    /// <summary>Gets the basic variance by gas formula.</summary>
    public FrozenDictionary<string, double> BasicVariances { get; }

    /// <summary>Gets the basic variance of an amount of a gas.</summary>
    /// <param name="gas">The gas; <see langword="null"/> for an amount in CO2e.</param>
    /// <returns>The variance of the logarithm.</returns>
    public double BasicVariance(GreenhouseGas? gas) =>
        gas is not null && BasicVariances.TryGetValue(gas.Formula, out double v) ? v : DefaultBasicVariance;

    /// <summary>Gets the variance the five scores add.</summary>
    /// <param name="quality">The scores.</param>
    /// <returns>The sum of the indicators' additional variances.</returns>
    public double AdditionalVariance(DataQuality quality) =>
        AdditionalVariance(quality.Technological, quality.Geographical, quality.Temporal, quality.Completeness, quality.Reliability);

    /// <summary>Gets the variance the rated indicators add; an unrated one (<see langword="null"/>) adds nothing.</summary>
    /// <param name="technological">The further-technological-correlation score, 1 to 5, or <see langword="null"/>.</param>
    /// <param name="geographical">The geographical-correlation score, or <see langword="null"/>.</param>
    /// <param name="temporal">The temporal-correlation score, or <see langword="null"/>.</param>
    /// <param name="completeness">The completeness score, or <see langword="null"/>.</param>
    /// <param name="reliability">The reliability score, or <see langword="null"/>.</param>
    /// <returns>The sum of the rated indicators' additional variances.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A score is outside 1 to 5.</exception>
    public double AdditionalVariance(double? technological, double? geographical, double? temporal, double? completeness, double? reliability) =>
        At(Technological, technological, nameof(technological)) + At(Geographical, geographical, nameof(geographical))
        + At(Temporal, temporal, nameof(temporal)) + At(Completeness, completeness, nameof(completeness)) + At(Reliability, reliability, nameof(reliability));

    /// <summary>Widens data-quality scores into a lognormal distribution for an amount of a gas.</summary>
    /// <param name="quality">The scores.</param>
    /// <param name="gas">The gas; <see langword="null"/> for an amount in CO2e.</param>
    /// <returns>The lognormal distribution with σ² = basic + additional variance.</returns>
    /// <example><code>
    /// // Scores (technological 2, geographical 3, temporal 1, completeness 2, reliability 2), CO2:
    /// // σ² = 0.0006 + 0.0006 + 0.0001 + 0 + 0.0001 + 0.0006 = 0.002, GSD² = exp(2 √0.002) = 1.0936
    /// var d = PedigreeMatrix.Ecoinvent3.Widen(new DataQuality(2, 3, 1, 2, 2), GreenhouseGas.Co2Fossil);
    /// </code></example>
    public UncertaintyDistribution Widen(DataQuality quality, GreenhouseGas? gas = null) =>
        UncertaintyDistribution.LognormalFromSigma(Math.Sqrt(BasicVariance(gas) + AdditionalVariance(quality)));

    /// <summary>Widens the rated indicators into a lognormal distribution; an unrated indicator (<see langword="null"/>) adds nothing,
    /// so the width is a lower bound when some are missing (as PACT 3.0 rates neither completeness nor reliability).</summary>
    /// <param name="technological">The further-technological-correlation score, 1 to 5, or <see langword="null"/>.</param>
    /// <param name="geographical">The geographical-correlation score, or <see langword="null"/>.</param>
    /// <param name="temporal">The temporal-correlation score, or <see langword="null"/>.</param>
    /// <param name="completeness">The completeness score, or <see langword="null"/>.</param>
    /// <param name="reliability">The reliability score, or <see langword="null"/>.</param>
    /// <param name="gas">The gas; <see langword="null"/> for an amount in CO2e.</param>
    /// <returns>The lognormal distribution with σ² = basic + the rated indicators' additional variances.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A score is outside 1 to 5.</exception>
    public UncertaintyDistribution Widen(double? technological, double? geographical, double? temporal, double? completeness, double? reliability, GreenhouseGas? gas = null) =>
        UncertaintyDistribution.LognormalFromSigma(Math.Sqrt(BasicVariance(gas) + AdditionalVariance(technological, geographical, temporal, completeness, reliability)));

    private static double At(ImmutableArray<double> row, double? score, string name)
    {
        if (score is not { } s)
        {
            return 0;
        }

        if (!(s is >= DataQuality.Best and <= DataQuality.Worst))
        {
            throw new ArgumentOutOfRangeException(name, s, "A data-quality score must be from 1 (best) to 5 (worst).");
        }

        int lower = (int)Math.Floor(s);
        if (lower >= 5)
        {
            return row[4];
        }

        double t = s - lower;
        return t == 0 ? row[lower - 1] : row[lower - 1] + (t * (row[lower] - row[lower - 1]));
    }

    private static ImmutableArray<double> Row(IReadOnlyList<double> values, string name)
    {
        ArgumentNullException.ThrowIfNull(values, name);
        if (values.Count != 5)
        {
            throw new ArgumentException($"A pedigree row has five variances, for scores 1 to 5; '{name}' has {values.Count}.", name);
        }

        return [.. values.Select(v => Variance(v, name))];
    }

    private static double Variance(double value, string name) => double.IsFinite(value) && value >= 0
        ? value
        : throw new ArgumentException($"A variance must be zero or positive and finite; '{name}' has {value}.", name);
}
