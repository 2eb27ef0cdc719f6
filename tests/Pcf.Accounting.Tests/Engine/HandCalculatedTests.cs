using Pcf.Accounting.Gases;
using Pcf.Accounting.Model;
using Pcf.Accounting.Results;
using Pcf.Accounting.Rules;
using Pcf.Accounting.Tests.TestSupport;
using Pcf.Accounting.Units;
using Pcf.Accounting.Validation;
using static Pcf.Accounting.Tests.TestSupport.Engine;

namespace Pcf.Accounting.Tests.Engine;

/// <summary>Reference calculations worked by hand; the arithmetic is in the comments.</summary>
public sealed class HandCalculatedTests
{
    private const double Tolerance = 1e-12;

    private static void Near(double expected, double actual) =>
        Assert.True(Math.Abs(expected - actual) <= Tolerance * Math.Max(1, Math.Abs(expected)), $"expected {expected:R}, got {actual:R}");

    [Fact]
    public void LinearChain()
    {
        // p2 makes 1 kg M from 1 kWh (0.5 kg CO2/kWh) and emits 0.1 kg CH4-fossil:
        //   per kg M = 1 × 0.5 + 0.1 × 29.8 (AR6 fossil CH4) = 3.48 kg CO2e.
        // p1 makes 1 kg P from 2 kg M and 3 kWh and emits 1 kg CO2-fossil:
        //   per kg P = 1 + 3 × 0.5 + 2 × 3.48 = 9.46 kg CO2e.
        var system = new ProductSystemBuilder("chain")
            .AddFlow("P", "P", Unit.Kilogram).AddFlow("M", "M", Unit.Kilogram).AddFlow("power", "power", Unit.KilowattHour)
            .AddProcess("p1", "p1", p => p.Produces("P", 1, Unit.Kilogram).Consumes("M", 2, Unit.Kilogram).Consumes("power", 3, Unit.KilowattHour)
                .Emits(GreenhouseGas.Co2Fossil, 1, Unit.Kilogram).InStage(LifeCycleStage.Production))
            .AddProcess("p2", "p2", p => p.Produces("M", 1, Unit.Kilogram).Consumes("power", 1, Unit.KilowattHour)
                .Emits(GreenhouseGas.Ch4Fossil, 0.1, Unit.Kilogram).InStage(LifeCycleStage.RawMaterialAcquisition))
            .WithReferenceProduct("P").WithDeclaredUnit(1, Unit.Kilogram).Build();

        var result = Calculate(system, Co2(("power", 0.5)));

        Near(9.46, result.TotalExcludingBiogenicUptake.Value);
        Near(9.46, result.TotalIncludingBiogenicUptake.Value);
        Near(9.46, result.Reported.FossilGhgEmissions.Value);
        // By process: p1 = 1 + 1.5 = 2.5; p2 = 2 runs × (0.5 + 2.98) = 6.96.
        Near(2.5, result.ByProcess.Single(p => p.Process == "p1").Total.Value);
        Near(6.96, result.ByProcess.Single(p => p.Process == "p2").Total.Value);
        Near(2, result.RunsOf("p2"));
        // By gas: CO2 = 1 + (3 + 2) × 0.5 = 3.5 kg; CH4 = 2 × 0.1 = 0.2 kg → 5.96 kg CO2e.
        Near(3.5, result.ByGas.Single(g => g.Gas == GreenhouseGas.Co2Fossil).Mass.Value);
        Near(0.2, result.ByGas.Single(g => g.Gas == GreenhouseGas.Ch4Fossil).Mass.Value);
        Near(5.96, result.ByGas.Single(g => g.Gas == GreenhouseGas.Ch4Fossil).Co2e.Value);
        // By factor: 5 kWh × 0.5 = 2.5; by stage: production 2.5, raw materials 6.96.
        var power = Assert.Single(result.ByFactor);
        Near(5, power.AmountUsed.Value);
        Near(2.5, power.Co2e.Value);
        Near(6.96, result.ByStage.Single(s => s.Stage == LifeCycleStage.RawMaterialAcquisition).Co2e.Value);
    }

