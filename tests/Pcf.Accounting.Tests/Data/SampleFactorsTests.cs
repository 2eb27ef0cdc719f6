using Pcf.Accounting.Data;
using Pcf.Accounting.Engine;
using Pcf.Accounting.Factors;
using Pcf.Accounting.Gases;
using Pcf.Accounting.Json;
using Pcf.Accounting.Tests.TestSupport;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Tests.Data;

/// <summary>The samples compute cradle-to-gate on life-cycle factors of the embedded data, and <c>pcf factors find</c> shows the fallbacks <c>calculate</c> takes.</summary>
public class SampleFactorsTests
{
    private static async Task<(Pcf.Accounting.Results.FootprintResult Result, FactorResolution Resolution)> CalculateAsync(string sample)
    {
        var system = ProductSystemJson.Read(File.ReadAllBytes(Path.Combine(Paths.RepoRoot, "samples", sample))).ThrowIfInvalid();
        var compiled = CompiledSystem.Compile(system).ThrowIfInvalid();
        var resolution = (await new FactorResolver([DefaultFactors.Provider]).ResolveAsync(compiled.FactorRequests, GwpSet.Ar6)).ThrowIfInvalid();
        return (compiled.Calculate(resolution), resolution);
    }

    [Theory]
    [InlineData("steel-bracket.json")]
    [InlineData("eu-customer-crate.json")]
    public async Task Sample_UsesNoCombustionOnlyFactor(string sample)
    {
        var (result, resolution) = await CalculateAsync(sample);
        Assert.DoesNotContain(result.Warnings, w => w.Code == ProblemCodes.CombustionOnlyFactor);
        Assert.All(resolution.Factors.Values, r => Assert.NotEqual(FactorKind.CombustionOnly, r.Kind));
    }

    [Fact]
    public async Task SteelBracket_IsTheHandCalculatedSum()
    {
        // Per piece (runs as in tests/vectors): electricity 0.15 + 0.0504 + 0.0462 + 0.077868 + coke making 0.000155736 t x 30
        //   = 0.32914008 kWh x 0.6205 (MEE/NBS/NEA, CN 2023 life cycle; 2025 falls back two years) = 0.20423141964
        // natural gas 0.0231 Nm3 x (2.06672 + 0.3366) (DESNZ 2025, UK proxy)                   = 0.055516692
        // coal 0.000060564 t x (2370.72 + 442.71958) (DESNZ coal (industrial), life cycle)      = 0.170393154723
        // coking coal 0.000155736 x 1.3 t x 497.73658 (DESNZ well-to-tank)                      = 0.100770155230
        // coke burned: 0.0004326 steelmaking runs x 1026.66 kg CO2 (direct emission)            = 0.444133116
        // total                                                                                 = 0.975044537593 kg CO2e
        var (result, _) = await CalculateAsync("steel-bracket.json");
        Assert.Equal(0.975044537593, result.TotalExcludingBiogenicUptake.Value, 9);
        // Every factor but the electricity rests on a region fallback (to the UK or from Jiangsu), and the electricity on a year fallback.
        Assert.True(result.FallbackShare > 0.5);
    }

    [Fact]
    public async Task EuCustomerCrate_BavariaFallsBackToGermany_MaterialsToTheUk()
    {
        var (_, resolution) = await CalculateAsync("eu-customer-crate.json");
        var grid = resolution.Factors.Values.Single(r => r.Match.Factor.Key == "electricity/grid");
        Assert.Equal<FactorFallback>([new RegionFallback("DE-BY", "DE", 1), new YearFallback(2025, 2024)], grid.Match.Fallbacks.ToArray());
        var pp = resolution.Factors.Values.Single(r => r.Match.Factor.Key == "material/plastic/pp/primary");
        Assert.Equal(new RegionFallback("DE-BY", "GB", 4), pp.Match.Fallbacks[0]); // DE-BY, DE, EU, GLO, GB
    }
}
