using CsCheck;
using Pcf.Accounting.Json;
using Pcf.Accounting.Model;
using Pcf.Accounting.Units;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Tests.Model;

/// <summary>Derivations: the formula is evaluated with its inputs' units, every problem is reported, and an exchange's amount is its result.</summary>
public sealed class DerivationTests
{
    private static DerivationInput In(string symbol, double value, string unit) => new(symbol, Measure.Of(value, unit));

    [Fact]
    public void Create_CalcinationFromComposition_GivesKgPerTonne()
    {
        // (CaO − CaO_nc) × 44.01/56.08: (0.65 − 0.004) × 0.784771... = 0.506962... kg CO2 per kg clinker = 506.962... kg/t.
        var d = Derivation.Create("calcination CO2 per t clinker", "(CaO - CaO_nc) * 44.01 / 56.08", [In("CaO", 65, "%"), In("CaO_nc", 0.4, "%")],
            UnitExpression.Parse("kg/t"), "formula worked here");
        Assert.Equal((0.65 - 0.004) * 44.01 / 56.08 * 1000, d.Result.Value, 9);
        Assert.Equal("kg/t", d.Result.Unit.Text);
    }

    [Fact]
    public void Create_MassTimesFactor_IsAMass()
    {
        // 2 t of coal × 25.8 GJ/t × 94.6 kg/GJ... here: 2 t × 2.5 t/t = 5 t = 5000 kg.
        var d = Derivation.Create("CO2", "coal * ef", [In("coal", 2, "t"), In("ef", 2.5, "t/t")], UnitExpression.Of(Unit.Kilogram), "illustrative");
        Assert.Equal(5000, d.Result.Value, 9);
    }