    [Fact]
    public void TreeWithASharedSupplier()
    {
        // P makes 1 kg from 1 kg A and 2 kg B, emits 0.1 kg CO2. A makes 1 kg from 0.5 kg C, emits 1 kg CO2.
        // B makes 1 kg from 1 kg C, emits 0.5 kg CO2. C (shared by A and B) emits 2 kg CO2 per kg.
        // Demand 1 kg P: runs A = 1, B = 2, C = 1 × 0.5 + 2 × 1 = 2.5.
        // Total = 0.1 + 1 × 1 + 2 × 0.5 + 2.5 × 2 = 0.1 + 1 + 1 + 5 = 7.1 kg CO2e.
        var system = new ProductSystemBuilder("tree")
            .AddFlow("P", "P", Unit.Kilogram).AddFlow("A", "A", Unit.Kilogram).AddFlow("B", "B", Unit.Kilogram).AddFlow("C", "C", Unit.Kilogram)
            .AddProcess("p", "p", p => p.Produces("P", 1, Unit.Kilogram).Consumes("A", 1, Unit.Kilogram).Consumes("B", 2, Unit.Kilogram)
                .Emits(GreenhouseGas.Co2Fossil, 0.1, Unit.Kilogram).InStage(LifeCycleStage.Production))
            .AddProcess("a", "a", p => p.Produces("A", 1, Unit.Kilogram).Consumes("C", 0.5, Unit.Kilogram).Emits(GreenhouseGas.Co2Fossil, 1, Unit.Kilogram))
            .AddProcess("b", "b", p => p.Produces("B", 1, Unit.Kilogram).Consumes("C", 1, Unit.Kilogram).Emits(GreenhouseGas.Co2Fossil, 0.5, Unit.Kilogram))
            .AddProcess("c", "c", p => p.Produces("C", 1, Unit.Kilogram).Emits(GreenhouseGas.Co2Fossil, 2, Unit.Kilogram))
            .WithReferenceProduct("P").WithDeclaredUnit(1, Unit.Kilogram).Build();

        var result = Calculate(system);

        Near(7.1, result.TotalExcludingBiogenicUptake.Value);
        Near(2.5, result.RunsOf("c"));
        Near(5, result.ByProcess.Single(p => p.Process == "c").Total.Value);
        Near(1, result.ByProcess.Single(p => p.Process == "b").Total.Value);
    }

    [Fact]
    public void TwoProcessLoop()
    {
        // A makes 1 a from 0.2 b, emits 1 kg CO2; B makes 1 b from 0.5 a, emits 2 kg CO2.
        // Demand 1 a: s_A = 1 + 0.5 s_B, s_B = 0.2 s_A → s_A = 1 / 0.9 = 10/9, s_B = 2/9.
        // Total = 10/9 × 1 + 2/9 × 2 = 14/9 kg CO2e.
        var system = new ProductSystemBuilder("loop")
            .AddFlow("a", "a", Unit.Kilogram).AddFlow("b", "b", Unit.Kilogram)
            .AddProcess("A", "A", p => p.Produces("a", 1, Unit.Kilogram).Consumes("b", 0.2, Unit.Kilogram).Emits(GreenhouseGas.Co2Fossil, 1, Unit.Kilogram))
            .AddProcess("B", "B", p => p.Produces("b", 1, Unit.Kilogram).Consumes("a", 0.5, Unit.Kilogram).Emits(GreenhouseGas.Co2Fossil, 2, Unit.Kilogram))
            .WithReferenceProduct("a").WithDeclaredUnit(1, Unit.Kilogram).Build();

        var result = Calculate(system);

        Near(14.0 / 9, result.TotalExcludingBiogenicUptake.Value);
        Near(10.0 / 9, result.RunsOf("A"));
        Near(2.0 / 9, result.RunsOf("B"));
    }

    [Fact]
    public void ThreeProcessLoop()
    {
        // X → Y → Z → X: X makes 1 x from 0.1 z; Y makes 1 y from 0.2 x; Z makes 1 z from 0.5 y.
        // Demand 1 y. Runs s: X supplies Y (0.2 x per y) → s_X = 0.2 s_Y;
        // Z supplies X (0.1 z per x) → s_Z = 0.1 s_X; Y supplies the demand and Z (0.5 y per z) → s_Y = 1 + 0.5 s_Z.
        // s_Y = 1 + 0.5 × 0.1 × 0.2 s_Y = 1 + 0.01 s_Y → s_Y = 1/0.99; s_X = 0.2/0.99; s_Z = 0.02/0.99.
        // Emissions per run: X 10, Y 1, Z 100 kg CO2 → total = (0.2 × 10 + 1 + 0.02 × 100) / 0.99 = 5/0.99.
        var system = new ProductSystemBuilder("loop3")
            .AddFlow("x", "x", Unit.Kilogram).AddFlow("y", "y", Unit.Kilogram).AddFlow("z", "z", Unit.Kilogram)
            .AddProcess("X", "X", p => p.Produces("x", 1, Unit.Kilogram).Consumes("z", 0.1, Unit.Kilogram).Emits(GreenhouseGas.Co2Fossil, 10, Unit.Kilogram))
            .AddProcess("Y", "Y", p => p.Produces("y", 1, Unit.Kilogram).Consumes("x", 0.2, Unit.Kilogram).Emits(GreenhouseGas.Co2Fossil, 1, Unit.Kilogram))
            .AddProcess("Z", "Z", p => p.Produces("z", 1, Unit.Kilogram).Consumes("y", 0.5, Unit.Kilogram).Emits(GreenhouseGas.Co2Fossil, 100, Unit.Kilogram))
            .WithReferenceProduct("y").WithDeclaredUnit(1, Unit.Kilogram).Build();

        var result = Calculate(system);

        Near(5 / 0.99, result.TotalExcludingBiogenicUptake.Value);
        Near(0.02 / 0.99, result.RunsOf("Z"));
    }

