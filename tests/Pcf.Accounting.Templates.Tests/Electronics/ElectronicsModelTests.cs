using CsCheck;
using Pcf.Accounting.Templates.Electronics;
using Pcf.Accounting.Templates.Electronics.Bom;
using Pcf.Accounting.Units;

namespace Pcf.Accounting.Templates.Tests.Electronics;

/// <summary>The part models and the BOM as a product system: hand-calculated examples and laws.</summary>
public sealed class ElectronicsModelTests
{
    private static BomNode Die(double mm2, string node = "5nm", double fabYield = 0.8, string abatement = "99", string? region = null)
    {
        var input = TemplateInput.Empty.Set("dieArea", Measure.Of(mm2, "mm2")).Set("node", node).Set("fabYield", fabYield).Set("abatement", abatement);
        return BomNode.Part("die", "act-logic", region is null ? input : input.Set("fabRegion", region));
    }

    private static BomNode Cpu(string id, double mm2, double quantity = 1) =>
        BomNode.Part(id, "boavizta-cpu", TemplateInput.Empty.Set("dieArea", Measure.Of(mm2, "mm2")), quantity);

    [Fact]
    public async Task LogicDie_ByArea_HandCalculated()
    {
        // ACT logic model (act/core/logic_model.py), 200 mm2 = 2 cm2 at 5 nm, yield 0.8, 99 % abatement, fab grid 0.5 kg/kWh (test):
        //   electricity = 2 cm2 x 2.75 kWh/cm2 (epa.yaml, 5nm) / 0.8 = 6.875 kWh;  x 0.5 kg/kWh = 3.4375 kg
        //   gases       = 2 x 0.225 kg/cm2 (gpa_99.yaml, 5nm) / 0.8       = 0.5625 kg
        //   materials   = 2 x 0.500 kg/cm2 (materials.yaml)   / 0.8       = 1.25 kg
        //   package     = 1 x 0.150 kg (common.py CARBON_PER_IC_PACKAGE)   = 0.15 kg
        //   total       = 3.4375 + 0.5625 + 1.25 + 0.15                     = 5.4 kg CO2e
        var template = new ElectronicsBomTemplate(new BillOfMaterials("die", [Die(200)]));

        var result = await ElectronicsTestSupport.CalculateAsync(template, TemplateInput.Empty);

        Assert.Equal(5.4, result.TotalExcludingBiogenicUptake.Value, 12);
        Assert.Equal(5.4, result.Process("bom:die"), 12);
        Assert.Equal(6.875, result.Inventory.Derivations().Single(d => d.Derivation.Name == "die: fab electricity").Derivation.Result.Value, 12);
        Assert.Equal(0.15, result.ByFactor.Where(f => f.Request.Key == "electronics/act/ic-package").Sum(f => f.Co2e.Value), 12);
    }

    [Fact]
    public async Task Hotspots_GroupByModuleAndPartType_AndNameEachPartsSource()
    {
        // Two CPUs in "board" (294 mm2 each: 294 x 0.0197 + 9.14 = 14.9318 kg) and a supplied PSU (4 kg, a test factor).
        var bom = new BillOfMaterials("server", [BomNode.Module("board", [Cpu("cpu", 294, 2)]), BomNode.Supplied("psu", "supplier/psu")]);

        var result = await ElectronicsTestSupport.CalculateAsync(new ElectronicsBomTemplate(bom), TemplateInput.Empty);

        var view = result.Views.Single(v => v.Id == "electronics-hotspots");
        Assert.Equal(2 * 14.9318, view.Line("module:board")!.Value, 9);
        Assert.Equal(4, view.Line("module:psu")!.Value, 12);
        Assert.Equal(2 * 14.9318, view.Line("part-type:cpu")!.Value, 9);
        Assert.Equal(4, view.Line("part-type:supplied-part")!.Value, 12);
        Assert.Null(view.Line("part-type:module"));
        Assert.Contains("electronics/boavizta/cpu/die", view.Line("part:board/cpu")!.Note, StringComparison.Ordinal);
        Assert.Equal(33.8636, result.TotalExcludingBiogenicUptake.Value, 9);
        Assert.Contains(result.Views.Single(v => v.Id == "template").Warnings, w => w.Path == "assemblyElectricity");
    }

    [Fact]
    public void Property_FootprintIsLinearInQuantity()
    {
        // A part used q times adds q times its footprint: q x (A x 0.0197 + 9.14) for a Boavizta CPU of A mm2.
        Gen.Double[1, 800].Select(Gen.Double[0.5, 64]).Sample((area, q) =>
        {
            var result = ElectronicsTestSupport.CalculateAsync(new ElectronicsBomTemplate(new BillOfMaterials("p", [Cpu("cpu", area, q)])), TemplateInput.Empty)
                .GetAwaiter().GetResult();
            double expected = q * ((area * 0.0197) + 9.14);
            Assert.Equal(expected, result.TotalExcludingBiogenicUptake.Value, expected * 1e-12);
        }, iter: 25);
    }

