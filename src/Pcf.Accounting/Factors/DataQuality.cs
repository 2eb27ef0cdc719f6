namespace Pcf.Accounting.Factors;

/// <summary>Data-quality scores of a factor on the pedigree-matrix scale: 1 is best, 5 is worst.</summary>
/// <remarks>
/// <para>The five indicators of the pedigree matrix (Weidema and Wesnæs 1996, as used by ecoinvent): technological,
/// geographical and temporal representativeness, completeness and reliability; each from 1 (best) to 5 (worst).
/// PACT 3.0's DQR fields use 1 to 3; mapping to them is the exporter's job.</para>
/// <para>Fallbacks worsen the representativeness scores (<see cref="FallbackPolicy"/>); scores never pass 5.</para>
/// </remarks>
/// <threadsafety>Immutable value type.</threadsafety>
public readonly record struct DataQuality
{
    /// <summary>The best score.</summary>
    public const double Best = 1;

    /// <summary>The worst score.</summary>
    public const double Worst = 5;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="technological">Technological representativeness, 1 to 5.</param>
    /// <param name="geographical">Geographical representativeness, 1 to 5.</param>
    /// <param name="temporal">Temporal representativeness, 1 to 5.</param>
    /// <param name="completeness">Completeness, 1 to 5.</param>
    /// <param name="reliability">Reliability, 1 to 5.</param>
    /// <exception cref="ArgumentOutOfRangeException">A score is outside 1 to 5.</exception>
    public DataQuality(double technological, double geographical, double temporal, double completeness, double reliability)
    {
        Technological = Check(technological, nameof(technological));
        Geographical = Check(geographical, nameof(geographical));
        Temporal = Check(temporal, nameof(temporal));
        Completeness = Check(completeness, nameof(completeness));
        Reliability = Check(reliability, nameof(reliability));
    }

    /// <summary>Gets the technological representativeness, 1 (best) to 5.</summary>
    public double Technological { get; }

    /// <summary>Gets the geographical representativeness, 1 (best) to 5.</summary>
    public double Geographical { get; }

    /// <summary>Gets the temporal representativeness, 1 (best) to 5.</summary>
    public double Temporal { get; }

    /// <summary>Gets the completeness, 1 (best) to 5.</summary>
    public double Completeness { get; }

    /// <summary>Gets the reliability, 1 (best) to 5.</summary>
    public double Reliability { get; }

    /// <summary>Returns the scores worsened by fallback penalties, capped at 5.</summary>
    /// <param name="geographical">Added to the geographical score.</param>
    /// <param name="temporal">Added to the temporal score.</param>
    /// <param name="technological">Added to the technological score.</param>
    /// <returns>The worsened scores.</returns>
    public DataQuality Worsen(double geographical, double temporal, double technological = 0) => new(
        Math.Min(Worst, Technological + technological),
        Math.Min(Worst, Geographical + geographical),
        Math.Min(Worst, Temporal + temporal),
        Completeness,
        Reliability);

    private static double Check(double score, string name) => score is >= Best and <= Worst
        ? score
        : throw new ArgumentOutOfRangeException(name, score, "A data-quality score must be from 1 (best) to 5 (worst).");
}
