using System.Globalization;
using System.Text;
using Pcf.Accounting.Data;
using Pcf.Accounting.Engine;
using Pcf.Accounting.Factors;
using Pcf.Accounting.Gases;
using Pcf.Accounting.Json;
using Pcf.Accounting.Model;
using Pcf.Accounting.Results;
using Pcf.Accounting.Templates.Cbam;
using Pcf.Accounting.Units;
using Pcf.Accounting.Validation;
using Xunit.Abstractions;

namespace Pcf.Accounting.Templates.Tests.Cbam;

/// <summary>The CBAM view's fallback to the Commission's default values for a purchased precursor declared without actual data
/// (flow tags <c>cbam:cn</c> and <c>cbam:origin</c>), over the embedded table and a small table of the tests' own.</summary>
/// <remarks>
/// Default values used (embedded <c>src/Pcf.Accounting.Data/Data/cbam-default-values.json</c>, a secondary transcription of
/// Implementing Regulation (EU) 2025/2621's values by cbamdefaults.com):
/// - CN 7207 12 10 (semi-finished, rectangular), China: direct 3.17 t CO2e/t, no indirect value: line 31 of the JSON, read from
///   eng/factors/sources/cbam/cbamdefaults.com-72071210.txt line 14 ('China3.173.173.493.804.12(C)');
/// - CN 7207 12 10, other countries and territories: direct 4.00: JSON line 28, source line 11;
/// - CN 7208 (hot-rolled flat), China: direct 3.19: JSON line 64, eng/factors/sources/cbam/cbamdefaults.com-7208.txt.
/// </remarks>
public sealed class CbamDefaultValueTests(ITestOutputHelper output)
{
    private static readonly FactorProvenance Illustrative = new("test", "illustrative values (invented for the tests)") { Dataset = "test/cbam-defaults", DatasetVersion = "1", Licence = "CC0-1.0" };

    private static readonly CbamGood HotRolledCoil = new("hot-rolled coil", "7208", CountsIndirect: false);

    // electricity: 0.5 kg CO2 (fossil) per kWh, the generation's combustion factor; the purchased precursor: 2 t CO2e per t, a
    // generic life-cycle factor (not the producer's actual data) that the footprint uses and CBAM replaces by the default value.
    private static InMemoryFactorProvider Factors(bool precursorIsPrimary) => new("cbam defaults test", [
        new EmissionFactor("electricity/grid", "grid", Unit.KilowattHour, null, null, [FactorComponent.Emission(GreenhouseGas.Co2Fossil, 0.5)], Illustrative with { Kind = FactorKind.CombustionOnly }),
        new EmissionFactor("steel/purchased", "purchased steel", Unit.Tonne, null, null, [FactorComponent.Co2e(2000, CarbonOrigin.Fossil)],
            Illustrative with { Kind = FactorKind.LifeCycle, IsPrimaryData = precursorIsPrimary }),
    ]);

    // mill (tagged cbam:installation): makes 1 t of the good, burns gas for 50 kg CO2 (fossil), uses 100 kWh and `mass` t of the
    // purchased precursor, a flow tagged cbam:precursor=<name> plus the declaration tags given.
    private static ProductSystem System(string precursor, double mass, params string[] declaration) => new ProductSystemBuilder("cbam defaults")
        .AddFlow("good", "good", Unit.Tonne)
        .AddFlow(new Flow("precursor", precursor, Unit.Tonne) { Tags = [Tag.Parse(CbamTags.Precursor(precursor)), .. declaration.Select(Tag.Parse)] })
        .AddFlow(new Flow("electricity", "electricity", Unit.KilowattHour) { Tags = [Tag.Parse(CbamTags.Electricity)] })
        .AddProcess("mill", "mill", p => p.Produces("good", 1, Unit.Tonne).Tagged(CbamTags.Installation)
            .Emits(GreenhouseGas.Co2Fossil, 50, Unit.Kilogram)
            .Consumes("precursor", mass, Unit.Tonne, Supply.FromFactor("steel/purchased"))
            .Consumes("electricity", 100, Unit.KilowattHour, Supply.FromFactor("electricity/grid")))
        .WithReferenceProduct("good")
        .WithDeclaredUnit(1, Unit.Tonne)
        .Build();

    private static async Task<FootprintResult> CalculateAsync(CbamView view, ProductSystem system, bool precursorIsPrimary = false) =>
        (await new FootprintCalculator(new FactorResolver([Factors(precursorIsPrimary)])).CalculateAsync(system, new CalculationOptions { Views = [view] })).ThrowIfInvalid();

