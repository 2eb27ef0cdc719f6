namespace Pcf.Accounting.Uncertainty;

/// <summary>How much of the total's variance one uncertain input explains: the squared rank correlation (Spearman) of its draws with the total.</summary>
/// <param name="Input">The input.</param>
/// <param name="RankCorrelation">Spearman's ρ of the input's draws and the total excluding biogenic uptake, from −1 to 1.</param>
/// <param name="Share">ρ² as a share of the sum of ρ² over the inputs examined (the candidates; see <see cref="UncertaintyStatistics.Contributions"/>).</param>
/// <threadsafety>Immutable.</threadsafety>
public sealed record VarianceContribution(UncertainInput Input, double RankCorrelation, double Share)
{
    /// <summary>Gets ρ², the contribution to variance.</summary>
    public double SquaredRankCorrelation => RankCorrelation * RankCorrelation;
}
