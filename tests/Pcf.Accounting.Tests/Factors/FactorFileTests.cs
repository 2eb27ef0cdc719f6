using Microsoft.Extensions.DependencyInjection;
using Pcf.Accounting.Data;
using Pcf.Accounting.Factors;
using Pcf.Accounting.Factors.Files;
using Pcf.Accounting.Gases;
using Pcf.Accounting.Json;
using Pcf.Accounting.Model;
using Pcf.Accounting.Units;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Tests.Factors;

public class FactorFileTests
{
    private const string Valid = """
        {
          "format": "pcf-factors/1",
          "dataset": { "id": "company", "version": "1", "publisher": "ACME", "licence": "internal" },
          "factors": [
            {
              "key": "steel/hrc", "perUnit": "t", "region": "CN-JS", "year": 2024, "kind": "lifeCycle", "primaryData": true,
              "components": [ { "gas": "CO2-fossil", "amount": 1900 }, { "gas": "CH4-fossil", "amount": 0.5 } ],
              "source": { "document": "ACME EPD 2024, table 3", "confidence": "verified" },
              "dataQuality": { "technological": 1, "geographical": 1, "temporal": 1, "completeness": 2, "reliability": 1 },
              "uncertainty": { "distribution": "lognormal", "spread": 1.1 }
            }
          ]
        }
        """;

    [Fact]
    public void Json_Valid_ReadsFactorWithProvenance()
    {
        var factor = Assert.Single(FactorJson.Read(Valid).Value.Factors);
        Assert.Equal(Unit.Tonne, factor.PerUnit);
        Assert.Equal("ACME", factor.Provenance.Publisher);
        Assert.Equal("internal", factor.Provenance.Licence);
        Assert.True(factor.Provenance.IsPrimaryData);
        Assert.Equal(FactorKind.LifeCycle, factor.Provenance.Kind);
        Assert.Equal(2, factor.DataQuality!.Value.Completeness);
        Assert.Equal(UncertaintyDistributionKind.Lognormal, factor.Uncertainty!.Kind);
    }

    [Fact]
    public void Json_Invalid_ReportsEveryProblemWithItsPath()
    {
        const string json = """
            { "format": "pcf-factors/1", "dataset": { "id": "d", "version": "1" },
              "factors": [ { "key": "a", "perUnit": "kWhh", "components": [ { "gas": "CO3", "amount": -1 } ], "source": { "document": "x" }, "colour": 1 } ] }
            """;
        var problems = FactorJson.Read(json).Problems.Select(p => (p.Path, p.Code)).ToList();
        Assert.Contains(("$.factors[0].colour", ProblemCodes.UnknownMember), problems);
        Assert.Contains(("$.factors[0].perUnit", ProblemCodes.UnknownUnit), problems);
        Assert.Contains(("$.factors[0].components[0].gas", ProblemCodes.UnknownGas), problems);
        Assert.Contains(("$.factors[0].source.publisher", ProblemCodes.Required), problems);
    }

    [Fact]
    public void Json_ProblemsInLaterItems_NameTheirItemsAndMembers()
    {
        const string json = """
            { "format": "pcf-factors/1", "dataset": { "id": "d", "version": "1", "publisher": "p" },
              "factors": [
                { "key": "a", "perUnit": "kWh", "components": [ { "gas": "N2O", "amount": 1 } ], "source": { "document": "x" } },
                { "key": "b", "perUnit": "kWh", "components": [ { "gas": "N2O", "amount": 1 } ], "source": { "document": "x" },
                  "dataQuality": { "technological": 1, "geographical": 1, "temporal": 7, "completeness": 1, "reliability": 1 } },
                { "key": "c", "perUnit": "kWh", "components": [ { "gas": "N2O", "amount": 1 }, { "gas": "CO3", "amount": 1 } ], "source": { "document": "x", "year": "2020" }, "bad name": 1 } ] }
            """;
        var problems = FactorJson.Read(json).Problems.Select(p => (p.Path, p.Code)).ToList();
        Assert.Equal(
            [
                ("$.factors[1].dataQuality.temporal", ProblemCodes.NumberOutOfRange),
                ("$.factors[2]['bad name']", ProblemCodes.UnknownMember),
                ("$.factors[2].components[1].gas", ProblemCodes.UnknownGas),
                ("$.factors[2].source.year", ProblemCodes.WrongType),
            ],
            problems);
    }

    [Fact]
    public void Json_KeyAndRegionDifferingOnlyInCase_IsADuplicate()
    {
        const string json = """
            { "format": "pcf-factors/1", "dataset": { "id": "d", "version": "1", "publisher": "p" },
              "factors": [
                { "key": "Steel/HRC", "perUnit": "t", "region": "cn", "year": 2024, "components": [ { "gas": "N2O", "amount": 1 } ], "source": { "document": "x" } },
                { "key": "steel/hrc", "perUnit": "kg", "region": "CN", "year": 2024, "components": [ { "gas": "N2O", "amount": 1 } ], "source": { "document": "x" } },
                { "key": "steel/hrc", "perUnit": "t", "region": "CN", "year": 2024, "components": [ { "gas": "N2O", "amount": 2 } ], "source": { "document": "x" } } ] }
            """;
        var problem = Assert.Single(FactorJson.Read(json).Problems);
        Assert.Equal(("$.factors[2]", ProblemCodes.InvalidFactor), (problem.Path, problem.Code));
    }

