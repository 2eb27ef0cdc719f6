using System.Diagnostics;
using Pcf.Accounting.Data;
using Pcf.Accounting.Factors;
using Pcf.Accounting.Gases;
using Pcf.Accounting.Json;
using Pcf.Accounting.Tests.TestSupport;
using Pcf.Accounting.Units;

namespace Pcf.Accounting.Tests.Data;

/// <summary>Region fallback chains of the world hierarchy, the proxies of the embedded data, lazy loading per dataset, and the generators.</summary>
public class DataFallbackTests
{
    [Theory]
    [InlineData("DE-BY", new[] { "DE-BY", "DE", "EU", "GLO" })]
    [InlineData("FR", new[] { "FR", "EU", "GLO" })]
    [InlineData("GB", new[] { "GB", "GLO" })] // not in the EU
    [InlineData("US-EGRID-CAMX", new[] { "US-EGRID-CAMX", "US", "GLO" })]
    [InlineData("US-TX", new[] { "US-TX", "US", "GLO" })]
    [InlineData("CN-JS", new[] { "CN-JS", "CN-GRID-EAST", "CN", "GLO" })]
    public void World_Chain_WalksUpToGlobal(string region, string[] chain) =>
        Assert.Equal(chain, RegionHierarchy.World.Chain(region));

    [Fact]
    public void Proxies_ComeAfterGlobal_AndOnlyWhenTheChainEndsThere()
    {
        var hierarchy = RegionHierarchy.World.WithProxies(["GB", "US"]);
        Assert.Equal(["CN", "GLO", "GB", "US"], hierarchy.Chain("CN"));
        Assert.Equal(["GB", "GLO", "US"], hierarchy.Chain("GB")); // no repeats
        Assert.Equal(["CN"], hierarchy.Chain("CN", endWithGlobal: false));
        Assert.Equal(["GB", "US"], hierarchy.With([new("XX", "CN")]).Proxies.ToArray()); // With keeps the proxies
        Assert.Throws<ArgumentException>(() => RegionHierarchy.World.WithProxies([" "]));
    }

    // Illustrative factors INVENTED for this test (not published values): one per region, told apart by amount.
    private static EmissionFactor Invented(string region, double amount) =>
        new("test/power", $"power {region} (invented)", Unit.KilowattHour, region, 2024, [FactorComponent.Emission(GreenhouseGas.Co2Fossil, amount)], new FactorProvenance("tests", "invented"));

    [Fact]
    public async Task BavarianRequest_FallsBackToGermanyThenEuThenGlobal_AndRecordsEachStep()
    {
        var request = new FactorRequest("test/power", "DE-BY", 2024, Unit.KilowattHour);
        var all = new InMemoryFactorProvider("t", [Invented("DE", 1), Invented("EU", 2), Invented("GLO", 3)]);
        var noDe = new InMemoryFactorProvider("t", [Invented("EU", 2), Invented("GLO", 3)]);
        var onlyGlo = new InMemoryFactorProvider("t", [Invented("GLO", 3)]);

        Assert.Equal([new RegionFallback("DE-BY", "DE", 1)], (await all.FindAsync(request)).Match!.Fallbacks.ToArray());
        Assert.Equal([new RegionFallback("DE-BY", "EU", 2)], (await noDe.FindAsync(request)).Match!.Fallbacks.ToArray());
        Assert.Equal([new RegionFallback("DE-BY", "GLO", 3)], (await onlyGlo.FindAsync(request)).Match!.Fallbacks.ToArray());
    }

    [Fact]
    public async Task EmbeddedGrid_Bavaria2025_IsGermany2024FromEmber()
    {
        var match = (await DefaultFactors.Provider.FindAsync(new FactorRequest("electricity/grid", "DE-BY", 2025, Unit.KilowattHour))).Match;
        Assert.NotNull(match);
        Assert.Equal(0.34206, match.Factor.Components.Single().Amount, 12); // Ember DEU 2024, 342.06 g/kWh
        Assert.Equal<FactorFallback>([new RegionFallback("DE-BY", "DE", 1), new YearFallback(2025, 2024)], match.Fallbacks.ToArray());
    }

