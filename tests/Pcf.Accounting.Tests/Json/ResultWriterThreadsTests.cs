using System.Text;
using System.Text.Json;
using Pcf.Accounting.Json;
using Pcf.Accounting.Results;
using Pcf.Accounting.Tests.Engine;
using Pcf.Accounting.Tests.Results;
using Pcf.Accounting.Tests.TestSupport;

namespace Pcf.Accounting.Tests.Json;

/// <summary>A large inventory is written in chunks on several threads, straight from the calculation when its records were
/// never made (from the records when they were); the bytes are those of one thread, whatever the number of threads and
/// whether the records were made before.</summary>
public sealed class ResultWriterThreadsTests
{
    // 2 × 256 + 188 processes: with two threads, one wave of two full chunks after the first process, then a wave of one
    // partial chunk; with three threads, one wave of three chunks (the last partial).
    private const int Processes = (2 * FootprintResultJson.ProcessChunk) + 188;

    // The round-trip tests' factors, which exercise every part of a factor.
    private static FootprintResult Calculate(int seed) => ResultRoundTripTests.Calculate(Generators.BuildRich(Processes, seed));

    private static byte[] Write(FootprintResult result, int threads, FootprintResultJsonOptions? options = null)
    {
        using var stream = new MemoryStream();
        FootprintResultJson.Write(stream, result, options, threads);
        return stream.ToArray();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Threads_GiveTheBytesOfOneThread(int seed)
    {
        var result = Calculate(seed);
        Assert.True(Processes > 2 * FootprintResultJson.ProcessChunk); // more than one wave of chunks
        foreach (var options in new[] { FootprintResultJsonOptions.Default, new FootprintResultJsonOptions { Indented = false } })
        {
            var one = Write(result, threads: 1, options);
            Assert.Equal(one, Write(result, threads: 2, options));
            Assert.Equal(one, Write(result, threads: 3, options));
            Assert.Equal(one, Write(result, threads: 8, options));
        }
    }

    [Fact]
    public void Chunks_WriteEveryProcessOnce_InCanonicalOrder_AndReadBackEqual()
    {
        var result = Calculate(3);
        string json = Encoding.UTF8.GetString(Write(result, threads: 2));

        var back = FootprintResultJson.Read(json).ThrowIfInvalid();
        Assert.Equal(result, back);
        Assert.Equal(result.Inventory.Processes.Select(p => p.Id), back.Inventory.Processes.Select(p => p.Id));
        Assert.Equal(Processes, back.Inventory.Processes.Length);
    }

    [Fact]
    public void RecordsMadeBefore_AndNone_WriteTheSameBytes()
    {
        // Two results of one calculation: the writer renders the first one straight from the calculation, making no record;
        // the second one's records are made (read) before it is written, and the writer renders those.
        var fresh = Calculate(4);
        var made = Calculate(4);
        Assert.Equal(Processes, made.Inventory.Processes.Length);

        Assert.Equal(Write(made, threads: 2), Write(fresh, threads: 2));
        Assert.Equal(Write(made, threads: 1), Write(fresh, threads: 2));
        Assert.NotNull(fresh.Inventory.Unmade); // writing made no record
        Assert.Null(made.Inventory.Unmade);
    }

    [Fact]
    public void StraightFromTheCalculation_CreditsAndLinks_AreThoseOfTheRecords()
    {
        // A result whose records were never read is written straight from the layout and the solution (a link there is its
        // input's index: its flow, supplier and stated amount are read from the process); it must say what the records say.
        // The mill's 50 kWh displace the plant (1 kWh per run, 0.8 kg CO2): the fab needs 100 kWh, so the plant runs
        // 100 − 50 = 50 times; the mill's credit is 50 kWh × 0.8 kg/kWh = −40 kg; its link to the fab is 1 t per run.
        static FootprintResult Expansion() => ResultRoundTripTests.Calculate(HandCalculatedTests.ExpansionDisplacingAProcess());

        var fresh = Expansion();
        var made = Expansion();
        Assert.Equal(3, made.Inventory.Processes.Length);
        byte[] straight = Write(fresh, threads: 1); // no record made
        Assert.Equal(Write(made, threads: 1), straight);

        using var document = JsonDocument.Parse(straight);
        var processes = document.RootElement.GetProperty("inventory").GetProperty("processes");
        var mill = processes.EnumerateArray().Single(p => p.GetProperty("id").GetString() == "mill");
        var credit = Assert.Single(mill.GetProperty("credits").EnumerateArray().ToList());
        Assert.Equal("plant", credit.GetProperty("displaced").GetString());
        Assert.Equal(-40, credit.GetProperty("co2e").GetDouble(), 12);
        var fab = processes.EnumerateArray().Single(p => p.GetProperty("id").GetString() == "fab");
        var links = fab.GetProperty("links").EnumerateArray().ToList();
        Assert.Equal(["plant", "mill"], links.Select(l => l.GetProperty("supplier").GetString()).Order(StringComparer.Ordinal).Reverse());
        Assert.Equal(100, links.Single(l => l.GetProperty("supplier").GetString() == "plant").GetProperty("amount").GetDouble(), 12);
        Assert.Equal(1, links.Single(l => l.GetProperty("supplier").GetString() == "mill").GetProperty("amount").GetDouble(), 12);
    }

    [Fact]
    public void Derivations_FromTheLayout_AreThoseOfTheRecords_InOrder()
    {
        var fresh = Calculate(5);
        var made = Calculate(5);
        _ = made.Inventory.Processes;

        var fromLayout = fresh.Inventory.Derivations().ToList();
        var fromRecords = made.Inventory.Derivations().ToList();

        Assert.NotEmpty(fromLayout); // BuildRich derives the process CO2 of about half the processes
        Assert.Equal(fromRecords.Select(d => (d.Process, d.Derivation.Name, d.Derivation.Result)), fromLayout.Select(d => (d.Process, d.Derivation.Name, d.Derivation.Result)));
    }
}