    [Fact]
    public void Json_EqualProvenancesAndComponents_AreEqualValues()
    {
        const string json = """
            { "format": "pcf-factors/1", "dataset": { "id": "d", "version": "1", "publisher": "p" },
              "factors": [
                { "key": "a", "perUnit": "kWh", "components": [ { "gas": "N2O", "amount": 0 } ], "source": { "document": "x" } },
                { "key": "b", "perUnit": "kWh", "components": [ { "gas": "N2O", "amount": -0 } ], "source": { "document": "x" } },
                { "key": "c", "perUnit": "kWh", "components": [ { "gas": "N2O", "amount": 0 } ], "source": { "document": "y" } } ] }
            """;
        var factors = FactorJson.Read(json).Value.Factors;
        Assert.Equal(factors[0].Provenance, factors[1].Provenance);
        Assert.Equal("y", factors[2].Provenance.Document);
        Assert.Equal(factors[0].Components[0], factors[2].Components[0]);
        Assert.True(double.IsNegative(factors[1].Components[0].Amount)); // -0 is kept as written
    }

    [Fact]
    public void Json_EmptyArrayOneLevelBeyondMaxDepth_IsNotTooDeep()
    {
        // Five containers reach the component's members; an empty sixth holds no token deeper than five.
        const string json = """
            { "format": "pcf-factors/1", "dataset": { "id": "d", "version": "1", "publisher": "p" },
              "factors": [ { "key": "a", "perUnit": "kWh", "components": [ { "gas": "N2O", "amount": 1, "x": [] } ], "source": { "document": "x" } } ] }
            """;
        var limits = new JsonReadOptions { MaxDepth = 5 };
        var problem = Assert.Single(FactorJson.Read(json, limits).Problems);
        Assert.Equal(("$.factors[0].components[0].x", ProblemCodes.UnknownMember), (problem.Path, problem.Code));
        Assert.Equal(ProblemCodes.DocumentTooDeep, Assert.Single(FactorJson.Read(json.Replace("[]", "[1]", StringComparison.Ordinal), limits).Problems).Code);
    }

