using Pcf.Accounting.Cli;
using Pcf.Accounting.Reporting.Tests.Html;
using Pcf.Accounting.Reporting.Tests.TestSupport;
using Spectre.Console;
using Spectre.Console.Testing;

namespace Pcf.Accounting.Reporting.Tests.Cli;

/// <summary><c>pcf report</c>, run in process.</summary>
public sealed class CliReportTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "pcf-report-tests-" + Guid.NewGuid().ToString("N"));

    public CliReportTests() => Directory.CreateDirectory(_folder);

    [Fact]
    public async Task Report_Sample_WritesTheHtmlFile()
    {
        string sample = Path.Combine(Footprints.RepoRoot, "samples", "steel-bracket.json");
        string output = Path.Combine(_folder, "report.html");
        var (exit, _, error) = await RunAsync("report", sample, "--out", output);
        Assert.Equal(0, exit);
        Assert.Equal($"Wrote {output}.", error.Trim());
        string html = await File.ReadAllTextAsync(output);
        Assert.Equal(FootprintReport.ToHtml(Footprints.Sample("steel-bracket")), html);
        HtmlReportTests.AssertSelfContained(html);
    }

    [Fact]
    public async Task Report_SavedResult_IsTheSameReportAsFromTheSystem()
    {
        // A pcf-result/1 file read back reports without the system or any factor data: the same page as from the system.
        string sample = Path.Combine(Footprints.RepoRoot, "samples", "steel-bracket.json");
        string result = Path.Combine(_folder, "result.json");
        var (calculated, _, calculateError) = await RunAsync("calculate", sample, "--format", "json", "--out", result);
        Assert.True(calculated == 0, calculateError);

        string fromSystem = Path.Combine(_folder, "from-system.html");
        string fromResult = Path.Combine(_folder, "from-result.html");
        Assert.Equal(0, (await RunAsync("report", sample, "--out", fromSystem)).Exit);
        var (exit, _, error) = await RunAsync("report", result, "--out", fromResult);

        Assert.True(exit == 0, error);
        Assert.Equal(await File.ReadAllTextAsync(fromSystem), await File.ReadAllTextAsync(fromResult));
    }

    [Fact]
    public async Task Report_LangZhAndTitle_AreApplied()
    {
        string sample = Path.Combine(Footprints.RepoRoot, "samples", "chlor-alkali.json");
        var (exit, output, _) = await RunAsync("report", sample, "--lang", "zh", "--title", "氯碱 2023");
        Assert.Equal(0, exit);
        var page = Page.Parse(output);
        Assert.Equal("zh-CN", page.Document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("氯碱 2023", page.Document.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task Report_FormatCsv_WritesTheContributionTables()
    {
        string system = Path.Combine(_folder, "chain.json");
        string factors = Path.Combine(_folder, "power.json");
        await File.WriteAllTextAsync(system, Footprints.ChainSystem);
        await File.WriteAllTextAsync(factors, Footprints.ChainFactors);
        var (exit, output, error) = await RunAsync("report", system, "--factors", factors, "--format", "csv");
        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        Assert.Equal(FootprintReport.ToCsv(Footprints.Chain), output);
    }

    [Fact]
    public async Task Report_MissingFile_FailsNamingIt()
    {
        string missing = Path.Combine(_folder, "nope.json");
        var (exit, output, error) = await RunAsync("report", missing, "--out", Path.Combine(_folder, "r.html"));
        Assert.Equal(1, exit);
        Assert.Equal(string.Empty, output);
        Assert.Equal($"pcf: The file '{missing}' does not exist.", error.Trim());
        Assert.False(File.Exists(Path.Combine(_folder, "r.html")));
    }

    [Fact]
    public async Task Report_OutIntoMissingFolder_FailsBeforeCalculating()
    {
        string target = Path.Combine(_folder, "no-such-folder", "r.html");
        var (exit, _, error) = await RunAsync("report", Path.Combine(Footprints.RepoRoot, "samples", "steel-bracket.json"), "--out", target);
        Assert.Equal(1, exit);
        Assert.StartsWith($"pcf: cannot write '{target}': the folder", error.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_UnknownLanguage_IsAUsageError()
    {
        var (exit, _, error) = await RunAsync("report", "x.json", "--lang", "fr");
        Assert.Equal(2, exit);
        Assert.Contains("fr", error, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }
    }

    private static async Task<(int Exit, string Out, string Error)> RunAsync(params string[] args)
    {
        using var console = new TestConsole();
        console.Width(250);
        console.Colors(ColorSystem.NoColors);
        using var error = new StringWriter();
        int exit = await PcfCli.RunAsync(args, console, error);
        return (exit, console.Output, error.ToString());
    }
}
