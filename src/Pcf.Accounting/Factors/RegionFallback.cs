namespace Pcf.Accounting.Factors;

/// <summary>The factor is for a broader region than asked for (CN-JS -> CN-GRID-EAST), by <see cref="Steps"/> steps of the region hierarchy.</summary>
/// <param name="Requested">The region asked for.</param>
/// <param name="Used">The region of the factor used.</param>
/// <param name="Steps">How many steps up the hierarchy the factor's region is.</param>
public sealed record RegionFallback(string Requested, string Used, int Steps) : FactorFallback
{
    /// <inheritdoc/>
    public override string Describe() => $"region {Requested} -> {Used}";
}