    private static async Task<ViewResult> ViewAsync(CbamView view, ProductSystem system, bool precursorIsPrimary = false) =>
        (await CalculateAsync(view, system, precursorIsPrimary)).View(CbamView.ViewId)!;

    private static double Line(ViewResult view, string key) => (view.Line(key) ?? throw new InvalidOperationException($"no line '{key}'")).Value;

    [Fact]
    public async Task HotRolledCoilFromPurchasedSlab_NoActualData_CountsTheDefaultValue()
    {
        var view = await ViewAsync(
            new CbamView(HotRolledCoil, CbamDefaultValuesSource.Embedded),
            System("slab", 1.05, CbamTags.CnCode("7207 12 10"), CbamTags.Origin("cn")));
        foreach (var line in view.Lines)
        {
            output.WriteLine($"{line.Key,-42} {line.Value.ToString("0.######", CultureInfo.InvariantCulture),10} {line.Unit}");
        }

        output.WriteLine($"warning {view.Warnings[0].Code}: {view.Warnings[0].Message}");

        // Slab from China, CN 7207 12 10, no actual data: default direct 3.17 t CO2e/t, indirect not given (counted as 0).
        // M = 1.05 t: EE direct = 1.05 × 3.17 = 3.3285 t; EE indirect = 0.
        // Mill: AL = 1 t; AttrEm direct = 50 kg = 0.05 t; indirect = 100 kWh × 0.5 kg/kWh = 50 kg = 0.05 t.
        // SEE direct = (0.05 + 3.3285) / 1 = 3.3785; SEE indirect = (0.05 + 0) / 1 = 0.05; see = direct only (Annex II) = 3.3785.
        // The slab's own factor, 1.05 t × 2 t CO2e/t = 2.1 t CO2e, is the footprint's, not CBAM's: excluded-precursor-factors.
        Assert.Equal(3.3785, Line(view, "see-direct"), 12);
        Assert.Equal(0.05, Line(view, "see-indirect"), 12);
        Assert.Equal(3.3785, Line(view, "see"), 12);
        Assert.Equal(3.3285, Line(view, "precursors-direct"), 12);
        Assert.Equal(0, Line(view, "precursors-indirect"), 12);
        Assert.Equal(1.05, Line(view, "precursor:slab:mass"), 12);
        Assert.Equal(3.17, Line(view, "precursor:slab:see-direct"), 12);
        Assert.Equal(0, Line(view, "precursor:slab:see-indirect"), 12);
        Assert.Equal(1.05, Line(view, "precursor:slab:default-mass"), 12);
        Assert.Equal(3.17, Line(view, "precursor:slab:default-see-direct"), 12);
        Assert.Equal(0, Line(view, "precursor:slab:default-see-indirect"), 12);
        Assert.Equal("The default value gives no indirect emissions: counted as 0.", view.Line("precursor:slab:default-see-indirect")!.Note);
        Assert.Equal(72071210, Line(view, "precursor:slab:default-cn"));
        Assert.Equal(0, Line(view, "precursor:slab:default-cn-fallback"));
        Assert.Equal(0, Line(view, "precursor:slab:default-country-fallback"));
        Assert.Equal(2.1, Line(view, "excluded-precursor-factors"), 12);
        Assert.Equal(0, Line(view, "excluded-upstream"), 12);

        var warning = Assert.Single(view.Warnings);
        Assert.Equal(ProblemCodes.FactorFallbackUsed, warning.Code);
        Assert.Equal(
            "The purchased precursor 'slab' (flow 'precursor') has no actual data: the CBAM default value is used, CN 72071210 (the code declared), "
            + "country CN (the country of origin declared): direct 3.17 t CO2e/t, indirect not given by the default value, counted as 0; "
            + "dataset pcf-accounting/cbam-default-values 2026.2 (Commission Implementing Regulation (EU) 2025/2621, default values (file dated 2026-02-04)), confidence secondary.",
            warning.Message);
    }

    [Fact]
    public async Task CnCodeFallback_IsShownInTheLinesAndTheWarning()
    {
        // Cold-rolled coil (CN 7209, Annex II) from purchased hot-rolled coil declared as CN 7208 51 20 from China: the table has no
        // 72085120, so the 4-digit 7208 value for China stands in: direct 3.19 t CO2e/t.
        // M = 1.1 t: EE direct = 1.1 × 3.19 = 3.509 t; SEE direct = (0.05 + 3.509) / 1 = 3.559.
        var view = await ViewAsync(
            new CbamView(new CbamGood("cold-rolled coil", "7209", CountsIndirect: false), CbamDefaultValuesSource.Embedded),
            System("hot-rolled-coil", 1.1, CbamTags.CnCode("7208 51 20"), CbamTags.Origin("CN")));

        Assert.Equal(3.559, Line(view, "see-direct"), 12);
        Assert.Equal(3.19, Line(view, "precursor:hot-rolled-coil:default-see-direct"), 12);
        Assert.Equal(7208, Line(view, "precursor:hot-rolled-coil:default-cn"));
        Assert.Equal(1, Line(view, "precursor:hot-rolled-coil:default-cn-fallback"));
        Assert.Equal(0, Line(view, "precursor:hot-rolled-coil:default-country-fallback"));
        Assert.Equal("CN-code fallback taken for precursor hot-rolled-coil (1 yes, 0 no): 72085120 -> 7208", view.Line("precursor:hot-rolled-coil:default-cn-fallback")!.Label);
        Assert.Contains("CN 7208 (a CN-code fallback: no value for 72085120), country CN (the country of origin declared): direct 3.19 t CO2e/t", Assert.Single(view.Warnings).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CountryFallback_TakesTheValueForOtherCountries()
    {
        // Slab from Egypt: 7207 12 10 has no Egyptian value, so "other countries and territories" stands in: direct 4.00 t CO2e/t.
        // M = 1.05 t: EE direct = 1.05 × 4.00 = 4.2 t; SEE direct = (0.05 + 4.2) / 1 = 4.25.
        var view = await ViewAsync(
            new CbamView(HotRolledCoil, CbamDefaultValuesSource.Embedded),
            System("slab", 1.05, CbamTags.CnCode("72071210"), CbamTags.Origin("EG")));

        Assert.Equal(4.25, Line(view, "see-direct"), 12);
        Assert.Equal(4.0, Line(view, "precursor:slab:default-see-direct"), 12);
        Assert.Equal(0, Line(view, "precursor:slab:default-cn-fallback"));
        Assert.Equal(1, Line(view, "precursor:slab:default-country-fallback"));
        Assert.Contains("country OTHER (a country fallback: no value for EG): direct 4 t CO2e/t", Assert.Single(view.Warnings).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IndirectDefault_IsCountedApart_WhereTheGoodCountsIt()
    {
        // The tests' own table (pcf-cbam-defaults/1), NOT the Commission's values: clinker from China, direct 0.9, indirect 0.05.
        var table = CbamDefaultsTable.Read(Encoding.UTF8.GetBytes("""
            {"format":"pcf-cbam-defaults/1",
             "dataset":{"id":"test/cbam","version":"1","publisher":"test","document":"illustrative values (invented for the tests)"},
             "values":[{"cn":"2523 10 00","country":"CN","direct":0.9,"indirect":0.05,"total":0.95,"source":{"confidence":"unverified"}}]}
            """), "test table");
        var cement = new CbamGood("cement", "2523 29 00", CountsIndirect: true);

        var view = await ViewAsync(new CbamView(cement, new CbamDefaultValuesSource(table)), System("clinker", 0.8, CbamTags.CnCode("2523 10 00"), CbamTags.Origin("CN")));

        // M = 0.8 t: EE direct = 0.8 × 0.9 = 0.72 t; EE indirect = 0.8 × 0.05 = 0.04 t.
        // SEE direct = (0.05 + 0.72) / 1 = 0.77; SEE indirect = (0.05 + 0.04) / 1 = 0.09; cement counts both: see = 0.86.
        Assert.Equal(0.77, Line(view, "see-direct"), 12);
        Assert.Equal(0.09, Line(view, "see-indirect"), 12);
        Assert.Equal(0.86, Line(view, "see"), 12);
        Assert.Equal(0.04, Line(view, "precursors-indirect"), 12);
        Assert.Equal(0.05, Line(view, "precursor:clinker:default-see-indirect"), 12);
        Assert.Contains("indirect 0.05 t CO2e/t; dataset test/cbam 1 (illustrative values (invented for the tests)), confidence unverified.", Assert.Single(view.Warnings).Message, StringComparison.Ordinal);

        // The same for a steel good (Annex II): the indirect default is shown but not counted in 'see': 0.77.
        var steel = await ViewAsync(new CbamView(HotRolledCoil, new CbamDefaultValuesSource(table)), System("clinker", 0.8, CbamTags.CnCode("25231000"), CbamTags.Origin("CN")));
        Assert.Equal(0.77, Line(steel, "see"), 12);
        Assert.Equal(0.09, Line(steel, "see-indirect"), 12);
    }

    [Fact]
    public async Task ActualData_WinsOverTheDefault_AndTheViewSaysSo()
    {
        // The purchased slab's factor is primary data (the supplier's actual value, 2 t CO2e/t), so no default is used:
        // EE direct = 1.05 × 2 = 2.1 t; SEE direct = (0.05 + 2.1) / 1 = 2.15.
        var view = await ViewAsync(
            new CbamView(HotRolledCoil, CbamDefaultValuesSource.Embedded),
            System("slab", 1.05, CbamTags.CnCode("72071210"), CbamTags.Origin("CN")),
            precursorIsPrimary: true);

        Assert.Equal(2.15, Line(view, "see-direct"), 12);
        Assert.Null(view.Line("precursor:slab:default-mass"));
        Assert.Null(view.Line("excluded-precursor-factors"));
        var warning = Assert.Single(view.Warnings);
        Assert.Equal(
            "The purchased precursor 'slab' (flow 'precursor') declares a CBAM default value (cbam:cn=72071210, cbam:origin=CN) but has actual data: "
            + "its factor 'steel/purchased' (test) is primary data. Actual data wins: the factor's emissions count as the precursor's direct embedded emissions and no default value is used.",
            warning.Message);
    }

    [Theory]
    [InlineData(true, "72071210", null, "carries cbam:cn=72071210 without cbam:origin")]
    [InlineData(true, "2716", "CN", "has no value for CN 2716 (nor a shorter code) from CN or from other countries")]
    [InlineData(false, "72071210", "CN", "the view was given no source of default values")]
    public async Task NoDefaultApplied_CountsTheFactor_WithAWarning(bool withSource, string cn, string? origin, string expected)
    {
        string[] declaration = origin is null ? [CbamTags.CnCode(cn)] : [CbamTags.CnCode(cn), CbamTags.Origin(origin)];
        var view = await ViewAsync(new CbamView(HotRolledCoil, withSource ? CbamDefaultValuesSource.Embedded : null), System("slab", 1.05, declaration));

        // As without a declaration: the factor's 2.1 t count as direct; SEE direct = 2.15.
        Assert.Equal(2.15, Line(view, "see-direct"), 12);
        Assert.Contains(expected, Assert.Single(view.Warnings).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResultJson_RoundTrip_KeepsTheDefaultLinesAndTheWarning()
    {
        var result = await CalculateAsync(new CbamView(HotRolledCoil, CbamDefaultValuesSource.Embedded), System("slab", 1.05, CbamTags.CnCode("72071210"), CbamTags.Origin("EG")));

        var back = FootprintResultJson.Read(FootprintResultJson.Write(result)).ThrowIfInvalid();

        var view = result.View(CbamView.ViewId)!;
        var read = back.View(CbamView.ViewId)!;
        Assert.Equal(view.Lines.ToArray(), read.Lines.ToArray()); // arrays: ImmutableArray's own Equals compares references
        Assert.Equal(view.Warnings.ToArray(), read.Warnings.ToArray());
        Assert.Equal(1, Line(read, "precursor:slab:default-country-fallback"));
        Assert.Equal(4.0, Line(read, "precursor:slab:default-see-direct"), 12);
    }

    [Fact]
    public void Source_OverTheEmbeddedTable_RecordsTheFallbacksAndProvenance()
    {
        var found = CbamDefaultValuesSource.Embedded.Find("72085120", "CN")!;

        Assert.Equal(("72085120", "CN", "7208", "CN", 3.19), (found.RequestedCnCode, found.RequestedCountry, found.CnCode, found.Country, found.Direct));
        Assert.Null(found.Indirect);
        Assert.True(found.IsCnCodeFallback);
        Assert.False(found.IsCountryFallback);
        Assert.Equal(FactorConfidence.Secondary, found.Provenance.Confidence);
        Assert.Null(CbamDefaultValuesSource.Embedded.Find("2716", "CN"));
        Assert.Null(CbamDefaultValuesSource.Embedded.Find("not a code", "CN"));
    }

    [Fact]
    public void Tags_NormalizeAndRefuseBadValues()
    {
        Assert.Equal("cbam:cn=72071210", CbamTags.CnCode("7207 12 10"));
        Assert.Equal("cbam:cn=72071210", CbamTags.CnCode("7207.12.10"));
        Assert.Equal("cbam:origin=CN", CbamTags.Origin("cn"));
        Assert.Throws<ArgumentException>(() => CbamTags.CnCode("72"));
        Assert.Throws<ArgumentException>(() => CbamTags.CnCode("7207a"));
        Assert.Throws<ArgumentException>(() => CbamTags.Origin("CHN"));
    }
}
