using Microsoft.Extensions.DependencyInjection;
using Pcf.Accounting.Data;
using Pcf.Accounting.Engine;
using Pcf.Accounting.Factors;
using Pcf.Accounting.Gases;
using Pcf.Accounting.Model;
using Pcf.Accounting.Results;
using Pcf.Accounting.Tests.TestSupport;
using Pcf.Accounting.Units;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Tests.Engine;

/// <summary>Resolve, then compute: the factor resolution bridged into the engine, and the calculator service.</summary>
public sealed class CalculatorTests
{
    private static readonly FactorProvenance Illustrative = new("test", "illustrative value for tests");

    // Illustrative factors (invented for the tests, not data).
    private static EmissionFactor Factor(string key, Unit unit, string region, int year, double kgCo2, DataQuality? quality = null, FactorProvenance? provenance = null) =>
        new(key, key, unit, region, year, [FactorComponent.Emission(GreenhouseGas.Co2Fossil, kgCo2)], provenance ?? Illustrative) { DataQuality = quality };

    private static ProductSystem Bracket() => Systems.BracketBuilder().Build();

    private static FootprintResult CalculateBracket(params EmissionFactor[] factors)
    {
        var calculator = new FootprintCalculator(new FactorResolver([new InMemoryFactorProvider("test data", factors)]));
        return calculator.CalculateAsync(Bracket()).AsTask().GetAwaiter().GetResult().ThrowIfInvalid();
    }

    [Fact]
    public async Task UnitConversion_KilowattHoursOfGasAgainstAPerMegajouleFactor()
    {
        // A kiln burns natural gas metered in kWh (net calorific basis); the factor is per MJ:
        // IPCC 2006 Vol. 2 Ch. 1 Table 1.4, natural gas 56,100 kg CO2/TJ = 0.0561 kg CO2/MJ (illustrative use).
        // 250 kWh × 3.6 MJ/kWh = 900 MJ; 900 × 0.0561 = 50.49 kg CO2 per 20 kg of ware → 2.5245 kg CO2e per kg.
        // Had the kWh been taken as MJ, the answer would be 250 × 0.0561 / 20 = 0.70125: 3.6 times too small.
        var system = new ProductSystemBuilder("kiln")
            .AddFlow("ware", "ware", Unit.Kilogram)
            .AddFlow("gas", "natural gas, burned", Unit.KilowattHour, factorKey: "fuel/natural-gas")
            .AddProcess("kiln", "kiln", p => p.Produces("ware", 20, Unit.Kilogram).Consumes("gas", 250, Unit.KilowattHour))
            .WithReferenceProduct("ware").WithDeclaredUnit(1, Unit.Kilogram).Build();
        var factor = new EmissionFactor("fuel/natural-gas", "natural gas", Unit.Megajoule, "GLO", null,
            [FactorComponent.Emission(GreenhouseGas.Co2Fossil, 0.0561)], Illustrative);
        var calculator = new FootprintCalculator(new FactorResolver([new InMemoryFactorProvider("test data", [factor])]));

        var result = (await calculator.CalculateAsync(system)).ThrowIfInvalid();

        Assert.Equal(2.5245, result.TotalExcludingBiogenicUptake.Value, 12);
        var used = Assert.Single(result.ByFactor);
        Assert.Equal(Unit.KilowattHour, used.AmountUsed.Unit);   // in the flow's unit: 250 / 20 = 12.5 kWh per kg
        Assert.Equal(12.5, used.AmountUsed.Value, 12);
        Assert.Equal(0.0561 * 3.6, used.Co2ePerUnit, 12);          // the factor converted once: 0.20196 kg CO2e per kWh
    }

