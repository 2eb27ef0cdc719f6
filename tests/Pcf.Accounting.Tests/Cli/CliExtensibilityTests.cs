using System.Collections.Immutable;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Pcf.Accounting.Model;
using Pcf.Accounting.Results;
using Pcf.Accounting.Rules;
using Pcf.Accounting.Vectors;
using static Pcf.Accounting.Tests.Cli.CliHarness;

namespace Pcf.Accounting.Tests.Cli;

/// <summary>What an application registers (a view, a rule set) reaches the CLI and reference vectors; derivations reach
/// <c>pcf explain</c> and pcf-result/1.</summary>
public sealed class CliExtensibilityTests : IDisposable
{
    // The chain of CliHarness (9.46 kg CO2e per kg P) with tags: p1 is bought from "acme", p2 from "other".
    private static readonly string TaggedChain = ChainSystem
        .Replace("""{ "id": "p1", "name": "p1", "stage": "production",""", """{ "id": "p1", "name": "p1", "stage": "production", "tags": ["supplier=acme"],""", StringComparison.Ordinal)
        .Replace("""{ "id": "p2", "name": "p2", "stage": "rawMaterialAcquisition",""", """{ "id": "p2", "name": "p2", "stage": "rawMaterialAcquisition", "tags": ["supplier=other"],""", StringComparison.Ordinal);

    // A gate-to-gate rule set of the application's own: raw-material acquisition (p2) is outside its boundary.
    private static readonly RuleSet GateToGate = RuleSet.Iso14067 with { Id = "TEST-GTG", Name = "Test gate-to-gate", Boundary = SystemBoundary.GateToGate };

    // p1's emissions in the chain, replaced by derived ones below.
    private const string P1Emissions = """
        "emissions": [ { "gas": "CO2-fossil", "amount": 1, "unit": "kg" } ] },
        """;

    private readonly CliHarness _files = new();

    public void Dispose() => _files.Dispose();

    private static ServiceProvider Services()
    {
        var services = Pcf.Accounting.Cli.PcfCli.DefaultServices();
        services.AddPcfAccounting().AddRuleSet(GateToGate).AddView<BySupplierView>();
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task Calculate_WithARegisteredViewAndRuleSet_ShowsThem()
    {
        using var services = Services();
        string system = _files.Write("chain.json", TaggedChain);
        string power = _files.Write("power.json", PowerFactors);

        var (exit, output, error) = await RunWithServicesAsync(services, "calculate", system, "--factors", power, "--rules", "TEST-GTG");

        Assert.True(exit == 0, error);
        // Gate to gate: p1's own 1 kg CO2 and 3 kWh × 0.5 = 1.5; p2 (2 × 3.48 = 6.96) is cut off: 2.5 kg CO2e.
        Assert.Contains("PCF excluding biogenic uptake: 2.5 kg CO2e per 1 kg P", output, StringComparison.Ordinal);
        Assert.Contains("Test gate-to-gate (TEST-GTG)", output, StringComparison.Ordinal);
        Assert.Contains("Footprint by supplier (by-supplier)", output, StringComparison.Ordinal);
        Assert.Matches(@"acme\W+supplier acme\W+2\.5\W+kg CO2e", output);

        var json = await RunWithServicesAsync(services, "calculate", system, "--factors", power, "--rules", "TEST-GTG", "--format", "json");
        using var doc = JsonDocument.Parse(json.Out);
        var view = doc.RootElement.GetProperty("views").EnumerateArray().Single();
        Assert.Equal("by-supplier", view.GetProperty("id").GetString());
        Assert.Equal(2.5, view.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("key").GetString() == "acme").GetProperty("value").GetDouble(), 12);
    }

    [Fact]
    public async Task Calculate_UnknownRuleSet_ListsTheRegisteredOnes()
    {
        using var services = Services();
        var (exit, _, error) = await RunWithServicesAsync(services, "calculate", _files.Write("chain.json", TaggedChain), "--factors", _files.Write("power.json", PowerFactors), "--rules", "NOPE");
        Assert.Equal(1, exit);
        Assert.Contains("--rules 'NOPE' is not a rule set; known: ISO14067, GBT24067, GHGP-Product, PACT3, ", error, StringComparison.Ordinal);
        Assert.Contains("TEST-GTG", error, StringComparison.Ordinal); // beside the rule sets of the template packages the tool registers
    }

