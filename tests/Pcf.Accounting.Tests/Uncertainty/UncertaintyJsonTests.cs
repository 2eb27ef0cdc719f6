using System.Text.Json;
using Pcf.Accounting.Factors;
using Pcf.Accounting.Factors.Files;
using Pcf.Accounting.Gases;
using Pcf.Accounting.Json;
using Pcf.Accounting.Model;
using Pcf.Accounting.Sampling;
using Pcf.Accounting.Tests.TestSupport;
using Pcf.Accounting.Uncertainty;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Tests.Uncertainty;

/// <summary>Distributions in pcf-system/1, pcf-factors/1 and the factor CSV; statistics in pcf-result/1.</summary>
public sealed class UncertaintyJsonTests
{
    // Invented amounts and factors (not data).
    private const string System = """
        {
          "format": "pcf-system/1", "name": "uncertain", "referenceProduct": { "flow": "P" }, "declaredUnit": { "amount": 1, "unit": "kg" },
          "flows": [ { "id": "P", "name": "P", "unit": "kg" }, { "id": "power", "name": "power", "unit": "kWh", "factorKey": "test/power" } ],
          "processes": [
            { "id": "p", "name": "p", "output": { "flow": "P", "amount": 1, "unit": "kg", "uncertainty": { "distribution": "triangular", "minimum": 0.9, "maximum": 1.1 } },
              "inputs": [ { "flow": "power", "amount": 3, "unit": "kWh", "uncertainty": { "distribution": "lognormal", "gsd2": 1.21 } } ],
              "emissions": [ { "gas": "CO2-fossil", "amount": 1, "unit": "kg", "uncertainty": { "distribution": "normal", "spread": 0.1 } },
                             { "gas": "CH4-fossil", "amount": 0.01, "unit": "kg", "uncertainty": { "distribution": "fixed" } } ] }
          ]
        }
        """;

    [Fact]
    public void SystemDocument_ReadsDistributionsOnOutputsInputsAndEmissions_AndWritesThemBack()
    {
        var system = ProductSystemJson.Read(System).ThrowIfInvalid();
        var p = system.Processes[0];

        Assert.Equal(UncertaintyDistribution.Triangular(0.9, 1.1), p.ReferenceOutput.Uncertainty);
        Assert.Equal(UncertaintyDistribution.LognormalFromGsdSquared(1.21), p.Inputs[0].Uncertainty);
        Assert.Equal(UncertaintyDistribution.Normal(0.1), p.Emissions[0].Uncertainty);
        Assert.Equal(UncertaintyDistribution.Fixed, p.Emissions[1].Uncertainty);
        var back = ProductSystemJson.Read(ProductSystemJson.Write(system)).ThrowIfInvalid();
        Assert.Equal(system.ContentHash, back.ContentHash);
        Assert.Equal(p.Inputs[0].Uncertainty, back.Processes[0].Inputs[0].Uncertainty);
    }

    [Fact]
    public void Distributions_ChangeTheContentHash_AndNoDistributionKeepsTheOldOne()
    {
        var with = ProductSystemJson.Read(System).ThrowIfInvalid();
        var without = ProductSystemJson.Read(System.Replace("\"uncertainty\": { \"distribution\": \"normal\", \"spread\": 0.1 }", "\"kind\": \"emission\"", StringComparison.Ordinal)).ThrowIfInvalid();
        var builder = ProductSystemBuilder.From(with);

        Assert.NotEqual(with.ContentHash, without.ContentHash);
        Assert.Equal(with.ContentHash, builder.Build().ContentHash);
    }

