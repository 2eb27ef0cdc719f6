using static Pcf.Accounting.Tests.Cli.CliHarness;

namespace Pcf.Accounting.Tests.Cli;

/// <summary><c>--format csv</c> and <c>--out</c> on the commands that print tables (factors list and find, template list and describe):
/// one RFC 4180 table with the table's columns, every value whole.</summary>
public sealed class CliTableCsvTests : IDisposable
{
    private readonly CliHarness _files = new();

    public void Dispose() => _files.Dispose();

    private static string[] Lines(string csv) => csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public async Task FactorsFind_Csv_OneRowPerFactor_WithTheCatalog_TheExactAmount_AndTheSourceWrittenOut()
    {
        string power = _files.Write("power.json", PowerFactors);

        var (exit, output, error) = await RunAtWidthAsync(80, "factors", "find", "test/power", "--factors", power, "--format", "csv");

        Assert.True(exit == 0, error);
        var lines = Lines(output);
        Assert.Equal("Catalog,Key,Region,Year,Per,Amounts (kg/unit),Kind,Confidence,Source", lines[0]);
        var row = Assert.Single(lines, l => l.StartsWith(power + ",test/power,", StringComparison.Ordinal));
        Assert.Contains(",kWh,CO2-fossil 0.5,", row, StringComparison.Ordinal);
        Assert.Contains("invented for the CLI tests", row, StringComparison.Ordinal);
        Assert.DoesNotContain("[1]", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FactorsList_CsvToAFile_WritesEveryFactorOfTheDataset()
    {
        string dataset = Pcf.Accounting.Data.DefaultFactors.Datasets[0];
        int count = Pcf.Accounting.Data.DefaultFactors.ReadDataset(dataset).Factors.Length;
        string target = Path.Combine(_files.Folder, "factors.csv");

        var (exit, output, error) = await RunAsync("factors", "list", "--dataset", dataset, "--format", "csv", "--out", target);

        Assert.True(exit == 0, error);
        Assert.Empty(output);
        Assert.Contains($"Wrote {target}.", error, StringComparison.Ordinal);
        var lines = Lines(File.ReadAllText(target));
        Assert.Equal(1 + count, lines.Length);
        Assert.All(lines.Skip(1), l => Assert.StartsWith($"embedded dataset {dataset},", l, StringComparison.Ordinal));
    }

    [Fact]
    public async Task FactorsList_OutWithoutCsv_IsAUsageError()
    {
        var (exit, _, error) = await RunAsync("factors", "list", "--out", Path.Combine(_files.Folder, "x.csv"));

        Assert.Equal(2, exit);
        Assert.Contains("--out writes a document: add --format csv.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TemplateList_And_Describe_Csv()
    {
        var (exit, output, error) = await RunAsync("template", "list", "--format", "csv");
        Assert.True(exit == 0, error);
        var lines = Lines(output);
        Assert.Equal("Id,Title,Version,Declared unit,Standards", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("cement/clinker,", StringComparison.Ordinal));

        string target = Path.Combine(_files.Folder, "clinker.csv");
        (exit, output, error) = await RunAsync("template", "describe", "cement/clinker", "--format", "csv", "--out", target);
        Assert.True(exit == 0, error);
        Assert.Empty(output);
        var parameters = Lines(File.ReadAllText(target));
        Assert.Equal("Name,What,Unit or choices,Range,Default,Source of the default,Site data", parameters[0]);
        Assert.True(parameters.Length > 2, File.ReadAllText(target));
    }
}
