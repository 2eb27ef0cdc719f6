using System.Collections.Immutable;
using System.Text.Json;
using Pcf.Accounting.Factors;
using Pcf.Accounting.Json;

namespace Pcf.Accounting.Data;

/// <summary>The embedded default emission factors, every value with its source (publisher, document, table, year), licence and confidence mark.</summary>
/// <remarks>
/// <para>Datasets (docs/factors.md lists their coverage, licences and versions):</para>
/// <list type="bullet">
/// <item><c>china-grid-combustion</c>: MEE and NBS grid CO2 factors, kg CO2/kWh, key <c>electricity/grid/combustion</c>
/// (national 2021-2023, seven regional grids 2021-2023, provinces 2021-2022) and national variants. Combustion only.</item>
/// <item><c>china-electricity-lifecycle-2023</c>: MEE, NBS and NEA life-cycle factors, kg CO2e/kWh, <c>electricity/grid</c> CN and others.</item>
/// <item><c>ipcc-2006-stationary-combustion</c>: <c>fuel-combustion/*</c>, region <c>GLO</c>, per TJ and per tonne.</item>
/// <item><c>china-fuel-combustion-ndrc</c>: <c>fuel-combustion/*</c>, region <c>CN</c>, per GJ and per tonne or Nm3.</item>
/// <item><c>desnz-2025-fuels</c>: UK government 2025 factors, region <c>GB</c>: <c>fuel/*</c> (life cycle = combustion +
/// well-to-tank), <c>fuel-combustion/*</c> and <c>fuel-upstream/*</c>, per t, L, m3 and kWh.</item>
/// <item><c>desnz-2025-electricity</c>: UK grid electricity 2025, life cycle and generation.</item>
/// <item><c>desnz-2025-materials</c>: UK government 2025 material-use factors, <c>material/*</c>, per tonne.</item>
/// <item><c>ember-electricity-lifecycle</c>: Ember's life-cycle grid intensities, <c>electricity/grid</c>, by country, 2021-2024.</item>
/// <item><c>us-epa-egrid-subregions</c>: US EPA eGRID2021/2022, <c>electricity/grid/combustion</c> per eGRID subregion and US.</item>
/// <item><c>us-epa-useeio-spend</c>: US EPA supply-chain factors v1.2, <c>spend/naics/*</c> per USD: the last resort.</item>
/// </list>
/// <para>The CBAM default values are not emission factors; <see cref="CbamDefaultValues"/> serves them.</para>
/// <para>Each dataset is read only when first needed (<see cref="Provider"/> reads those a request can use);
/// <see cref="Catalog"/> reads them all.</para>
/// </remarks>
/// <example><code>
/// var national = DefaultFactors.Catalog.Search("electricity/grid", region: "CN", year: 2023);
/// services.AddPcfAccounting().AddFactors(myProvider).AddDefaultFactors();
/// </code></example>
/// <threadsafety>Thread-safe; each dataset is read once, on first use.</threadsafety>
public static class DefaultFactors
{
    /// <summary>The name of <see cref="Provider"/>, shown in results.</summary>
    public const string ProviderName = "Pcf.Accounting.Data";

    /// <summary>Gets the fallbacks of <see cref="Provider"/>: <see cref="FallbackPolicy.Default"/> on <see cref="RegionHierarchy.World"/>
    /// with the proxy regions <c>GB</c> (UK government fuel and material factors) and <c>US</c> (US spend factors) after <c>GLO</c>.</summary>
    /// <remarks>Through the proxies only the datasets <c>desnz-2025-fuels</c>, <c>desnz-2025-materials</c> and <c>us-epa-useeio-spend</c>
    /// stand in for other countries, and only when no region up to <c>GLO</c> has a factor in any year allowed.</remarks>
    public static FallbackPolicy Policy { get; } = FallbackPolicy.Default with { Regions = RegionHierarchy.World.WithProxies(["GB", "US"]) };

    private static readonly Lazy<ImmutableArray<DatasetEntry>> Entries = new(ReadManifest);

    private static readonly Lazy<FactorCatalog> LazyCatalog = new(() => new FactorCatalog(Entries.Value.SelectMany(d => d.Catalog.Factors)));

    private static readonly Lazy<DefaultFactorProvider> LazyProvider = new(() => new DefaultFactorProvider(ProviderName, Policy, Entries.Value));

    /// <summary>Gets the names of the embedded dataset files.</summary>
    public static ImmutableArray<string> Datasets { get; } =
    [
        "china-grid-combustion", "china-electricity-lifecycle-2023", "ipcc-2006-stationary-combustion", "china-fuel-combustion-ndrc",
        "desnz-2025-fuels", "desnz-2025-electricity", "desnz-2025-materials", "ember-electricity-lifecycle", "us-epa-egrid-subregions",
        "us-epa-useeio-spend",
    ];

    /// <summary>Gets every embedded factor, indexed; <see cref="FactorCatalog.Search"/> lists them by text, region, year and kind.</summary>
    /// <remarks>Reads every dataset. A calculation needs only <see cref="Provider"/>, which reads what it uses.</remarks>
    public static FactorCatalog Catalog => LazyCatalog.Value;

    /// <summary>Gets the provider over the embedded factors with <see cref="Policy"/>; it reads a dataset only when a request can use it.</summary>
    public static DefaultFactorProvider Provider => LazyProvider.Value;

    /// <summary>Creates a provider over the embedded factors with other fallbacks; it reads the datasets it needs afresh.</summary>
    /// <param name="policy">The fallbacks allowed.</param>
    /// <param name="name">The provider's name.</param>
    /// <returns>The provider.</returns>
    public static DefaultFactorProvider CreateProvider(FallbackPolicy policy, string name = ProviderName)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return new(name, policy, [.. Entries.Value.Select(d => d.Fresh())]);
    }

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

        return Entries.Value.First(d => d.Name == dataset).Catalog;
    }

    /// <summary>Reads an embedded resource of the package.</summary>
    internal static byte[] Resource(string file)
    {
        using var stream = typeof(DefaultFactors).Assembly.GetManifestResourceStream($"Pcf.Accounting.Data.{file}")
            ?? throw new InvalidOperationException($"The embedded resource '{file}' is missing.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    // The datasets whose factors stand in for countries without their own (through the proxy regions GB and US).
    private static readonly string[] ProxyDatasets = ["desnz-2025-fuels", "desnz-2025-materials", "us-epa-useeio-spend"];

    private static FactorCatalog Parse(string dataset) => FactorJson.Read(Resource(dataset + ".json")).ThrowIfInvalid();

    private static ImmutableArray<DatasetEntry> ReadManifest()
    {
        using var manifest = JsonDocument.Parse(Resource("manifest.json"));
        var byName = manifest.RootElement.GetProperty("datasets").EnumerateArray().ToDictionary(
            d => d.GetProperty("dataset").GetString()!,
            d => new DatasetEntry(
                d.GetProperty("dataset").GetString()!,
                d.GetProperty("keys").EnumerateArray().Select(k => k.GetString()!),
                d.GetProperty("regions").EnumerateArray().Select(r => r.GetString()!),
                ProxyDatasets.Contains(d.GetProperty("dataset").GetString()!),
                Parse));
        return [.. Datasets.Select(name => byName.TryGetValue(name, out var entry) ? entry : throw new InvalidOperationException($"The manifest has no entry for '{name}'."))];
    }
}
