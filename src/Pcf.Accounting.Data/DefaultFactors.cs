using System.Collections.Immutable;
using Pcf.Accounting.Factors;
using Pcf.Accounting.Json;

namespace Pcf.Accounting.Data;

/// <summary>The embedded default emission factors, every value with its source (publisher, document, table, year) and confidence mark.</summary>
/// <remarks>
/// <para>Datasets (docs/factors.md lists every value):</para>
/// <list type="bullet">
/// <item><c>china-grid-combustion</c>: MEE and NBS grid CO2 factors, kg CO2/kWh, key <c>electricity/grid/combustion</c>
/// (national 2021-2023, seven regional grids 2021-2023, provinces 2021-2022) and the national variants
/// <c>.../excluding-market-non-fossil</c> and <c>.../fossil-only</c>. Combustion only.</item>
/// <item><c>china-electricity-lifecycle-2023</c>: MEE, NBS and NEA life-cycle factors, kg CO2e/kWh, keys
/// <c>electricity/grid</c> (0.6205), <c>electricity/wind</c>, <c>electricity/solar-pv</c>, <c>electricity/biomass</c>.</item>
/// <item><c>ipcc-2006-stationary-combustion</c>: <c>fuel-combustion/*</c>, region <c>GLO</c>, CO2 per TJ and per tonne.</item>
/// <item><c>china-fuel-combustion-ndrc</c>: <c>fuel-combustion/*</c>, region <c>CN</c>, CO2 per GJ and per tonne or Nm3.</item>
/// </list>
/// <para>Grid power for a cradle-to-gate footprint is <c>electricity/grid</c> (life cycle); the combustion-only factors
/// have their own key, so the choice is explicit and the result records the kind used.</para>
/// </remarks>
/// <example><code>
/// var national = DefaultFactors.Catalog.Search("electricity/grid", region: "CN", year: 2023);
/// services.AddPcfAccounting().AddFactors(myProvider).AddDefaultFactors();
/// </code></example>
/// <threadsafety>Thread-safe; the data are read once, on first use.</threadsafety>
public static class DefaultFactors
{
    /// <summary>The name of <see cref="Provider"/>, shown in results.</summary>
    public const string ProviderName = "Pcf.Accounting.Data";

    private static readonly Lazy<FactorCatalog> LazyCatalog = new(Load);

    /// <summary>Gets the names of the embedded dataset files.</summary>
    public static ImmutableArray<string> Datasets { get; } =
        ["china-grid-combustion", "china-electricity-lifecycle-2023", "ipcc-2006-stationary-combustion", "china-fuel-combustion-ndrc"];

    /// <summary>Gets every embedded factor, indexed; <see cref="FactorCatalog.Search"/> lists them by text, region, year and kind.</summary>
    public static FactorCatalog Catalog => LazyCatalog.Value;

    /// <summary>Gets a provider over the embedded factors with the default fallbacks (China region hierarchy, 3 years back).</summary>
    public static InMemoryFactorProvider Provider => LazyProvider.Value;

    private static Lazy<InMemoryFactorProvider> LazyProvider { get; } = new(() => new InMemoryFactorProvider(ProviderName, Catalog));

    /// <summary>Creates a provider over the embedded factors with other fallbacks.</summary>
    /// <param name="policy">The fallbacks allowed.</param>
    /// <param name="name">The provider's name.</param>
    /// <returns>The provider.</returns>
    public static InMemoryFactorProvider CreateProvider(FallbackPolicy policy, string name = ProviderName) => new(name, Catalog, policy);

    /// <summary>Reads one embedded dataset.</summary>
    /// <param name="dataset">One of <see cref="Datasets"/>.</param>
    /// <returns>Its factors.</returns>
    /// <exception cref="ArgumentException">The name is not one of <see cref="Datasets"/>.</exception>
    public static FactorCatalog ReadDataset(string dataset)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataset);
        if (!Datasets.Contains(dataset))
        {
            throw new ArgumentException($"'{dataset}' is not an embedded dataset; use one of {string.Join(", ", Datasets)}.", nameof(dataset));
        }

        using var stream = typeof(DefaultFactors).Assembly.GetManifestResourceStream($"Pcf.Accounting.Data.{dataset}.json")
            ?? throw new InvalidOperationException($"The embedded resource of '{dataset}' is missing.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return FactorJson.Read(buffer.ToArray()).ThrowIfInvalid();
    }

    private static FactorCatalog Load() => new(Datasets.SelectMany(d => ReadDataset(d).Factors));
}
