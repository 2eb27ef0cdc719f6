using Microsoft.Extensions.DependencyInjection;
using System.Text.Json;
using Pcf.Accounting.Pact;
using Pcf.Accounting.Tests.TestSupport;
using static Pcf.Accounting.Tests.Cli.CliHarness;

namespace Pcf.Accounting.Tests.Cli;

public sealed class CliCommandTests : IDisposable
{
    private readonly CliHarness _files = new();

    public void Dispose() => _files.Dispose();

    private static string SteelBracket => Path.Combine(Paths.RepoRoot, "samples", "steel-bracket.json");

    [Theory]
    [InlineData("--help")]
    [InlineData("calculate", "--help")]
    [InlineData("verify", "-h")]
    [InlineData("factors", "find", "--help")]
    public async Task Help_ExitsZeroWithUsageAndExamples(params string[] args)
    {
        var (exit, output, _) = await RunAsync(args);

        Assert.Equal(0, exit);
        Assert.Contains("Usage:", output, StringComparison.Ordinal);
        Assert.Contains("Examples:", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_EveryCommand_ShowsExamples()
    {
        var root = Pcf.Accounting.Cli.PcfCli.BuildRoot(new Pcf.Accounting.Cli.CliContext(new Spectre.Console.Testing.TestConsole(), TextWriter.Null, null, CliServices));
        var paths = new List<string[]>();
        var stack = new Stack<(System.CommandLine.Command Command, string[] Path)>();
        stack.Push((root, []));
        while (stack.Count > 0)
        {
            var (command, path) = stack.Pop();
            paths.Add(path);
            foreach (var sub in command.Subcommands)
            {
                stack.Push((sub, [.. path, sub.Name]));
            }
        }

        foreach (var path in paths)
        {
            var (exit, output, _) = await RunAsync([.. path, "--help"]);

            Assert.True(exit == 0, string.Join(' ', path));
            Assert.True(output.Contains("Examples:", StringComparison.Ordinal), $"pcf {string.Join(' ', path)} --help has no examples");
        }

        Assert.Contains(paths, p => p is ["template", "run"]);
        Assert.Contains(paths, p => p is ["pact"]);
    }

    [Theory]
    [InlineData]
    [InlineData("calculate")]
    [InlineData("no-such-command")]
    [InlineData("factors")]
    public async Task WrongUsage_ExitsTwo(params string[] args)
    {
        var (exit, _, error) = await RunAsync(args);

        Assert.Equal(2, exit);
        Assert.Contains("--help", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TemplateList_NoneInstalled_SaysSo()
    {
        using var services = new ServiceCollection().AddPcfAccounting().Services.BuildServiceProvider();
        var (exit, output, _) = await RunWithServicesAsync(services, "template", "list");

        Assert.Equal(0, exit);
        Assert.Contains("No templates are installed.", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("describe", "no-such-template")]
    [InlineData("init", "no-such-template")]
    [InlineData("run", "no-such-template")]
    public async Task Template_Unknown_ExitsOneNamingIt(params string[] args)
    {
        var (exit, _, error) = await RunAsync(["template", .. args]);

        Assert.Equal(1, exit);
        Assert.Contains("'no-such-template' is not a template", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PactValidate_OwnValidFootprint_ExitsZero()
    {
        var (exit, output, _) = await RunAsync("pact", "validate", Paths.TestData("pact/pf-3.0-steel-sheet-kilogram.json"));

        Assert.Equal(0, exit);
        Assert.Contains("valid (0 warnings)", output, StringComparison.Ordinal);
        Assert.DoesNotContain("error:", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PactValidate_OwnInvalidResponse_ListsErrorsWithPathsAndExitsOne()
    {
        var (exit, output, _) = await RunAsync("pact", "validate", Paths.TestData("pact/invalid-response-3.0.json"), "--strict");

        Assert.Equal(1, exit);
        Assert.Contains("$.data[0].updated  PCF0701", output, StringComparison.Ordinal);
        Assert.Contains("$.data[0].pcf.packagingGhgEmissions  PCF0708", output, StringComparison.Ordinal);
        Assert.Contains("invalid (2 errors, 2 warnings)", output, StringComparison.Ordinal);
    }

    [ReferenceFact("pact")]
    public async Task PactValidate_ValidExample_ExitsZero()
    {
        var (exit, output, _) = await RunAsync("pact", "validate", Paths.Shared("pact/example-3.0-productfootprint-1.json"));

        Assert.Equal(0, exit);
        Assert.Contains("valid", output, StringComparison.Ordinal);
        Assert.DoesNotContain("error:", output, StringComparison.Ordinal);
    }

    [ReferenceFact("pact")]
    public async Task PactValidate_InvalidExample_ListsErrorsWithPathsAndExitsOne()
    {
        // Its faults (a malformed 'updated', packaging emissions without the flag) go beyond the 3.0 text: errors under --strict.
        var (exit, output, _) = await RunAsync("pact", "validate", Paths.Shared("pact/example-3.0-invalid-response-all-properties.json"), "--strict");

        Assert.Equal(1, exit);
        Assert.Contains("error: ", output, StringComparison.Ordinal);
        Assert.Contains(": $.", output, StringComparison.Ordinal);
        Assert.Contains("invalid (", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_V3_WritesAValidPactFootprint()
    {
        string meta = _files.Write("product.json", """
            // Invented product metadata for the test.
            { "companyName": "Example Co", "companyIds": ["urn:pact:company:example"], "productIds": ["urn:pact:product:p"],
              "productNameCompany": "P", "productDescription": "Test product P", "productCategoryCpc": "42999",
              "productMassPerDeclaredUnit": { "amount": 1, "unit": "kg" },
              "carbonContent": { "fossil": { "amount": 0, "unit": "kg" }, "biogenic": { "amount": 0, "unit": "kg" } } }
            """);
        string system = _files.Write("chain.json", ChainSystem.Replace("\"name\": \"chain\",", "\"name\": \"chain\", \"referenceYear\": 2024,", StringComparison.Ordinal));

        var (exit, output, error) = await RunAsync("export", system, "--pact", "3.0", "--product", meta, "-f", _files.Write("power.json", PowerFactors));

        Assert.True(exit == 0, error);
        var report = PactJson.Validate(System.Text.Encoding.UTF8.GetBytes(output));
        Assert.True(report.IsValid, string.Join("\n", report.Errors));
        using var json = JsonDocument.Parse(output);
        Assert.Equal("9.46", json.RootElement.GetProperty("pcf").GetProperty("pcfExcludingBiogenicUptake").GetString());
    }

    [Fact]
    public async Task Export_MissingRequiredMetadata_ListsEveryMissingMember()
    {
        string meta = _files.Write("product.json", """{ "companyName": "Example Co" }""");

        var (exit, _, error) = await RunAsync("export", _files.Write("chain.json", ChainSystem), "--pact", "3.0", "--product", meta);

        Assert.Equal(1, exit);
        Assert.Contains("$.companyIds", error, StringComparison.Ordinal);
        Assert.Contains("$.productIds", error, StringComparison.Ordinal);
        Assert.Contains("$.productDescription", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FactorsFind_ListsMatchingEmbeddedFactors()
    {
        var (exit, output, _) = await RunAsync("factors", "find", "electricity/grid", "--region", "CN", "--year", "2023");

        Assert.Equal(0, exit);
        Assert.Contains("electricity/grid", output, StringComparison.Ordinal);
        Assert.Contains("life-cycle", output, StringComparison.Ordinal);
        Assert.Contains("combustion-only", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FactorsList_IncludesGivenFiles()
    {
        var (exit, output, _) = await RunAsync("factors", "list", "--dataset", "china-electricity-lifecycle-2023", "--factors", _files.Write("power.json", PowerFactors));

        Assert.Equal(0, exit);
        Assert.Contains("test/power", output, StringComparison.Ordinal);
        Assert.Contains("CO2-fossil 0.5", output, StringComparison.Ordinal);
        Assert.DoesNotContain("fuel-combustion", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--year must be a whole number, got 'abc'.", "factors", "find", "electricity", "--year", "abc")]
    [InlineData("--year must be a whole number, got '2023.5'.", "factors", "find", "electricity", "--year", "2023.5")]
    [InlineData("--depth must be a whole number, got 'deep'.", "explain", "x.json", "--depth", "deep")]
    [InlineData("--min-share must be a number such as 0.01, got '1%'.", "explain", "x.json", "--min-share", "1%")]
    [InlineData("--min-share must be from 0 to 1, got 2.", "explain", "x.json", "--min-share", "2")]
    [InlineData("--depth must be at least 1, got 0.", "explain", "x.json", "--depth", "0")]
    public async Task NumberOption_NotANumber_NamesTheOptionAndTheRule(string expected, params string[] args)
    {
        var (exit, _, error) = await RunAsync(args);

        Assert.Equal(2, exit);
        Assert.Contains($"pcf: {expected}", error, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FactorsFind_Year_StillFilters()
    {
        var (exit, output, _) = await RunAsync("factors", "find", "electricity/grid", "--region", "CN-JS", "--year", "2021");

        Assert.Equal(0, exit);
        Assert.Contains("2021", output, StringComparison.Ordinal);
        Assert.DoesNotContain("2022", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FactorsList_UnknownDataset_IsAUsageError()
    {
        var (exit, _, _) = await RunAsync("factors", "list", "--dataset", "nope");

        Assert.Equal(2, exit);
    }

    [Theory]
    [InlineData("p2", "M from 'p2'")]
    [InlineData("CH4-fossil", "CH4-fossil Emission of 'p2'")]
    [InlineData("rawMaterialAcquisition", "M from 'p2'")]
    [InlineData("p1", "CO2-fossil Emission of 'p1'")]
    public async Task Explain_Item_ShowsItsSubtree(string item, string expected)
    {
        var (exit, output, error) = await RunAsync("explain", _files.Write("chain.json", ChainSystem), "-f", _files.Write("power.json", PowerFactors), "--item", item, "--min-share", "0");

        Assert.True(exit == 0, error);
        Assert.Contains(expected, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_GasThroughFactors_ShowsEveryPlaceItEntersAndSumsToItsByGasLine()
    {
        // Steel bracket: CO2 enters directly (the coke burned in steelmaking) and through the CO2 components of the life-cycle fuel
        // factors; the rest of those factors and the grid factors are CO2e only.
        var (exit, output, error) = await RunAsync("explain", SteelBracket, "--item", "CO2-fossil");

        Assert.True(exit == 0, error);
        // The By-gas line of calculate: CO2-fossil 0.635362 kg = coke 0.0004326 x 1026.66 = 0.444133 + coal 0.000060564 t x 2370.72
        // = 0.14358 + natural gas 0.0231 Nm3 x 2.0627 = 0.0476484 (tests/Pcf.Accounting.Tests/Data/SampleFactorsTests.cs).
        Assert.Contains("CO2-fossil in 1 pc bracket  0.635362 kg CO2e", output, StringComparison.Ordinal);
        Assert.Contains("CO2-fossil Emission of 'steelmaking'  0.444133 kg CO2e", output, StringComparison.Ordinal);
        Assert.Contains("CO2-fossil Emission via fuel/coal-industrial (CN, 2025) per t  0.14358 kg CO2e", output, StringComparison.Ordinal);
        Assert.Contains("CO2-fossil Emission via fuel/natural-gas (CN, 2025) per Nm3  0.0476484 kg CO2e", output, StringComparison.Ordinal);
        Assert.Contains("1 direct exchange + 2 factor components = 0.635362 kg CO2-fossil", output, StringComparison.Ordinal);
        // The grid factors have no per-gas data: said, with nothing attributed.
        Assert.Contains("electricity/grid (CN, 2025) per kWh: no per-gas split  0 kg CO2e", output, StringComparison.Ordinal);
        Assert.Contains("electricity/grid (CN-JS, 2025) per kWh: no per-gas split  0 kg CO2e", output, StringComparison.Ordinal);
        Assert.Contains("0.093075 kg CO2e are in the CO2e line", output, StringComparison.Ordinal); // 0.15 kWh x 0.6205
    }

    [Theory]
    [InlineData("co2-FOSSIL", "CO2-fossil in 1 pc bracket")]
    [InlineData("COLD-ROLLING", "sheet from 'cold-rolling'")]
    [InlineData("hot", "coil from 'hot-rolling'")]
    [InlineData("Reheating and hot rolling", "coil from 'hot-rolling'")]
    [InlineData("basic oxygen", "slab from 'steelmaking'")]
    public async Task Explain_Item_MatchesTolerantly(string item, string expected)
    {
        var (exit, output, error) = await RunAsync("explain", SteelBracket, "--item", item);

        Assert.True(exit == 0, error);
        Assert.Contains(expected, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_ItemMatchingSeveralProcesses_ListsTheCandidates()
    {
        var (exit, output, error) = await RunAsync("explain", SteelBracket, "--item", "rolling");

        Assert.Equal(1, exit);
        Assert.Empty(output);
        Assert.Contains("--item 'rolling' matches 2 processes; name one by its id: 'cold-rolling' (Cold rolling and annealing), 'hot-rolling' (Reheating and hot rolling).", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Examples_OnTheSamples_Run()
    {
        // Every example of every command's help that needs only files of the repository runs successfully.
        var root = Pcf.Accounting.Cli.PcfCli.BuildRoot(new Pcf.Accounting.Cli.CliContext(new Spectre.Console.Testing.TestConsole(), TextWriter.Null, null, CliServices));
        var commands = new Stack<System.CommandLine.Command>([root]);
        int ran = 0;
        while (commands.Count > 0)
        {
            var command = commands.Pop();
            foreach (var sub in command.Subcommands)
            {
                commands.Push(sub);
            }

            foreach (var example in Pcf.Accounting.Cli.Examples.Of(command).Where(e => !e.Contains('>', StringComparison.Ordinal) && !e.Contains("&&", StringComparison.Ordinal)))
            {
                string[] args = [.. example.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
                    .Select(a => a.StartsWith("samples/", StringComparison.Ordinal) || a.StartsWith("tests/", StringComparison.Ordinal) ? Path.Combine(Paths.RepoRoot, a) : a)];
                if (args.Any(a => (a.EndsWith(".json", StringComparison.Ordinal) || a.EndsWith(".csv", StringComparison.Ordinal)) && !File.Exists(a))
                    || args.Any(a => a.StartsWith(Paths.RepoRoot, StringComparison.Ordinal) && !File.Exists(a) && !Directory.Exists(a))
                    || args[0] == "template"
                    || args[0] is "serve" or "store" or "publish")
                {
                    continue; // needs files the user brings, or templates this test does not install; serve runs until stopped, store and publish write a store
                }

                var (exit, _, error) = await RunAsync(args);
                Assert.True(exit == 0, $"{example}: {error}");
                ran++;
            }
        }

        Assert.True(ran >= 8, $"only {ran} examples ran");
    }

    [Fact]
    public async Task Explain_Whole_ShowsArithmeticAndSources()
    {
        var (exit, output, _) = await RunAsync("explain", _files.Write("chain.json", ChainSystem), "-f", _files.Write("power.json", PowerFactors));

        Assert.Equal(0, exit);
        Assert.Contains("9.46 kg CO2e", output, StringComparison.Ordinal);
        Assert.Contains("source: ", output, StringComparison.Ordinal);
        Assert.Contains(" × ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_UnknownItem_ExitsOne()
    {
        var (exit, _, error) = await RunAsync("explain", _files.Write("chain.json", ChainSystem), "-f", _files.Write("power.json", PowerFactors), "--item", "nothing");

        Assert.Equal(1, exit);
        Assert.Contains("'nothing'", error, StringComparison.Ordinal);
    }

    private static readonly IServiceProvider CliServices = Microsoft.Extensions.DependencyInjection.ServiceCollectionContainerBuilderExtensions.BuildServiceProvider(Pcf.Accounting.Cli.PcfCli.DefaultServices());
}
