using Pcf.Accounting.Gases;
using Pcf.Accounting.Model;
using Pcf.Accounting.Units;

namespace Pcf.Accounting.Tests.TestSupport;

/// <summary>Small hand-made product systems shared by tests.</summary>
internal static class Systems
{
    /// <summary>
    /// A steel bracket: cutting and bending consumes steel sheet (made in the system from coil and grid power)
    /// and grid power; the sheet rolling also yields scrap as a co-product.
    /// </summary>
    public static ProductSystemBuilder BracketBuilder() => new ProductSystemBuilder("Steel bracket")
        .InRegion("CN").ForYear(2023)
        .AddFlow("bracket", "Steel bracket, 0.4 kg", Unit.Piece)
        .AddFlow("sheet", "Cold-rolled steel sheet", Unit.Kilogram)
        .AddFlow("coil", "Hot-rolled steel coil", Unit.Tonne, factorKey: "steel/hot-rolled-coil")
        .AddFlow("scrap", "Steel scrap", Unit.Kilogram)
        .AddFlow("electricity", "Electricity, grid", Unit.KilowattHour, factorKey: "electricity/grid")
        .AddProcess("forming", "Cutting and bending", p => p
            .Produces("bracket", 100, Unit.Piece)
            .Consumes("sheet", 42, Unit.Kilogram)
            .Consumes("electricity", 15, Unit.KilowattHour)
            .InStage(LifeCycleStage.Production)
            .InRegion("CN-JS")
            .AsPrimaryData())
        .AddProcess("rolling", "Cold rolling", p => p
            .Produces(new ProductOutput("sheet", Quantity.Of(950, Unit.Kilogram)))
            .CoProduces(new ProductOutput("scrap", Quantity.Of(50, Unit.Kilogram)))
            .Consumes("coil", 1, Unit.Tonne)
            .Consumes("electricity", 0.12, Unit.MegawattHour)
            .Emits(GreenhouseGas.Co2Fossil, 20, Unit.Kilogram)
            .AllocatedBy(AllocationMethod.Mass)
            .InStage(LifeCycleStage.RawMaterialAcquisition))
        .WithReferenceProduct("bracket")
        .WithDeclaredUnit(1, Unit.Piece)
        .WithProductMass(Quantity.Of(0.4, Unit.Kilogram));
}
