using System.Diagnostics;
using System.Reflection;
using Pcf.Accounting.Pact.Host.Store;

namespace Pcf.Accounting.Pact.Host.Tests;

/// <summary><c>pcf publish</c> processes killed (SIGKILL) at spread moments of their run: whatever the moment, the SQLite store
/// holds whole versions only (SQLite's journal rolls an unfinished transaction back on the next open).</summary>
public sealed class StoreCrashTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pcf-crash-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Publish_KilledAtSpreadMoments_LeavesOnlyWholeVersions()
    {
        string root = typeof(StoreCrashTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!;
        string cli = Path.Combine(AppContext.BaseDirectory, "Pcf.Accounting.Cli.dll");
        string store = "sqlite:" + Path.Combine(_folder, "footprints.db");
        string[] args = [cli, "publish", Path.Combine(root, "samples", "steel-bracket.json"), "--product", Path.Combine(root, "eng", "ci", "conformance", "bracket.meta.json"), "--store", store];

        async Task<bool> RunAsync(int killAfterMs)
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (string a in args)
            {
                start.ArgumentList.Add(a);
            }

            using var process = Process.Start(start)!;
            var exited = process.WaitForExitAsync();
            if (await Task.WhenAny(exited, Task.Delay(killAfterMs)) != exited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
                return true;
            }

            return false;
        }

        Assert.False(await RunAsync(120_000)); // one whole version first (creates and migrates the store)

        // The kill moments are fractions of how long a whole run takes on this machine, measured here: fixed milliseconds
        // were all too late on a fast machine (the runs finished first) and all too early on a loaded one.
        var clock = Stopwatch.StartNew();
        Assert.False(await RunAsync(120_000));
        double whole = clock.Elapsed.TotalMilliseconds;
        int killed = 0;
        foreach (double fraction in (double[])[0.05, 0.15, 0.25, 0.35, 0.45, 0.55, 0.65, 0.75])
        {
            int ms = Math.Max(1, (int)(fraction * whole));
            killed += await RunAsync(ms) ? 1 : 0;

            await using var footprints = FootprintStores.Open(store);
            await footprints.MigrateAsync();
            var history = await footprints.HistoryAsync("urn:pact:product:bracket-400");
            Assert.Single(history, h => h.Status == PfStatus.Active);
            Assert.Equal(history[^1].Id, history.Single(h => h.Status == PfStatus.Active).Id);
            var ids = history.Select(h => h.Id).ToHashSet();
            foreach (var version in history)
            {
                Assert.Equal(version.Status, version.Footprint.Status); // row and document agree
                Assert.NotNull(version.ResultJson);
                if (version.Status == PfStatus.Deprecated)
                {
                    Assert.Contains(version.SupersededBy!.Value, ids); // superseded by a version that is stored
                }
            }

            // The filter keys were written with the rows: a query by product id finds every version.
            var listed = await footprints.ListAsync(new FootprintQuery(null, new Pcf.Accounting.Pact.Events.PactRequestCriteria { ProductIds = ["urn:pact:product:bracket-400"] }, 100));
            Assert.Equal(history.Select(h => h.Id), listed.Items.Select(i => i.Id));
        }

        Assert.True(killed >= 3, $"only {killed} of 8 runs were killed before they finished");
    }
}