    [Fact]
    public async Task Verify_AVectorNamingTheRuleSetAndReachingTheView_Passes()
    {
        using var services = Services();
        _files.Write("chain.json", TaggedChain);
        _files.Write("power.json", PowerFactors);
        string vector = _files.Write("gtg.vector.json", """
            {
              "format": "pcf-vector/1",
              "id": "gate-to-gate-by-supplier",
              "derivation": "Gate to gate: p1's 1 kg CO2 + 3 kWh × 0.5 = 2.5 kg CO2e, all from supplier acme; p2 is cut off (6.96).",
              "systemFile": "chain.json",
              "factorFiles": ["power.json"],
              "ruleSet": "TEST-GTG",
              "expected": [
                { "path": "pcfExcludingBiogenicUptake", "value": 2.5 },
                { "path": "cutOff.excludedCo2e", "value": 6.96 },
                { "path": "views[by-supplier].lines[acme].value", "value": 2.5 },
                { "path": "views[by-supplier].lines[other].value", "value": 0 }
              ]
            }
            """);

        var (exit, output, error) = await RunWithServicesAsync(services, "verify", vector);

        Assert.True(exit == 0, output + error);
        Assert.Contains("PASS gate-to-gate-by-supplier", output, StringComparison.Ordinal);

        // Without the registrations the same vector fails, naming the rule set it cannot find.
        var plain = await RunAsync("verify", vector);
        Assert.Equal(1, plain.Exit);
        Assert.Contains("$.ruleSet: 'TEST-GTG' is not a rule set", plain.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Derivation_OnAnEmission_ShowsInExplainAndInTheResult()
    {
        // p1's 1 kg CO2 derived: 2 kg of carbonate × 500 kg CO2/t = 1 kg (an illustrative factor, not data).
        const string Derived = """
            "emissions": [ { "gas": "CO2-fossil", "amount": 1, "unit": "kg", "derivation": {
                "name": "process CO2 of p1", "formula": "m * ef", "source": "stoichiometry (illustrative)",
                "inputs": [ { "symbol": "m", "value": 2, "unit": "kg", "description": "carbonate per run" },
                            { "symbol": "ef", "value": 500, "unit": "kg/t", "source": "illustrative default", "default": true } ],
                "result": { "value": 1, "unit": "kg" } } } ] },
            """;
        string derived = ChainSystem.Replace(P1Emissions, Derived, StringComparison.Ordinal);
        Assert.NotEqual(ChainSystem, derived);
        string system = _files.Write("derived.json", derived);
        string power = _files.Write("power.json", PowerFactors);

        var (exit, output, error) = await RunAsync("explain", system, "--factors", power, "--item", "p1");
        Assert.True(exit == 0, error);
        Assert.Contains("per run from process CO2 of p1 = m * ef = 1 kg (stoichiometry (illustrative))", output, StringComparison.Ordinal);
        Assert.Contains("m = 2 kg (carbonate per run)", output, StringComparison.Ordinal);
        Assert.Contains("ef = 500 kg/t   [default: illustrative default]", output, StringComparison.Ordinal);

        var json = await RunAsync("calculate", system, "--factors", power, "--format", "json");
        using var doc = JsonDocument.Parse(json.Out);
        var d = doc.RootElement.GetProperty("derivations").EnumerateArray().Single();
        Assert.Equal("process CO2 of p1", d.GetProperty("name").GetString());
        Assert.Equal(1, d.GetProperty("result").GetProperty("value").GetDouble(), 15);
        var emission = doc.RootElement.GetProperty("inventory").GetProperty("processes").EnumerateArray().Single(p => p.GetProperty("id").GetString() == "p1")
            .GetProperty("emissions").EnumerateArray().Single(e => e.GetProperty("gas").GetString() == "CO2-fossil");
        Assert.Equal("m * ef", emission.GetProperty("derivation").GetProperty("formula").GetString());
    }

    [Fact]
    public async Task Derivation_DocumentedClinkerExample_ExplainsAsDocsShow()
    {
        // docs/json-format.md: 1 t clinker × 0.52 t CO2/t × 1.02 (CKD correction) = 0.5304 t = 530.4 kg CO2 (IPCC 2006 Vol. 3
        // Ch. 2 Eq. 2.2 and its Tier 1 defaults); a pure number (the correction factor) shows without a unit.
        string system = Path.Combine(Pcf.Accounting.Tests.TestSupport.Paths.RepoRoot, "tests", "Pcf.Accounting.Tests", "TestData", "cli", "clinker-derivation.json");

        var (exit, output, error) = await RunAsync("explain", system);

        Assert.True(exit == 0, error);
        Assert.StartsWith("1 t clinker  530.4 kg CO2e", output, StringComparison.Ordinal);
        Assert.Contains("m = 1 t (clinker per run)   [plant records]", output, StringComparison.Ordinal);
        Assert.Contains("EF_clc = 0.52 t/t   [default: IPCC 2006 Guidelines, Vol. 3, Ch. 2, 2.2.1.2 (default)]", output, StringComparison.Ordinal);
        Assert.Contains("CF_ckd = 1.02   [default: IPCC 2006 Guidelines, Vol. 3, Ch. 2, 2.2.1.2 (default)]", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Derivation_ThatDisagreesWithTheAmount_IsRefusedWithItsPath()
    {
        const string Wrong = """
            "emissions": [ { "gas": "CO2-fossil", "amount": 1.2, "unit": "kg", "derivation": {
                "name": "process CO2 of p1", "formula": "m * ef", "source": "stoichiometry",
                "inputs": [ { "symbol": "m", "value": 2, "unit": "kg" }, { "symbol": "ef", "value": 500, "unit": "kg/t" } ],
                "result": { "unit": "kg" } } } ] },
            """;
        string wrong = ChainSystem.Replace(P1Emissions, Wrong, StringComparison.Ordinal);
        Assert.NotEqual(ChainSystem, wrong);

        var (exit, _, error) = await RunAsync("calculate", _files.Write("wrong.json", wrong), "--factors", _files.Write("power.json", PowerFactors));

        Assert.Equal(1, exit);
        Assert.Contains("$.processes[0].emissions[0].amount  PCF0310  The amount 1.2 kg differs from the result of its derivation 'process CO2 of p1' (1 kg).", error, StringComparison.Ordinal);
    }

    /// <summary>The footprint by supplier: the CO2e of the processes tagged <c>supplier=...</c>.</summary>
    private sealed class BySupplierView : IFootprintView
    {
        public string Id => "by-supplier";

        public string Title => "Footprint by supplier";

        public ViewResult Compute(FootprintResult result) => new(Id, Title,
            [.. result.ByTagName("supplier").Where(t => t.Tagged).Select(t => new ViewLine(t.Value ?? "(none)", $"supplier {t.Value}", t.Co2e, "kg CO2e"))]);
    }
}