    [Theory]
    [InlineData("""{ "distribution": "lognormal" }""", "$.processes[0].inputs[0].uncertainty.gsd2", ProblemCodes.Required)]
    [InlineData("""{ "distribution": "lognormal", "gsd2": 0.5 }""", "$.processes[0].inputs[0].uncertainty.gsd2", ProblemCodes.NumberOutOfRange)]
    [InlineData("""{ "distribution": "lognormal", "gsd2": 1.2, "spread": 1.1 }""", "$.processes[0].inputs[0].uncertainty", ProblemCodes.UnknownMember)]
    [InlineData("""{ "distribution": "normal", "minimum": 0.5, "spread": 0.1 }""", "$.processes[0].inputs[0].uncertainty.minimum", ProblemCodes.UnknownMember)]
    [InlineData("""{ "distribution": "gamma", "spread": 2 }""", "$.processes[0].inputs[0].uncertainty.distribution", ProblemCodes.UnknownValue)]
    [InlineData("""{ "distribution": "uniform", "minimum": 1.2, "maximum": 1.5 }""", "$.processes[0].inputs[0].uncertainty", ProblemCodes.NumberOutOfRange)]
    [InlineData("""{ "distribution": "normal", "spread": -1 }""", "$.processes[0].inputs[0].uncertainty.spread", ProblemCodes.NumberOutOfRange)]
    public void SystemDocument_ABadDistribution_IsAProblemAtItsPath(string uncertainty, string path, string code)
    {
        string json = System.Replace("""{ "distribution": "lognormal", "gsd2": 1.21 }""", uncertainty, StringComparison.Ordinal);

        var read = ProductSystemJson.Read(json);

        var problem = Assert.Single(read.Problems);
        Assert.Equal(path, problem.Path);
        Assert.Equal(code, problem.Code);
    }

    [Fact]
    public void FactorDocument_ReadsPerGasDistributions_AndGsd2()
    {
        const string json = """
            {
              "format": "pcf-factors/1", "dataset": { "id": "t", "version": "1", "publisher": "tests (invented values)" },
              "factors": [
                { "key": "k", "perUnit": "kWh", "source": { "document": "invented" },
                  "components": [ { "gas": "CO2-fossil", "amount": 0.5, "uncertainty": { "distribution": "normal", "spread": 0.05 } },
                                  { "gas": "CH4-fossil", "amount": 0.001, "uncertainty": { "distribution": "lognormal", "gsd2": 2 } },
                                  { "gas": "N2O", "amount": 0.0001 } ],
                  "uncertainty": { "distribution": "lognormal", "spread": 1.2 } }
              ]
            }
            """;

        var factor = FactorJson.Read(json).ThrowIfInvalid().Factors.Single();

        Assert.Equal(UncertaintyDistribution.Normal(0.05), factor.Components[0].Uncertainty);
        Assert.Equal(UncertaintyDistribution.LognormalFromGsdSquared(2), factor.Components[1].Uncertainty);
        Assert.Null(factor.Components[2].Uncertainty);
        Assert.Equal(UncertaintyDistribution.Lognormal(1.2), factor.Uncertainty);
    }

