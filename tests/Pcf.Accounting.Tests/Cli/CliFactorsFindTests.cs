using static Pcf.Accounting.Tests.Cli.CliHarness;

namespace Pcf.Accounting.Tests.Cli;

/// <summary><c>pcf factors find</c> with a region and year resolves as <c>pcf calculate</c> does, fallbacks shown.</summary>
public sealed class CliFactorsFindTests
{
    [Fact]
    public async Task FactorsFind_WithRegionAndYear_ShowsTheFallbacksOfCalculate()
    {
        var (exit, output, _) = await RunAsync("factors", "find", "electricity/grid", "--region", "DE-BY", "--year", "2025");
        Assert.Equal(0, exit);
        Assert.Contains("region DE-BY -> DE; year 2025 -> 2024", output, StringComparison.Ordinal);
        Assert.Contains("0.34206", output, StringComparison.Ordinal);

        (exit, output, _) = await RunAsync("factors", "find", "fuel/natural-gas", "--region", "CN", "--year", "2025");
        Assert.Equal(0, exit);
        Assert.Contains("region CN -> GB", output, StringComparison.Ordinal);
        Assert.Contains("Open Government Licence", output, StringComparison.Ordinal);
    }
}
