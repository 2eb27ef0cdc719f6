using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Pcf.Accounting.Factors;
using Pcf.Accounting.Gases;
using Pcf.Accounting.Model;
using Pcf.Accounting.Units;

namespace Pcf.Accounting.Results;

/// <summary>What one compiled system contributes to every inventory it makes, laid out once when it is compiled: per process
/// its columns and, in canonical order, its emissions, factor uses, links and credits per run. Immutable; shared by every
/// result of the system (a result holds these tables, never the engine).</summary>
internal sealed class InventoryLayout
{
    /// <summary>Gets the processes, in canonical order.</summary>
    public required Process[] Processes { get; init; }

    /// <summary>Gets what each process contributes per run (same order as <see cref="Processes"/>).</summary>
    public required ProcessEntries[] Entries { get; init; }

    /// <summary>Gets the columns of the technosphere: each output of each process.</summary>
    public required Column[] Columns { get; init; }

    /// <summary>Gets each column's output per run (the technosphere's diagonal).</summary>
    public required double[] Diagonal { get; init; }

    /// <summary>Gets the gases that <see cref="EmissionEntry.Gas"/> indexes.</summary>
    public required GreenhouseGas[] Gases { get; init; }

    /// <summary>Gets the flows of the system, by id.</summary>
    public required ImmutableArray<InventoryFlow> Flows { get; init; }

    /// <summary>A column of the technosphere: an output of a process, its allocation share, and whether the boundary includes it.</summary>
    internal readonly record struct Column(int Process, FlowId Output, double Share, bool Included);

    /// <summary>What one process contributes to the inventory per run, in canonical order: the multiplications left for each calculation.</summary>
    internal sealed class ProcessEntries
    {
        public int FirstColumn { get; init; }

        public int ColumnCount { get; init; }

        public Derivation?[] OutputDerivations { get; init; } = [];

        public EmissionEntry[] Emissions { get; init; } = [];

        public FactorUseEntry[] FactorUses { get; init; } = [];

        public LinkEntry[] Links { get; init; } = [];

        public CreditEntry[] Credits { get; init; } = [];
    }

    /// <summary>An emission per run: its gas (an index of <see cref="Gases"/>), kind, amount as stated and in kg, derivation,
    /// and the separately reported category it falls in (<see cref="FootprintViews.Category"/>, fixed by gas and kind).</summary>
    internal readonly record struct EmissionEntry(int Gas, ElementaryExchangeKind Kind, Quantity Stated, double KilogramsPerRun, Derivation? Derivation, int Category);

    internal readonly record struct FactorUseEntry(int Request, FlowId Flow, Quantity Stated, double PerRun, bool IsCredit, Derivation? Derivation);

    /// <summary>A link per run: the input it comes from (an index of the process's <see cref="Process.Inputs"/>, which holds its
    /// flow, supplier, stated amount and derivation), the supplier's row and the amount per run in the flow's reference unit.</summary>
    internal readonly record struct LinkEntry(int Input, int Row, double PerRun);

    internal readonly record struct CreditEntry(FlowId Flow, ProcessId Displaced, int Column, int Row, double AmountPerRun);
}

/// <summary>One calculation over an <see cref="InventoryLayout"/>: the runs of every column (s), the footprint per unit of every
/// product (λ), the factors and the GWP of each gas. Every number of the inventory is a product of these with the layout's
/// per-run amounts, so the per-process records are made only when someone reads them (<see cref="Materialize()"/>); the
/// standard views read the same products straight from here.</summary>
/// <remarks>Immutable once made: the arrays are the calculation's own and never written after it.</remarks>
internal sealed class InventorySolution
{
    public InventorySolution(InventoryLayout layout, ImmutableArray<InventoryFactor> factors, GwpSet gwp, double[] s, double[] lambda)
    {
        Layout = layout;
        Factors = factors;
        S = s;
        Lambda = lambda;
        GwpOf = new double[layout.Gases.Length];
        for (int g = 0; g < GwpOf.Length; g++)
        {
            GwpOf[g] = gwp.FactorOf(layout.Gases[g]);
        }

        Runs = new double[layout.Processes.Length];
        for (int pi = 0; pi < Runs.Length; pi++)
        {
            var entries = layout.Entries[pi];
            double runs = 0;
            for (int k = 0; k < entries.ColumnCount; k++)
            {
                int c = entries.FirstColumn + k;
                runs += layout.Columns[c].Share * s[c];
            }

            Runs[pi] = runs;
        }
    }

    public InventoryLayout Layout { get; }

    public ImmutableArray<InventoryFactor> Factors { get; }

    /// <summary>Gets the runs of each column.</summary>
    public double[] S { get; }

    /// <summary>Gets the footprint per unit of each column's product.</summary>
    public double[] Lambda { get; }

    /// <summary>Gets the GWP of each gas of the layout.</summary>
    public double[] GwpOf { get; }

    /// <summary>Gets the runs of each process: the sum over its outputs of runs × allocation share.</summary>
    public double[] Runs { get; }

    /// <summary>Whether the boundary includes a process (its first column's flag; a process without columns is not included).</summary>
    public bool IsIncluded(int process)
    {
        var entries = Layout.Entries[process];
        return entries.ColumnCount > 0 && Layout.Columns[entries.FirstColumn].Included;
    }

    /// <summary>The kg of an emission for the demand (per run × the process's runs).</summary>
    public double Kilograms(int process, in InventoryLayout.EmissionEntry e) => e.KilogramsPerRun * Runs[process];

