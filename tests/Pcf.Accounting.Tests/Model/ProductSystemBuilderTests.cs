using Pcf.Accounting.Gases;
using Pcf.Accounting.Model;
using Pcf.Accounting.Tests.TestSupport;
using Pcf.Accounting.Units;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Tests.Model;

public sealed class ProductSystemBuilderTests
{
    [Fact]
    public void Build_LinksInputs_ToTheOneProducer_OrToAFactorWithRegionAndYearDefaults()
    {
        var system = Systems.BracketBuilder().Build();

        var forming = system.GetProcess("forming");
        Assert.Equal(Supply.FromProcess("rolling"), forming.Inputs[0].Supply);
        // No process makes electricity: a factor request under the flow's factor key, for the
        // process's region (CN-JS) and the system's reference year (2023).
        Assert.Equal(Supply.FromFactor("electricity/grid", "CN-JS", 2023), forming.Inputs[1].Supply);
        // The rolling process states no region: the system's region (CN).
        Assert.Equal(Supply.FromFactor("steel/hot-rolled-coil", "CN", 2023), system.GetProcess("rolling").Inputs[0].Supply);
        Assert.Equal(new ProcessId("forming"), system.ReferenceProcess);
        Assert.Equal(Quantity.Of(1, Unit.Piece), system.DeclaredUnit);
        Assert.Equal(["bracket", "sheet", "coil", "scrap", "electricity"], system.Flows.Select(f => f.Id.Value));
    }

    [Fact]
    public void Build_MassDeclaredUnit_IsItsOwnProductMass()
    {
        var system = new ProductSystemBuilder("Sheet")
            .AddFlow("sheet", "Sheet", Unit.Kilogram)
            .AddProcess("rolling", "Rolling", p => p.Produces("sheet", 1, Unit.Tonne))
            .WithReferenceProduct("sheet").WithDeclaredUnit(1, Unit.Tonne)
            .Build();
        Assert.Equal(Quantity.Of(1, Unit.Tonne), system.ProductMassPerDeclaredUnit);
    }

    [Fact]
    public void Validate_ReportsEveryProblemAtOnce_WithPathsAndCodes()
    {
        var result = new ProductSystemBuilder("Broken")
            .AddFlow("a", "A", Unit.Kilogram)
            .AddFlow("a", "A again", Unit.Kilogram)
            .AddFlow("power", "Power", Unit.KilowattHour)
            .AddProcess("p", "P", p => p
                .Produces("a", 1, Unit.Kilogram)
                .Consumes("power", 2, Unit.Kilogram)            // kg does not measure electricity
                .Consumes("nothing", 1, Unit.Kilogram)          // no such flow
                .Emits(GreenhouseGas.Co2Fossil, 1, Unit.Kilogram, ElementaryExchangeKind.BiogenicUptake))
            .WithReferenceProduct("a")
            .WithDeclaredUnit(1, Unit.Piece)                    // a piece does not measure kg
            .Validate();

        Assert.False(result.IsValid);
        Assert.Equal(
            [
                ("$.flows[1].id", ProblemCodes.DuplicateId),
                ("$.processes[0].inputs[0].unit", ProblemCodes.WrongDimension),
                ("$.processes[0].inputs[1].flow", ProblemCodes.UnknownReference),
                ("$.processes[0].emissions[0].kind", ProblemCodes.UnknownValue),
                ("$.declaredUnit.unit", ProblemCodes.WrongDimension),
            ],
            result.Problems.Select(p => (p.Path, p.Code)));
        Assert.Equal("'kg' (mass) does not measure 'power', which is measured in 'kWh' (energy).", result.Problems[1].Message);
        Assert.Throws<ValidationException>(() => result.Value);
    }

    [Fact]
    public void Validate_AmbiguousSupplier_AsksToNameIt()
    {
        var result = new ProductSystemBuilder("Two makers")
            .AddFlow("x", "X", Unit.Kilogram).AddFlow("y", "Y", Unit.Kilogram)
            .AddProcess("m1", "Maker 1", p => p.Produces("x", 1, Unit.Kilogram))
            .AddProcess("m2", "Maker 2", p => p.Produces("x", 1, Unit.Kilogram))
            .AddProcess("use", "User", p => p.Produces("y", 1, Unit.Kilogram).Consumes("x", 1, Unit.Kilogram))
            .WithReferenceProduct("y").WithDeclaredUnit(1, Unit.Kilogram)
            .Validate();

        var problem = Assert.Single(result.Problems);
        Assert.Equal("$.processes[2].inputs[0].from", problem.Path);
        Assert.Equal(ProblemCodes.UnlinkedInput, problem.Code);
        Assert.Equal("'x' is produced by 'm1', 'm2': name the supplier of this input.", problem.Message);
    }

    [Fact]
    public void Validate_NamedSupplierThatDoesNotProduceTheFlow_IsAProblem()
    {
        var result = new ProductSystemBuilder("Wrong supplier")
            .AddFlow("x", "X", Unit.Kilogram).AddFlow("y", "Y", Unit.Kilogram)
            .AddProcess("m", "Maker", p => p.Produces("x", 1, Unit.Kilogram))
            .AddProcess("use", "User", p => p.Produces("y", 1, Unit.Kilogram).Consumes("x", 1, Unit.Kilogram, Supply.FromProcess("use")))
            .WithReferenceProduct("y").WithDeclaredUnit(1, Unit.Kilogram)
            .Validate();
        Assert.Equal(("$.processes[1].inputs[0].from.process", ProblemCodes.UnlinkedInput), (result.Problems[0].Path, result.Problems[0].Code));
    }

