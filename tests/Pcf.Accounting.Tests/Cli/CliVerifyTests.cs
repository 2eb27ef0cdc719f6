using Microsoft.Extensions.DependencyInjection;
using Pcf.Accounting.Vectors;
using Pcf.Accounting.Tests.TestSupport;
using static Pcf.Accounting.Tests.Cli.CliHarness;

namespace Pcf.Accounting.Tests.Cli;

public sealed class CliVerifyTests : IDisposable
{
    private readonly CliHarness _files = new();

    public void Dispose() => _files.Dispose();

    private static string ProjectVectors => Path.Combine(Paths.RepoRoot, "tests", "vectors");

    // The runner as the tool makes it: the embedded default factors for vectors that ask for them, PACT factor files.
    private static readonly ReferenceVectorRunner Runner =
        Pcf.Accounting.Cli.PcfCli.DefaultServices().BuildServiceProvider().CreateScope().ServiceProvider.GetRequiredService<ReferenceVectorRunner>();

    [Fact]
    public async Task ProjectVectors_AllPass()
    {
        var outcomes = await Runner.RunAllAsync(ProjectVectors);

        Assert.NotEmpty(outcomes);
        Assert.All(outcomes, o => Assert.True(o.Passed, string.Join("\n", o.Lines())));
    }