    [Fact]
    public void ResolvedFactors_GiveTheHandCalculatedFootprint_WithFallbacksReported()
    {
        // Bracket (per piece): forming makes 100 pieces from 42 kg sheet and 15 kWh (region CN-JS);
        // rolling makes 950 kg sheet + 50 kg scrap (mass allocation: sheet 0.95) from 1 t coil, 0.12 MWh, 20 kg CO2.
        // Factors: coil 2000 kg CO2/t (CN 2023, exact); electricity 0.5 kg CO2/kWh given for CN 2022 only.
        //   sheet per kg = 0.95 × (2000 + 120 × 0.5 + 20) / 950 = 2080 / 1000 = 2.08 kg CO2e
        //   bracket per piece = (42 × 2.08 + 15 × 0.5) / 100 = (87.36 + 7.5) / 100 = 0.9486 kg CO2e
        var quality = new DataQuality(1, 1, 1, 2, 2);
        var result = CalculateBracket(
            Factor("steel/hot-rolled-coil", Unit.Tonne, "CN", 2023, 2000),
            Factor("electricity/grid", Unit.KilowattHour, "CN", 2022, 0.5, quality));

        Assert.Equal(0.9486, result.TotalExcludingBiogenicUptake.Value, 12);
        Assert.Equal(GwpSet.Ar6, result.GwpSet);

        // Forming asks for CN-JS per kWh: CN-JS -> CN-GRID-EAST -> CN (two steps) and 2023 -> 2022 (one year).
        // Rolling asks for CN per MWh: 2023 -> 2022 and kWh -> MWh. Both fallbacks are warned about.
        var fallback = Assert.Single(result.Warnings, w => w.Code == ProblemCodes.FactorFallbackUsed && w.Path.StartsWith("electricity/grid (CN-JS", StringComparison.Ordinal));
        Assert.Contains("region CN-JS -> CN", fallback.Message, StringComparison.Ordinal);
        Assert.Contains("year 2023 -> 2022", fallback.Message, StringComparison.Ordinal);
        Assert.Single(result.Warnings, w => w.Code == ProblemCodes.FactorFallbackUsed && w.Path.StartsWith("electricity/grid (CN,", StringComparison.Ordinal));
        var power = result.ByFactor.Where(f => f.Request.Key == "electricity/grid").ToList();
        Assert.All(power, f => Assert.Contains("fallbacks:", f.Source, StringComparison.Ordinal));
        Assert.All(power, f => Assert.Contains("via test data", f.Source, StringComparison.Ordinal));

        // Gross CO2e per piece by factor: CN-JS power 0.15 kWh × 0.5 = 0.075; CN power 0.42 / 950 × 0.95 × 120 kWh × 0.5 = 0.0252;
        // coil 0.42 / 950 × 0.95 × 2000 = 0.84 (no scores). Coverage = (0.075 + 0.0252) / (0.075 + 0.0252 + 0.84) = 0.1002 / 0.9402.
        Assert.Equal(0.1002 / 0.9402, result.DataQualityCoverage, 12);
        // Weighted scores: geographical (0.075 × (1 + 2) + 0.0252 × 1) / 0.1002; temporal 1 + 1 = 2 for both; completeness 2.
        var q = Assert.IsType<DataQuality>(result.DataQuality);
        Assert.Equal(((0.075 * 3) + 0.0252) / 0.1002, q.Geographical, 12);
        Assert.Equal(2, q.Temporal, 12);
        Assert.Equal(2, q.Completeness, 12);
        Assert.Equal(1, q.Technological, 12);
        // Both power factors fell back (region and/or year), the coil did not: fallback share = 0.1002 / 0.9402.
        Assert.Equal(0.1002 / 0.9402, result.FallbackShare, 12);
    }

    [Fact]
    public void FallbackOnAFactorWithoutScores_LowersTheReportedQualityThroughTheFallbackShare()
    {
        // As above, but no factor has scores (like the embedded defaults): DataQuality stays null, and the fallback shows in
        // FallbackShare (0.1002 / 0.9402 of the gross CO2e) and in the warning. The coil's year fallback (2023 -> 2021)
        // then makes every factor a fallback: share 1. A unit conversion alone (MWh for a per-kWh factor) is not a fallback.
        var result = CalculateBracket(
            Factor("steel/hot-rolled-coil", Unit.Tonne, "CN", 2023, 2000),
            Factor("electricity/grid", Unit.KilowattHour, "CN", 2022, 0.5));
        Assert.Null(result.DataQuality);
        Assert.Equal(0, result.DataQualityCoverage);
        Assert.Equal(0.1002 / 0.9402, result.FallbackShare, 12);
        Assert.Contains(result.Warnings, w => w.Code == ProblemCodes.FactorFallbackUsed
            && w.Message.EndsWith("the factor has no data-quality scores to lower, so it counts in the result's fallback share.", StringComparison.Ordinal));

        var allFallBack = CalculateBracket(
            Factor("steel/hot-rolled-coil", Unit.Tonne, "CN", 2021, 2000),
            Factor("electricity/grid", Unit.KilowattHour, "CN", 2022, 0.5));
        Assert.Equal(1, allFallBack.FallbackShare, 12);

        var exact = CalculateBracket(
            Factor("steel/hot-rolled-coil", Unit.Tonne, "CN", 2023, 2000),
            Factor("electricity/grid", Unit.KilowattHour, "CN-JS", 2023, 0.5),
            Factor("electricity/grid", Unit.KilowattHour, "CN", 2023, 0.5));
        Assert.Equal(0, exact.FallbackShare);
    }

