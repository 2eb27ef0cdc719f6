using Pcf.Accounting.Engine;
using Pcf.Accounting.Factors;
using Pcf.Accounting.Gases;
using Pcf.Accounting.Model;
using Pcf.Accounting.Results;
using Pcf.Accounting.Rules;

namespace Pcf.Accounting.Tests.TestSupport;

/// <summary>Compiles and calculates with hand-made factors: key → gas masses (or CO2e, gas null) per unit of the request's unit.</summary>
internal static class Engine
{
    private static readonly FactorProvenance TestData = new("test", "test data");

    public static FootprintResult Calculate(
        ProductSystem system,
        IReadOnlyDictionary<string, (GreenhouseGas Gas, double PerUnit)[]>? factors = null,
        GwpSet? gwp = null,
        RuleSet? rules = null,
        Demand? demand = null,
        ElementaryExchangeKind kind = ElementaryExchangeKind.Emission)
    {
        var compiled = CompiledSystem.Compile(system, rules).ThrowIfInvalid();
        return compiled.Calculate(Resolution(compiled, factors, gwp ?? GwpSet.Ar6, kind), demand);
    }

    /// <summary>Resolves every request of a compiled system against hand-made factors, each made for its request's own region, year and unit.</summary>
    public static FactorResolution ResolutionOf(CompiledSystem compiled, IReadOnlyDictionary<string, (GreenhouseGas? Gas, double PerUnit)[]>? factors, GwpSet gwp, ElementaryExchangeKind kind = ElementaryExchangeKind.Emission)
    {
        var made = new List<EmissionFactor>();
        foreach (var request in compiled.FactorRequests)
        {
            if (factors is null || !factors.TryGetValue(request.Key, out var components))
            {
                throw new KeyNotFoundException($"test factor '{request.Key}' missing");
            }

            made.Add(new EmissionFactor(request.Key, request.Key, request.Unit, request.Region, request.Year,
                components.Select(c => c.Gas is { } g ? new FactorComponent(g, kind, c.PerUnit) : FactorComponent.Co2e(c.PerUnit, CarbonOrigin.Fossil) with { Kind = kind }), TestData)
            {
                GwpBasis = gwp,
            });
        }

        var resolver = new FactorResolver([new InMemoryFactorProvider("test data", made, FallbackPolicy.ExactOnly)]);
        return resolver.ResolveAsync(compiled.FactorRequests, gwp).AsTask().GetAwaiter().GetResult().ThrowIfInvalid();
    }

    public static FactorResolution Resolution(CompiledSystem compiled, IReadOnlyDictionary<string, (GreenhouseGas Gas, double PerUnit)[]>? factors, GwpSet gwp, ElementaryExchangeKind kind = ElementaryExchangeKind.Emission) =>
        ResolutionOf(compiled, factors?.ToDictionary(f => f.Key, f => f.Value.Select(c => ((GreenhouseGas?)c.Gas, c.PerUnit)).ToArray()), gwp, kind);

    public static Dictionary<string, (GreenhouseGas, double)[]> Co2(params (string Key, double KgPerUnit)[] factors) =>
        factors.ToDictionary(f => f.Key, f => new[] { (GreenhouseGas.Co2Fossil, f.KgPerUnit) });
}