    [Fact]
    public void UnitConversion_MegawattHoursAgainstAPerKilowattHourFactor()
    {
        // 0.12 MWh = 120 kWh; × 0.5306 kg CO2/kWh (any factor) = 63.672 kg CO2 per 950 kg sheet run.
        // Per 1 kg sheet: 63.672 / 950.
        var system = new ProductSystemBuilder("conversion")
            .AddFlow("sheet", "sheet", Unit.Kilogram).AddFlow("power", "power", Unit.KilowattHour)
            .AddProcess("rolling", "rolling", p => p.Produces("sheet", 950, Unit.Kilogram).Consumes("power", 0.12, Unit.MegawattHour))
            .WithReferenceProduct("sheet").WithDeclaredUnit(1, Unit.Kilogram).Build();

        var result = Calculate(system, Co2(("power", 0.5306)));

        Near(63.672 / 950, result.TotalExcludingBiogenicUptake.Value);
        Assert.Equal(Unit.KilowattHour, result.ByFactor[0].AmountUsed.Unit);
        Near(120.0 / 950, result.ByFactor[0].AmountUsed.Value);
    }

    private static ProductSystemBuilder CoProducts(AllocationMethod? method) => new ProductSystemBuilder("co-products")
        .AddFlow("sheet", "sheet", Unit.Kilogram).AddFlow("scrap", "scrap", Unit.Kilogram).AddFlow("gas", "gas", Unit.Megajoule)
        .AddProcess("mill", "mill", p => p
            .Produces(new ProductOutput("sheet", Quantity.Of(900, Unit.Kilogram)) { EnergyPerUnit = Quantity.Of(0, Unit.Megajoule), PricePerUnit = Quantity.Of(5, Unit.Currency("CNY")), Share = 0.8 })
            .CoProduces(new ProductOutput("scrap", Quantity.Of(100, Unit.Kilogram)) { EnergyPerUnit = Quantity.Of(1, Unit.Megajoule), PricePerUnit = Quantity.Of(1, Unit.Currency("CNY")), Share = 0.2 })
            .Emits(GreenhouseGas.Co2Fossil, 1000, Unit.Kilogram)
            .AllocatedBy(method))
        .WithReferenceProduct("sheet").WithDeclaredUnit(1, Unit.Kilogram);

    [Theory]
    // Mass: sheet share 900 / (900 + 100) = 0.9 → 900 kg CO2 / 900 kg = 1 kg CO2e per kg sheet.
    [InlineData(AllocationMethod.Mass, 0.9, 1.0)]
    // Economic: 900 × 5 = 4500 CNY, 100 × 1 = 100 CNY → share 4500/4600; per kg = 1000 × 4500/4600 / 900.
    [InlineData(AllocationMethod.Economic, 4500.0 / 4600, 1000 * (4500.0 / 4600) / 900)]
    // Stated: 0.8 → 800 / 900 per kg.
    [InlineData(AllocationMethod.Stated, 0.8, 800.0 / 900)]
    public void Allocation_PartitionsByTheMethod(AllocationMethod method, double sheetShare, double perKg)
    {
        var result = Calculate(CoProducts(method).Build());
        Near(perKg, result.TotalExcludingBiogenicUptake.Value);
        var record = Assert.Single(result.Allocations);
        Assert.Equal(method, record.Method);
        Assert.True(record.StatedByProcess);
        Near(sheetShare, record.Shares.Single(s => s.Flow == "sheet").Share);
        Near(1, record.Shares.Sum(s => s.Share));
    }

