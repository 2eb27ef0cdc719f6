namespace Pcf.Accounting.Factors;

/// <summary>The factor is for an earlier reference year than asked for (2024 -> 2023).</summary>
/// <param name="Requested">The year asked for.</param>
/// <param name="Used">The reference year of the factor used.</param>
public sealed record YearFallback(int Requested, int Used) : FactorFallback
{
    /// <summary>Gets how many years earlier the factor is.</summary>
    public int Years => Requested - Used;

    /// <inheritdoc/>
    public override string Describe() => $"year {Requested} -> {Used}";
}
