// Embedding Pcf.Accounting in an application: register the services with the embedded default factors,
// read a pcf-system/1 document, calculate, and print the totals and the largest contributors.
// Usage: dotnet run --project samples/Pcf.Accounting.Sample -- samples/steel-bracket.json
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Pcf.Accounting.Engine;
using Pcf.Accounting.Json;

if (args.Length != 1)
{
    Console.Error.WriteLine("usage: Pcf.Accounting.Sample <system.json>");
    return 2;
}

var services = new ServiceCollection();
services.AddPcfAccounting().AddDefaultFactors();   // company files first in real use: .AddFactorsFromJson("company.json")
await using var provider = services.BuildServiceProvider();
await using var scope = provider.CreateAsyncScope();

await using var file = File.OpenRead(args[0]);
var read = await scope.ServiceProvider.GetRequiredService<ProductSystemReader>().ReadAsync(file);
if (!read.TryGetValue(out var system))
{
    read.Problems.ToList().ForEach(p => Console.Error.WriteLine($"{args[0]}: {p}"));
    return 1;
}

var calculated = await scope.ServiceProvider.GetRequiredService<IFootprintCalculator>().CalculateAsync(system);
if (!calculated.TryGetValue(out var result))
{
    calculated.Problems.ToList().ForEach(p => Console.Error.WriteLine($"{args[0]}: {p}"));
    return 1;
}

var c = CultureInfo.InvariantCulture;
Console.WriteLine(string.Create(c, $"{system.Name}: {result.TotalExcludingBiogenicUptake.Value:0.####} kg CO2e per {system.DeclaredUnit} ({result.GwpSet.Id}, {result.RuleSet.Name})"));
foreach (var process in result.ByProcess.Take(5))
{
    Console.WriteLine(string.Create(c, $"  {process.Process,-16} {process.Total.Value,10:0.####} kg CO2e  {process.Share,6:P1}"));
}

foreach (var warning in result.Warnings)
{
    Console.WriteLine($"  warning {warning.Code}: {warning.Message}");
}

return 0;
