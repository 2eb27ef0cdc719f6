using System.Reflection;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Pcf.Accounting.Engine;
using Pcf.Accounting.Factors;
using Pcf.Accounting.Json;
using Pcf.Accounting.Results;

namespace Pcf.Accounting.Templates.Tests.Electronics;

/// <summary>Services and factors the electronics tests share.</summary>
internal static class ElectronicsTestSupport
{
    public static string RepoRoot =>
        typeof(ElectronicsTestSupport).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!;

    /// <summary>A grid factor for the fab region <c>TW</c> (and <c>XB</c>), made up for the tests so the arithmetic is round.</summary>
    public static IEmissionFactorProvider Grid(double twKgPerKWh, double xbKgPerKWh = 1.0) =>
        new InMemoryFactorProvider("test grid", FactorJson.Read(Encoding.UTF8.GetBytes(FormattableString.Invariant($$"""
            { "format": "pcf-factors/1", "dataset": { "id": "electronics-tests", "version": "1", "publisher": "tests" },
              "factors": [
                { "key": "electricity/grid", "name": "test grid TW", "perUnit": "kWh", "region": "TW", "kind": "lifeCycle",
                  "components": [ { "gas": "CO2e", "amount": {{twKgPerKWh}} } ], "source": { "document": "made up for the tests" } },
                { "key": "electricity/grid", "name": "test grid XB", "perUnit": "kWh", "region": "XB", "kind": "lifeCycle",
                  "components": [ { "gas": "CO2e", "amount": {{xbKgPerKWh}} } ], "source": { "document": "made up for the tests" } },
                { "key": "supplier/psu", "name": "a supplier's power supply", "perUnit": "pc", "kind": "lifeCycle",
                  "components": [ { "gas": "CO2e", "amount": 4 } ], "source": { "document": "made up for the tests" } }
              ] }
            """))).ThrowIfInvalid());

    public static ServiceProvider Services(double twKgPerKWh = 0.5, double xbKgPerKWh = 1.0) =>
        new ServiceCollection().AddPcfAccounting().AddFactors(Grid(twKgPerKWh, xbKgPerKWh)).AddElectronicsTemplates().Services.BuildServiceProvider();

    public static async Task<FootprintResult> CalculateAsync(ITemplate template, TemplateInput input, double twKgPerKWh = 0.5, double xbKgPerKWh = 1.0)
    {
        using var services = Services(twKgPerKWh, xbKgPerKWh);
        using var scope = services.CreateScope();
        var build = template.Build(input).ThrowIfInvalid();
        return (await scope.ServiceProvider.GetRequiredService<IFootprintCalculator>().CalculateAsync(build)).ThrowIfInvalid();
    }

    public static double Process(this FootprintResult result, string process) =>
        result.ByProcess.Single(p => p.Process.Value == process).Total.Value;
}
