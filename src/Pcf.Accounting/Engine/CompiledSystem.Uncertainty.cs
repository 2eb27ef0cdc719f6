using System.Collections.Immutable;
using Pcf.Accounting.Engine.Sparse;
using Pcf.Accounting.Factors;
using Pcf.Accounting.Gases;
using Pcf.Accounting.Model;
using Pcf.Accounting.Results;
using static Pcf.Accounting.Results.InventoryLayout;

namespace Pcf.Accounting.Engine;

/// <summary>Where every entry of the matrices comes from, for Monte Carlo: which exchange of which process, with its distribution.</summary>
public sealed partial class CompiledSystem
{
    private UncertaintyLayout? _uncertaintyLayout;

    /// <summary>Lays out the sources of the matrices' entries (built on first use, then kept; the same for every caller).</summary>
    /// <exception cref="InvalidOperationException">The layout disagrees with the compiled matrices (a bug).</exception>
    internal UncertaintyLayout UncertaintyLayout()
    {
        var layout = Volatile.Read(ref _uncertaintyLayout);
        if (layout is null)
        {
            layout = BuildUncertaintyLayout();
            Interlocked.CompareExchange(ref _uncertaintyLayout, layout, null);
        }

        return _uncertaintyLayout!;
    }

    /// <summary>Walks the processes in the order <see cref="Build"/> does and records, for every technosphere contribution, direct
    /// exchange and factor use, the exchange it comes from; checks that the amounts agree with the matrices built.</summary>
    private UncertaintyLayout BuildUncertaintyLayout()
    {
        var expansion = new HashSet<ProcessId>(Allocations.Where(a => a.Method == AllocationMethod.SystemExpansion).Select(a => a.Process));
        var technosphere = new List<TechnosphereSource>();
        var direct = new List<ExchangeSource>(_direct.Length);
        var uses = new List<UseSource>(_uses.Length);
        var displacements = new List<DisplacementSource>();
        var cp = _technosphere.ColumnPointers;
        var ri = _technosphere.RowIndices;
        for (int c = 0; c < _columns.Length; c++)
        {
            var column = _columns[c];
            int pi = column.Process;
            var process = _processes[pi];
            double share = column.Share;

            var output = process.Outputs.First(o => o.Flow == column.Output);
            technosphere.Add(new(Slot(c, c), c, c, InReferenceUnit(output.Flow, output.Amount), OutputSource(pi, output)));

            var sorted = process.Inputs.Select((input, index) => (Input: input, Index: index))
                .OrderBy(i => i.Input.Flow.Value, Ordinal).ThenBy(i => i.Input.Supply.ToString(), Ordinal).ThenBy(i => i.Input.Amount.Value).ToList();
            foreach (var (input, index) in sorted)
            {
                double amount = share * InReferenceUnit(input.Flow, input.Amount);
                var source = new ExchangeSource(pi, ExchangeRole.Input, index, input.Flow.Value, input.Supply.ToString(), input.Uncertainty);
                if (input.Supply.Kind == SupplyKind.Factor)
                {
                    uses.Add(new(c, _requestIndex[RequestFor(input.Flow, input.Supply)], amount, false, source));
                    continue;
                }

                int row = _rowOf[(_processIndex[input.Supply.Process!.Value], input.Flow)];
                technosphere.Add(new(Slot(row, c), row, c, -amount, source));
            }

            if (expansion.Contains(process.Id))
            {
                foreach (var (co, index) in process.CoProducts.Select((o, i) => (o, i)).OrderBy(o => o.o.Flow.Value, Ordinal))
                {
                    double amount = InReferenceUnit(co.Flow, co.Amount);
                    var displaced = co.Displaces!;
                    var source = new ExchangeSource(pi, ExchangeRole.CoProduct, index, co.Flow.Value, displaced.ToString(), co.Uncertainty);
                    if (displaced.Kind == SupplyKind.Factor)
                    {
                        uses.Add(new(c, _requestIndex[RequestFor(co.Flow, displaced)], -amount, true, source));
                    }
                    else
                    {
                        int row = _rowOf[(_processIndex[displaced.Process!.Value], co.Flow)];
                        technosphere.Add(new(Slot(row, c), row, c, amount, source));
                        displacements.Add(new(c, row, amount, source));
                    }
                }
            }

            foreach (var (e, index) in process.Emissions.Select((e, i) => (e, i))
                .OrderBy(e => e.e.Gas.Id, Ordinal).ThenBy(e => e.e.Kind).ThenBy(e => e.e.Amount.As(Units.Unit.Kilogram)))
            {
                direct.Add(new(pi, ExchangeRole.Emission, index, e.Gas.Id, e.Kind.ToString(), e.Uncertainty));
            }
        }

        Check(technosphere, direct, uses);
        var included = new bool[_columns.Length];
        var columnProcess = new int[_columns.Length];
        for (int c = 0; c < _columns.Length; c++)
        {
            included[c] = _columns[c].Included;
            columnProcess[c] = _columns[c].Process;
        }

        return new UncertaintyLayout
        {
            Technosphere = _technosphere,
            Lu = _lu,
            TechnosphereSources = [.. technosphere],
            Direct = [.. _direct.Select((d, k) => new DirectTerm(d.Gas, d.Kind, d.Kilograms, direct[k]))],
            DirectPointers = [.. _directPointers],
            Uses = [.. _uses.Select((u, k) => new UseTerm(u.Request, u.Amount, uses[k].IsCredit, uses[k].Source))],
            UsePointers = [.. _usePointers],
            Displacements = [.. displacements],
            Included = [.. included],
            ColumnProcess = [.. columnProcess],
            Processes = [.. _processes],
            Gases = [.. _gases],
        };

        int Slot(int row, int column)
        {
            int lo = cp[column], hi = cp[column + 1] - 1;
            while (lo <= hi)
            {
                int mid = (lo + hi) >>> 1;
                if (ri[mid] == row)
                {
                    return mid;
                }

                if (ri[mid] < row)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid - 1;
                }
            }

            return -1; // a zero amount, or contributions that cancel exactly: the entry is not stored
        }
    }

    // The walk must give the matrices' values: the direct exchanges and factor uses one for one, and each stored technosphere
    // entry as the sum of its contributions.
    private void Check(List<TechnosphereSource> technosphere, List<ExchangeSource> direct, List<UseSource> uses)
    {
        bool same = direct.Count == _direct.Length && uses.Count == _uses.Length;
        for (int k = 0; same && k < uses.Count; k++)
        {
            same = uses[k].Request == _uses[k].Request && uses[k].Amount.Equals(_uses[k].Amount) && uses[k].Column >= 0;
        }

        var sums = new double[_technosphere.NonZeroCount];
        var magnitude = new double[sums.Length];
        foreach (var t in technosphere.Where(t => t.Slot >= 0))
        {
            sums[t.Slot] += t.Amount;
            magnitude[t.Slot] += Math.Abs(t.Amount);
        }

        for (int p = 0; same && p < sums.Length; p++)
        {
            same = Math.Abs(sums[p] - _technosphere.Values[p]) <= 1e-12 * magnitude[p];
        }

        if (!same)
        {
            throw new InvalidOperationException("The uncertainty layout disagrees with the compiled matrices; this is a bug in the engine.");
        }
    }

    private ExchangeSource OutputSource(int process, ProductOutput output)
    {
        var p = _processes[process];
        bool reference = ReferenceEquals(output, p.ReferenceOutput);
        return new ExchangeSource(process, reference ? ExchangeRole.Output : ExchangeRole.CoProduct, reference ? 0 : p.CoProducts.IndexOf(output),
            output.Flow.Value, string.Empty, output.Uncertainty);
    }

    private readonly record struct UseSource(int Column, int Request, double Amount, bool IsCredit, ExchangeSource Source);
}