    [Fact]
    public void CombustionOnlyFactor_InACradleToGateFootprint_IsWarnedAbout()
    {
        var combustion = Illustrative with { Kind = FactorKind.CombustionOnly };
        var result = CalculateBracket(
            Factor("steel/hot-rolled-coil", Unit.Tonne, "CN", 2023, 2000, provenance: Illustrative with { Kind = FactorKind.LifeCycle }),
            Factor("electricity/grid", Unit.KilowattHour, "CN", 2023, 0.5, provenance: combustion));

        var warnings = result.Warnings.Where(w => w.Code == ProblemCodes.CombustionOnlyFactor).ToList();
        Assert.NotEmpty(warnings);
        Assert.All(warnings, w => Assert.StartsWith("electricity/grid", w.Path, StringComparison.Ordinal));
        Assert.Contains(result.ByFactor, f => f.Source.Contains("combustion-only factor", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UnresolvedInputs_AreAllListedInOneFailure_AndNothingPartialIsReturned()
    {
        var calculator = new FootprintCalculator(new FactorResolver([new InMemoryFactorProvider("empty", [])]));

        var result = await calculator.CalculateAsync(Bracket());

        Assert.False(result.IsValid);
        var unresolved = result.Problems.Where(p => p.Code == ProblemCodes.UnresolvedFactor).Select(p => p.Path).ToList();
        Assert.Contains(unresolved, p => p.StartsWith("steel/hot-rolled-coil", StringComparison.Ordinal));
        Assert.Contains(unresolved, p => p.StartsWith("electricity/grid", StringComparison.Ordinal));
        var error = Assert.Throws<ValidationException>(() => result.Value);
        Assert.Contains("steel/hot-rolled-coil", error.Message, StringComparison.Ordinal);
        Assert.Contains("electricity/grid", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADemandTheSystemCannotMake_IsAProblemNamingTheDemand()
    {
        var calculator = new FootprintCalculator(new FactorResolver([new InMemoryFactorProvider("test data", [
            Factor("steel/hot-rolled-coil", Unit.Tonne, "CN", 2023, 2000), Factor("electricity/grid", Unit.KilowattHour, "CN", 2023, 0.5)])]));

        var result = await calculator.CalculateAsync(Bracket(), new CalculationOptions(Demand: new Demand("electricity", Quantity.Of(1, Unit.KilowattHour))));

        var problem = Assert.Single(result.Problems);
        Assert.Equal(ProblemCodes.UnknownDemand, problem.Code);
        Assert.Equal("demand", problem.Path);
    }

    [Fact]
    public async Task CompiledOnce_AnswersManyDemands_AndGwpSets()
    {
        var calculator = new FootprintCalculator(new FactorResolver([new InMemoryFactorProvider("test data", [
            Factor("steel/hot-rolled-coil", Unit.Tonne, "CN", 2023, 2000), Factor("electricity/grid", Unit.KilowattHour, "CN", 2023, 0.5)])]));
        var compiled = CompiledSystem.Compile(Bracket()).ThrowIfInvalid();

        // 1 piece = 0.9486 (see above); 1 kg sheet = 2.08; 250 pieces = 237.15.
        var piece = (await calculator.CalculateAsync(compiled)).ThrowIfInvalid();
        var sheet = (await calculator.CalculateAsync(compiled, new CalculationOptions(Demand: new Demand("sheet", Quantity.Of(1, Unit.Kilogram))))).ThrowIfInvalid();
        var many = (await calculator.CalculateAsync(compiled, new CalculationOptions(GwpSet: GwpSet.Ar5, Demand: new Demand("bracket", Quantity.Of(250, Unit.Piece))))).ThrowIfInvalid();

        Assert.Equal(0.9486, piece.TotalExcludingBiogenicUptake.Value, 12);
        Assert.Equal(2.08, sheet.TotalExcludingBiogenicUptake.Value, 12);
        Assert.Equal(237.15, many.TotalExcludingBiogenicUptake.Value, 10);
        Assert.Equal(GwpSet.Ar5, many.GwpSet);
    }

    [Fact]
    public async Task DependencyInjection_WithTheDefaultDataset_CalculatesWithSourcedLifeCycleElectricity()
    {
        var services = new ServiceCollection();
        services.AddPcfAccounting().AddDefaultFactors();
        await using var provider = services.BuildServiceProvider(validateScopes: true);
        await using var scope = provider.CreateAsyncScope();
        var calculator = scope.ServiceProvider.GetRequiredService<IFootprintCalculator>();

        // One process using 10 kWh of grid power in China, 2023: 10 × 0.6205 (MEE/NBS/NEA 2025, national
        // life-cycle factor for 2023) = 6.205 kg CO2e.
        var system = new ProductSystemBuilder("power user").InRegion("CN").ForYear(2023)
            .AddFlow("widget", "Widget", Unit.Piece)
            .AddFlow("power", "Electricity", Unit.KilowattHour, factorKey: "electricity/grid")
            .AddProcess("assembly", "Assembly", p => p.Produces("widget", 1, Unit.Piece).Consumes("power", 10, Unit.KilowattHour).InStage(LifeCycleStage.Production))
            .WithReferenceProduct("widget").WithDeclaredUnit(1, Unit.Piece).Build();

        var result = (await calculator.CalculateAsync(system)).ThrowIfInvalid();

        Assert.Equal(6.205, result.TotalExcludingBiogenicUptake.Value, 12);
        var factor = Assert.Single(result.ByFactor);
        Assert.Contains("life-cycle factor", factor.Source, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Warnings, w => w.Code == ProblemCodes.CombustionOnlyFactor);
    }
}
