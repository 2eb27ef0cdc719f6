using System.Globalization;
using Pcf.Accounting.Gases;
using Pcf.Accounting.Model;
using Pcf.Accounting.Units;

namespace Pcf.Accounting.Benchmarks.Synthetic;

/// <summary>Builds a <see cref="ProductSystem"/> from a synthetic technosphere, for the compile benchmarks.</summary>
/// <remarks>Process <c>P000042</c> makes 1 kg of flow <c>p000042</c> per run; zero-padded ids keep the engine's canonical
/// (ordinal) order equal to the generator's index order, so the compiled matrix is the generator's matrix.
/// The reference product is the last process's flow (demand e_n, as in the <c>mtx</c> entry point).</remarks>
internal static class SyntheticProductSystem
{
    private static readonly GreenhouseGas[] Gases = [GreenhouseGas.Co2Fossil, GreenhouseGas.Ch4Fossil, GreenhouseGas.N2O];

    public static string FlowOf(int index) => "p" + index.ToString("D7", CultureInfo.InvariantCulture);

    public static string ProcessOf(int index) => "P" + index.ToString("D7", CultureInfo.InvariantCulture);

    public static ProductSystem Build(SyntheticSystem synthetic)
    {
        int n = synthetic.Size;

        // Inputs and emissions per column (CSC-like), from the triplets.
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

        var builder = new ProductSystemBuilder($"synthetic-{n}");
        for (int j = 0; j < n; j++)
        {
            builder.AddFlow(FlowOf(j), FlowOf(j), Unit.Kilogram);
        }

        for (int j = 0; j < n; j++)
        {
            int column = j;
            builder.AddProcess(ProcessOf(j), ProcessOf(j), p =>
            {
                p.Produces(FlowOf(column), 1, Unit.Kilogram);
                foreach (var (supplier, amount) in inputs[column])
                {
                    p.Consumes(FlowOf(supplier), amount, Unit.Kilogram);
                }

                foreach (var (gas, kg) in emissions[column])
                {
                    p.Emits(Gases[gas], kg, Unit.Kilogram);
                }
            });
        }

        return builder.WithReferenceProduct(FlowOf(n - 1)).WithDeclaredUnit(1, Unit.Kilogram).Build();
    }
}