    [Fact]
    public void Allocation_Energy()
    {
        // A coke plant makes 700 kg coke (illustrative 28 MJ/kg) and 300 kg of gas (illustrative 40 MJ/kg) and emits 1000 kg CO2.
        // Energy: coke 700 × 28 = 19,600 MJ; gas 300 × 40 = 12,000 MJ → coke share 19,600 / 31,600 = 0.620253...
        // Per kg coke = 1000 × (19,600 / 31,600) / 700 = 0.886075...; per kg gas = 1000 × (12,000 / 31,600) / 300 = 1.265822...
        // (By mass the coke's share would be 0.7 and its footprint 1.0 per kg: the method matters.)
        var system = new ProductSystemBuilder("coke plant")
            .AddFlow("coke", "coke", Unit.Kilogram).AddFlow("cog", "coke oven gas", Unit.Kilogram)
            .AddProcess("oven", "oven", p => p
                .Produces(new ProductOutput("coke", Quantity.Of(700, Unit.Kilogram)) { EnergyPerUnit = Quantity.Of(28, Unit.Megajoule) })
                .CoProduces(new ProductOutput("cog", Quantity.Of(300, Unit.Kilogram)) { EnergyPerUnit = Quantity.Of(40, Unit.Megajoule) })
                .Emits(GreenhouseGas.Co2Fossil, 1000, Unit.Kilogram)
                .AllocatedBy(AllocationMethod.Energy))
            .WithReferenceProduct("coke").WithDeclaredUnit(1, Unit.Kilogram).Build();

        var coke = Calculate(system);
        Near(1000 * (19_600.0 / 31_600) / 700, coke.TotalExcludingBiogenicUptake.Value);
        var record = Assert.Single(coke.Allocations);
        Assert.Equal(AllocationMethod.Energy, record.Method);
        Near(19_600.0 / 31_600, record.Shares.Single(s => s.Flow == "coke").Share);
        Near(12_000.0 / 31_600, record.Shares.Single(s => s.Flow == "cog").Share);
        Near(1000 * (12_000.0 / 31_600) / 300, Calculate(system, demand: new Demand("cog", Quantity.Of(1, Unit.Kilogram))).TotalExcludingBiogenicUptake.Value);
    }

    [Fact]
    public void Allocation_Energy_ACoProductWithoutEnergyCarriesNothing()
    {
        // Energy: sheet 900 kg × 0 MJ/kg = 0; scrap 100 × 1 = 100 MJ → sheet share 0: its footprint is 0.
        // The scrap then carries all: per kg scrap = 1000 / 100 = 10.
        var system = CoProducts(AllocationMethod.Energy).Build();
        Near(0, Calculate(system).TotalExcludingBiogenicUptake.Value);
        Near(10, Calculate(system, demand: new Demand("scrap", Quantity.Of(1, Unit.Kilogram))).TotalExcludingBiogenicUptake.Value);
    }

    [Fact]
    public void Allocation_RuleSetChoosesFirstMethodTheDataSupport()
    {
        // No method stated; no co-product states a displaced supply, so the ISO 14044 order picks mass.
        var result = Calculate(CoProducts(null).Build());
        var record = Assert.Single(result.Allocations);
        Assert.Equal(AllocationMethod.Mass, record.Method);
        Assert.False(record.StatedByProcess);
        Near(1.0, result.TotalExcludingBiogenicUptake.Value);
        Assert.Equal("mass: sheet 900 kg (90.00%), scrap 100 kg (10.00%)", record.Basis);
    }

    [Fact]
    public void SystemExpansion_CreditIsReportedOnItsOwnLine()
    {
        // The mill makes 1 t of product and 50 kWh of surplus power that displaces grid power (0.6 kg CO2/kWh).
        // Per t: 500 kg CO2 direct − 50 × 0.6 = 470; the credit line shows −30.
        var system = new ProductSystemBuilder("expansion")
            .AddFlow("steel", "steel", Unit.Tonne).AddFlow("power", "power", Unit.KilowattHour)
            .AddProcess("mill", "mill", p => p
                .Produces("steel", 1, Unit.Tonne)
                .CoProduces(new ProductOutput("power", Quantity.Of(50, Unit.KilowattHour)) { Displaces = Supply.FromFactor("grid") })
                .Emits(GreenhouseGas.Co2Fossil, 500, Unit.Kilogram))
            .WithReferenceProduct("steel").WithDeclaredUnit(1, Unit.Tonne).Build();

        var result = Calculate(system, Co2(("grid", 0.6)));

        Near(470, result.TotalExcludingBiogenicUptake.Value);
        Near(-30, result.Reported.SystemExpansionCredits.Value);
        Assert.Equal(AllocationMethod.SystemExpansion, Assert.Single(result.Allocations).Method);
        Near(-50, result.ByFactor[0].AmountUsed.Value);
    }

