using Pcf.Accounting.Gases;
using Pcf.Accounting.Model;
using Pcf.Accounting.Units;

namespace Pcf.Accounting.Tests.Model;

/// <summary>The code shown in docs/model.md and README.md, kept here so it cannot rot.</summary>
public sealed class DocsExampleTests
{
    [Fact]
    public void ModelDoc_BuilderExample_Builds()
    {
        ProductSystem system = new ProductSystemBuilder("Steel bracket")
            .InRegion("CN").ForYear(2023)
            .AddFlow("bracket", "Steel bracket, 0.4 kg", Unit.Piece)
            .AddFlow("sheet", "Cold-rolled steel sheet", Unit.Kilogram)
            .AddFlow("electricity", "Electricity, grid", Unit.KilowattHour, factorKey: "electricity/grid")
            .AddProcess("forming", "Cutting and bending", p => p
                .Produces("bracket", 100, Unit.Piece)
                .Consumes("sheet", 42, Unit.Kilogram, Supply.FromFactor("steel/cold-rolled-sheet"))
                .Consumes("electricity", 15, Unit.KilowattHour)
                .Emits(GreenhouseGas.Co2Fossil, 0.5, Unit.Kilogram)
                .InStage(LifeCycleStage.Production)
                .AsPrimaryData())
            .WithReferenceProduct("bracket")
            .WithDeclaredUnit(1, Unit.Piece)
            .Build();

        var inputs = system.GetProcess("forming").Inputs;
        Assert.Equal(Supply.FromFactor("steel/cold-rolled-sheet", "CN", 2023), inputs[0].Supply);
        Assert.Equal(Supply.FromFactor("electricity/grid", "CN", 2023), inputs[1].Supply);
    }
}
