using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Pcf.Accounting.Cli;
using Spectre.Console;
using Spectre.Console.Testing;

namespace Pcf.Accounting.Templates.Tests.Cement;

/// <summary>The CLI's default services register the cement templates: <c>pcf template list</c>, <c>run</c>, and <c>pcf verify</c>
/// of the cement vectors.</summary>
public sealed class CementCliTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pcf-cement-cli-").FullName;
    private readonly ServiceProvider _services = PcfCli.DefaultServices().BuildServiceProvider();

    public void Dispose()
    {
        _services.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private static string RepoRoot => typeof(CementCliTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!;

    private async Task<(int Exit, string Out, string Error)> RunAsync(params string[] args)
    {
        using var console = new TestConsole();
        console.Width(250);
        console.Colors(ColorSystem.NoColors);
        using var error = new StringWriter();
        int exit = await PcfCli.RunAsync(args, console, error, services: _services);
        return (exit, console.Output, error.ToString());
    }

    [Fact]
    public async Task List_ShowsCementTemplates_AndRunComputesTheClinker()
    {
        var (exit, list, _) = await RunAsync("template", "list");
        Assert.Equal(0, exit);
        Assert.Contains("cement/clinker", list, StringComparison.Ordinal);
        Assert.Contains("cement/cement", list, StringComparison.Ordinal);

        // CSI defaults and 50 kWh/t at the 2023 life-cycle factor: 525 + 0.002 × 1.55 × 44/12 × 1000 + 50 × 0.6205
        // = 525 + 11.366667 + 31.025 = 567.391667 kg CO2e per t clinker.
        string file = Path.Combine(_folder, "clinker.json");
        await File.WriteAllTextAsync(file, """{ "format": "pcf-template-params/1", "template": "cement/clinker", "parameters": { "electricity": 50 } }""");
        var (exit2, json, error) = await RunAsync("template", "run", "cement/clinker", "--params", file, "--format", "json");
        Assert.True(exit2 == 0, error);
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        Assert.Equal(567.391667, doc.RootElement.GetProperty("pcfExcludingBiogenicUptake").GetDouble(), 5);
    }

    [Fact]
    public async Task Verify_RunsTheCementVectors()
    {
        var (exit, output, error) = await RunAsync("verify", Path.Combine(RepoRoot, "tests", "vectors", "cement"));
        Assert.True(exit == 0, output + error);
    }
}