    [Fact]
    public void FactorCsv_ReadsAComponentsDistributionFromItsColumns_AndReportsBadOnes()
    {
        const string header = "key,per_unit,gas,amount,publisher,document,uncertainty,uncertainty_spread,uncertainty_gsd2,uncertainty_minimum,uncertainty_maximum\n";
        var read = FactorCsv.Read(header
            + "k,kWh,CO2-fossil,0.5,tests,invented,lognormal,,1.21,,\n"
            + "k,kWh,CH4-fossil,0.001,tests,invented,triangular,,,0.5,2\n"
            + "k,kWh,N2O,0.0001,tests,invented,,,,,\n").ThrowIfInvalid();
        var factor = read.Factors.Single();

        Assert.Equal(UncertaintyDistribution.LognormalFromGsdSquared(1.21), factor.Components[0].Uncertainty);
        Assert.Equal(UncertaintyDistribution.Triangular(0.5, 2), factor.Components[1].Uncertainty);
        Assert.Null(factor.Components[2].Uncertainty);

        var bad = FactorCsv.Read(header + "k,kWh,CO2-fossil,0.5,tests,invented,normal,,,0.5,\n" + "k2,kWh,CO2-fossil,0.5,tests,invented,,0.1,,,\n");
        Assert.Equal(["line 2, uncertainty_minimum", "line 2, uncertainty_spread", "line 3, uncertainty_spread"], bad.Problems.Select(p => p.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ResultDocument_CarriesTheStatistics_ReadsThemBackEqual_AndFollowsTheSchema()
    {
        var (compiled, factors) = UncertainSystems.Prepare(UncertainSystems.Loop(), UncertainSystems.Power(quality: new DataQuality(2, 2, 2, 2, 2)));
        var run = MonteCarlo.Run(compiled, factors, new MonteCarloOptions { Iterations = 400, Seed = -9_007_199_254_740_993, TargetRelativeStandardError = 1e-9 }).ThrowIfInvalid();
        var result = compiled.Calculate(factors) with { Uncertainty = run.Statistics };

        string json = FootprintResultJson.Write(result);
        var back = FootprintResultJson.Read(json).ThrowIfInvalid();

        Assert.Equal(result, back);
        Assert.Equal(-9_007_199_254_740_993, back.Uncertainty!.Seed); // beyond a double's integers: read as a 64-bit integer
        Assert.Equal<VarianceContribution>(run.Statistics.Contributions, back.Uncertainty.Contributions); // by element, not by array identity
        using var document = JsonDocument.Parse(json);
        var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(Paths.RepoRoot, "docs", "schemas", "pcf-result-1.schema.json"))).RootElement;
        Assert.Empty(MiniSchema.Validate(schema, document.RootElement));
        var u = document.RootElement.GetProperty("uncertainty");
        Assert.Equal("technosphere", u.GetProperty("mode").GetString());
        Assert.Equal(16, u.GetProperty("quantities").GetArrayLength());
    }

    [Fact]
    public void ResultDocument_WithoutStatistics_HasNoUncertaintyMember()
    {
        var (compiled, factors) = UncertainSystems.Prepare(UncertainSystems.PowerUser(), UncertainSystems.Power());

        string json = FootprintResultJson.Write(compiled.Calculate(factors));

        Assert.DoesNotContain("\"uncertainty\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void ResultDocument_ABadStatisticsMember_IsAProblemAtItsPath()
    {
        var (compiled, factors) = UncertainSystems.Prepare(UncertainSystems.PowerUser(), UncertainSystems.Power(UncertaintyDistribution.Normal(0.1)));
        var run = MonteCarlo.Run(compiled, factors, new MonteCarloOptions { Iterations = 100 }).ThrowIfInvalid();
        string json = FootprintResultJson.Write(compiled.Calculate(factors) with { Uncertainty = run.Statistics })
            .Replace("\"mode\": \"fixedScaling\"", "\"mode\": \"guesswork\"", StringComparison.Ordinal);

        var read = FootprintResultJson.Read(json);

        Assert.Equal("$.uncertainty.mode", Assert.Single(read.Problems).Path);
    }

    [Fact]
    public void FactorSetHash_SeesADistribution_AndIsUnchangedWithout()
    {
        var plain = UncertainSystems.Prepare(UncertainSystems.PowerUser(), UncertainSystems.Power());
        var uncertain = UncertainSystems.Prepare(UncertainSystems.PowerUser(), UncertainSystems.Power(UncertaintyDistribution.Normal(0.1)));
        var perGas = UncertainSystems.Prepare(UncertainSystems.PowerUser(), UncertainSystems.Power() with
        {
            Components = [FactorComponent.Emission(GreenhouseGas.Co2Fossil, 0.5) with { Uncertainty = UncertaintyDistribution.Normal(0.1) }],
        });

        string a = plain.Compiled.Calculate(plain.Factors).FactorSets.Single().Hash;
        string b = uncertain.Compiled.Calculate(uncertain.Factors).FactorSets.Single().Hash;
        string c = perGas.Compiled.Calculate(perGas.Factors).FactorSets.Single().Hash;

        Assert.NotEqual(a, b);
        Assert.NotEqual(a, c);
        Assert.NotEqual(b, c);
    }
}
