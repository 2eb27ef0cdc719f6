using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Pcf.Accounting.Cli;
using Spectre.Console;
using Spectre.Console.Testing;

namespace Pcf.Accounting.Templates.Tests.Shape;

/// <summary><c>pcf template list|describe|init|run</c> with a registered template, as an application embedding the tool would run them.</summary>
public sealed class TemplateCliTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pcf-template-cli-").FullName;
    private readonly ServiceProvider _services;

    public TemplateCliTests()
    {
        var services = PcfCli.DefaultServices();
        services.AddPcfAccounting().AddTemplate(new BrickTemplate());
        _services = services.BuildServiceProvider();
    }

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
    public async Task List_And_Describe_ShowTheTemplate()
    {
        var (exit, list, _) = await RunAsync("template", "list");
        Assert.Equal(0, exit);
        Assert.Contains("test/brick", list, StringComparison.Ordinal);
        Assert.Contains("Fired clay brick (test)", list, StringComparison.Ordinal);

        var (exit2, describe, _) = await RunAsync("template", "describe", "test/brick");
        Assert.Equal(0, exit2);
        Assert.Contains("ISO 14067:2018, 6.3", describe, StringComparison.Ordinal);
        Assert.Contains("HS 6904 10", describe, StringComparison.Ordinal);
        Assert.Contains("IPCC 2006 Guidelines, Vol. 2, Table 2.2", describe, StringComparison.Ordinal);
        Assert.Contains("(required)", describe, StringComparison.Ordinal);
        Assert.Contains("additives[].share", describe, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Init_Then_Run_GivesTheFootprint_WithTheTemplateView()
    {
        string file = Path.Combine(_folder, "brick.json");
        Assert.Equal(0, (await RunAsync("template", "init", "test/brick", "--out", file)).Exit);
        File.WriteAllText(file, File.ReadAllText(file).Replace("\"firingEnergy\": null", "\"firingEnergy\": 3", StringComparison.Ordinal));
        string system = Path.Combine(_folder, "system.json");

        var (exit, output, error) = await RunAsync("template", "run", "test/brick", "--params", file, "--format", "json", "--system-out", system);

        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        // 2 kg × 3 MJ/kg × 0.0561 kg/MJ = 0.3366 kg CO2e.
        Assert.Equal(0.3366, json.RootElement.GetProperty("pcfExcludingBiogenicUptake").GetDouble(), 12);
        Assert.Contains(json.RootElement.GetProperty("views").EnumerateArray(), v => v.GetProperty("id").GetString() == "template");
        Assert.Contains("\"pcf-system/1\"", File.ReadAllText(system), StringComparison.Ordinal);

        var (exit2, table, _) = await RunAsync("template", "run", "test/brick", "--params", file);
        Assert.Equal(0, exit2);
        Assert.Contains("Template test/brick 1.0: parameters", table, StringComparison.Ordinal);
        Assert.Contains("firingEnergy: given: site data", table, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_BadParameters_NameTheFileAndEveryPath()
    {
        string file = Path.Combine(_folder, "bad.json");
        File.WriteAllText(file, """
            { "format": "pcf-template-params/1", "template": "test/brick",
              "parameters": { "firingEnergy": 99, "fuel": "wood" } }
            """);

        var (exit, _, error) = await RunAsync("template", "run", "test/brick", "--params", file);

        Assert.Equal(1, exit);
        Assert.Contains("$.parameters.firingEnergy", error, StringComparison.Ordinal);
        Assert.Contains("$.parameters.fuel", error, StringComparison.Ordinal);
        Assert.Contains("bad.json", error, StringComparison.Ordinal);
        // The lines docs/templates.md shows.
        Assert.StartsWith("pcf: The parameters of 'test/brick' are not valid (2 problems).", error, StringComparison.Ordinal);
        Assert.Contains("bad.json: $.parameters.firingEnergy  PCF0104  'firingEnergy': 99 MJ/kg is outside the allowed range [0, 20] MJ/kg.", error, StringComparison.Ordinal);
        Assert.Contains("bad.json: $.parameters.fuel  PCF0309  'fuel' is one of 'natural-gas', 'coal', not 'wood'.", error, StringComparison.Ordinal);

        File.WriteAllText(file, """{ "format": "pcf-template-params/1", "template": "test/tile", "parameters": {} }""");
        var (exit2, _, error2) = await RunAsync("template", "run", "test/brick", "--params", file);
        Assert.Equal(1, exit2);
        Assert.Contains("'test/tile', not 'test/brick'", error2, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _services.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
