using Microsoft.Extensions.DependencyInjection;
using Pcf.Accounting.Engine;
using Pcf.Accounting.Gases;
using Pcf.Accounting.Model;
using Pcf.Accounting.Results;
using Pcf.Accounting.Templates.Cbam;
using Pcf.Accounting.Units;

namespace Pcf.Accounting.Templates.Tests.Cement;

/// <summary>The CBAM view over a hand-built system: a grid process, a clinker kiln (precursor) and a cement mill (installation).</summary>
public sealed class CbamViewTests
{
    private static readonly CbamGood Cement = new("cement", "2523 29 00", CountsIndirect: true);

    // grid: 1 kWh emits 0.5 kg CO2 (fossil)                        (an in-system electricity supplier, flow tagged cbam:electricity)
    // kiln: 1 t clinker emits 500 kg CO2 fossil + 100 kg CO2 biogenic, uses 60 kWh        (tagged cbam:precursor=clinker)
    // mill: 1 t cement emits 10 kg CO2 fossil, uses 0.8 t clinker and 40 kWh; 0.002 kg N2O   (tagged cbam:installation)
    private static ProductSystem System(bool tagged = true) => new ProductSystemBuilder("cbam test")
        .AddFlow("cement", "cement", Unit.Tonne)
        .AddFlow("clinker", "clinker", Unit.Tonne)
        .AddFlow(new Flow("electricity", "electricity", Unit.KilowattHour) { Tags = [Tag.Parse(CbamTags.Electricity)] })
        .AddProcess("grid", "grid", p => p.Produces("electricity", 1, Unit.KilowattHour).Emits(GreenhouseGas.Co2Fossil, 0.5, Unit.Kilogram))
        .AddProcess("kiln", "kiln", p =>
        {
            p.Produces("clinker", 1, Unit.Tonne).Emits(GreenhouseGas.Co2Fossil, 500, Unit.Kilogram)
                .Consumes("electricity", 60, Unit.KilowattHour, Supply.FromProcess("grid"));
            if (tagged)
            {
                p.Tagged(CbamTags.Precursor("clinker")).Emits(GreenhouseGas.Co2Biogenic, 100, Unit.Kilogram);
            }
        })
        .AddProcess("mill", "mill", p => p.Produces("cement", 1, Unit.Tonne).Tagged(CbamTags.Installation)
            .Emits(GreenhouseGas.Co2Fossil, 10, Unit.Kilogram).Emits(GreenhouseGas.N2O, 0.002, Unit.Kilogram)
            .Consumes("clinker", 0.8, Unit.Tonne, Supply.FromProcess("kiln"))
            .Consumes("electricity", 40, Unit.KilowattHour, Supply.FromProcess("grid")))
        .WithReferenceProduct("cement")
        .WithDeclaredUnit(1, Unit.Tonne)
        .Build();

    private static async Task<ViewResult> ViewAsync(CbamGood good, ProductSystem system)
    {
        using var services = new ServiceCollection().AddPcfAccounting().Services.BuildServiceProvider();
        using var scope = services.CreateScope();
        var calculator = scope.ServiceProvider.GetRequiredService<IFootprintCalculator>();
        var result = (await calculator.CalculateAsync(system, new CalculationOptions { Views = [new CbamView(good)] })).ThrowIfInvalid();
        return result.View(CbamView.ViewId)!;
    }

    private static double Line(ViewResult view, string key) => (view.Line(key) ?? throw new InvalidOperationException($"no line '{key}'")).Value;

    [Fact]
    public async Task ComplexGood_HandCalculated()
    {
        var view = await ViewAsync(Cement, System());

        // Clinker: direct 500 kg/t = 0.5 t/t; indirect 60 kWh × 0.5 kg/kWh = 30 kg = 0.030 t/t. Biogenic 100 kg/t is zero-rated.
        // Cement: AL = 1 t; AttrEm direct = 10 kg = 0.010 t (N2O is not a CBAM gas of cement); indirect 40 × 0.5 = 20 kg = 0.020 t.
        // M_clinker = 0.8 t: EE direct = 0.8 × 0.5 = 0.40 t; EE indirect = 0.8 × 0.030 = 0.024 t.
        // SEE direct = (0.010 + 0.40)/1 = 0.410; SEE indirect = (0.020 + 0.024)/1 = 0.044; SEE = 0.454 t CO2e/t.
        Assert.Equal(0.410, Line(view, "see-direct"), 12);
        Assert.Equal(0.044, Line(view, "see-indirect"), 12);
        Assert.Equal(0.454, Line(view, "see"), 12);
        Assert.Equal(0.010, Line(view, "attributed-direct"), 12);
        Assert.Equal(0.020, Line(view, "attributed-indirect"), 12);
        Assert.Equal(1, Line(view, "activity-level"), 12);
        Assert.Equal(0.8, Line(view, "precursor:clinker:mass"), 12);
        Assert.Equal(0.5, Line(view, "precursor:clinker:see-direct"), 12);
        Assert.Equal(0.030, Line(view, "precursor:clinker:see-indirect"), 12);
        Assert.Equal(0.40, Line(view, "precursors-direct"), 12);
        Assert.Equal(0.024, Line(view, "precursors-indirect"), 12);
        // Left out: biogenic 0.8 t clinker × 100 kg = 80 kg = 0.08 t CO2; N2O 0.002 kg × 273 (AR6) = 0.546 kg = 0.000546 t CO2e.
        Assert.Equal(0.08, Line(view, "excluded-biogenic-co2"), 12);
        Assert.Equal(0.000546, Line(view, "excluded-other-gases"), 9);
        Assert.Empty(view.Warnings);
    }

    [Fact]
    public async Task DirectOnlyGood_CountsDirectOnly()
    {
        var view = await ViewAsync(Cement with { Name = "steel-like", CountsIndirect = false }, System());

        // see = see-direct = 0.410 (Annex II goods count direct emissions only); see-indirect is still shown: 0.044.
        Assert.Equal(0.410, Line(view, "see"), 12);
        Assert.Equal(0.044, Line(view, "see-indirect"), 12);
    }

    [Fact]
    public async Task UntaggedPrecursor_IsLeftOutAsUpstream()
    {
        var view = await ViewAsync(Cement, System(tagged: false));

        // Without its tag (and here without biogenic CO2) the kiln is a supply chain, not a precursor: see-direct = 0.010/1;
        // its 0.8 × (500 + 60 × 0.5) kg = 424 kg go to excluded-upstream: 0.424 t.
        Assert.Equal(0.010, Line(view, "see-direct"), 12);
        Assert.Equal(0.424, Line(view, "excluded-upstream"), 9);
        Assert.Null(view.Line("precursor:clinker:mass"));
    }

    [Fact]
    public void Tags_AreTheDocumentedTexts()
    {
        Assert.Equal("cbam:installation", CbamTags.Installation);
        Assert.Equal("cbam:electricity", CbamTags.Electricity);
        Assert.Equal("cbam:precursor=clinker", CbamTags.Precursor("clinker"));
        Assert.Throws<ArgumentException>(() => CbamTags.Precursor("a=b"));
        Assert.Throws<ArgumentException>(() => CbamTags.Precursor("pig iron"));
    }
}