    [Fact]
    public void ProjectVectors_ConformToTheSchema()
    {
        using var schema = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Paths.RepoRoot, "docs", "schemas", "pcf-vector-1.schema.json")));
        var options = new System.Text.Json.JsonDocumentOptions { CommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true };
        foreach (var file in ReferenceVectorRunner.Discover(ProjectVectors))
        {
            using var vector = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(file), options);
            var errors = MiniSchema.Validate(schema.RootElement, vector.RootElement);
            Assert.True(errors.Count == 0, $"{file}: {string.Join("; ", errors)}");
        }
    }

    [Fact]
    public async Task Verify_ProjectVectors_PrintsPassLinesAndTheCount()
    {
        var (exit, output, _) = await RunAsync("verify", ProjectVectors);

        Assert.Equal(0, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Contains("PASS cli-linear-chain", lines);
        Assert.Contains("PASS cli-singular-loop", lines);
        Assert.Matches(@"^\d+ passed, 0 failed$", lines[^1]);
    }

    [Fact]
    public async Task Verify_FailingVector_PrintsEachDifferenceAndExitsOne()
    {
        string vector = File.ReadAllText(Path.Combine(ProjectVectors, "cli-linear-chain.vector.json"))
            .Replace("{ \"path\": \"pcfExcludingBiogenicUptake\", \"value\": 9.46 }", "{ \"path\": \"pcfExcludingBiogenicUptake\", \"value\": 9.5 }", StringComparison.Ordinal)
            .Replace("byProcess[p1].co2e", "byProcess[p9].co2e", StringComparison.Ordinal);
        _files.Write("failing.vector.json", vector);

        var (exit, output, _) = await RunAsync("verify", _files.Folder);

        Assert.Equal(1, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        // |9.46 − 9.5| = 0.04 > max(1e-12, 1e-9 × 9.5) = 9.5e-9.
        Assert.Contains("FAIL cli-linear-chain: pcfExcludingBiogenicUptake expected 9.5 got 9.46 (tolerance 9.5E-09)", lines);
        Assert.Contains(lines, l => l.StartsWith("FAIL cli-linear-chain: byProcess[p9].co2e not found", StringComparison.Ordinal));
        Assert.Equal(2, lines.Count(l => l.StartsWith("FAIL ", StringComparison.Ordinal)));
        Assert.Equal("0 passed, 1 failed", lines[^1]);
    }

    [Fact]
    public async Task Verify_WithinTolerance_Passes()
    {
        string vector = File.ReadAllText(Path.Combine(ProjectVectors, "cli-linear-chain.vector.json"))
            .Replace("{ \"path\": \"pcfExcludingBiogenicUptake\", \"value\": 9.46 }", "{ \"path\": \"pcfExcludingBiogenicUptake\", \"value\": 9.4601, \"tolerance\": { \"absolute\": 0.001 } }", StringComparison.Ordinal);

        var outcome = await Runner.RunFileAsync(_files.Write("near.vector.json", vector));

        Assert.True(outcome.Passed, string.Join("\n", outcome.Lines()));
    }

    [Fact]
    public async Task Verify_BrokenInlineSystem_ReportsTheLibraryPathUnderSystem()
    {
        string vector = File.ReadAllText(Path.Combine(ProjectVectors, "cli-linear-chain.vector.json"))
            .Replace("{ \"flow\": \"power\", \"amount\": 3, \"unit\": \"kWh\" }", "{ \"flow\": \"power\", \"amount\": 3, \"unit\": \"kWhh\" }", StringComparison.Ordinal);

        var outcome = await Runner.RunFileAsync(_files.Write("broken.vector.json", vector));

        Assert.False(outcome.Passed);
        Assert.Contains(outcome.Failures, f => f.StartsWith("$.system.processes[0].inputs[1].unit  PCF0102", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Verify_ExpectedProblemThatDoesNotOccur_Fails()
    {
        string vector = File.ReadAllText(Path.Combine(ProjectVectors, "cli-singular-loop.vector.json"))
            .Replace("\"PCF0501\"", "\"PCF0401\"", StringComparison.Ordinal);

        var outcome = await Runner.RunFileAsync(_files.Write("wrong-code.vector.json", vector));

        Assert.False(outcome.Passed);
        Assert.Contains("expected problem PCF0401", outcome.Failures[0], StringComparison.Ordinal);
        Assert.Contains("PCF0501", outcome.Failures[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_MalformedVector_FailsWithoutStoppingTheRun()
    {
        _files.Write("a-broken.vector.json", "{ \"format\": ");
        File.Copy(Path.Combine(ProjectVectors, "cli-singular-loop.vector.json"), Path.Combine(_files.Folder, "b.vector.json"));
        _files.Write("system.json", ChainSystem); // not a vector: skipped

        var (exit, output, _) = await RunAsync("verify", _files.Folder);

        Assert.Equal(1, exit);
        Assert.Contains("FAIL a-broken: ", output, StringComparison.Ordinal);
        Assert.Contains("PCF0001  The document is not valid JSON", output, StringComparison.Ordinal);
        Assert.Contains("PASS cli-singular-loop", output, StringComparison.Ordinal);
        Assert.EndsWith("1 passed, 1 failed", output.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_InteractiveTerminal_ShowsProgressAndTheSameLines()
    {
        var (exit, output, _, progress) = await RunWithProgressAsync(interactive: true, "verify", ProjectVectors);

        Assert.Equal(0, exit);
        // Each vector's step is shown on the progress console (standard error), never on the output.
        Assert.Contains("Running vector 1 of ", progress, StringComparison.Ordinal);
        Assert.Contains("cli-linear-chain.vector.json", progress, StringComparison.Ordinal);
        Assert.DoesNotContain("Running vector", output, StringComparison.Ordinal);
        Assert.Contains("PASS cli-linear-chain", output, StringComparison.Ordinal);
        Assert.Matches(@"\d+ passed, 0 failed", output);
    }

    [Fact]
    public async Task Verify_NotATerminal_ShowsNoProgress()
    {
        var (exit, output, _, progress) = await RunWithProgressAsync(interactive: false, "verify", ProjectVectors);

        Assert.Equal(0, exit);
        Assert.Empty(progress);
        Assert.Contains("PASS cli-linear-chain", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_EmptyFolder_ExitsOne()
    {
        var (exit, output, error) = await RunAsync("verify", _files.Folder);

        Assert.Equal(1, exit);
        Assert.Contains("0 passed, 0 failed", output, StringComparison.Ordinal);
        Assert.Contains("no vectors", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("byProcess[p2].runs", true)]
    [InlineData("byGas[CH4-fossil].massKg", true)]
    [InlineData("byStage[production].share", true)]
    [InlineData("byProcess[0].process", true)]
    [InlineData("reported.nothing", false)]
    [InlineData("byProcess[p9].co2e", false)]
    [InlineData("ruleSet.id", true)]
    public void VectorPath_SelectsByIdentifyingMember(string path, bool found)
    {
        const string json = """
            { "ruleSet": { "id": "ISO14067" }, "reported": { "fossilGhgEmissions": 1 },
              "byProcess": [ { "process": "p1", "runs": 1 }, { "process": "p2", "runs": 2 } ],
              "byGas": [ { "gas": "CH4-fossil", "massKg": 0.2 } ], "byStage": [ { "stage": "production", "share": 1 } ] }
            """;
        using var document = System.Text.Json.JsonDocument.Parse(json);

        Assert.Equal(found, VectorPath.TryEvaluate(document.RootElement, path, out _, out var error));
        Assert.True(found || error.Contains(path, StringComparison.Ordinal), error);
    }
}