    // The mill's 50 kWh displace the system's own power plant (1 kWh per run, 0.8 kg CO2).
    // The fab needs 1 t steel and 100 kWh: plant runs 100 − 50 = 50 times → 40 kg; mill 500 → 540 kg.
    // Credit: 50 kWh × 0.8 = −40.
    internal static ProductSystem ExpansionDisplacingAProcess() => new ProductSystemBuilder("expansion")
        .AddFlow("part", "part", Unit.Piece).AddFlow("steel", "steel", Unit.Tonne).AddFlow("power", "power", Unit.KilowattHour)
        .AddProcess("fab", "fab", p => p.Produces("part", 1, Unit.Piece).Consumes("steel", 1, Unit.Tonne).Consumes("power", 100, Unit.KilowattHour, Supply.FromProcess("plant")))
        .AddProcess("mill", "mill", p => p
            .Produces("steel", 1, Unit.Tonne)
            .CoProduces(new ProductOutput("power", Quantity.Of(50, Unit.KilowattHour)) { Displaces = Supply.FromProcess("plant") })
            .Emits(GreenhouseGas.Co2Fossil, 500, Unit.Kilogram))
        .AddProcess("plant", "plant", p => p.Produces("power", 1, Unit.KilowattHour).Emits(GreenhouseGas.Co2Fossil, 0.8, Unit.Kilogram))
        .WithReferenceProduct("part").WithDeclaredUnit(1, Unit.Piece).Build();

    [Fact]
    public void SystemExpansion_DisplacingAForegroundProcess()
    {
        var result = Calculate(ExpansionDisplacingAProcess());

        Near(540, result.TotalExcludingBiogenicUptake.Value);
        Near(-40, result.Reported.SystemExpansionCredits.Value);
        Near(50, result.RunsOf("plant"));
    }

    [Fact]
    public void BiogenicProduct_UptakeAndReleaseAreReportedSeparately()
    {
        // A wooden pallet (1 piece): the sawmill takes up 30 kg biogenic CO2 into the wood (uptake),
        // burns offcuts releasing 5 kg biogenic CO2 and 0.01 kg biogenic CH4, and emits 4 kg fossil CO2.
        // AR6: biogenic CH4 0.01 × 27.0 = 0.27.
        // Excluding uptake = 4 (fossil) + 5 (biogenic CO2) + 0.27 (biogenic CH4) = 9.27.
        // Including uptake = 9.27 − 30 = −20.73.
        var system = new ProductSystemBuilder("pallet")
            .AddFlow("pallet", "pallet", Unit.Piece)
            .AddProcess("sawmill", "sawmill", p => p
                .Produces("pallet", 1, Unit.Piece)
                .Emits(GreenhouseGas.Co2Biogenic, 30, Unit.Kilogram, ElementaryExchangeKind.BiogenicUptake)
                .Emits(GreenhouseGas.Co2Biogenic, 5, Unit.Kilogram)
                .Emits(GreenhouseGas.Ch4Biogenic, 10, Unit.Gram)
                .Emits(GreenhouseGas.Co2Fossil, 4, Unit.Kilogram))
            .WithReferenceProduct("pallet").WithDeclaredUnit(1, Unit.Piece).Build();

        var result = Calculate(system);

        Near(9.27, result.TotalExcludingBiogenicUptake.Value);
        Near(-20.73, result.TotalIncludingBiogenicUptake.Value);
        Near(4, result.Reported.FossilGhgEmissions.Value);
        Near(5, result.Reported.BiogenicCo2Emissions.Value);
        Near(-30, result.Reported.BiogenicCo2Uptake.Value);
        Near(0.27, result.Reported.BiogenicNonCo2Emissions.Value);
        // Net biogenic CO2 mass: 5 − 30 = −25 kg.
        Near(-25, result.ByGas.Single(g => g.Gas == GreenhouseGas.Co2Biogenic).Mass.Value);
    }