    /// <summary>The signed kg CO2e of an emission for the demand.</summary>
    public double Co2e(in InventoryLayout.EmissionEntry e, double kilograms) => Results.FootprintViews.Sign(e.Kind) * kilograms * GwpOf[e.Gas];

    /// <summary>The amount of a factor use for the demand.</summary>
    public double Amount(int process, in InventoryLayout.FactorUseEntry u) => u.PerRun * Runs[process];

    /// <summary>The amount of a credit for the demand.</summary>
    public double Amount(in InventoryLayout.CreditEntry d) => d.AmountPerRun * S[d.Column];

    /// <summary>The signed kg CO2e of a credit for the demand.</summary>
    public double Co2e(in InventoryLayout.CreditEntry d, double amount) => -amount * Lambda[d.Row];

    /// <summary>Output <paramref name="k"/> of process <paramref name="pi"/> for the demand.</summary>
    public InventoryOutput OutputAt(int pi, int k)
    {
        var entries = Layout.Entries[pi];
        int c = entries.FirstColumn + k;
        var column = Layout.Columns[c];
        return new InventoryOutput(column.Output, Layout.Diagonal[c], column.Share, S[c], Lambda[c], entries.OutputDerivations[k]);
    }

    /// <summary>Emission <paramref name="k"/> of process <paramref name="pi"/> for the demand.</summary>
    public InventoryEmission EmissionAt(int pi, int k)
    {
        ref readonly var e = ref Layout.Entries[pi].Emissions[k];
        double kg = Kilograms(pi, e);
        return new InventoryEmission(Layout.Gases[e.Gas], e.Kind, e.Stated, kg, Co2e(e, kg)) { Derivation = e.Derivation };
    }

    /// <summary>Factor use <paramref name="k"/> of process <paramref name="pi"/> for the demand.</summary>
    public InventoryFactorUse FactorUseAt(int pi, int k)
    {
        ref readonly var u = ref Layout.Entries[pi].FactorUses[k];
        double amount = Amount(pi, u);
        return new InventoryFactorUse(u.Request, u.Flow, u.Stated, amount, amount * Factors[u.Request].Co2ePerUnit, u.IsCredit) { Derivation = u.Derivation };
    }

    /// <summary>Link <paramref name="k"/> of process <paramref name="pi"/> for the demand (its flow, supplier, stated amount and
    /// derivation are those of the process's input).</summary>
    public InventoryLink LinkAt(int pi, int k)
    {
        ref readonly var l = ref Layout.Entries[pi].Links[k];
        var input = Layout.Processes[pi].Inputs[l.Input];
        double amount = l.PerRun * Runs[pi];
        return new InventoryLink(input.Flow, input.Supply.Process!.Value, input.Amount, amount, amount * Lambda[l.Row]) { Derivation = input.Derivation };
    }

    /// <summary>Credit <paramref name="k"/> of process <paramref name="pi"/> for the demand.</summary>
    public InventoryCredit CreditAt(int pi, int k)
    {
        ref readonly var d = ref Layout.Entries[pi].Credits[k];
        double amount = Amount(d);
        return new InventoryCredit(d.Flow, d.Displaced, d.AmountPerRun, amount, Co2e(d, amount));
    }

    /// <summary>Makes the per-process records: outputs, emissions, factor uses, links and credits with their values for the demand
    /// (the values a writer reads one by one through <see cref="OutputAt"/> and its siblings).</summary>
    public InventoryProcess[] Materialize()
    {
        var layout = Layout;
        var processes = new InventoryProcess[layout.Processes.Length];
        for (int pi = 0; pi < processes.Length; pi++)
        {
            var entries = layout.Entries[pi];
            var process = layout.Processes[pi];

            // Arrays handed to the inventory as they are (no copy); empty ones are shared.
            var outputs = new InventoryOutput[entries.ColumnCount];
            for (int k = 0; k < outputs.Length; k++)
            {
                outputs[k] = OutputAt(pi, k);
            }

            var emissions = entries.Emissions.Length == 0 ? [] : new InventoryEmission[entries.Emissions.Length];
            for (int k = 0; k < emissions.Length; k++)
            {
                emissions[k] = EmissionAt(pi, k);
            }

            var uses = entries.FactorUses.Length == 0 ? [] : new InventoryFactorUse[entries.FactorUses.Length];
            for (int k = 0; k < uses.Length; k++)
            {
                uses[k] = FactorUseAt(pi, k);
            }

            var links = entries.Links.Length == 0 ? [] : new InventoryLink[entries.Links.Length];
            for (int k = 0; k < links.Length; k++)
            {
                links[k] = LinkAt(pi, k);
            }

            var credits = entries.Credits.Length == 0 ? [] : new InventoryCredit[entries.Credits.Length];
            for (int k = 0; k < credits.Length; k++)
            {
                credits[k] = CreditAt(pi, k);
            }

            processes[pi] = new InventoryProcess
            {
                Id = process.Id,
                Name = process.Name,
                Stage = process.Stage,
                Region = process.Region,
                Tags = process.Tags,
                IsPrimaryData = process.IsPrimaryData,
                IsIncluded = IsIncluded(pi),
                Runs = Runs[pi],
                Outputs = ImmutableCollectionsMarshal.AsImmutableArray(outputs),
                Emissions = ImmutableCollectionsMarshal.AsImmutableArray(emissions),
                FactorUses = ImmutableCollectionsMarshal.AsImmutableArray(uses),
                Links = ImmutableCollectionsMarshal.AsImmutableArray(links),
                Credits = ImmutableCollectionsMarshal.AsImmutableArray(credits),
            };
        }

        return processes;
    }
}