    [Fact]
    public async Task ChineseFuel_FallsBackToTheUkProxy_RecordedAsARegionFallback()
    {
        // No Chinese or global life-cycle natural-gas factor exists: the UK's (DESNZ 2025, 2.06672 + 0.3366 = 2.40332 kg CO2e per m3) stands in.
        var match = (await DefaultFactors.Provider.FindAsync(new FactorRequest("fuel/natural-gas", "CN", 2025, Unit.NormalCubicMetre))).Match;
        Assert.NotNull(match);
        Assert.Equal("GB", match.Factor.Region);
        Assert.Equal(2.40332, match.Factor.Components.Sum(c => c.Amount), 9);
        Assert.Equal<FactorFallback>([new RegionFallback("CN", "GB", 2), new UnitConversion(Unit.CubicMetre, Unit.NormalCubicMetre, 1)], match.Fallbacks.ToArray());
    }

    [Fact]
    public async Task Proxies_ComeAfterEveryYearOfTheRealRegions()
    {
        // China 2025: China's official 2023 value (0.6205) two years back, not the UK's 2025 fuel or grid data through a proxy.
        var china = (await DefaultFactors.Provider.FindAsync(new FactorRequest("electricity/grid", "CN", 2025, Unit.KilowattHour))).Match;
        Assert.Equal(("CN", 2023, 0.6205), (china!.Factor.Region, china.Factor.Year, china.Factor.Components.Single().Amount));
        // The UK grid is no proxy for another country's grid: a German combustion-only request finds nothing.
        Assert.Equal(FactorLookupStatus.NotFound, (await DefaultFactors.Provider.FindAsync(new FactorRequest("electricity/grid/combustion", "DE", 2025, Unit.KilowattHour))).Status);
        // China 2022: no official life-cycle factor for 2022 (later years are never used), none of Ember's for China (left out
        // for the official one) and no world average: nothing, so the calculation says so (PCF0401) instead of guessing.
        Assert.Equal(FactorLookupStatus.NotFound, (await DefaultFactors.Provider.FindAsync(new FactorRequest("electricity/grid", "CN", 2022, Unit.KilowattHour))).Status);
    }

    [Fact]
    public async Task SpendFactor_IsTheLastResort_ThroughTheUsProxy()
    {
        var match = (await DefaultFactors.Provider.FindAsync(new FactorRequest("spend/naics/331110", "CN", 2025, Unit.Currency("USD")))).Match;
        Assert.NotNull(match);
        Assert.Equal<FactorFallback>([new RegionFallback("CN", "US", 3)], match.Fallbacks.ToArray()); // CN, GLO, GB, US
        Assert.Equal(new DataQuality(5, 5, 5, 5, 5), match.DataQuality);
    }

    [Fact]
    public async Task ChineseCalculation_ReadsNeitherUsSubregionsNorSpendFactors()
    {
        var provider = DefaultFactors.CreateProvider(DefaultFactors.Policy);
        Assert.Empty(provider.LoadedDatasets);
        FactorRequest[] requests =
        [
            new("electricity/grid", "CN-JS", 2023, Unit.KilowattHour),
            new("electricity/grid/combustion", "CN-JS", 2023, Unit.KilowattHour),
            new("fuel-combustion/bituminous-coal", "CN", 2023, Unit.Tonne),
        ];
        var matches = await provider.FindManyAsync(requests);

        Assert.All(matches, m => Assert.True(m.IsFound));
        Assert.DoesNotContain("us-epa-egrid-subregions", provider.LoadedDatasets);
        Assert.DoesNotContain("us-epa-useeio-spend", provider.LoadedDatasets);
        Assert.DoesNotContain("desnz-2025-materials", provider.LoadedDatasets);
        Assert.Contains("china-grid-combustion", provider.LoadedDatasets);
    }

