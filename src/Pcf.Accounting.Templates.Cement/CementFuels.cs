using System.Collections.Frozen;

namespace Pcf.Accounting.Templates.Cement;

/// <summary>China's default fuel parameters for combustion CO2 (<c>E = m × NCV × CC × OF × 44/12</c>): net calorific value,
/// carbon content per heat and oxidation rate, for the fuels measured by mass.</summary>
/// <remarks>Values of the NDRC enterprise GHG accounting guidelines 2013–2015 (industrial other sectors table), as the
/// structure of GB/T 32150-2015 Annex and GB/T 32151.8-2015 uses them. [S]: transcribed from a public repository, not read in
/// the guideline PDF; confirm before release. Gaseous fuels (per Nm3) are not offered: give them as <c>other</c> with their
/// NCV per t, or per-tonne equivalents.</remarks>
internal static class CementFuels
{
    /// <summary>The source of every value in <see cref="Defaults"/>.</summary>
    public const string Source = "NDRC enterprise GHG accounting guidelines 2013-2015, default fuel parameters (industrial other sectors table; GB/T 32150-2015 Annex structure) [S: transcription, not the guideline PDF]";

    /// <summary>The choice for a fuel without defaults: its NCV, carbon content and oxidation rate must be given.</summary>
    public const string Other = "other";

    /// <summary>Gets the defaults by fuel: NCV in GJ/t, carbon content in t C/GJ, oxidation rate in %.</summary>
    public static FrozenDictionary<string, (double Ncv, double CarbonContent, double Oxidation)> Defaults { get; } =
        new Dictionary<string, (double, double, double)>(StringComparer.Ordinal)
        {
            ["anthracite"] = (24.515, 0.02749, 94),
            ["bituminous-coal"] = (23.204, 0.02618, 93),
            ["lignite"] = (14.449, 0.02800, 96),
            ["washed-coal"] = (26.344, 0.02540, 93),
            ["coke"] = (28.446, 0.02940, 93),
            ["crude-oil"] = (42.62, 0.02010, 98),
            ["fuel-oil"] = (40.19, 0.02110, 98),
            ["gasoline"] = (44.80, 0.01890, 98),
            ["diesel"] = (43.33, 0.02020, 98),
            ["petroleum-coke"] = (31.00, 0.02750, 98),
            ["lpg"] = (47.31, 0.01720, 99),
            ["lng"] = (41.868, 0.01530, 99),
        }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Gets the fuel choices: the fuels with defaults, then <see cref="Other"/>.</summary>
    public static string[] Choices { get; } = [.. Defaults.Keys.Order(StringComparer.Ordinal), Other];
}
