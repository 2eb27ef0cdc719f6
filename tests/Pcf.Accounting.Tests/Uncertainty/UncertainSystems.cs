using Pcf.Accounting.Engine;
using Pcf.Accounting.Factors;
using Pcf.Accounting.Gases;
using Pcf.Accounting.Model;
using Pcf.Accounting.Sampling;
using Pcf.Accounting.Uncertainty;
using Pcf.Accounting.Units;

namespace Pcf.Accounting.Tests.Uncertainty;

/// <summary>Small systems with distributions, and factors resolved for them. Every amount and factor here is INVENTED for the tests
/// (illustrative values, not data).</summary>
internal static class UncertainSystems
{
    public static readonly FactorProvenance Invented = new("tests", "invented for the uncertainty tests") { Dataset = "test/uncertainty", DatasetVersion = "1" };

    /// <summary>An invented power factor: 0.5 kg CO2-fossil per kWh.</summary>
    public static EmissionFactor Power(UncertaintyDistribution? uncertainty = null, DataQuality? quality = null) =>
        new("test/power", "power (invented)", Unit.KilowattHour, null, null, [FactorComponent.Emission(GreenhouseGas.Co2Fossil, 0.5)], Invented)
        {
            Uncertainty = uncertainty,
            DataQuality = quality,
        };

    /// <summary>One process that uses <paramref name="kwh"/> kWh of power per piece.</summary>
    public static ProductSystem PowerUser(double kwh = 10, string name = "widget") => new ProductSystemBuilder(name)
        .AddFlow("widget", "Widget", Unit.Piece)
        .AddFlow("power", "Power", Unit.KilowattHour, factorKey: "test/power")
        .AddProcess("assembly", "Assembly", p => p.Produces("widget", 1, Unit.Piece).Consumes("power", kwh, Unit.KilowattHour))
        .WithReferenceProduct("widget")
        .WithDeclaredUnit(1, Unit.Piece)
        .Build();

    /// <summary>A two-process loop with distributions everywhere: a makes 1 kg A from 0.3 kg B, 2 kWh and 1 kg CO2; b makes 1 kg B
    /// (output triangular) from 0.4 kg A, 1 kWh and 0.02 kg CH4.</summary>
    public static ProductSystem Loop() => new ProductSystemBuilder("loop")
        .AddFlow("A", "A", Unit.Kilogram)
        .AddFlow("B", "B", Unit.Kilogram)
        .AddFlow("power", "Power", Unit.KilowattHour, factorKey: "test/power")
        .AddProcess("a", "makes A", p => p
            .Produces("A", 1, Unit.Kilogram)
            .Consumes("B", Quantity.Of(0.3, Unit.Kilogram), null, UncertaintyDistribution.Normal(0.1))
            .Consumes("power", 2, Unit.KilowattHour)
            .Emits(GreenhouseGas.Co2Fossil, 1, Unit.Kilogram, ElementaryExchangeKind.Emission, UncertaintyDistribution.LognormalFromGsdSquared(1.3)))
        .AddProcess("b", "makes B", p => p
            .Produces(new ProductOutput("B", Quantity.Of(1, Unit.Kilogram)) { Uncertainty = UncertaintyDistribution.Triangular(0.9, 1.1) })
            .Consumes("A", Quantity.Of(0.4, Unit.Kilogram), null, UncertaintyDistribution.Uniform(0.8, 1.2))
            .Consumes("power", 1, Unit.KilowattHour)
            .Emits(GreenhouseGas.Ch4Fossil, 0.02, Unit.Kilogram, ElementaryExchangeKind.Emission, UncertaintyDistribution.Normal(0.2)))
        .WithReferenceProduct("A")
        .WithDeclaredUnit(1, Unit.Kilogram)
        .Build();

    /// <summary>Compiles a system and resolves its requests against the factors given (exact matches only), in AR6.</summary>
    public static (CompiledSystem Compiled, FactorResolution Factors) Prepare(ProductSystem system, params EmissionFactor[] factors)
    {
        var compiled = CompiledSystem.Compile(system).ThrowIfInvalid();
        var resolver = new FactorResolver([new InMemoryFactorProvider("tests", factors, FallbackPolicy.ExactOnly)]);
        var resolution = resolver.ResolveAsync(compiled.FactorRequests, GwpSet.Ar6).AsTask().GetAwaiter().GetResult().ThrowIfInvalid();
        return (compiled, resolution);
    }

    /// <summary>Runs Monte Carlo on a system with the factors given.</summary>
    public static MonteCarloRun Run(ProductSystem system, MonteCarloOptions options, params EmissionFactor[] factors)
    {
        var (compiled, resolution) = Prepare(system, factors);
        return MonteCarlo.Run(compiled, resolution, options).ThrowIfInvalid();
    }
}