/// <summary>The role of an exchange in its process.</summary>
internal enum ExchangeRole
{
    Output = 0,
    CoProduct = 1,
    Input = 2,
    Emission = 3,
}

/// <summary>The exchange a matrix entry comes from: its process (canonical index), role, index in the process's list of that role,
/// flow or gas, supply or kind, and distribution.</summary>
internal readonly record struct ExchangeSource(int Process, ExchangeRole Role, int Index, string Subject, string Detail, UncertaintyDistribution? Uncertainty);

/// <summary>A contribution to a stored entry of the technosphere matrix (<see cref="Slot"/> −1: not stored, the entry is zero).</summary>
internal readonly record struct TechnosphereSource(int Slot, int Row, int Column, double Amount, ExchangeSource Source);

/// <summary>A direct exchange per run of a column: gas index, kind, kg after allocation.</summary>
internal readonly record struct DirectTerm(int Gas, ElementaryExchangeKind Kind, double Kilograms, ExchangeSource Source);

/// <summary>A background factor use per run of a column: request index, amount (negative for a displaced supply), credit or not.</summary>
internal readonly record struct UseTerm(int Request, double Amount, bool IsCredit, ExchangeSource Source);

/// <summary>A co-product displacing a foreground product under system expansion.</summary>
internal readonly record struct DisplacementSource(int Column, int Row, double Amount, ExchangeSource Source);

/// <summary>The compiled system's matrices with the source of every entry, for Monte Carlo.</summary>
internal sealed class UncertaintyLayout
{
    public required SparseMatrix Technosphere { get; init; }

    public required SparseLu Lu { get; init; }

    public required ImmutableArray<TechnosphereSource> TechnosphereSources { get; init; }

    public required ImmutableArray<DirectTerm> Direct { get; init; }

    public required ImmutableArray<int> DirectPointers { get; init; }

    public required ImmutableArray<UseTerm> Uses { get; init; }

    public required ImmutableArray<int> UsePointers { get; init; }

    public required ImmutableArray<DisplacementSource> Displacements { get; init; }

    public required ImmutableArray<bool> Included { get; init; }

    public required ImmutableArray<int> ColumnProcess { get; init; }

    public required ImmutableArray<Process> Processes { get; init; }

    public required ImmutableArray<GreenhouseGas> Gases { get; init; }

    public int Size => Included.Length;
}
