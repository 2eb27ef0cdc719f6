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

    /// <summary>Systems with loops, co-products (mass allocation or system expansion), several gases and removals, tags and derivations.</summary>
    public static Gen<ProductSystem> RichSystem { get; } = Gen.Select(Gen.Int[2, 12], Gen.Int, (n, seed) => BuildRich(n, seed));

    /// <summary>Builds a random valid system with the features a result must carry: loops, co-products, many gases, removals, tags, derivations.</summary>
    public static ProductSystem BuildRich(int n, int seed)
    {
        var random = new Random(seed);
        var builder = new ProductSystemBuilder($"rich {n}/{seed}").InRegion("CN-JS").ForYear(2023);
        for (int i = 0; i < n; i++)
        {
            builder.AddFlow($"f{i}", $"Flow {i}", Unit.Kilogram);
            builder.AddFlow($"by{i}", $"By-product {i}", Unit.Kilogram, factorKey: "byproduct");
        }

        builder.AddFlow("power", "Electricity", Unit.KilowattHour, factorKey: "electricity/grid");
        builder.AddFlow("gas", "Natural gas", Unit.Megajoule, factorKey: "fuel/gas");
        for (int i = 0; i < n; i++)
        {
            int self = i;
            builder.AddProcess($"p{i}", $"Process {i}", p =>
            {
                double output = 1 + (random.NextDouble() * 10);
                p.Produces($"f{self}", output, Unit.Kilogram);
                int kind = self == 0 ? 0 : random.Next(3);
                if (kind == 1)
                {
                    // Mass allocation: the by-product is a kg flow.
                    p.CoProduces($"by{self}", output * random.NextDouble(), Unit.Kilogram).AllocatedBy(AllocationMethod.Mass);
                }
                else if (kind == 2)
                {
                    // System expansion: the by-product displaces a factor supply (a credit).
                    p.CoProduces(new ProductOutput($"by{self}", Quantity.Of(output * random.NextDouble() * 0.2, Unit.Kilogram)) { Displaces = Supply.FromFactor("byproduct") })
                        .AllocatedBy(AllocationMethod.SystemExpansion);
                }

                var used = new HashSet<int>();
                for (int k = 0; k < random.Next(0, 4); k++)
                {
                    int j = random.Next(n);
                    if (j == self || !used.Add(j))
                    {
                        continue;
                    }

                    double amount = output * random.NextDouble() * 0.1;
                    var unit = MassUnits[random.Next(MassUnits.Length)];
                    p.Consumes($"f{j}", Quantity.Of(amount, Unit.Kilogram).As(unit), unit);
                }

                p.Consumes("power", Math.Round(1 + (random.NextDouble() * 50), 3), Unit.KilowattHour);
                if (random.Next(2) == 0)
                {
                    p.Consumes("gas", Math.Round(random.NextDouble() * 20, 3), Unit.Megajoule);
                }

                for (int g = 0; g < random.Next(1, 4); g++)
                {
                    p.Emits(Gases[random.Next(Gases.Length)], Math.Round(random.NextDouble() * 5, 4), Unit.Kilogram);
                }

                if (random.Next(3) == 0)
                {
                    p.Emits(GreenhouseGas.Co2Biogenic, Math.Round(random.NextDouble(), 4), Unit.Kilogram, ElementaryExchangeKind.BiogenicUptake);
                }

                if (random.Next(2) == 0)
                {
                    // Process CO2 derived from a carbonate input: t × CO2/t (a formula with typed inputs).
                    var derivation = Derivation.Create("process CO2", "m * ef", [
                        new DerivationInput("m", Measure.Of(Math.Round(random.NextDouble(), 3), "t")) { Description = "carbonate" },
                        new DerivationInput("ef", Measure.Of(440, "kg/t")) { Source = "illustrative", IsDefault = true },
                    ], UnitExpression.Of(Unit.Kilogram), "stoichiometry (illustrative)");
                    p.Emits(GreenhouseGas.Co2Fossil, derivation);
                }

                p.InStage((LifeCycleStage)random.Next(0, 4)).AsPrimaryData(random.Next(2) == 0)
                    .Tagged($"supplier=s{random.Next(3)}").Tagged(random.Next(4) == 0 ? Tags.Packaging : Tag.Parse("site"));
            });
        }

        return builder.WithReferenceProduct("f0").WithDeclaredUnit(1, Unit.Kilogram).Build();
    }
}
