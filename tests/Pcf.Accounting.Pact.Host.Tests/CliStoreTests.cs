using Pcf.Accounting.Json;
using System.Reflection;
using Pcf.Accounting.Cli;
using Pcf.Accounting.Pact.Host.Store;
using Spectre.Console.Testing;

namespace Pcf.Accounting.Pact.Host.Tests;

/// <summary><c>pcf publish</c> and <c>pcf store</c>, run in process on a SQLite store in a temporary folder.</summary>
public sealed class CliStoreTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pcf-cli-store-").FullName;

    private static string RepoRoot => typeof(CliStoreTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!;

    private string Store => "sqlite:" + Path.Combine(_folder, "footprints.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private string Write(string name, string text)
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var console = new TestConsole().Width(250);
        var error = new StringWriter();
        int exit = await PcfCli.RunAsync(args, console, error);
        return (exit, console.Output, error.ToString());
    }

    private string Meta() => Write("bracket.meta.json", """
        { "companyName": "Example Brackets Ltd", "companyIds": ["urn:pact:company:example"], "productIds": ["urn:pact:product:bracket-400"],
          "productNameCompany": "Bracket 400", "productDescription": "Steel bracket, 0.4 kg", "productCategoryCpc": "42999",
          "carbonContent": { "fossil": { "amount": 0.0008, "unit": "kg" }, "biogenic": { "amount": 0, "unit": "kg" } } }
        """);

    // An invented grid factor for the bracket's electricity (kg CO2 per kWh), to be changed between publications.
    private string Grid(double co2) => Write("grid.json", $$"""
        { "format": "pcf-factors/1", "dataset": { "id": "grid-test", "version": "1", "publisher": "tests (invented values)" },
          "factors": [ { "key": "electricity/grid", "name": "grid (invented)", "perUnit": "kWh", "kind": "lifeCycle", "region": "CN", "year": 2023,
                         "components": [ { "gas": "CO2-fossil", "amount": {{co2.ToString(System.Globalization.CultureInfo.InvariantCulture)}} } ],
                         "source": { "document": "invented for the tests" } } ] }
        """);

    [Fact]
    public async Task Publish_Twice_SupersedesAndListsBothInHistory()
    {
        string system = Path.Combine(RepoRoot, "samples", "steel-bracket.json"), meta = Meta();
        Assert.Equal(0, (await RunAsync("store", "client", "add", "buyer-1", "--secret", "s3cret-s3cret", "--store", Store)).Exit);

        var first = await RunAsync("publish", system, "--product", meta, "--store", Store, "--share", "buyer-1");
        var second = await RunAsync("publish", system, "--product", meta, "--store", Store);

        Assert.True(first.Exit == 0, first.Error);
        Assert.True(second.Exit == 0, second.Error);
        Assert.Contains("Shared with: buyer-1.", second.Output, StringComparison.Ordinal); // inherited
        await using var store = FootprintStores.Open(Store);
        var history = await store.HistoryAsync("urn:pact:product:bracket-400");
        Assert.Equal([PfStatus.Deprecated, PfStatus.Active], history.Select(h => h.Status).ToArray());
        Assert.Contains($"Superseded {history[0].Id}", second.Output, StringComparison.Ordinal);
        Assert.NotNull(history[1].ResultJson);
        Assert.StartsWith("sha256:", history[1].SystemHash, StringComparison.Ordinal);
        // The result's own hashes: its system's content, and each dataset's factors as used, named per product.
        Assert.Equal(FootprintResultJson.Read(history[1].ResultJson!).ThrowIfInvalid().System.ContentHash, history[1].SystemHash);
        Assert.Contains(history[1].FactorSetHashes, h => h.Name == "factors:urn:pact:product:bracket-400:pcf-accounting/china-electricity-lifecycle-2023");

        var list = await RunAsync("store", "list", "--store", Store);
        var all = await RunAsync("store", "list", "--all", "--store", Store);
        var show = await RunAsync("store", "show", history[1].Id.ToString(), "--store", Store);
        var result = await RunAsync("store", "show", history[1].Id.ToString(), "--result", "--store", Store);
        var versions = await RunAsync("store", "history", "urn:pact:product:bracket-400", "--store", Store);
        Assert.Contains("1 footprint.", list.Output, StringComparison.Ordinal);
        Assert.Contains("2 footprints.", all.Output, StringComparison.Ordinal);
        Assert.True(PactJson.ReadV3(System.Text.Encoding.UTF8.GetBytes(show.Output)).IsValid, show.Output);
        Assert.Contains("shared with: buyer-1", show.Error, StringComparison.Ordinal);
        Assert.Equal(history[1].ResultJson!.Trim(), result.Output.Trim());
        Assert.Contains(history[0].Id.ToString(), versions.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_AfterAFactorFileChanged_MarksEarlierResultsStale()
    {
        string system = Path.Combine(RepoRoot, "samples", "steel-bracket.json"), meta = Meta();
        Assert.Equal(0, (await RunAsync("publish", system, "--product", meta, "--factors", Grid(0.58), "--store", Store)).Exit);
        Assert.Contains("current", (await RunAsync("store", "list", "--store", Store, "--factors", Grid(0.58))).Output, StringComparison.Ordinal);

        // The grid factor is revised: the bracket's stored result rests on the old value, which today's data no longer gives.
        string revised = Grid(0.61);
        var list = await RunAsync("store", "list", "--store", Store, "--factors", revised);
        Assert.Contains("STALE (data: grid-test)", list.Output, StringComparison.Ordinal);

        // Published again with the revised data: the new version is current, and the old one is stale twice over.
        Assert.Equal(0, (await RunAsync("publish", system, "--product", meta, "--factors", revised, "--store", Store)).Exit);
        var all = await RunAsync("store", "list", "--all", "--store", Store, "--factors", revised);
        Assert.Contains("current", all.Output, StringComparison.Ordinal);
        Assert.Contains("STALE (factors:", all.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClientAdd_PrintsAGeneratedSecretOnce_AndStoresOnlyItsHash()
    {
        var added = await RunAsync("store", "client", "add", "buyer-2", "--store", Store);

        Assert.Equal(0, added.Exit);
        string secret = added.Output.Split("Secret (shown once, only its hash is stored): ")[1].Trim();
        await using var store = FootprintStores.Open(Store);
        var client = (await store.FindClientAsync("buyer-2"))!;
        Assert.True(Security.ClientSecrets.Verify(secret, client.SecretHash));
        Assert.DoesNotContain(secret, (await RunAsync("store", "client", "list", "--store", Store)).Output, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, File.ReadAllText(Path.Combine(_folder, "footprints.db"), System.Text.Encoding.Latin1), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Store_BadConnection_SaysSo()
    {
        var (exit, _, error) = await RunAsync("store", "list", "--store", "mysql://x");

        Assert.Equal(1, exit);
        Assert.Contains("--store", error, StringComparison.Ordinal);
    }
}
