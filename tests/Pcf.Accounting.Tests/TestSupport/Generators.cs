using CsCheck;
using Pcf.Accounting.Gases;
using Pcf.Accounting.Model;
using Pcf.Accounting.Units;

namespace Pcf.Accounting.Tests.TestSupport;

/// <summary>CsCheck generators of valid product systems.</summary>
internal static class Generators
{
    private static readonly Unit[] MassUnits = [Unit.Kilogram, Unit.Gram, Unit.Tonne];
    private static readonly GreenhouseGas[] Gases = [GreenhouseGas.Co2Fossil, GreenhouseGas.Ch4Fossil, GreenhouseGas.N2O, GreenhouseGas.Co2Biogenic];

    /// <summary>Systems of 1 to 25 processes whose links only point to later processes (no loops).</summary>
    public static Gen<ProductSystem> AcyclicSystem { get; } = Gen.Select(Gen.Int[1, 25], Gen.Int, (n, seed) => Build(n, seed, cyclic: false));

    /// <summary>Systems of 1 to 25 processes with loops (diagonally dominant, so always solvable).</summary>
    public static Gen<ProductSystem> CyclicSystem { get; } = Gen.Select(Gen.Int[2, 25], Gen.Int, (n, seed) => Build(n, seed, cyclic: true));

    /// <summary>Builds a random valid system: process i makes flow "f{i}"; process 0 makes the reference product.</summary>
    public static ProductSystem Build(int n, int seed, bool cyclic)
    {
        var random = new Random(seed);
        var builder = new ProductSystemBuilder($"random {n}/{seed}").InRegion("CN").ForYear(2023);
        for (int i = 0; i < n; i++)
        {
            builder.AddFlow($"f{i}", $"Flow {i}", Unit.Kilogram);
        }

        builder.AddFlow("power", "Electricity", Unit.KilowattHour, factorKey: "electricity/grid");
        for (int i = 0; i < n; i++)
        {
            int self = i;
            builder.AddProcess($"p{i}", $"Process {i}", p =>
            {
                double output = 0.5 + (random.NextDouble() * 10);
                p.Produces($"f{self}", output, Unit.Kilogram);
                int inputs = random.Next(0, 4);
                var used = new HashSet<int>();
                for (int k = 0; k < inputs; k++)
                {
                    int j = cyclic ? random.Next(n) : self + 1 + random.Next(Math.Max(1, n - self - 1));
                    if (j >= n || j == self || !used.Add(j))
                    {
                        continue;
                    }

                    // At most 0.3 of the output in total per supplier keeps loops net-productive.
                    double amount = output * random.NextDouble() * 0.3 / Math.Max(1, inputs);
                    var unit = MassUnits[random.Next(MassUnits.Length)];
                    p.Consumes($"f{j}", Quantity.Of(amount, Unit.Kilogram).As(unit), unit);
                }

                if (random.Next(2) == 0)
                {
                    p.Consumes("power", Math.Round(random.NextDouble() * 50, 3), Unit.KilowattHour);
                }

                for (int g = 0; g < random.Next(0, 3); g++)
                {
                    p.Emits(Gases[random.Next(Gases.Length)], Math.Round(random.NextDouble() * 5, 4), Unit.Kilogram);
                }

                p.InStage((LifeCycleStage)random.Next(0, 3)).AsPrimaryData(random.Next(2) == 0);
            });
        }

        return builder.WithReferenceProduct("f0").WithDeclaredUnit(1, Unit.Kilogram).Build();
    }
}
