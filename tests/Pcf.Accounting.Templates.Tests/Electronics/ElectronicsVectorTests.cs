using Microsoft.Extensions.DependencyInjection;
using Pcf.Accounting.Cli;
using Pcf.Accounting.Vectors;
using Spectre.Console;
using Spectre.Console.Testing;

namespace Pcf.Accounting.Templates.Tests.Electronics;

/// <summary>The template vectors of tests/vectors/electronics (ACT's and Boavizta's own spot checks, a die on a provincial grid,
/// a router worked by hand), through the library's runner and through <c>pcf verify</c>.</summary>
public sealed class ElectronicsVectorTests
{
    private static string Folder => Path.Combine(ElectronicsTestSupport.RepoRoot, "tests", "vectors", "electronics");

    [Fact]
    public async Task Vectors_PassWithTheRunner()
    {
        using var services = new ServiceCollection().AddPcfAccounting().AddDefaultFactors().AddElectronicsTemplates().Services.BuildServiceProvider();
        using var scope = services.CreateScope();

        var outcomes = await scope.ServiceProvider.GetRequiredService<ReferenceVectorRunner>().RunAllAsync(Folder);

        Assert.Equal(5, outcomes.Count);
        Assert.All(outcomes, o => Assert.True(o.Passed, $"{o.Id}: {string.Join("; ", o.Failures)}"));
    }

    [Fact]
    public async Task Vectors_PassWithPcfVerify()
    {
        using var console = new TestConsole();
        console.Width(250);
        console.Colors(ColorSystem.NoColors);
        using var error = new StringWriter();

        int exit = await PcfCli.RunAsync(["verify", Folder], console, error);

        Assert.True(exit == 0, console.Output + error);
        Assert.Contains("PASS electronics-edge-router", console.Output, StringComparison.Ordinal);
    }
}
