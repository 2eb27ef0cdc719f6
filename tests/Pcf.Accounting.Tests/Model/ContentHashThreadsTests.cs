using Pcf.Accounting.Engine;
using Pcf.Accounting.Model;
using Pcf.Accounting.Tests.TestSupport;

namespace Pcf.Accounting.Tests.Model;

/// <summary>Compiling a large system starts its content hash on another thread; whoever asks gets the one hash, computed once.</summary>
public sealed class ContentHashThreadsTests
{
    [Fact]
    public void HashStartedBesideCompiling_IsTheHashComputedOnTheCallersThread()
    {
        int n = ProductSystem.BackgroundHashProcesses + 10;
        var alone = Generators.BuildRich(n, 11);
        string expected = alone.ContentHash; // no compilation: computed here

        var compiled = Generators.BuildRich(n, 11);
        Assert.True(CompiledSystem.Compile(compiled).IsValid); // starts the hash on the thread pool
        var seen = new string[8];
        Parallel.For(0, seen.Length, i => seen[i] = compiled.ContentHash);

        Assert.All(seen, h => Assert.Same(seen[0], h)); // one computation: the same string object for every caller
        Assert.Equal(expected, seen[0]);
        Assert.StartsWith("sha256:", expected, StringComparison.Ordinal);
    }

    [Fact]
    public void SmallSystem_IsHashedWhenAsked_AndTheSameEitherWay()
    {
        var first = Generators.BuildRich(12, 5);
        var second = Generators.BuildRich(12, 5);
        first.PrepareContentHash(); // below the threshold: nothing started
        Assert.True(CompiledSystem.Compile(second).IsValid);
        Assert.Equal(first.ContentHash, second.ContentHash);
        Assert.NotEqual(first.ContentHash, Generators.BuildRich(12, 6).ContentHash);
    }
}