    [Fact]
    public async Task LazyProvider_AnswersAsOneCatalogOfEveryDataset()
    {
        // The same policy over one catalog of all the data (no proxies, where the lazy provider's two phases coincide).
        var policy = FallbackPolicy.Default;
        var lazy = DefaultFactors.CreateProvider(policy);
        var whole = new InMemoryFactorProvider(DefaultFactors.ProviderName, DefaultFactors.Catalog, policy);
        string[] regions = ["CN-JS", "CN", "DE-BY", "FR", "GB", "US-EGRID-CAMX", "US-TX", "JP", "BR", "GLO"];
        int?[] years = [null, 2021, 2023, 2025];
        foreach (var key in DefaultFactors.Catalog.Keys.Where((_, i) => i % 7 == 0))
        {
            foreach (var unit in DefaultFactors.Catalog.Search(key).Where(f => f.Key.Equals(key, StringComparison.OrdinalIgnoreCase)).Select(f => f.PerUnit).Distinct())
            {
                foreach (var region in regions)
                {
                    foreach (var year in years)
                    {
                        var request = new FactorRequest(key, region, year, unit);
                        // Separate reads make separate factor objects: compare what identifies a factor, or the error (a wrong dimension).
                        Assert.Equal(await IdentifyAsync(whole, request), await IdentifyAsync(lazy, request));
                    }
                }
            }
        }
    }

    private static async Task<string> IdentifyAsync(IEmissionFactorProvider provider, FactorRequest request)
    {
        try
        {
            var m = (await provider.FindAsync(request)).Match;
            return m is null ? "none" : $"{m.Factor.Key} {m.Factor.Region} {m.Factor.Year} {m.Factor.PerUnit.Symbol} {m.Factor.Name} {m.Factor.Provenance.Dataset}; {string.Join(", ", m.Fallbacks.Select(f => f.Describe()))}";
        }
        catch (IncompatibleUnitsException e)
        {
            return e.Message;
        }
    }

    [Fact]
    public void Generators_ReproduceEveryEmbeddedFileByteForByte()
    {
        // Both generators write into a temporary folder; every file there must equal the embedded one, and none may be missing.
        var data = Path.Combine(Paths.RepoRoot, "src", "Pcf.Accounting.Data", "Data");
        var temp = Directory.CreateTempSubdirectory("pcf-factors-");
        try
        {
            foreach (var script in new[] { "build-default-factors.py", "build-open-datasets.py" })
            {
                var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
                start.ArgumentList.Add(Path.Combine(Paths.RepoRoot, "eng", "factors", script));
                start.ArgumentList.Add("--out");
                start.ArgumentList.Add(temp.FullName);
                using var process = Process.Start(start) ?? throw new InvalidOperationException("python3 could not be started (the generators need Python 3.9+).");
                string error = process.StandardError.ReadToEnd();
                process.StandardOutput.ReadToEnd();
                process.WaitForExit();
                Assert.True(process.ExitCode == 0, $"{script} failed: {error}");
            }

            var embedded = Directory.GetFiles(data, "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
            Assert.Equal(embedded, Directory.GetFiles(temp.FullName, "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray());
            foreach (var file in embedded)
            {
                Assert.True(File.ReadAllBytes(Path.Combine(data, file!)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(temp.FullName, file!))), $"{file} differs from what the generator writes");
            }
        }
        finally
        {
            temp.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Manifest_ListsEveryKeyAndRegionOfEachDataset()
    {
        foreach (var dataset in DefaultFactors.Datasets)
        {
            var factors = DefaultFactors.ReadDataset(dataset).Factors;
            var provider = DefaultFactors.CreateProvider(DefaultFactors.Policy);
            // Every factor is found exactly, by its own key, region, year and unit, through the manifest.
            foreach (var f in factors.Where((_, i) => i % 11 == 0))
            {
                var match = (await provider.FindAsync(new FactorRequest(f.Key, f.Region, f.Year, f.PerUnit))).Match;
                Assert.NotNull(match);
                Assert.Equal((f.Key, f.Region, f.Year), (match.Factor.Key, match.Factor.Region, match.Factor.Year));
            }
        }
    }

    [Fact]
    public void FactorJson_ReadsACurrencyUnit_WrittenWithItsDimensionName()
    {
        const string json = """
            { "format": "pcf-factors/1", "dataset": { "id": "t", "version": "1", "publisher": "tests (invented value)" },
              "factors": [ { "key": "spend/x", "name": "x", "perUnit": "currency:EUR", "components": [ { "gas": "CO2e", "amount": 0.5 } ], "source": { "document": "invented" } } ] }
            """;
        var catalog = FactorJson.Read(json).ThrowIfInvalid();
        Assert.Equal(Unit.Currency("EUR"), catalog.Factors.Single().PerUnit);
        var bad = FactorJson.Read(json.Replace("currency:EUR", "currency:eur", StringComparison.Ordinal));
        Assert.False(bad.IsValid);
    }
}
