using Pcf.Accounting.Engine;
using Pcf.Accounting.Gases;
using Pcf.Accounting.Model;
using Pcf.Accounting.Results;
using Pcf.Accounting.Rules;

namespace Pcf.Accounting.Tests.TestSupport;

/// <summary>Compiles and calculates with hand-made factors: key → gas masses per unit of the request's unit.</summary>
internal static class Engine
{
    public static FootprintResult Calculate(
        ProductSystem system,
        IReadOnlyDictionary<string, (GreenhouseGas Gas, double PerUnit)[]>? factors = null,
        GwpSet? gwp = null,
        RuleSet? rules = null,
        Demand? demand = null,
        ElementaryExchangeKind kind = ElementaryExchangeKind.Emission)
    {
        var compiled = CompiledSystem.Compile(system, rules).ThrowIfInvalid();
        return compiled.Calculate(Table(compiled, factors, gwp ?? GwpSet.Ar6, kind), gwp ?? GwpSet.Ar6, demand);
    }

    public static BackgroundTable Table(CompiledSystem compiled, IReadOnlyDictionary<string, (GreenhouseGas Gas, double PerUnit)[]>? factors, GwpSet gwp, ElementaryExchangeKind kind = ElementaryExchangeKind.Emission)
    {
        var table = new BackgroundTable(compiled.FactorRequests.Length);
        for (int r = 0; r < compiled.FactorRequests.Length; r++)
        {
            var request = compiled.FactorRequests[r];
            if (factors is null || !factors.TryGetValue(request.Key, out var components))
            {
                throw new KeyNotFoundException($"test factor '{request.Key}' missing");
            }

            foreach (var (gas, perUnit) in components)
            {
                table.Add(r, gas, kind, CarbonOrigin.NotApplicable, perUnit, perUnit * gwp.FactorOf(gas));
            }

            table.Sources[r] = "test data";
        }

        return table;
    }

    public static Dictionary<string, (GreenhouseGas, double)[]> Co2(params (string Key, double KgPerUnit)[] factors) =>
        factors.ToDictionary(f => f.Key, f => new[] { (GreenhouseGas.Co2Fossil, f.KgPerUnit) });
}
