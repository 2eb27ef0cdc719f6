using System.Reflection;
using System.Text;
using CsCheck;
using Microsoft.Extensions.DependencyInjection;
using Pcf.Accounting.Engine;
using Pcf.Accounting.Results;
using Pcf.Accounting.Templates.Cement;
using Pcf.Accounting.Units;
using Pcf.Accounting.Validation;
using Pcf.Accounting.Vectors;

namespace Pcf.Accounting.Templates.Tests.Cement;

/// <summary>The cement templates: parameters, defaults and site data, the CBAM view, the method's laws, and the vectors of
/// tests/vectors/cement.</summary>
public sealed class CementTemplateTests : IDisposable
{
    private static readonly ClinkerTemplate Clinker = new();
    private static readonly CementTemplate Cement = new();
    private readonly ServiceProvider _services = new ServiceCollection().AddPcfAccounting().AddDefaultFactors().AddCementTemplates().Services.BuildServiceProvider();

    public void Dispose() => _services.Dispose();

    private static string RepoRoot => typeof(CementTemplateTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!;

    private async Task<FootprintResult> CalculateAsync(ITemplate template, TemplateInput input)
    {
        using var scope = _services.CreateScope();
        var build = template.Build(input).ThrowIfInvalid();
        return (await scope.ServiceProvider.GetRequiredService<IFootprintCalculator>().CalculateAsync(build)).ThrowIfInvalid();
    }

    /// <summary>The worked cement of the vectors: clinker ratio 0.75, IPCC Tier 1, 3.3 GJ bituminous coal per t clinker, 90 kWh/t
    /// at the 2023 national grid CO2 factor (0.5306 kg/kWh, embedded data), slag burden-free.</summary>
    private static TemplateInput WorkedCement(double clinkerRatio = 0.75, double clinkerKwh = 0) => TemplateInput.Empty
        .Set("clinkerRatio", clinkerRatio)
        .Add("additions", TemplateInput.Empty.Set("material", "slag").Set("amount", 1 - clinkerRatio))
        .Set("electricity", 90)
        .Set("calcinationRoute", "ipcc-tier1")
        .Set("organicCarbon", 0)
        .Add("fuels", TemplateInput.Empty.Set("fuel", "bituminous-coal").Set("amount", 3.3 / 23.204 * 1000))
        .Set("clinkerElectricity", clinkerKwh)
        .Set("electricityFactor", "grid-combustion");

    [Fact]
    public void Catalog_HasBothTemplates()
    {
        using var scope = _services.CreateScope();
        var catalog = scope.ServiceProvider.GetRequiredService<ITemplateCatalog>();
        Assert.Equal(new[] { "cement/cement", "cement/clinker" }, catalog.Templates.Select(t => t.Descriptor.Id).Order(StringComparer.Ordinal));
        Assert.All(Clinker.Parameters.Concat(Cement.Parameters).Where(p => p.Default is not null), p => Assert.False(string.IsNullOrWhiteSpace(p.Default!.Source)));
    }

    [Fact]
    public void Parameters_EveryBadOneReportedAtOnce_ByPath()
    {
        const string json = """
            { "format": "pcf-template-params/1", "template": "cement/cement",
              "parameters": {
                "clinkerRatio": 1.5,
                "electricity": { "value": 3, "unit": "kg" },
                "calcinationRoute": "tier-9",
                "fuels": [ { "fuel": "wood", "amount": 100 }, { "fuel": "coke", "amount": -1 } ],
                "clinkerRation": 0.8
              } }
            """;
        var (id, input) = TemplateParametersJson.Read(Encoding.UTF8.GetBytes(json)).ThrowIfInvalid();
        Assert.Equal("cement/cement", id);

        var problems = Cement.Build(input).Problems;

        // clinkerRatio above 1, electricity not an energy per mass, an unknown route, an unknown fuel, a negative amount, an
        // unknown name, and clinkerElectricity (required) missing: 7 problems at once, each with its JSON path.
        var byPath = problems.ToDictionary(p => p.Path, p => p.Code);
        Assert.Equal(ProblemCodes.NumberOutOfRange, byPath["$.parameters.clinkerRatio"]);
        Assert.Equal(ProblemCodes.WrongDimension, byPath["$.parameters.electricity"]);
        Assert.Equal(ProblemCodes.UnknownValue, byPath["$.parameters.calcinationRoute"]);
        Assert.Equal(ProblemCodes.UnknownValue, byPath["$.parameters.fuels[0].fuel"]);
        Assert.Equal(ProblemCodes.NumberOutOfRange, byPath["$.parameters.fuels[1].amount"]);
        Assert.Equal(ProblemCodes.UnknownMember, byPath["$.parameters.clinkerRation"]);
        Assert.Equal(ProblemCodes.Required, byPath["$.parameters.clinkerElectricity"]);
        Assert.Equal(7, problems.Length);
    }

    [Fact]
    public void Parameters_InconsistentOnes_ReportedTogether()
    {
        var input = TemplateInput.Empty
            .Set("clinkerRatio", 0.9).Set("electricity", 40).Set("clinkerElectricity", 60)
            .Set("calcinationRoute", "composition")                                         // but no cao
            .Add("additions", TemplateInput.Empty.Set("material", "gypsum").Set("amount", 0.2))  // 0.9 + 0.2 > 1; gypsum has no factor
            .Add("fuels", TemplateInput.Empty.Set("fuel", "other").Set("amount", 80))       // other needs ncv, carbonContent, oxidation
            .Set("electricityFactor", "supplier");                                          // but no supplierElectricityFactor

        var problems = Cement.Build(input).Problems;

        Assert.All(problems, p => Assert.Equal(ProblemCodes.InconsistentParameters, p.Code));
        Assert.Equal(new[] { "additions", "additions[0].factorKey", "cao", "fuels[0].carbonContent", "fuels[0].ncv", "fuels[0].oxidation", "supplierElectricityFactor" },
            problems.Select(p => p.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task DefaultsVersusSiteData_PrimaryShareAndTemplateView()
    {
        // All defaults (CSI 525 kg/t, organic carbon): the clinker process is secondary data.
        var defaults = await CalculateAsync(Clinker, TemplateInput.Empty.Set("electricity", 0));
        Assert.Equal(0, defaults.PrimaryDataShare);
        Assert.Equal(525 + 0.002 * 1.55 * 44 / 12 * 1000, defaults.TotalExcludingBiogenicUptake.Value, 9);

        // The plant's own calcination factor: the process's direct emissions are primary; 510 + 11.366667 kg, all primary.
        var site = await CalculateAsync(Clinker, TemplateInput.Empty.Set("electricity", 0).Set("calcinationFactor", 510, "kiln mass balance 2025"));
        Assert.Equal(1, site.PrimaryDataShare, 12);
        Assert.Equal(510 + 0.002 * 1.55 * 44 / 12 * 1000, site.TotalExcludingBiogenicUptake.Value, 9);
        var view = site.View("template")!;
        Assert.Contains(view.Lines, l => l.Key.Contains("calcinationFactor", StringComparison.Ordinal) && l.Note is { } n && n.Contains("kiln mass balance 2025", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cbam_WorkedCement_HandCalculated()
    {
        var result = await CalculateAsync(Cement, WorkedCement(clinkerKwh: 60));
        var cbam = result.View("cbam")!;

        // Clinker direct: 0.65 × 44.01/56.08 × 1.02 + 3.3 GJ × 0.02618 × 0.93 × 44/12 = 0.52030367 + 0.29460354 = 0.81490721 t/t;
        // clinker indirect: 60 kWh × 0.5306 = 0.031836 t/t. Cement: AttrEm direct 0, indirect 90 × 0.5306 = 0.047754 t.
        // SEE direct = 0.75 × 0.81490721 = 0.61118041; SEE indirect = 0.047754 + 0.75 × 0.031836 = 0.071631; SEE = 0.68281141.
        double clinkerDirect = 0.65 * 44.01 / 56.08 * 1.02 + 3.3 * 0.02618 * 0.93 * 44 / 12;
        Assert.Equal(0.75 * clinkerDirect, cbam.Line("see-direct")!.Value, 9);
        Assert.Equal(0.071631, cbam.Line("see-indirect")!.Value, 9);
        Assert.Equal(0.75 * clinkerDirect + 0.071631, cbam.Line("see")!.Value, 9);
        Assert.Equal(0.75, cbam.Line("precursor:clinker:mass")!.Value, 12);
        Assert.Equal(1, cbam.Line("activity-level")!.Value, 12);
        Assert.Empty(cbam.Warnings);

        // With the default life-cycle electricity factor, the view warns that see-indirect overstates CBAM's indirect emissions.
        var lifeCycle = await CalculateAsync(Cement, WorkedCement(clinkerKwh: 60).Set("electricityFactor", "grid-life-cycle"));
        Assert.Contains(lifeCycle.View("cbam")!.Warnings, w => w.Message.Contains("life-cycle", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Biomass_AppearsAsBiogenic_NotFossil()
    {
        // 100 kg/t of fuel oil with 40 % biomass: CO2 = 0.1 t × 40.19 GJ/t × 0.0211 t C/GJ × 0.98 × 44/12 = 0.30470 t;
        // fossil 60 % = 182.82 kg, biogenic 40 % = 121.88 kg.
        var input = TemplateInput.Empty.Set("electricity", 0).Set("organicCarbon", 0)
            .Add("fuels", TemplateInput.Empty.Set("fuel", "fuel-oil").Set("amount", 100).Set("biomassShare", 40));
        var result = await CalculateAsync(Clinker, input);
        double all = 0.1 * 40.19 * 0.0211 * 0.98 * 44 / 12 * 1000;
        Assert.Equal(525 + 0.6 * all, result.Reported.FossilGhgEmissions.Value, 9);
        Assert.Equal(0.4 * all, result.Reported.BiogenicCo2Emissions.Value, 9);
    }

    [Fact]
    public async Task Property_MoreClinker_NeverLowersTheFootprint_AndLinesSumToTotal()
    {
        using var scope = _services.CreateScope();
        var calculator = scope.ServiceProvider.GetRequiredService<IFootprintCalculator>();
        await Gen.Double[0.3, 0.95].Select(Gen.Double[0, 0.05]).SampleAsync(async (ratio, more) =>
        {
            var low = (await calculator.CalculateAsync(Cement.Build(WorkedCement(ratio)).ThrowIfInvalid())).ThrowIfInvalid();
            var high = (await calculator.CalculateAsync(Cement.Build(WorkedCement(ratio + more)).ThrowIfInvalid())).ThrowIfInvalid();
            Assert.True(high.TotalExcludingBiogenicUptake.Value >= low.TotalExcludingBiogenicUptake.Value - 1e-9);
            // Affine in the ratio: 90 × 0.5306 + ratio × 814.90721 kg.
            Assert.Equal(47.754 + ratio * (0.65 * 44.01 / 56.08 * 1.02 + 3.3 * 0.02618 * 0.93 * 44 / 12) * 1000, low.TotalExcludingBiogenicUptake.Value, 1e-6);
            Assert.Equal(low.TotalExcludingBiogenicUptake.Value, low.ByProcess.Sum(p => p.Total.Value), 1e-6);
        }, iter: 25);
    }

    [Fact]
    public async Task Property_BiomassOfEqualEnergy_NeverRaisesFossil()
    {
        // Replacing a share s of the coal's carbon by biomass: fossil CO2 falls by s × coal CO2, biogenic rises by the same.
        using var scope = _services.CreateScope();
        var calculator = scope.ServiceProvider.GetRequiredService<IFootprintCalculator>();
        await Gen.Double[0, 100].SampleAsync(async share =>
        {
            var input = TemplateInput.Empty.Set("electricity", 0).Set("organicCarbon", 0)
                .Add("fuels", TemplateInput.Empty.Set("fuel", "bituminous-coal").Set("amount", 120).Set("biomassShare", share));
            var result = (await calculator.CalculateAsync(Clinker.Build(input).ThrowIfInvalid())).ThrowIfInvalid();
            double coal = 0.12 * 23.204 * 0.02618 * 0.93 * 44 / 12 * 1000;
            Assert.Equal(525 + (1 - share / 100) * coal, result.Reported.FossilGhgEmissions.Value, 1e-6);
            Assert.Equal(share / 100 * coal, result.Reported.BiogenicCo2Emissions.Value, 1e-6);
        }, iter: 25);
    }

    [Fact]
    public async Task Property_ScalingProduction_ScalesAbsolute_KeepsPerTonne()
    {
        // k t of cement: every absolute figure × k (footprint, activity level), every per-tonne figure (SEE) unchanged.
        using var scope = _services.CreateScope();
        var calculator = scope.ServiceProvider.GetRequiredService<IFootprintCalculator>();
        var build = Cement.Build(WorkedCement(clinkerKwh: 60)).ThrowIfInvalid();
        var one = (await calculator.CalculateAsync(build)).ThrowIfInvalid();
        await Gen.Double[0.5, 1000].SampleAsync(async k =>
        {
            var many = (await calculator.CalculateAsync(build, demand: new Demand("cement", Quantity.Of(k, Unit.Tonne)))).ThrowIfInvalid();
            Assert.Equal(k * one.TotalExcludingBiogenicUptake.Value, many.TotalExcludingBiogenicUptake.Value, k * 1e-9);
            Assert.Equal(k, many.View("cbam")!.Line("activity-level")!.Value, k * 1e-12);
            Assert.Equal(one.View("cbam")!.Line("see")!.Value, many.View("cbam")!.Line("see")!.Value, 1e-12);
        }, iter: 20);
    }

    public static TheoryData<string> Vectors()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(RepoRoot, "tests", "vectors", "cement"), "*.vector.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public async Task Vector_Passes(string file)
    {
        string path = Path.Combine(RepoRoot, "tests", "vectors", "cement", file);
        var vector = ReferenceVectorJson.Read(await File.ReadAllBytesAsync(path), Path.GetDirectoryName(path)!).ThrowIfInvalid();
        using var scope = _services.CreateScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<ReferenceVectorRunner>().RunAsync(vector);
        Assert.True(outcome.Passed, string.Join("; ", outcome.Failures));
    }
}