    [Fact]
    public void SeparatelyReportedKinds_AndTheirSumRules()
    {
        // Per run: 10 fossil, 2 dLUC (CO2-fossil), 3 land-management fossil N2O-free CO2, 1 land-management biogenic CO2,
        // −4 land-management removal, −2 technological removal, −1 CCS capture, aircraft process 0.5.
        var system = new ProductSystemBuilder("kinds")
            .AddFlow("p", "p", Unit.Kilogram).AddFlow("freight", "air freight", Unit.TonneKilometre)
            .AddProcess("farm", "farm", p => p.Produces("p", 1, Unit.Kilogram)
                .Consumes("freight", 1, Unit.TonneKilometre)
                .Emits(GreenhouseGas.Co2Fossil, 10, Unit.Kilogram)
                .Emits(GreenhouseGas.Co2Fossil, 2, Unit.Kilogram, ElementaryExchangeKind.LandUseChangeEmission)
                .Emits(GreenhouseGas.Co2Fossil, 3, Unit.Kilogram, ElementaryExchangeKind.LandManagementEmission)
                .Emits(GreenhouseGas.Co2Biogenic, 1, Unit.Kilogram, ElementaryExchangeKind.LandManagementEmission)
                .Emits(GreenhouseGas.Co2Biogenic, 4, Unit.Kilogram, ElementaryExchangeKind.LandManagementRemoval)
                .Emits(GreenhouseGas.Co2Fossil, 2, Unit.Kilogram, ElementaryExchangeKind.TechnologicalRemoval)
                .Emits(GreenhouseGas.Co2Fossil, 1, Unit.Kilogram, ElementaryExchangeKind.CcsCapture))
            .AddProcess("flight", "flight", p => p.Produces("freight", 1, Unit.TonneKilometre).Emits(GreenhouseGas.Co2Fossil, 0.5, Unit.Kilogram).Tagged(Tags.AircraftTransport))
            .WithReferenceProduct("p").WithDeclaredUnit(1, Unit.Kilogram).Build();

        var r = Calculate(system).Reported;

        Near(10 + 3 + 0.5, r.FossilGhgEmissions.Value);             // land-management fossil is part of fossil
        Near(3, r.LandManagementFossilGhgEmissions.Value);
        Near(2, r.LandUseChangeEmissions.Value);
        Near(1, r.LandManagementBiogenicCo2Emissions.Value);
        Near(-4, r.LandManagementBiogenicCo2Removals.Value);
        Near(-2, r.TechnologicalCo2Removals.Value);
        Near(-1, r.CcsTechnologicalCo2Capture.Value);
        Near(0.5, r.AircraftEmissions.Value);
        // PACT 3.0 sum rule: 13.5 + 2 + 1 − 4 − 2 − 1 + 0 (biogenic non-CO2) = 9.5.
        Near(9.5, Calculate(system).TotalExcludingBiogenicUptake.Value);
    }

    [Fact]
    public void Boundary_ExcludesStagesOutsideIt_AndReportsTheCutOff()
    {
        // Cradle-to-gate leaves out the "use" process: its 7 kg are reported as cut off, not counted.
        var system = new ProductSystemBuilder("boundary")
            .AddFlow("p", "p", Unit.Kilogram).AddFlow("u", "u", Unit.Kilogram)
            .AddProcess("make", "make", p => p.Produces("p", 1, Unit.Kilogram).Consumes("u", 1, Unit.Kilogram).Emits(GreenhouseGas.Co2Fossil, 3, Unit.Kilogram).InStage(LifeCycleStage.Production))
            .AddProcess("use", "use", p => p.Produces("u", 1, Unit.Kilogram).Emits(GreenhouseGas.Co2Fossil, 7, Unit.Kilogram).InStage(LifeCycleStage.Use))
            .WithReferenceProduct("p").WithDeclaredUnit(1, Unit.Kilogram).Build();

        var result = Calculate(system);
        Near(3, result.TotalExcludingBiogenicUptake.Value);
        Near(7, result.CutOff.Excluded.Value);
        Near(0.7, result.CutOff.Share);                 // 7 / (3 + 7)
        Assert.Equal("boundary CradleToGate excludes stage Use: process 'use'", Assert.Single(result.CutOff.Rules));
        Near(10, Calculate(system, rules: RuleSet.Iso14067 with { Boundary = SystemBoundary.CradleToGrave }).TotalExcludingBiogenicUptake.Value);
    }

    [Fact]
    public void PrimaryDataShare_IsTheShareOfGrossEmissionsFromPrimaryData()
    {
        // "make" (primary: site-measured) emits 3 kg and uses 2 kWh × 0.5 = 1 kg from a secondary grid factor: its
        // metered power counts as primary activity data too. "part" (secondary) emits 2 kg per unit, 0.5 unit used:
        // 1 kg. Primary share = (3 + 1) / (3 + 1 + 1) = 0.8.
        var system = new ProductSystemBuilder("primary")
            .AddFlow("p", "p", Unit.Kilogram).AddFlow("power", "power", Unit.KilowattHour).AddFlow("part", "part", Unit.Kilogram)
            .AddProcess("make", "make", p => p.Produces("p", 1, Unit.Kilogram).Consumes("power", 2, Unit.KilowattHour).Consumes("part", 0.5, Unit.Kilogram)
                .Emits(GreenhouseGas.Co2Fossil, 3, Unit.Kilogram).AsPrimaryData())
            .AddProcess("parts", "parts", p => p.Produces("part", 1, Unit.Kilogram).Emits(GreenhouseGas.Co2Fossil, 2, Unit.Kilogram))
            .WithReferenceProduct("p").WithDeclaredUnit(1, Unit.Kilogram).Build();
        Near(0.8, Calculate(system, Co2(("power", 0.5))).PrimaryDataShare);
    }

