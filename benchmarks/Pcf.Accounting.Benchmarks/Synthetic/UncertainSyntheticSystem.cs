using System.Globalization;
using Pcf.Accounting.Engine;
using Pcf.Accounting.Factors;
using Pcf.Accounting.Gases;
using Pcf.Accounting.Model;
using Pcf.Accounting.Units;

namespace Pcf.Accounting.Benchmarks.Synthetic;

/// <summary>Which amounts of the uncertain synthetic system carry a distribution.</summary>
internal enum UncertaintyScope
{
    /// <summary>Only the background factors (half with a distribution, half with data-quality scores widened by the pedigree matrix).</summary>
    Factors,

    /// <summary>The factors, every direct emission and every product input between processes.</summary>
    All,
}

/// <summary>The synthetic <c>market</c> system with uncertainty, for the Monte Carlo benchmarks. Every amount and distribution here is
/// INVENTED (illustrative benchmark data, not data about any product).</summary>
/// <remarks>Process j also buys 0.1 + 0.9·((j · 7919) mod 1000)/1000 kWh of background power from factor <c>bench/bg(j mod F)</c>:
/// F invented factors of 0.5 kg CO2, 0.001 kg CH4 and 0.0001 kg N2O per kWh; the even ones carry data-quality scores
/// (2, 3, 2, 2, 3: widened by the pedigree matrix), the odd ones a lognormal of GSD² 1.2. With <see cref="UncertaintyScope.All"/>
/// every direct emission is lognormal (CO2 GSD² 1.1, CH4 and N2O 1.5) and every product input between processes lognormal GSD² 1.1.</remarks>
internal static class UncertainSyntheticSystem
{
    private static readonly FactorProvenance Invented = new("benchmarks", "invented for the Monte Carlo benchmarks") { Dataset = "bench/background", DatasetVersion = "1" };

    public static string BackgroundOf(int index) => "bg" + index.ToString("D4", CultureInfo.InvariantCulture);

    /// <summary>Compiles the system and resolves its factors.</summary>
    public static (CompiledSystem Compiled, FactorResolution Factors) Prepare(int n, double alpha, UncertaintyScope scope, int factorCount = 1000)
    {
        var (system, factors) = Build(SyntheticGenerator.Market(n, alpha), scope, factorCount);
        var compiled = CompiledSystem.Compile(system).ThrowIfInvalid();
        var resolver = new FactorResolver([new InMemoryFactorProvider("bench", factors, FallbackPolicy.ExactOnly)]);
        var resolution = resolver.ResolveAsync(compiled.FactorRequests, GwpSet.Ar6).AsTask().GetAwaiter().GetResult().ThrowIfInvalid();
        return (compiled, resolution);
    }

    public static (ProductSystem System, EmissionFactor[] Factors) Build(SyntheticSystem synthetic, UncertaintyScope scope, int factorCount)
    {
        int n = synthetic.Size;
        factorCount = Math.Min(factorCount, n);
        bool all = scope == UncertaintyScope.All;
        var product = all ? UncertaintyDistribution.LognormalFromGsdSquared(1.1) : null;
        var co2 = all ? UncertaintyDistribution.LognormalFromGsdSquared(1.1) : null;
        var other = all ? UncertaintyDistribution.LognormalFromGsdSquared(1.5) : null;
        GreenhouseGas[] gases = [GreenhouseGas.Co2Fossil, GreenhouseGas.Ch4Fossil, GreenhouseGas.N2O];

        var inputs = new List<(int Supplier, double Amount)>[n];
        var emissions = new List<(int Gas, double Kg)>[n];
        for (int j = 0; j < n; j++)
        {
            inputs[j] = [];
            emissions[j] = [];
        }

        for (int t = 0; t < synthetic.Rows.Length; t++)
        {
            int i = synthetic.Rows[t], j = synthetic.Columns[t];
            if (i != j)
            {
                inputs[j].Add((i, -synthetic.Values[t]));
            }
        }

        for (int t = 0; t < synthetic.EmissionGases.Length; t++)
        {
            emissions[synthetic.EmissionColumns[t]].Add((synthetic.EmissionGases[t], synthetic.EmissionValues[t]));
        }

        var builder = new ProductSystemBuilder($"uncertain-synthetic-{n}");
        for (int j = 0; j < n; j++)
        {
            builder.AddFlow(SyntheticProductSystem.FlowOf(j), SyntheticProductSystem.FlowOf(j), Unit.Kilogram);
        }

        var factors = new EmissionFactor[factorCount];
        for (int f = 0; f < factorCount; f++)
        {
            string key = "bench/" + BackgroundOf(f);
            builder.AddFlow(BackgroundOf(f), "background power " + BackgroundOf(f), Unit.KilowattHour, factorKey: key);
            factors[f] = new EmissionFactor(key, "background power (invented)", Unit.KilowattHour, null, null,
                [FactorComponent.Emission(GreenhouseGas.Co2Fossil, 0.5), FactorComponent.Emission(GreenhouseGas.Ch4Fossil, 0.001), FactorComponent.Emission(GreenhouseGas.N2O, 0.0001)],
                Invented)
            {
                DataQuality = f % 2 == 0 ? new DataQuality(2, 3, 2, 2, 3) : null,
                Uncertainty = f % 2 == 1 ? UncertaintyDistribution.LognormalFromGsdSquared(1.2) : null,
            };
        }

        for (int j = 0; j < n; j++)
        {
            int column = j;
            builder.AddProcess(SyntheticProductSystem.ProcessOf(j), SyntheticProductSystem.ProcessOf(j), p =>
            {
                p.Produces(SyntheticProductSystem.FlowOf(column), 1, Unit.Kilogram);
                foreach (var (supplier, amount) in inputs[column])
                {
                    p.Consumes(SyntheticProductSystem.FlowOf(supplier), Quantity.Of(amount, Unit.Kilogram), null, product);
                }

                double kwh = 0.1 + (0.9 * (((long)column * 7919) % 1000) / 1000.0);
                p.Consumes(BackgroundOf(column % factorCount), kwh, Unit.KilowattHour);
                foreach (var (gas, kg) in emissions[column])
                {
                    p.Emits(gases[gas], kg, Unit.Kilogram, ElementaryExchangeKind.Emission, gas == 0 ? co2 : other);
                }
            });
        }

        return (builder.WithReferenceProduct(SyntheticProductSystem.FlowOf(n - 1)).WithDeclaredUnit(1, Unit.Kilogram).Build(), factors);
    }
}