    [Fact]
    public void Validate_ReferenceProductMadeByNoProcess()
    {
        var result = new ProductSystemBuilder("Nothing made")
            .AddFlow("x", "X", Unit.Kilogram).AddFlow("y", "Y", Unit.Kilogram)
            .AddProcess("m", "Maker", p => p.Produces("x", 1, Unit.Kilogram))
            .WithReferenceProduct("y").WithDeclaredUnit(1, Unit.Kilogram)
            .Validate();
        Assert.Equal(("$.referenceProduct.flow", ProblemCodes.InvalidReferenceProduct), (result.Problems[0].Path, result.Problems[0].Code));
    }

    [Fact]
    public void Validate_AllocationWithoutTheNeededProperties()
    {
        var result = new ProductSystemBuilder("Co-products")
            .AddFlow("gas", "Coke oven gas", Unit.Megajoule).AddFlow("coke", "Coke", Unit.Tonne)
            .AddProcess("oven", "Coke oven", p => p
                .Produces("coke", 1, Unit.Tonne)
                .CoProduces("gas", 3000, Unit.Megajoule)
                .AllocatedBy(AllocationMethod.Mass))
            .WithReferenceProduct("coke").WithDeclaredUnit(1, Unit.Tonne)
            .Validate();
        var problem = Assert.Single(result.Problems);
        Assert.Equal(("$.processes[0].allocation", ProblemCodes.InvalidAllocation), (problem.Path, problem.Code));
        Assert.Contains("'gas'", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.7, 0.3, true)]
    [InlineData(0.7, 0.2, false)] // 0.7 + 0.2 = 0.9 ≠ 1
    public void Validate_StatedShares_MustSumToOne(double first, double second, bool valid)
    {
        var result = new ProductSystemBuilder("Stated")
            .AddFlow("a", "A", Unit.Kilogram).AddFlow("b", "B", Unit.Kilogram)
            .AddProcess("p", "P", p => p
                .Produces(new ProductOutput("a", Quantity.Of(1, Unit.Kilogram)) { Share = first })
                .CoProduces(new ProductOutput("b", Quantity.Of(1, Unit.Kilogram)) { Share = second })
                .AllocatedBy(AllocationMethod.Stated))
            .WithReferenceProduct("a").WithDeclaredUnit(1, Unit.Kilogram)
            .Validate();
        Assert.Equal(valid, result.IsValid);
    }

    [Fact]
    public void Validate_EconomicAllocation_NeedsOneCurrency()
    {
        var result = new ProductSystemBuilder("Prices")
            .AddFlow("a", "A", Unit.Kilogram).AddFlow("b", "B", Unit.Kilogram)
            .AddProcess("p", "P", p => p
                .Produces(new ProductOutput("a", Quantity.Of(1, Unit.Kilogram)) { PricePerUnit = Quantity.Of(10, Unit.Currency("CNY")) })
                .CoProduces(new ProductOutput("b", Quantity.Of(1, Unit.Kilogram)) { PricePerUnit = Quantity.Of(1, Unit.Currency("EUR")) })
                .AllocatedBy(AllocationMethod.Economic))
            .WithReferenceProduct("a").WithDeclaredUnit(1, Unit.Kilogram)
            .Validate();
        Assert.Contains("Currencies are never converted implicitly", Assert.Single(result.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SystemExpansion_NeedsDisplacedSupplies()
    {
        var builder = new ProductSystemBuilder("Expansion")
            .AddFlow("a", "A", Unit.Kilogram).AddFlow("power", "Power", Unit.KilowattHour)
            .WithReferenceProduct("a").WithDeclaredUnit(1, Unit.Kilogram);
        var missing = builder.AddProcess("p", "P", p => p
                .Produces("a", 1, Unit.Kilogram).CoProduces("power", 5, Unit.KilowattHour).AllocatedBy(AllocationMethod.SystemExpansion))
            .Validate();
        Assert.Equal(ProblemCodes.InvalidAllocation, Assert.Single(missing.Problems).Code);

        var ok = new ProductSystemBuilder("Expansion")
            .AddFlow("a", "A", Unit.Kilogram).AddFlow("power", "Power", Unit.KilowattHour)
            .AddProcess("p", "P", p => p
                .Produces("a", 1, Unit.Kilogram)
                .CoProduces(new ProductOutput("power", Quantity.Of(5, Unit.KilowattHour)) { Displaces = Supply.FromFactor("electricity/grid") })
                .AllocatedBy(AllocationMethod.SystemExpansion))
            .WithReferenceProduct("a").WithDeclaredUnit(1, Unit.Kilogram)
            .Validate();
        Assert.True(ok.IsValid);
    }

    [Fact]
    public void Validate_NegativeAndZeroAmounts()
    {
        var result = new ProductSystemBuilder("Amounts")
            .AddFlow("a", "A", Unit.Kilogram).AddFlow("b", "B", Unit.Kilogram)
            .AddProcess("p", "P", p => p
                .Produces("a", 0, Unit.Kilogram)                 // an output must be positive
                .Consumes("b", 0, Unit.Kilogram)                 // a zero input is allowed
                .Emits(GreenhouseGas.N2O, -1, Unit.Kilogram))    // removals are a kind, not a sign
            .WithReferenceProduct("a").WithDeclaredUnit(1, Unit.Kilogram)
            .Validate();
        Assert.Equal(["$.processes[0].output.amount", "$.processes[0].emissions[0].amount"], result.Problems.Select(p => p.Path));
    }

    [Fact]
    public void From_RebuildsAnEquivalentSystem()
    {
        var system = Systems.BracketBuilder().Build();
        var again = ProductSystemBuilder.From(system).Build();
        Assert.Equal(Pcf.Accounting.Json.ProductSystemJson.Write(system), Pcf.Accounting.Json.ProductSystemJson.Write(again));
    }
}
