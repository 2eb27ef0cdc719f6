using Pcf.Accounting.Data;
using Pcf.Accounting.Engine;
using Pcf.Accounting.Factors;
using Pcf.Accounting.Gases;
using Pcf.Accounting.Json;
using Pcf.Accounting.Results;
using Pcf.Accounting.Tests.TestSupport;
using Pcf.Accounting.Units;

namespace Pcf.Accounting.Tests.Engine;

/// <summary>A compiled system is immutable and thread-safe: many threads computing demands on one instance get exactly what
/// one thread gets.</summary>
public sealed class ConcurrencyTests
{
    [Fact]
    public async Task OneCompiledLoop_ManyThreads_SameBitsAsOneThread()
    {
        // The utilities-loop sample (power station <-> boiler house) with the embedded factors, compiled and resolved once.
        var system = ProductSystemJson.Read(File.ReadAllBytes(Path.Combine(Paths.RepoRoot, "samples", "utilities-loop.json"))).ThrowIfInvalid();
        var compiled = CompiledSystem.Compile(system).ThrowIfInvalid();
        var resolution = (await new FactorResolver([DefaultFactors.Provider]).ResolveAsync(compiled.FactorRequests, GwpSet.Ar6)).ThrowIfInvalid();
        Demand[] demands =
        [
            new("tile", Quantity.Of(1, Unit.SquareMetre)),
            new("tile", Quantity.Of(250, Unit.SquareMetre)),
            new("site-power", Quantity.Of(1000, Unit.KilowattHour)),
            new("steam", Quantity.Of(3, Unit.Tonne)),
        ];
        string[] expected = [.. demands.Select(d => FootprintResultJson.Write(compiled.Calculate(resolution, d)))];

        var actual = new string[400];
        Parallel.For(0, actual.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
            actual[i] = FootprintResultJson.Write(compiled.Calculate(resolution, demands[i % demands.Length])));

        for (int i = 0; i < actual.Length; i++)
        {
            Assert.Equal(expected[i % demands.Length], actual[i]);
        }

        Assert.NotEqual(expected[0], expected[1]);   // the demands really differ
    }
}
