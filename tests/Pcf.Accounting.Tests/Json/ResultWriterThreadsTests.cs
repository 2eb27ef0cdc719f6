using System.Text;
using Pcf.Accounting.Json;
using Pcf.Accounting.Results;
using Pcf.Accounting.Tests.Results;
using Pcf.Accounting.Tests.TestSupport;

namespace Pcf.Accounting.Tests.Json;

/// <summary>A large inventory is written in chunks on several threads, its records made a chunk at a time; the bytes are
/// those of one thread, whatever the number of threads and whether the records were made before.</summary>
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
    public void RecordsMadeBefore_AndMadeByChunks_WriteTheSameBytes()
    {
        // Two results of one calculation: the writer makes the first one's records a chunk at a time and keeps none; the
        // second one's records are made (read) before it is written.
        var fresh = Calculate(4);
        var made = Calculate(4);
        Assert.Equal(Processes, made.Inventory.Processes.Length);

        Assert.Equal(Write(made, threads: 2), Write(fresh, threads: 2));
        Assert.Equal(Write(made, threads: 1), Write(fresh, threads: 2));
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
