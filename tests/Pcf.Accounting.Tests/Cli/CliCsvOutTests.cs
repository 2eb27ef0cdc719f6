using System.Globalization;
using System.Text;
using System.Text.Json;
using Pcf.Accounting.Json;
using Pcf.Accounting.Tests.TestSupport;
using Pcf.Accounting.Uncertainty;
using static Pcf.Accounting.Tests.Cli.CliHarness;

namespace Pcf.Accounting.Tests.Cli;

/// <summary><c>--format csv</c> and <c>--out</c> on <c>uncertainty</c>, <c>template run</c>, <c>verify</c> and the store tables: the CSV is
/// parsed back (RFC 4180) and its cells compared with hand-calculated values, or bit for bit with the JSON of the same run.</summary>
public sealed class CliCsvOutTests : IDisposable
{
    // The chain of CliHarness with invented distributions (as in CliUncertaintyTests): an input and the CH4 emission are uncertain.
    private static readonly string UncertainChain = ChainSystem
        .Replace("""{ "flow": "M", "amount": 2, "unit": "kg" }""", """{ "flow": "M", "amount": 2, "unit": "kg", "uncertainty": { "distribution": "normal", "spread": 0.05 } }""", StringComparison.Ordinal)
        .Replace("""{ "gas": "CH4-fossil", "amount": 0.1, "unit": "kg" }""", """{ "gas": "CH4-fossil", "amount": 0.1, "unit": "kg", "uncertainty": { "distribution": "uniform", "minimum": 0.5, "maximum": 1.5 } }""", StringComparison.Ordinal);

    private static readonly string[] StatisticsHeader =
        ["System", "Quantity", "Iterations", "Mean", "Standard deviation", "Median", "P2.5", "P5", "P95", "P97.5", "Minimum", "Maximum"];

    private readonly CliHarness _files = new();

    public void Dispose() => _files.Dispose();

    private static double Number(string cell) => double.Parse(cell, NumberStyles.Float, CultureInfo.InvariantCulture);

    // The cells of a row by column name.
    private static Dictionary<string, string> Row(List<string[]> csv, Func<Dictionary<string, string>, bool> where)
    {
        var found = Rows(csv).FindAll(r => where(r));
        Assert.True(found.Count == 1, $"{found.Count} rows match");
        return found[0];
    }