    [Fact]
    public void Property_TotalIsTheSumOverTheNestedBom_AndMovingAPartChangesNoTotal()
    {
        Gen.Double[1, 800].Select(Gen.Double[1, 800], Gen.Int[1, 4]).Sample((a, b, n) =>
        {
            // cpu b sits in module x, then in module y: the total stays, and equals the sum of the top-level modules.
            var first = new BillOfMaterials("p", [BomNode.Module("x", [Cpu("a", a), Cpu("b", b)], n), BomNode.Module("y", [Cpu("c", 100)])]);
            var moved = new BillOfMaterials("p", [BomNode.Module("x", [Cpu("a", a)], n), BomNode.Module("y", [Cpu("c", 100), Cpu("b", b, 1.0 * n)])]);
            var r1 = ElectronicsTestSupport.CalculateAsync(new ElectronicsBomTemplate(first), TemplateInput.Empty).GetAwaiter().GetResult();
            var r2 = ElectronicsTestSupport.CalculateAsync(new ElectronicsBomTemplate(moved), TemplateInput.Empty).GetAwaiter().GetResult();
            double total = r1.TotalExcludingBiogenicUptake.Value;
            Assert.Equal(total, r2.TotalExcludingBiogenicUptake.Value, total * 1e-12);
            var modules = r1.Views.Single(v => v.Id == "electronics-hotspots").Lines.Where(l => l.Key.StartsWith("module:", StringComparison.Ordinal)).Sum(l => l.Value);
            Assert.Equal(total, modules, total * 1e-12);
            Assert.Equal((n * ((a * 0.0197) + 9.14 + (b * 0.0197) + 9.14)) + (100 * 0.0197) + 9.14, total, total * 1e-12);
        }, iter: 15);
    }

    [Fact]
    public void Property_HigherYieldOrCleanerFabGrid_NeverRaisesAnIc()
    {
        Gen.Double[1, 600].Select(Gen.Double[0.05, 1], Gen.Double[0.05, 1], Gen.Double[0.001, 1.2], Gen.Double[0.001, 1.2]).Sample((area, y1, y2, g1, g2) =>
        {
            double Footprint(double fabYield, double grid) =>
                ElectronicsTestSupport.CalculateAsync(new ElectronicsBomTemplate(new BillOfMaterials("p", [Die(area, "7nm", fabYield, "97")])), TemplateInput.Empty, grid)
                    .GetAwaiter().GetResult().TotalExcludingBiogenicUptake.Value;

            var (low, high) = (Math.Min(y1, y2), Math.Max(y1, y2));
            Assert.True(Footprint(high, g1) <= Footprint(low, g1) * (1 + 1e-12));
            var (clean, dirty) = (Math.Min(g1, g2), Math.Max(g1, g2));
            Assert.True(Footprint(y1, clean) <= Footprint(y1, dirty) * (1 + 1e-12));
        }, iter: 15);
    }

    [Fact]
    public async Task FabRegion_OfAPart_OverridesTheProducts()
    {
        // 100 mm2 = 1 cm2 at 5 nm, yield 0.8: electricity 1 x 2.75 / 0.8 = 3.4375 kWh; TW 0.5 -> XB 1.0 adds 3.4375 x 0.5 = 1.71875 kg.
        var tw = await ElectronicsTestSupport.CalculateAsync(new ElectronicsBomTemplate(new BillOfMaterials("p", [Die(100)])), TemplateInput.Empty);
        var xb = await ElectronicsTestSupport.CalculateAsync(new ElectronicsBomTemplate(new BillOfMaterials("p", [Die(100, region: "XB")])), TemplateInput.Empty);
        var product = await ElectronicsTestSupport.CalculateAsync(new ElectronicsBomTemplate(new BillOfMaterials("p", [Die(100)])), TemplateInput.Empty.Set("fabRegion", "XB"));

        Assert.Equal(1.71875, xb.TotalExcludingBiogenicUptake.Value - tw.TotalExcludingBiogenicUptake.Value, 12);
        Assert.Equal(xb.TotalExcludingBiogenicUptake.Value, product.TotalExcludingBiogenicUptake.Value, 12);
    }

    [Fact]
    public void TemplateInput_Folder_TravelsToTheValues()
    {
        // The shape change this package needs: a parameter file's folder reaches the template, so "bomFile" resolves against it.
        var input = TemplateInput.Empty.Set("bomFile", "x.bom.json").InFolder("/data/boms").At("$.parameters").With("fabRegion", new TemplateInputValue("KR"));
        Assert.Equal("/data/boms", input.Folder);

        var values = TemplateValues.Bind(new ElectronicsBomTemplate().Parameters, input).ThrowIfInvalid();
        Assert.Equal("/data/boms", values.Folder);
        Assert.Null(TemplateValues.Bind(new ElectronicsBomTemplate().Parameters, TemplateInput.Empty).ThrowIfInvalid().Folder);
    }
}