    [Fact]
    public void Create_EveryProblemAtOnce()
    {
        bool ok = Derivation.TryCreate("bad", "a + b * zz", [In("a", 1, "kg"), In("b", 1, "kWh"), In("unused", 3, "1"), In("a", 2, "kg")],
            UnitExpression.Of(Unit.Kilogram), "", out var d, out var problems);
        Assert.False(ok);
        Assert.Null(d);
        Assert.Contains(problems, p => p.Member == "source");
        Assert.Contains(problems, p => p.Member == "inputs[3].symbol" && p.Message.Contains("given twice", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Member == "formula" && p.Message.Contains("'zz', which is not an input", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Member == "inputs[2].symbol" && p.Message.Contains("not used", StringComparison.Ordinal));
    }

    [Fact]
    public void Create_AddingUnlikeDimensions_IsRefused()
    {
        Assert.False(Derivation.TryCreate("x", "a + b", [In("a", 1, "kg"), In("b", 1, "kWh")], UnitExpression.Of(Unit.Kilogram), "s", out _, out var problems));
        Assert.Contains("only like dimensions add", Assert.Single(problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_ResultOfAnotherDimension_IsRefused()
    {
        Assert.False(Derivation.TryCreate("x", "a * b", [In("a", 1, "kg"), In("b", 1, "kWh")], UnitExpression.Of(Unit.Kilogram), "s", out _, out var problems));
        Assert.Contains("does not measure", Assert.Single(problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_InputDerivedElsewhere_MustAgreeWithThatDerivation()
    {
        var inner = Derivation.Create("ef", "c * 44 / 12", [In("c", 0.75, "1")], UnitExpression.Parse("t/t"), "carbon content");
        var good = new DerivationInput("ef", Measure.Of(2750, "kg/t")) { DerivedFrom = inner };
        var outer = Derivation.Create("CO2", "m * ef", [In("m", 2, "t"), good], UnitExpression.Of(Unit.Tonne), "mass balance");
        Assert.Equal(5.5, outer.Result.Value, 12); // 2 t × 0.75 × 44/12 = 5.5 t
        Assert.Equal([outer, inner], outer.Flatten().ToArray());

        var bad = good with { Value = Measure.Of(2700, "kg/t") };
        Assert.False(Derivation.TryCreate("CO2", "m * ef", [In("m", 2, "t"), bad], UnitExpression.Of(Unit.Tonne), "s", out _, out var problems));
        Assert.Equal("inputs[1].value", Assert.Single(problems).Member);
    }

    [Fact]
    public void Formula_Syntax_ErrorsNameTheCharacter()
    {
        Assert.False(Derivation.TryCreate("x", "(a * 2", [In("a", 1, "kg")], UnitExpression.Of(Unit.Kilogram), "s", out _, out var p1));
        Assert.Contains("not closed", Assert.Single(p1).Message, StringComparison.Ordinal);
        Assert.False(Derivation.TryCreate("x", "a $ 2", [In("a", 1, "kg")], UnitExpression.Of(Unit.Kilogram), "s", out _, out var p2));
        Assert.Contains("'$' at character 3", Assert.Single(p2).Message, StringComparison.Ordinal);
        Assert.False(Derivation.TryCreate("x", "a / 0", [In("a", 1, "kg")], UnitExpression.Of(Unit.Kilogram), "s", out _, out var p3));
        Assert.Contains("by zero", Assert.Single(p3).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Formula_IsLinearInEachInput() =>
        Gen.Select(Gen.Double[0.001, 1000], Gen.Double[0.001, 1000], Gen.Double[0.5, 4]).Sample((a, b, k) =>
        {
            // (a·b) scaled: doubling an input of a product doubles the result; units convert exactly (t → kg is × 1000).
            var one = Derivation.Create("x", "a * b", [In("a", a, "t"), In("b", b, "kg/t")], UnitExpression.Of(Unit.Kilogram), "s");
            var scaled = Derivation.Create("x", "a * b", [In("a", a * k, "t"), In("b", b, "kg/t")], UnitExpression.Of(Unit.Kilogram), "s");
            var inKg = Derivation.Create("x", "a * b", [In("a", a * 1000, "kg"), In("b", b, "kg/t")], UnitExpression.Of(Unit.Kilogram), "s");
            Assert.Equal(a * b, one.Result.Value, 1e-9 * a * b);
            Assert.Equal(k * one.Result.Value, scaled.Result.Value, 1e-9 * scaled.Result.Value);
            Assert.Equal(one.Result.Value, inKg.Result.Value, 1e-9 * one.Result.Value);
        });

    [Fact]
    public void ProcessBuilder_Emits_TakesTheAmountFromTheDerivation()
    {
        var d = Derivation.Create("CO2", "m * ef", [In("m", 2, "t"), In("ef", 440, "kg/t")], UnitExpression.Of(Unit.Tonne), "stoichiometry");
        var system = new ProductSystemBuilder("s").AddFlow("x", "x", Unit.Kilogram)
            .AddProcess("p", "p", p => p.Produces("x", 1, Unit.Kilogram).Emits(Pcf.Accounting.Gases.GreenhouseGas.Co2Fossil, d))
            .WithReferenceProduct("x").WithDeclaredUnit(1, Unit.Kilogram).Build();
        var e = Assert.Single(system.Processes[0].Emissions);
        Assert.Equal(880, e.Amount.As(Unit.Kilogram), 9); // 2 t × 440 kg/t = 880 kg (0.88 t)
        Assert.Same(d, e.Derivation);

        // pcf-system/1 carries it, and reads it back equal.
        var back = ProductSystemJson.Read(ProductSystemJson.Write(system)).ThrowIfInvalid();
        Assert.Equal(d, back.Processes[0].Emissions[0].Derivation);
    }

    [Fact]
    public void Json_BadDerivation_ReportsItsPaths()
    {
        const string Json = """
            { "format": "pcf-system/1", "name": "s", "referenceProduct": { "flow": "x" }, "declaredUnit": { "amount": 1, "unit": "kg" },
              "flows": [ { "id": "x", "name": "x", "unit": "kg" } ],
              "processes": [ { "id": "p", "name": "p", "output": { "flow": "x", "amount": 1, "unit": "kg" },
                "emissions": [ { "gas": "CO2-fossil", "amount": 1, "unit": "kg", "derivation": {
                  "name": "d", "formula": "m * q", "source": "s",
                  "inputs": [ { "symbol": "m", "value": 1, "unit": "kgg" } ], "result": { "unit": "kg" } } } ] } ] }
            """;
        var read = ProductSystemJson.Read(Json);
        Assert.Contains(read.Problems, p => p.Path == "$.processes[0].emissions[0].derivation.inputs[0].unit" && p.Code == ProblemCodes.UnknownUnit);
    }
}