    [Fact]
    public async Task Json_ReadFileAsync_ReadsAsFromMemory()
    {
        var path = Path.Combine(Path.GetTempPath(), $"pcf-factors-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, Valid);
        try
        {
            var fromFile = Assert.Single((await FactorJson.ReadFileAsync(path)).Value.Factors);
            var fromMemory = Assert.Single(FactorJson.Read(Valid).Value.Factors);
            Assert.Equal(fromMemory with { Components = fromFile.Components }, fromFile);
            Assert.Equal(fromMemory.Components.ToArray(), fromFile.Components.ToArray());
            Assert.Equal(ProblemCodes.Required, Assert.Single((await FactorJson.ReadFileAsync(path + ".missing")).Problems).Code);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Json_WrongFormat_IsRejected() =>
        Assert.Equal(ProblemCodes.UnsupportedFormat, Assert.Single(FactorJson.Read("""{ "format": "pcf-factors/2" }""").Problems).Code);

    [Fact]
    public void Csv_RowsOfOneFactorGroup_AndNumbersAreInvariant()
    {
        const string csv = """
            key,region,year,per_unit,gas,amount,publisher,document,confidence,factor_kind
            electricity/grid,CN-JS,2024,MWh,CO2-fossil,590.5,ACME,"Utility bill, 2024",verified,lifeCycle
            electricity/grid,CN-JS,2024,MWh,N2O,0.01,ACME,"Utility bill, 2024",verified,lifeCycle
            """;
        var factor = Assert.Single(FactorCsv.Read(csv).Value.Factors);
        Assert.Equal(2, factor.Components.Length);
        Assert.Equal(590.5, factor.Components[0].Amount);
        Assert.Equal("Utility bill, 2024", factor.Provenance.Document);
    }

    [Fact]
    public void Csv_Invalid_ReportsLineAndColumn()
    {
        const string csv = """
            key,per_unit,gas,amount,publisher,document
            a,kWh,CO2-fossil,"0,5",p,d
            b,kWhh,CO2-fossil,1,p,d
            """;
        var problems = FactorCsv.Read(csv).Problems.Select(p => (p.Path, p.Code)).ToList();
        Assert.Equal([("line 2, amount", ProblemCodes.WrongType), ("line 3, per_unit", ProblemCodes.UnknownUnit)], problems);
    }

    [Fact]
    public void Csv_UnknownColumn_IsReported() =>
        Assert.Equal(("line 1, colour", ProblemCodes.UnknownMember), FactorCsv.Read("key,per_unit,gas,amount,publisher,document,colour\n").Problems.Select(p => (p.Path, p.Code)).Single());

    [Fact]
    public async Task FileProvider_JsonFile_AnswersAndNamesItself()
    {
        var path = Path.Combine(Path.GetTempPath(), $"pcf-factors-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, Valid);
        try
        {
            var provider = FileFactorProvider.FromJson(path, "supplier-epds");
            var match = (await provider.FindAsync(new FactorRequest("steel/hrc", "CN-JS", 2025, Unit.Kilogram))).Match;
            Assert.Equal("supplier-epds", match!.ProviderName);
            Assert.Equal(1.9, match.AmountPerRequestedUnit(match.Factor.Components[0]), 12); // 1900 kg/t / 1000 kg/t
            Assert.Equal<FactorFallback>([new YearFallback(2025, 2024), new UnitConversion(Unit.Tonne, Unit.Kilogram, 0.001)], match.Fallbacks.ToArray());
        }
        finally
        {
            File.Delete(path);
        }
    }

    private const string CompanyCsv = """
        key,region,year,per_unit,gas,amount,publisher,document,confidence,factor_kind,primary_data
        electricity/grid,CN-JS,2024,MWh,CO2-fossil,590.5,ACME,"Utility bill, 2024",verified,lifeCycle,true
        """;

    [Fact]
    public async Task FileProvider_CsvFile_AnswersConvertsAndNamesItself()
    {
        var path = Path.Combine(Path.GetTempPath(), $"pcf-factors-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, CompanyCsv);
        try
        {
            var provider = FileFactorProvider.FromCsv(path);
            var match = (await provider.FindAsync(new FactorRequest("electricity/grid", "CN-JS", 2024, Unit.KilowattHour))).Match;
            Assert.Equal(Path.GetFileName(path), match!.ProviderName);                        // the file name when none is given
            Assert.Equal(0.5905, match.AmountPerRequestedUnit(match.Factor.Components[0]), 12); // 590.5 kg/MWh / 1000 kWh/MWh
            Assert.True(match.Factor.Provenance.IsPrimaryData);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task DependencyInjection_FactorFiles_AreAskedInRegistrationOrder_BeforeTheDefaults()
    {
        var csv = Path.Combine(Path.GetTempPath(), $"pcf-factors-{Guid.NewGuid():N}.csv");
        var json = Path.Combine(Path.GetTempPath(), $"pcf-factors-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(csv, CompanyCsv);
        await File.WriteAllTextAsync(json, Valid);
        try
        {
            var services = new ServiceCollection();
            services.AddPcfAccounting()
                .AddFactorsFromCsv(csv, "company meters")
                .AddFactorsFromJson(json, "supplier EPDs")
                .AddDefaultFactors();
            using var root = services.BuildServiceProvider(validateScopes: true);
            using var scope = root.CreateScope();
            var resolver = scope.ServiceProvider.GetRequiredService<FactorResolver>();

            var grid = new FactorRequest("electricity/grid", "CN-JS", 2024, Unit.KilowattHour);
            var coil = new FactorRequest("steel/hrc", "CN-JS", 2024, Unit.Tonne);
            var result = await resolver.ResolveAsync([grid, coil], GwpSet.Ar6);

            Assert.Equal(["company meters", "supplier EPDs", DefaultFactors.ProviderName], resolver.Providers.Select(p => p.Name));
            Assert.Equal("company meters", result.Value[grid].Match.ProviderName);  // the company's meter, not the embedded grid average
            Assert.Equal(0.5905, result.Value[grid].Co2ePerRequestedUnit, 12);
            Assert.Equal("supplier EPDs", result.Value[coil].Match.ProviderName);
            Assert.Equal(1900 + 0.5 * 29.8, result.Value[coil].Co2ePerRequestedUnit, 9); // AR6: CO2 1900 + CH4-fossil 0.5 × 29.8
        }
        finally
        {
            File.Delete(csv);
            File.Delete(json);
        }
    }

    [Fact]
    public async Task DependencyInjection_BrokenFactorFile_FailsNamingTheProviderAndTheLine()
    {
        var csv = Path.Combine(Path.GetTempPath(), $"pcf-factors-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(csv, "key,per_unit,gas,amount,publisher,document\na,kWhh,CO2-fossil,1,p,d\n");
        try
        {
            var services = new ServiceCollection();
            services.AddPcfAccounting().AddFactorsFromCsv(csv, "company meters");
            using var root = services.BuildServiceProvider();
            using var scope = root.CreateScope();
            var resolver = scope.ServiceProvider.GetRequiredService<FactorResolver>();

            var result = await resolver.ResolveAsync([new FactorRequest("a", null, null, Unit.KilowattHour)], GwpSet.Ar6);

            var problem = Assert.Single(result.Problems);
            Assert.Equal(ProblemCodes.ProviderFailed, problem.Code);
            Assert.Contains("company meters", problem.Message, StringComparison.Ordinal);
            Assert.Contains("line 2, per_unit", problem.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(csv);
        }
    }
}