    private static List<Dictionary<string, string>> Rows(List<string[]> csv) =>
        csv.Skip(1).Select(r => csv[0].Zip(r).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal)).ToList();

    private string[] FilesBeside() => Directory.EnumerateFiles(_files.Folder).Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public void TheTestsCsvReader_ReadsQuotedCommasQuotesAndLineBreaks()
    {
        var csv = Csv.Parse("a,b\r\n\"x, \"\"y\"\"\",\"1\r\n2\"\r\n,\r\n");

        Assert.Equal([["a", "b"], ["x, \"y\"", "1\r\n2"], ["", ""]], csv);
    }

    [Fact]
    public async Task Uncertainty_Csv_WithoutUncertainInputs_EveryStatisticIsTheHandCalculatedTotal()
    {
        // Nothing is uncertain and the factor has no scores: every draw is the stated result. The chain's total (CliHarness): p2 makes
        // 1 kg M with 1 kWh (0.5) and 0.1 kg CH4 (x 29.8 = 2.98): 3.48; p1: 1 + 3 x 0.5 + 2 x 3.48 = 9.46 kg CO2e, all fossil.
        var (exit, output, error) = await RunAsync("uncertainty", _files.Write("chain.json", ChainSystem), "-f", _files.Write("power.json", PowerFactors),
            "--iterations", "200", "--format", "csv");

        Assert.True(exit == 0, error);
        Assert.EndsWith("\r\n", output, StringComparison.Ordinal);
        var csv = Csv.Parse(output);
        Assert.Equal(StatisticsHeader, csv[0]);
        // Every quantity, the zero ones too, in the library's order.
        Assert.Equal(UncertaintyStatistics.QuantityNames, Rows(csv).Select(r => r["Quantity"]));
        Assert.All(Rows(csv), r => Assert.Equal(("chain", "200"), (r["System"], r["Iterations"])));
        foreach (string quantity in new[] { "pcfExcludingBiogenicUptake", "pcfIncludingBiogenicUptake", "fossilGhgEmissions" })
        {
            var row = Row(csv, r => r["Quantity"] == quantity);
            Assert.Equal(0, Number(row["Standard deviation"]));
            foreach (string column in StatisticsHeader.Where(c => c is "Mean" or "Median" or "Minimum" or "Maximum" || c.StartsWith('P')))
            {
                Assert.Equal(9.46, Number(row[column]), 1e-12);
            }
        }

        var uptake = Row(csv, r => r["Quantity"] == "biogenicCo2Uptake");
        Assert.All(StatisticsHeader.Skip(3), c => Assert.Equal("0", uptake[c]));
    }

    [Fact]
    public async Task Uncertainty_Csv_IsTheJsonsStatistics_BitForBit_AndBothGoToFiles()
    {
        string system = _files.Write("chain.json", UncertainChain), factors = _files.Write("power.json", PowerFactors);
        string csvFile = Path.Combine(_files.Folder, "statistics.csv"), jsonFile = Path.Combine(_files.Folder, "result.json");

        var csvRun = await RunAsync("uncertainty", system, "-f", factors, "--iterations", "500", "--seed", "42", "--format", "csv", "--out", csvFile);
        var jsonRun = await RunAsync("uncertainty", system, "-f", factors, "--iterations", "500", "--seed", "42", "--format", "json", "--out", jsonFile);

        Assert.True(csvRun.Exit == 0, csvRun.Error);
        Assert.True(jsonRun.Exit == 0, jsonRun.Error);
        Assert.Equal((string.Empty, string.Empty), (csvRun.Out, jsonRun.Out));
        Assert.Equal($"Wrote {csvFile}.", csvRun.Error.Trim());
        Assert.Equal($"Wrote {jsonFile}.", jsonRun.Error.Trim());
        byte[] bytes = File.ReadAllBytes(csvFile);
        Assert.NotEqual(0xEF, bytes[0]); // no byte-order mark
        var csv = Csv.Parse(Encoding.UTF8.GetString(bytes));
        var statistics = FootprintResultJson.Read(File.ReadAllBytes(jsonFile)).ThrowIfInvalid().Uncertainty!;
        Assert.Equal(statistics.Quantities.Length, csv.Count - 1);
        foreach (var q in statistics.Quantities)
        {
            var row = Row(csv, r => r["Quantity"] == q.Quantity);
            Assert.Equal(q.Mean, Number(row["Mean"]));
            Assert.Equal(q.StandardDeviation, Number(row["Standard deviation"]));
            Assert.Equal(q.Median, Number(row["Median"]));
            Assert.Equal(q.Minimum, Number(row["Minimum"]));
            Assert.Equal(q.Maximum, Number(row["Maximum"]));
            Assert.All(q.Percentiles, p => Assert.Equal(p.Value, Number(row["P" + p.Level.ToString("R", CultureInfo.InvariantCulture)])));
        }

        // The total varies: the CH4 multiplier is uniform on [0.5, 1.5], so CH4 alone spans 2 x 0.1 x 29.8 x [0.5, 1.5] = [2.98, 8.94].
        var total = Row(csv, r => r["Quantity"] == "pcfExcludingBiogenicUptake");
        Assert.True(Number(total["Standard deviation"]) > 0, total["Standard deviation"]);
        Assert.Equal(["chain.json", "power.json", "result.json", "statistics.csv"], FilesBeside());
    }

    [Fact]
    public async Task Uncertainty_Csv_ComparedWithItself_TheDifferenceIsZeroInEveryDraw()
    {
        // Common random numbers: the same system drawn with the same seed gives the same draws, so A − B is 0 in each of them.
        string system = _files.Write("chain.json", UncertainChain), factors = _files.Write("power.json", PowerFactors);

        var (exit, output, error) = await RunAsync("uncertainty", system, "-f", factors, "--compare", system, "--iterations", "300", "--format", "csv");

        Assert.True(exit == 0, error);
        var csv = Csv.Parse(output);
        Assert.Equal(StatisticsHeader, csv[0]);
        int quantities = UncertaintyStatistics.QuantityNames.Length;
        Assert.Equal(2 * quantities + 1, csv.Count - 1);
        Assert.Equal(quantities, Rows(csv).Count(r => r["System"] == "A: chain"));
        Assert.Equal(quantities, Rows(csv).Count(r => r["System"] == "B: chain"));
        var a = Row(csv, r => r["System"] == "A: chain" && r["Quantity"] == "pcfExcludingBiogenicUptake");
        var b = Row(csv, r => r["System"] == "B: chain" && r["Quantity"] == "pcfExcludingBiogenicUptake");
        Assert.Equal(a.Where(p => p.Key != "System"), b.Where(p => p.Key != "System"));
        var difference = Row(csv, r => r["System"] == "A − B");
        Assert.Equal(("pcfExcludingBiogenicUptake", "300"), (difference["Quantity"], difference["Iterations"]));
        Assert.All(StatisticsHeader.Skip(3), c => Assert.Equal(0, Number(difference[c])));
    }

    [Fact]
    public async Task Uncertainty_Out_WithTheTable_IsAUsageError_AndAFailedRunLeavesTheOldFile()
    {
        string system = _files.Write("chain.json", ChainSystem);
        var usage = await RunAsync("uncertainty", system, "--out", Path.Combine(_files.Folder, "x.json"));
        Assert.Equal(2, usage.Exit);
        Assert.Contains("--out writes a document: add --format json or --format csv.", usage.Error, StringComparison.Ordinal);

        var missing = await RunAsync("uncertainty", system, "--format", "csv", "--out", Path.Combine(_files.Folder, "nowhere", "x.csv"));
        Assert.Equal(1, missing.Exit);
        Assert.Contains("the folder '" + Path.Combine(_files.Folder, "nowhere") + "' does not exist", missing.Error, StringComparison.Ordinal);

        // No power factor (no --factors): the run fails, the old file stays as it was and nothing is left beside it.
        string target = _files.Write("statistics.csv", "the previous contents\n");
        var failed = await RunAsync("uncertainty", system, "--format", "csv", "--out", target);
        Assert.Equal(1, failed.Exit);
        Assert.Contains("PCF0401", failed.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Wrote", failed.Error, StringComparison.Ordinal);
        Assert.Equal("the previous contents\n", File.ReadAllText(target));
        Assert.Equal(["chain.json", "statistics.csv"], FilesBeside());
    }

    // The worked example of tests/vectors/cement/cement-worked-example.vector.json: its parameters and its one factor file.
    private (string Parameters, string Factors) CementWorkedExample()
    {
        using var vector = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Paths.RepoRoot, "tests", "vectors", "cement", "cement-worked-example.vector.json")));
        var root = vector.RootElement;
        string parameters = $$"""{ "format": "pcf-template-params/1", "template": "cement/cement", "parameters": {{root.GetProperty("template").GetProperty("parameters").GetRawText()}} }""";
        return (_files.Write("params.json", parameters), _files.Write("grid.json", root.GetProperty("factors").GetRawText()));
    }

    [Fact]
    public async Task TemplateRun_Csv_IsTheCalculateCsv_WithTheWorkedExamplesNumbers()
    {
        var (parameters, grid) = CementWorkedExample();

        var (exit, output, error) = await RunAsync("template", "run", "cement/cement", "--params", parameters, "-f", grid, "--format", "csv");

        Assert.True(exit == 0, error);
        var csv = Csv.Parse(output);
        Assert.Equal("view,item,name,stage,mass_kg,amount,unit,kg_co2e_per_unit,kg_co2e,share,primary_data,fallbacks,source", string.Join(',', csv[0]));
        // By hand (the vector's derivation): calcination 0.65 x 44.01/56.08 x 1.02 = 0.52030367 t CO2/t clinker; coal 3.3 GJ x 0.02618 x 0.93
        // x 44/12 = 0.29460354 t; clinker 0.81490721 t x 0.75 t/t cement = 611.18041 kg; grinding 90 kWh x 0.5306 = 47.754 kg;
        // total 658.93441 kg CO2 per t cement.
        var total = Row(csv, r => r["view"] == "total" && r["item"] == "pcfExcludingBiogenicUptake");
        Assert.Equal(658.93441, Number(total["kg_co2e"]), 1e-5);
        var clinker = Row(csv, r => r["view"] == "process" && r["item"] == "clinker-production");
        Assert.Equal((0.75, "runs"), (Number(clinker["amount"]), clinker["unit"]));
        Assert.Equal(611.18041, Number(clinker["kg_co2e"]), 1e-5);
        Assert.Equal(47.754, Number(Row(csv, r => r["view"] == "process" && r["item"] == "cement-grinding")["kg_co2e"]), 1e-12);
        var factor = Row(csv, r => r["view"] == "factor" && r["name"] == "electricity/grid/combustion");
        Assert.Equal((90, "kWh", 0.5306), (Number(factor["amount"]), factor["unit"], Number(factor["kg_co2e_per_unit"])));
        Assert.Contains("via grid.json", factor["source"], StringComparison.Ordinal);
        // 47.754 / 658.93441 of the footprint.
        Assert.Equal(47.754 / 658.9344099928673, Number(factor["share"]), 1e-12);
    }

    [Fact]
    public async Task TemplateRun_JsonOut_WritesTheResultToTheFile_AndAFailedRunLeavesTheOldFile()
    {
        var (parameters, grid) = CementWorkedExample();
        string target = Path.Combine(_files.Folder, "result.json");

        var (exit, output, error) = await RunAsync("template", "run", "cement/cement", "--params", parameters, "-f", grid, "--format", "json", "--out", target);

        Assert.True(exit == 0, error);
        Assert.Empty(output);
        Assert.Equal($"Wrote {target}.", error.Trim());
        var result = FootprintResultJson.Read(File.ReadAllBytes(target)).ThrowIfInvalid();
        Assert.Equal(658.93441, result.TotalExcludingBiogenicUptake.Value, 1e-5);

        // A parameter out of range: nothing is calculated, the file written before is as it was.
        string before = File.ReadAllText(target);
        string bad = _files.Write("bad.json", File.ReadAllText(parameters).Replace("\"clinkerRatio\": 0.75", "\"clinkerRatio\": 7.5", StringComparison.Ordinal));
        Assert.Contains("7.5", File.ReadAllText(bad), StringComparison.Ordinal);
        var failed = await RunAsync("template", "run", "cement/cement", "--params", bad, "-f", grid, "--format", "json", "--out", target);
        Assert.Equal(1, failed.Exit);
        Assert.Contains("clinkerRatio", failed.Error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(target));
        Assert.Equal(["bad.json", "grid.json", "params.json", "result.json"], FilesBeside());

        var usage = await RunAsync("template", "run", "cement/cement", "--params", parameters, "--out", target);
        Assert.Equal(2, usage.Exit);
        Assert.Contains("--out writes a document: add --format json or --format csv.", usage.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_Csv_ARowPerPassedVectorAndPerFailure_WrittenEvenWhenAVectorFails()
    {
        string vectors = Path.Combine(Paths.RepoRoot, "tests", "vectors");
        string passing = File.ReadAllText(Path.Combine(vectors, "cli-linear-chain.vector.json"));
        string failing = passing.Replace("\"id\": \"cli-linear-chain\"", "\"id\": \"cli-linear-chain-failing\"", StringComparison.Ordinal)
            .Replace("{ \"path\": \"pcfExcludingBiogenicUptake\", \"value\": 9.46 }", "{ \"path\": \"pcfExcludingBiogenicUptake\", \"value\": 9.5 }", StringComparison.Ordinal)
            .Replace("byProcess[p1].co2e", "byProcess[p9].co2e", StringComparison.Ordinal);
        string folder = Path.Combine(_files.Folder, "vectors");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "a.vector.json"), passing);
        File.WriteAllText(Path.Combine(folder, "b.vector.json"), failing);
        string target = Path.Combine(_files.Folder, "verify.csv");

        var (exit, output, error) = await RunAsync("verify", folder, "--format", "csv", "--out", target);

        Assert.Equal(1, exit); // a vector failed: the exit code says so, and the CSV is written all the same
        Assert.Empty(output);
        Assert.Contains($"Wrote {target}.", error, StringComparison.Ordinal);
        var csv = Csv.Parse(File.ReadAllText(target));
        Assert.Equal(["Vector", "File", "Result", "Failure"], csv[0]);
        Assert.Equal(
            [
                ["cli-linear-chain", Path.Combine(folder, "a.vector.json"), "PASS", string.Empty],
                // |9.46 − 9.5| = 0.04 > max(1e-12, 1e-9 × 9.5) = 9.5e-9.
                ["cli-linear-chain-failing", Path.Combine(folder, "b.vector.json"), "FAIL", "pcfExcludingBiogenicUptake expected 9.5 got 9.46 (tolerance 9.5E-09)"],
            ],
            csv.Skip(1).Where(r => !r[3].StartsWith("byProcess", StringComparison.Ordinal)));
        Assert.Single(csv, r => r[2] == "FAIL" && r[3].StartsWith("byProcess[p9].co2e not found", StringComparison.Ordinal));
        Assert.Equal(4, csv.Count);
    }

    [Fact]
    public async Task Store_ListHistoryAndClients_AsCsv_WholeValues_AndTheStoresDocumentsToOut()
    {
        string store = "sqlite:" + Path.Combine(_files.Folder, "footprints.db");
        string system = _files.Write("chain.json", ChainSystem), power = _files.Write("power.json", PowerFactors);
        string meta = _files.Write("meta.json", """
            { "companyName": "Example Ltd", "companyIds": ["urn:pact:company:example"], "productIds": ["urn:pact:product:chain"],
              "productNameCompany": "Chain P", "productDescription": "P, 1 kg", "productCategoryCpc": "42999",
              "referencePeriodStart": "2025-01-01T00:00:00Z", "referencePeriodEnd": "2026-01-01T00:00:00Z",
              "carbonContent": { "fossil": { "amount": 0, "unit": "kg" }, "biogenic": { "amount": 0, "unit": "kg" } } }
            """);
        for (int i = 0; i < 2; i++)
        {
            var published = await RunAsync("publish", system, "--product", meta, "-f", power, "--store", store);
            Assert.True(published.Exit == 0, published.Error);
        }

        var (exit, output, error) = await RunAsync("store", "list", "--all", "--store", store, "-f", power, "--format", "csv");
        Assert.True(exit == 0, error);
        var list = Csv.Parse(output);
        Assert.Equal(["id", "product", "status", "pcfExcludingBiogenicUptake (kg CO2e)", "declared unit amount", "declared unit", "stored", "result"], list[0]);
        Assert.Equal(["Deprecated", "Active"], Rows(list).Select(r => r["status"]));
        foreach (var row in Rows(list))
        {
            // The chain's 9.46 kg CO2e per 1 kg (CliHarness), a bare number; the time in ISO 8601 UTC; the factors unchanged.
            Assert.Equal(("urn:pact:product:chain", 9.46, "1", "Kilogram", "current"),
                (row["product"], Number(row["pcfExcludingBiogenicUptake (kg CO2e)"]), row["declared unit amount"], row["declared unit"], row["result"]));
            Assert.EndsWith("Z", row["stored"], StringComparison.Ordinal);
            Assert.Equal(TimeSpan.Zero, DateTimeOffset.Parse(row["stored"], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind).Offset);
            Assert.True(Guid.TryParse(row["id"], out _), row["id"]);
        }

        var history = Csv.Parse((await RunAsync("store", "history", "urn:pact:product:chain", "--store", store, "--format", "csv")).Out);
        Assert.Equal(["#", "id", "status", "superseded by", "pcfExcludingBiogenicUptake (kg CO2e)", "stored"], history[0]);
        var versions = Rows(history);
        Assert.Equal(("1", Rows(list)[0]["id"], Rows(list)[1]["id"]), (versions[0]["#"], versions[0]["id"], versions[0]["superseded by"]));
        Assert.Equal(("2", Rows(list)[1]["id"], string.Empty), (versions[1]["#"], versions[1]["id"], versions[1]["superseded by"]));
        Assert.All(versions, v => Assert.Equal(9.46, Number(v["pcfExcludingBiogenicUptake (kg CO2e)"])));
        Assert.Equal(Rows(list).Select(r => r["stored"]), versions.Select(v => v["stored"]));

        // A name with a comma and quotes comes back whole; the secret is never listed.
        Assert.Equal(0, (await RunAsync("store", "client", "add", "buyer-1", "--name", "Buyer, \"One\"", "--secret", "s3cret-s3cret",
            "--events-url", "https://pact.buyer.example/", "--store", store)).Exit);
        Assert.Equal(0, (await RunAsync("store", "client", "add", "buyer-2", "--secret", "s3cret-s3cret", "--store", store)).Exit);
        string clientsFile = Path.Combine(_files.Folder, "clients.csv");
        var clients = await RunAsync("store", "client", "list", "--store", store, "--format", "csv", "--out", clientsFile);
        Assert.True(clients.Exit == 0, clients.Error);
        Assert.Empty(clients.Out);
        string text = File.ReadAllText(clientsFile);
        Assert.DoesNotContain("s3cret", text, StringComparison.Ordinal);
        Assert.Equal(
            [["client id", "name", "events URL", "disabled"], ["buyer-1", "Buyer, \"One\"", "https://pact.buyer.example/", "no"], ["buyer-2", "buyer-2", string.Empty, "no"]],
            Csv.Parse(text).OrderBy(r => r[0] == "client id" ? string.Empty : r[0], StringComparer.Ordinal));

        var both = await RunAsync("store", "list", "--json", "--format", "csv", "--store", store);
        Assert.Equal(2, both.Exit);
        Assert.Contains("--json and --format csv", both.Error, StringComparison.Ordinal);
        var tableOut = await RunAsync("store", "history", "urn:pact:product:chain", "--store", store, "--out", Path.Combine(_files.Folder, "h.txt"));
        Assert.Equal(2, tableOut.Exit);
        Assert.Contains("--out writes a document: add --format csv.", tableOut.Error, StringComparison.Ordinal);

        // The documents of store list --json and store show go to --out as well.
        string active = Rows(list)[1]["id"];
        string listFile = Path.Combine(_files.Folder, "list.json"), showFile = Path.Combine(_files.Folder, "show.json"), resultFile = Path.Combine(_files.Folder, "result.json");
        var listed = await RunAsync("store", "list", "--json", "--store", store, "--out", listFile);
        var shown = await RunAsync("store", "show", active, "--store", store, "--out", showFile);
        var result = await RunAsync("store", "show", active, "--result", "--store", store, "--out", resultFile);
        Assert.True(listed.Exit == 0 && shown.Exit == 0 && result.Exit == 0, listed.Error + shown.Error + result.Error);
        Assert.Equal((string.Empty, string.Empty, string.Empty), (listed.Out, shown.Out, result.Out));
        Assert.Contains($"Wrote {showFile}.", shown.Error, StringComparison.Ordinal);
        Assert.Contains("product: urn:pact:product:chain", shown.Error, StringComparison.Ordinal);
        using (var data = JsonDocument.Parse(File.ReadAllBytes(listFile)))
        {
            var footprint = Assert.Single(data.RootElement.GetProperty("data").EnumerateArray());
            Assert.Equal(active, footprint.GetProperty("id").GetString());
        }

        using (var pact = JsonDocument.Parse(File.ReadAllBytes(showFile)))
        {
            Assert.Equal(active, pact.RootElement.GetProperty("id").GetString());
        }

        Assert.Equal(9.46, FootprintResultJson.Read(File.ReadAllBytes(resultFile)).ThrowIfInvalid().TotalExcludingBiogenicUptake.Value, 1e-12);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    /// <summary>An RFC 4180 reader for the tests (the tool has only a writer): quoted fields with doubled quotes, commas and line breaks.</summary>
    private static class Csv
    {
        public static List<string[]> Parse(string text)
        {
            var rows = new List<string[]>();
            var row = new List<string>();
            var field = new StringBuilder();
            bool quoted = false;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (quoted)
                {
                    if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else if (c == '"')
                    {
                        quoted = false;
                    }
                    else
                    {
                        field.Append(c);
                    }
                }
                else if (c == '"')
                {
                    Assert.True(field.Length == 0, $"a quote inside an unquoted field at {i}");
                    quoted = true;
                }
                else if (c == ',')
                {
                    row.Add(field.ToString());
                    field.Clear();
                }
                else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    row.Add(field.ToString());
                    field.Clear();
                    rows.Add([.. row]);
                    row.Clear();
                    i++;
                }
                else
                {
                    Assert.True(c != '\n' && c != '\r', $"a bare line break at {i} (RFC 4180 lines end in CRLF)");
                    field.Append(c);
                }
            }

            Assert.False(quoted, "an unterminated quoted field");
            if (field.Length > 0 || row.Count > 0)
            {
                row.Add(field.ToString());
                rows.Add([.. row]);
            }

            Assert.All(rows, r => Assert.Equal(rows[0].Length, r.Length));
            return rows;
        }
    }
}
