namespace Pcf.Accounting.Tests;

/// <summary>The suite runs once per target of the libraries, each on its own runtime.</summary>
public sealed class RuntimeTargetTests
{
    [Fact]
    public void EachTarget_RunsOnTheRuntimeOfItsVersion()
    {
        // net8.0 runs self-contained on the .NET 8 runtime pack (see the csproj), not rolled forward onto a newer runtime.
#if NET10_0_OR_GREATER
        const int expected = 10;
#else
        const int expected = 8;
#endif
        Assert.Equal(expected, Environment.Version.Major);
    }
}