    [Fact]
    public void Compile_SingularLoop_NamesTheProcesses()
    {
        // A makes 1 a from 1 b; B makes 1 b from 1 a: the loop nets nothing (A = [[1, −1], [−1, 1]]).
        var system = new ProductSystemBuilder("singular")
            .AddFlow("a", "a", Unit.Kilogram).AddFlow("b", "b", Unit.Kilogram)
            .AddProcess("A", "A", p => p.Produces("a", 1, Unit.Kilogram).Consumes("b", 1, Unit.Kilogram))
            .AddProcess("B", "B", p => p.Produces("b", 1, Unit.Kilogram).Consumes("a", 1, Unit.Kilogram))
            .WithReferenceProduct("a").WithDeclaredUnit(1, Unit.Kilogram).Build();

        var problem = Assert.Single(Pcf.Accounting.Engine.CompiledSystem.Compile(system).Problems);
        Assert.Equal(ProblemCodes.SingularSystem, problem.Code);
        Assert.Contains("'A', 'B'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_CoProductsWithoutAllocationData_IsAProblem()
    {
        var system = new ProductSystemBuilder("no data")
            .AddFlow("a", "a", Unit.Piece).AddFlow("b", "b", Unit.Piece)
            .AddProcess("P", "P", p => p.Produces("a", 1, Unit.Piece).CoProduces("b", 1, Unit.Piece))
            .WithReferenceProduct("a").WithDeclaredUnit(1, Unit.Piece).Build();
        var problem = Assert.Single(Pcf.Accounting.Engine.CompiledSystem.Compile(system).Problems);
        Assert.Equal(("$.processes[0].coProducts", ProblemCodes.InvalidAllocation), (problem.Path, problem.Code));
    }

    [Fact]
    public void Explain_ChildrenSumToTheirParent_AndShowTheArithmetic()
    {
        var system = Systems.BracketBuilder().Build();
        var result = Calculate(system, Co2(("electricity/grid", 0.6205), ("steel/hot-rolled-coil", 2000)));
        var root = result.Explain(minimumShare: 0);

        Near(result.TotalIncludingBiogenicUptake.Value, root.Co2e.Value);
        foreach (var (node, _) in root.Flatten().Where(n => !n.Node.Children.IsEmpty))
        {
            Assert.True(Math.Abs(node.Co2e.Value - node.Children.Sum(c => c.Co2e.Value)) <= 1e-9 * Math.Max(1, Math.Abs(node.Co2e.Value)), node.Label);
        }

        var sheet = Assert.Single(root.Children, c => c.Kind == ExplanationKind.Product);
        Assert.Equal("sheet from 'rolling'", sheet.Label);
        // The rolling's power input is stated in MWh and converted: the arithmetic says so.
        Assert.Contains(sheet.Children, c => c.Arithmetic.Contains("(0.12 MWh = 120 kWh)", StringComparison.Ordinal) && c.Source == "test, test data; via test data");
        Assert.Contains(sheet.Children, c => c.Arithmetic.Contains("allocation share 0.95", StringComparison.Ordinal));
    }

    [Fact]
    public void ExplainGas_LinearChain_DirectEmissionsAndFactorComponentsSumToTheByGasLine()
    {
        var system = new ProductSystemBuilder("chain")
            .AddFlow("P", "P", Unit.Kilogram).AddFlow("M", "M", Unit.Kilogram).AddFlow("power", "power", Unit.KilowattHour)
            .AddProcess("p1", "p1", p => p.Produces("P", 1, Unit.Kilogram).Consumes("M", 2, Unit.Kilogram).Consumes("power", 3, Unit.KilowattHour)
                .Emits(GreenhouseGas.Co2Fossil, 1, Unit.Kilogram))
            .AddProcess("p2", "p2", p => p.Produces("M", 1, Unit.Kilogram).Consumes("power", 1, Unit.KilowattHour)
                .Emits(GreenhouseGas.Ch4Fossil, 0.1, Unit.Kilogram))
            .WithReferenceProduct("P").WithDeclaredUnit(1, Unit.Kilogram).Build();
        var result = Calculate(system, Co2(("power", 0.5)));

        // CO2-fossil: p1's own 1 kg, plus power: (3 + 2 runs of p2 × 1) kWh = 5 kWh × 0.5 kg/kWh = 2.5 kg; 3.5 kg × GWP 1.
        var co2 = result.ExplainGas(GreenhouseGas.Co2Fossil);
        Assert.Equal(ExplanationKind.Gas, co2.Kind);
        Near(3.5, co2.Co2e.Value);
        Assert.Equal(2, co2.Children.Length);
        var viaPower = Assert.Single(co2.Children, c => c.Kind == ExplanationKind.Factor);
        Near(2.5, viaPower.Co2e.Value);
        Assert.Equal("CO2-fossil Emission via power (GLO, latest) per kWh", viaPower.Label);
        Assert.Equal("test, test data; via test data", viaPower.Source);
        var own = Assert.Single(co2.Children, c => c.Kind == ExplanationKind.DirectExchange);
        Assert.Equal("CO2-fossil Emission of 'p1'", own.Label);
        Near(1, own.Co2e.Value);

        // CH4-fossil: p2 runs twice × 0.1 kg = 0.2 kg × 29.8 (AR6) = 5.96 kg CO2e; power carries no methane. 3.5 + 5.96 = 9.46, the total.
        var ch4 = result.ExplainGas(GreenhouseGas.Ch4Fossil);
        var p2 = Assert.Single(ch4.Children);
        Near(5.96, p2.Co2e.Value);
        Assert.Contains("2 runs × 0.1 kg CH4-fossil per run = 0.2 kg CH4-fossil × GWP 29.8 (AR6)", p2.Arithmetic, StringComparison.Ordinal);
        Near(result.TotalIncludingBiogenicUptake.Value, co2.Co2e.Value + ch4.Co2e.Value);

        // A gas that does not occur: zero, nothing to show.
        var n2o = result.ExplainGas(GreenhouseGas.N2O);
        Assert.Equal(0, n2o.Co2e.Value);
        Assert.Empty(n2o.Children);
    }

    [Fact]
    public void ExplainGas_EveryGasOfTheBracket_ChildrenSumToItsByGasLine()
    {
        var system = Systems.BracketBuilder().Build();
        var result = Calculate(system, Co2(("electricity/grid", 0.6205), ("steel/hot-rolled-coil", 2000)));

        Assert.NotEmpty(result.ByGas);
        foreach (var line in result.ByGas.Where(l => l.Gas is not null))
        {
            var node = result.ExplainGas(line.Gas!);
            Near(line.Co2e.Value, node.Co2e.Value);
            Near(line.Co2e.Value, node.Children.Sum(c => c.Co2e.Value));
        }
    }

    [Fact]
    public void ExplainGas_Co2eOnlyFactor_SaysItCarriesNoPerGasSplit()
    {
        // power: 0.5 kg CO2-fossil per kWh; grid: 0.6 kg CO2e per kWh with no per-gas data.
        var system = new ProductSystemBuilder("two-factors")
            .AddFlow("P", "P", Unit.Kilogram).AddFlow("power", "power", Unit.KilowattHour).AddFlow("grid", "grid", Unit.KilowattHour)
            .AddProcess("p1", "p1", p => p.Produces("P", 1, Unit.Kilogram).Consumes("power", 2, Unit.KilowattHour).Consumes("grid", 1, Unit.KilowattHour))
            .WithReferenceProduct("P").WithDeclaredUnit(1, Unit.Kilogram).Build();
        var compiled = Pcf.Accounting.Engine.CompiledSystem.Compile(system).ThrowIfInvalid();
        var factors = new Dictionary<string, (GreenhouseGas?, double)[]>
        {
            ["power"] = [(GreenhouseGas.Co2Fossil, 0.5)],
            ["grid"] = [(null, 0.6)],
        };
        var result = compiled.Calculate(ResolutionOf(compiled, factors, GwpSet.Ar6));
        var co2 = result.ExplainGas(GreenhouseGas.Co2Fossil);

        // 2 kWh × 0.5 = 1 kg CO2-fossil; the grid's 0.6 kg CO2e cannot be attributed to a gas.
        Near(1, co2.Co2e.Value);
        var note = Assert.Single(co2.Children, c => c.Label.Contains("no per-gas split", StringComparison.Ordinal));
        Assert.Equal(0, note.Co2e.Value);
        Assert.StartsWith("grid (GLO, latest) per kWh", note.Label, StringComparison.Ordinal);
        Assert.Contains("its 0.6 kg CO2e are in the CO2e line", note.Note, StringComparison.Ordinal);
        Near(1, co2.Children.Sum(c => c.Co2e.Value));
    }
}
