namespace Pcf.Accounting.Factors;

/// <summary>Which fallbacks a provider may apply when no factor matches a request exactly, and how much each worsens the data quality.</summary>
/// <remarks>
/// Region fallback walks <see cref="Regions"/> (child -> parent), then <c>GLO</c> when <see cref="FallBackToGlobal"/>.
/// Year fallback takes the nearest earlier year within <see cref="MaxYearsBack"/>; later years are never used.
/// Unit conversion is exact within a dimension; another dimension is an error.
/// </remarks>
/// <threadsafety>Immutable.</threadsafety>
public sealed record FallbackPolicy
{
    /// <summary>Gets the default policy: the world hierarchy (<see cref="RegionHierarchy.World"/>), back to <c>GLO</c>, at most 3 years back, same year first.</summary>
    public static FallbackPolicy Default { get; } = new();

    /// <summary>Gets a policy that allows no region or year fallback (unit conversion within a dimension stays allowed).</summary>
    public static FallbackPolicy ExactOnly { get; } = new() { Regions = RegionHierarchy.Empty, FallBackToGlobal = false, MaxYearsBack = 0 };

    /// <summary>Gets the region hierarchy walked from the requested region upwards.</summary>
    /// <value>The default value is <see cref="RegionHierarchy.World"/> (China's provinces and grids, the EU, Germany's states, the US).</value>
    public RegionHierarchy Regions { get; init; } = RegionHierarchy.World;

    /// <summary>Gets a value indicating whether <c>GLO</c> ends every region chain.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool FallBackToGlobal { get; init; } = true;

    /// <summary>Gets how many years before the requested year a factor may be.</summary>
    /// <value>The default value is 3: published grid factors lag two to three years (China's 2023 factors appeared in 2025 and 2026).</value>
    /// <exception cref="ArgumentOutOfRangeException">Set to a negative number.</exception>
    public int MaxYearsBack
    {
        get;
        init => field = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Must not be negative.");
    } = 3;

    /// <summary>Gets which fallback is tried first.</summary>
    /// <value>The default value is <see cref="FallbackOrder.PreferSameYear"/>.</value>
    public FallbackOrder Order { get; init; } = FallbackOrder.PreferSameYear;

    /// <summary>Gets how much each step up the region hierarchy adds to the geographical score.</summary>
    /// <value>The default value is 1.</value>
    public double RegionStepPenalty { get; init; } = 1;

    /// <summary>Gets how much each year back adds to the temporal score.</summary>
    /// <value>The default value is 1.</value>
    public double YearPenalty { get; init; } = 1;
}
