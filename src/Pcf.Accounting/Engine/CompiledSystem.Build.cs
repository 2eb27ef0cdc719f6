using System.Runtime.InteropServices;
using System.Collections.Immutable;
using System.Globalization;
using Pcf.Accounting.Engine.Sparse;
using Pcf.Accounting.Factors;
using Pcf.Accounting.Gases;
using Pcf.Accounting.Model;
using Pcf.Accounting.Results;
using Pcf.Accounting.Units;
using Pcf.Accounting.Validation;
using static Pcf.Accounting.Results.InventoryLayout;

namespace Pcf.Accounting.Engine;

/// <summary>Compilation: canonical order, allocation, matrices, factorization.</summary>
public sealed partial class CompiledSystem
{
    private static readonly StringComparer Ordinal = StringComparer.Ordinal;

    private void Build(List<ValidationProblem> problems)
    {
        var system = System;

        // Canonical order: processes by id; the original index is kept for problem paths.
        var declared = system.Processes.Select((p, i) => (Process: p, Index: i)).ToArray();
        Array.Sort(declared, (a, b) => Ordinal.Compare(a.Process.Id.Value, b.Process.Id.Value));
        _processes = declared.Select(d => d.Process).ToArray();

        // 1. Allocation and columns (consecutive per process).
        var columns = new List<Column>(_processes.Length);
        var columnStart = new int[_processes.Length + 1];
        var allocations = ImmutableArray.CreateBuilder<AllocationRecord>();
        var rowOf = new Dictionary<(int, FlowId), int>(system.Processes.Length);
        var expansion = new bool[_processes.Length];
        for (int pi = 0; pi < _processes.Length; pi++)
        {
            var process = _processes[pi];
            columnStart[pi] = columns.Count;
            bool included = RuleSet.Includes(process.Stage);
            if (process.CoProducts.IsEmpty)
            {
                rowOf[(pi, process.ReferenceOutput.Flow)] = columns.Count;
                columns.Add(new Column(pi, process.ReferenceOutput.Flow, 1, included));
                continue;
            }

            var record = Allocate(process, $"$.processes[{declared[pi].Index}]", problems);
            if (record is null)
            {
                continue;
            }

            allocations.Add(record);
            if (record.Method == AllocationMethod.SystemExpansion)
            {
                expansion[pi] = true;
                rowOf[(pi, process.ReferenceOutput.Flow)] = columns.Count;
                columns.Add(new Column(pi, process.ReferenceOutput.Flow, 1, included));
            }
            else
            {
                foreach (var share in record.Shares)
                {
                    rowOf[(pi, share.Flow)] = columns.Count;
                    columns.Add(new Column(pi, share.Flow, share.Share, included));
                }
            }
        }

        if (problems.Count > 0)
        {
            return;
        }

        columnStart[_processes.Length] = columns.Count;
        _columns = [.. columns];
        _rowOf = rowOf;
        Allocations = allocations.ToImmutable();
        var processIndex = new Dictionary<ProcessId, int>(_processes.Length);
        for (int pi = 0; pi < _processes.Length; pi++)
        {
            processIndex[_processes[pi].Id] = pi;
        }

        // 2. Each process's inputs once, in canonical order (flow, supply, amount), in the flow's reference unit; background
        // requests, canonical order.
        var inputs = new CanonicalInput[_processes.Length][];
        var requestSet = new HashSet<FactorRequest>();
        for (int pi = 0; pi < _processes.Length; pi++)
        {
            var process = _processes[pi];
            var order = process.CanonicalInputOrder;
            var canonical = order.Length == 0 ? [] : new CanonicalInput[order.Length];
            for (int k = 0; k < order.Length; k++)
            {
                var input = process.Inputs[order[k]];
                var flow = System.GetFlow(input.Flow);
                double perRun = input.Amount.As(flow.ReferenceUnit);
                if (input.Supply.Kind == SupplyKind.Factor)
                {
                    var request = new FactorRequest(input.Supply.FactorKey!, input.Supply.Region, input.Supply.Year, flow.ReferenceUnit);
                    requestSet.Add(request);
                    canonical[k] = new CanonicalInput(order[k], perRun, request, -1);
                }
                else
                {
                    // The supplier's row; −1 when it makes the flow only as a co-product that system expansion displaces (reported below).
                    canonical[k] = new CanonicalInput(order[k], perRun, null, rowOf.TryGetValue((processIndex[input.Supply.Process!.Value], input.Flow), out int row) ? row : -1);
                }
            }

            inputs[pi] = canonical;
            foreach (var co in process.CoProducts)
            {
                if (co.Displaces is { Kind: SupplyKind.Factor })
                {
                    requestSet.Add(RequestFor(co.Flow, co.Displaces));
                }
            }
        }

        var requests = requestSet.ToArray();
        Array.Sort(requests, CompareRequests);
        FactorRequests = [.. requests];
        var requestIndex = new Dictionary<FactorRequest, int>(requests.Length);
        for (int r = 0; r < requests.Length; r++)
        {
            requestIndex[requests[r]] = r;
        }

        _processIndex = processIndex;
        _requestIndex = requestIndex;

        // 3. Gases, canonical order.
        var gasSet = new HashSet<GreenhouseGas>();
        foreach (var process in _processes)
        {
            foreach (var e in process.Emissions)
            {
                gasSet.Add(e.Gas);
            }
        }

        _gases = [.. gasSet.Order()];
        var gasIndex = new Dictionary<GreenhouseGas, int>();
        for (int g = 0; g < _gases.Length; g++)
        {
            gasIndex[_gases[g]] = g;
        }

        // 4. Matrices, column by column, exchanges in canonical order.
        int capacity = _columns.Length;
        foreach (var canonical in inputs)
        {
            capacity += canonical.Length;
        }

        var rows = new List<int>(capacity);
        var cols = new List<int>(capacity);
        var values = new List<double>(capacity);
        var direct = new List<Exchange>();
        var uses = new List<Use>();
        var displacements = new List<Displacement>();
        _directPointers = new int[_columns.Length + 1];
        _usePointers = new int[_columns.Length + 1];
        for (int c = 0; c < _columns.Length; c++)
        {
            var column = _columns[c];
            var process = _processes[column.Process];
            int pi = column.Process;
            double share = column.Share;

            // Diagonal: the output this column makes, in the flow's reference unit.
            var output = OutputOf(process, column.Output);
            rows.Add(c);
            cols.Add(c);
            values.Add(InReferenceUnit(output.Flow, output.Amount));

            // Inputs: sorted by flow id, supply, amount, so that the order of the input changes nothing.
            foreach (var input in inputs[pi])
            {
                double amount = share * input.PerRun;
                if (input.Request is { } request)
                {
                    uses.Add(new Use(requestIndex[request], amount));
                    continue;
                }

                int row = input.SupplierRow;
                if (row < 0)
                {
                    var flow = process.Inputs[input.Index].Flow;
                    // The supplier makes the flow as a co-product that system expansion displaces.
                    int declaredIndex = declared[pi].Index;
                    problems.Add(new ValidationProblem($"$.processes[{declaredIndex}].inputs[{input.Index}].from", ProblemCodes.InvalidAllocation,
                        $"'{flow}' of process '{process.Inputs[input.Index].Supply.Process}' is a co-product displaced by system expansion, so it cannot also supply '{process.Id}'; allocate it instead, or supply this input otherwise."));
                    continue;
                }

                rows.Add(row);
                cols.Add(c);
                values.Add(-amount);
            }

            // System expansion: co-products displace other supplies (a credit).
            if (expansion[pi])
            {
                foreach (var co in process.CoProducts.OrderBy(o => o.Flow.Value, Ordinal))
                {
                    double amount = InReferenceUnit(co.Flow, co.Amount);
                    var displaced = co.Displaces!;
                    if (displaced.Kind == SupplyKind.Factor)
                    {
                        uses.Add(new Use(requestIndex[RequestFor(co.Flow, displaced)], -amount));
                    }
                    else
                    {
                        int row = _rowOf[(processIndex[displaced.Process!.Value], co.Flow)];
                        rows.Add(row);
                        cols.Add(c);
                        values.Add(amount);
                        displacements.Add(new Displacement(c, row, co.Flow, amount));
                    }
                }
            }

            foreach (int k in process.CanonicalEmissionOrder)
            {
                var e = process.Emissions[k];
                direct.Add(new Exchange(gasIndex[e.Gas], e.Kind, share * e.Amount.As(Unit.Kilogram)));
            }

            _directPointers[c + 1] = direct.Count;
            _usePointers[c + 1] = uses.Count;
        }

        if (problems.Count > 0)
        {
            return;
        }

        _direct = [.. direct];
        _uses = [.. uses];
        _displacements = [.. displacements];
        _technosphere = SparseMatrix.FromTriplets(_columns.Length, CollectionsMarshal.AsSpan(rows),
            CollectionsMarshal.AsSpan(cols), CollectionsMarshal.AsSpan(values));
        _diagonal = Diagonal(_technosphere);

        // Factorizing and laying out the inventory are independent: a large system factorizes on another core meanwhile.
        // The problems and warnings are the same either way, and are added after the layout's.
        var factorizing = _columns.Length >= ParallelFactorizeColumns ? Task.Run(Factorize) : null;
        var (entries, flows) = BuildEntries(columnStart, expansion, inputs, requestIndex, processIndex, gasIndex);
        _layout = new InventoryLayout { Processes = _processes, Entries = entries, Columns = _columns, Diagonal = _diagonal, Gases = _gases, Flows = flows };
        problems.AddRange(factorizing is null ? Factorize() : factorizing.GetAwaiter().GetResult());
    }

    /// <summary>The columns from which a system is factorized on another thread while its inventory is laid out.</summary>
    internal const int ParallelFactorizeColumns = 2000;

    // One input of a process, in canonical order: its index in the process's inputs, the amount per run in the flow's
    // reference unit, and its supplier (a background request, or the row of the supplying process's output of the flow).
    private readonly record struct CanonicalInput(int Index, double PerRun, FactorRequest? Request, int SupplierRow);

    // The output of a process that makes a flow (its reference output, or a co-product).
    private static ProductOutput OutputOf(Process process, FlowId flow)
    {
        if (process.ReferenceOutput.Flow == flow)
        {
            return process.ReferenceOutput;
        }

        foreach (var co in process.CoProducts)
        {
            if (co.Flow == flow)
            {
                return co;
            }
        }

        throw new InvalidOperationException($"Process '{process.Id}' does not make '{flow}'.");
    }

    // Per process, what each calculation multiplies by the runs: its emissions, factor uses, links and credits, in the canonical
    // order of the matrices (inputs by flow, supply, amount; emissions by gas, kind, amount).
    private (ProcessEntries[] Entries, ImmutableArray<Results.InventoryFlow> Flows) BuildEntries(int[] columnStart, bool[] expansion,
        CanonicalInput[][] inputs, Dictionary<FactorRequest, int> requestIndex, Dictionary<ProcessId, int> processIndex, Dictionary<GreenhouseGas, int> gasIndex)
    {
        var entries = new ProcessEntries[_processes.Length];
        for (int pi = 0; pi < _processes.Length; pi++)
        {
            var process = _processes[pi];
            int first = columnStart[pi], count = columnStart[pi + 1] - first;
            var outputDerivations = count == 1 && process.CoProducts.IsEmpty
                ? (process.ReferenceOutput.Derivation is null ? NoDerivation : [process.ReferenceOutput.Derivation])
                : new Derivation?[count];
            if (count > 1 || !process.CoProducts.IsEmpty)
            {
                for (int k = 0; k < count; k++)
                {
                    outputDerivations[k] = OutputOf(process, _columns[first + k].Output).Derivation;
                }
            }

            var emissionOrder = process.CanonicalEmissionOrder;
            var emissions = emissionOrder.Length == 0 ? [] : new EmissionEntry[emissionOrder.Length];
            for (int k = 0; k < emissionOrder.Length; k++)
            {
                var e = process.Emissions[emissionOrder[k]];
                emissions[k] = new EmissionEntry(gasIndex[e.Gas], e.Kind, e.Amount, e.Amount.As(Unit.Kilogram), e.Derivation,
                    FootprintViews.Category.Of(e.Gas, e.Kind, CarbonOrigin.NotApplicable));
            }

            int useCount = 0;
            foreach (var input in inputs[pi])
            {
                useCount += input.Request is null ? 0 : 1;
            }

            var uses = new List<FactorUseEntry>(useCount);
            var links = inputs[pi].Length - useCount == 0 ? [] : new LinkEntry[inputs[pi].Length - useCount];
            int link = 0;
            foreach (var canonical in inputs[pi])
            {
                var input = process.Inputs[canonical.Index];
                if (canonical.Request is { } request)
                {
                    uses.Add(new FactorUseEntry(requestIndex[request], input.Flow, input.Amount, canonical.PerRun, false, input.Derivation));
                }
                else
                {
                    links[link++] = new LinkEntry(canonical.Index, canonical.SupplierRow, canonical.PerRun);
                }
            }

            CreditEntry[] credits = [];
            if (expansion[pi])
            {
                var list = new List<CreditEntry>();
                foreach (var co in process.CoProducts.OrderBy(o => o.Flow.Value, Ordinal))
                {
                    double amount = InReferenceUnit(co.Flow, co.Amount);
                    var displaced = co.Displaces!;
                    if (displaced.Kind == SupplyKind.Factor)
                    {
                        uses.Add(new FactorUseEntry(requestIndex[RequestFor(co.Flow, displaced)], co.Flow, co.Amount, -amount, true, co.Derivation));
                    }
                    else
                    {
                        var by = displaced.Process!.Value;
                        list.Add(new CreditEntry(co.Flow, by, first, _rowOf[(processIndex[by], co.Flow)], amount));
                    }
                }

                credits = [.. list];
            }

            entries[pi] = new ProcessEntries
            {
                FirstColumn = first,
                ColumnCount = count,
                OutputDerivations = outputDerivations,
                Emissions = emissions,
                FactorUses = uses.Count == 0 ? [] : [.. uses],
                Links = links,
                Credits = credits,
            };
        }

        var flows = System.Flows.ToArray();
        Array.Sort(flows, (a, b) => Ordinal.Compare(a.Id.Value, b.Id.Value));
        return (entries, [.. flows.Select(f => new Results.InventoryFlow(f.Id, f.Name, f.ReferenceUnit, f.Tags))]);
    }

    private static readonly Derivation?[] NoDerivation = [null];

    private static double[] Diagonal(SparseMatrix m)
    {
        var d = new double[m.Size];
        for (int c = 0; c < d.Length; c++)
        {
            for (int k = m.ColumnPointers[c]; k < m.ColumnPointers[c + 1]; k++)
            {
                if (m.RowIndices[k] == c)
                {
                    d[c] = m.Values[k];
                }
            }
        }

        return d;
    }

    // The factorization's outcome is data: a singular block names its columns, a hopelessly ill-conditioned one its condition estimate.
    private List<ValidationProblem> Factorize()
    {
        var problems = new List<ValidationProblem>();
        if (SparseLu.TryFactorize(_technosphere, out var lu, out var singular))
        {
            _lu = lu;
            if (lu.Condition.Value >= SparseLu.HopelessConditionThreshold)
            {
                problems.Add(new ValidationProblem("$.processes", ProblemCodes.SingularSystem, string.Create(CultureInfo.InvariantCulture,
                    $"The system cannot be solved reliably: processes {ProcessList(lu.Condition.Columns)} form a loop that is ill-conditioned (condition estimate ≈ {lu.Condition.Value:G3}): it nearly makes no net output, and rounding alone may change every digit of the result."))
                {
                    Subject = ProcessesOf(lu.Condition.Columns),
                });
            }
            else if (lu.Condition.Value > SparseLu.IllConditionedThreshold)
            {
                Warnings = [new ValidationProblem("$.processes", ProblemCodes.IllConditionedSystem, string.Create(CultureInfo.InvariantCulture,
                    $"Processes {ProcessList(lu.Condition.Columns)} form a loop that nearly makes no net output (condition estimate ≈ {lu.Condition.Value:G3}): rounding alone may give the result a relative error of up to {lu.Condition.Value * 1.1e-16:G2}, and any uncertainty of the loop's amounts is amplified as much."))
                {
                    Subject = ProcessesOf(lu.Condition.Columns),
                }];
            }
        }
        else
        {
            problems.Add(new ValidationProblem("$.processes", ProblemCodes.SingularSystem,
                $"The system cannot be solved: processes {ProcessList(singular.Columns)} form a loop that makes no net output, or use a product that nothing makes.")
            {
                Subject = ProcessesOf(singular.Columns),
            });
        }

        return problems;
    }

    /// <summary>The distinct process ids of some columns, quoted, at most 20.</summary>
    private string ProcessList(IEnumerable<int> columns)
    {
        var names = columns.Select(c => _processes[_columns[c].Process].Id).Distinct().Select(id => $"'{id}'").ToList();
        return $"{string.Join(", ", names.Take(20))}{(names.Count > 20 ? $" and {names.Count - 20} more" : string.Empty)}";
    }

    private ProcessSubject ProcessesOf(IEnumerable<int> columns) => new([.. columns.Select(c => _processes[_columns[c].Process].Id).Distinct()]);

    private FactorRequest RequestFor(FlowId flow, Supply supply) =>
        new(supply.FactorKey!, supply.Region, supply.Year, System.GetFlow(flow).ReferenceUnit);

    private double InReferenceUnit(FlowId flow, Quantity amount) => amount.As(System.GetFlow(flow).ReferenceUnit);

    private static int CompareRequests(FactorRequest a, FactorRequest b)
    {
        int c = Ordinal.Compare(a.Key, b.Key);
        if (c == 0)
        {
            c = Ordinal.Compare(a.Region, b.Region);
        }

        if (c == 0)
        {
            c = Nullable.Compare(a.Year, b.Year);
        }

        return c != 0 ? c : Ordinal.Compare(a.Unit.Symbol, b.Unit.Symbol);
    }

    private AllocationRecord? Allocate(Process process, string path, List<ValidationProblem> problems)
    {
        var outputs = process.Outputs.ToList();
        bool stated = process.Allocation is not null;
        var candidates = stated ? [process.Allocation!.Value] : RuleSet.AllocationPreference;
        foreach (var method in candidates)
        {
            if (method == AllocationMethod.SystemExpansion)
            {
                if (process.CoProducts.All(c => c.Displaces is not null))
                {
                    return new AllocationRecord(process.Id, method, stated, [],
                        "system expansion: " + string.Join("; ", process.CoProducts.Select(c => $"{c.Amount} {c.Flow} displaces {c.Displaces}")));
                }

                continue;
            }

            var weights = new double[outputs.Count];
            bool available = true;
            for (int i = 0; i < outputs.Count && available; i++)
            {
                var o = outputs[i];
                var flow = System.GetFlow(o.Flow);
                double amount = InReferenceUnit(o.Flow, o.Amount);
                double? perUnit = method switch
                {
                    // Properties are per one reference unit of the flow; a flow measured in the property's dimension needs none.
                    AllocationMethod.Mass => o.MassPerUnit?.As(Unit.Kilogram) ?? (flow.Dimension == Dimension.Mass ? Quantity.Of(1, flow.ReferenceUnit).As(Unit.Kilogram) : null),
                    AllocationMethod.Energy => o.EnergyPerUnit?.As(Unit.Megajoule) ?? (flow.Dimension == Dimension.Energy ? Quantity.Of(1, flow.ReferenceUnit).As(Unit.Megajoule) : null),
                    AllocationMethod.Economic => o.PricePerUnit?.Value,
                    AllocationMethod.Stated => o.Share,
                    _ => null,
                };
                if (perUnit is not { } p)
                {
                    available = false;
                    break;
                }

                weights[i] = method == AllocationMethod.Stated ? p : amount * p;
            }

            if (method == AllocationMethod.Economic && available
                && outputs.Select(o => o.PricePerUnit!.Value.Unit).Distinct().Count() > 1)
            {
                available = false;
            }

            double total = 0;
            foreach (double w in weights)
            {
                total += w;
            }

            if (!available || !(total > 0))
            {
                continue;
            }

            var shares = outputs.Select((o, i) => new AllocationShare(o.Flow, weights[i], weights[i] / total)).ToImmutableArray();
            string unit = method switch { AllocationMethod.Mass => "kg", AllocationMethod.Energy => "MJ", AllocationMethod.Economic => outputs[0].PricePerUnit!.Value.Unit.Symbol, _ => string.Empty };
            string basis = $"{method.ToString().ToLowerInvariant()}: " + string.Join(", ", shares.Select(s =>
                string.Create(CultureInfo.InvariantCulture, $"{s.Flow} {s.Weight:G6}{(unit.Length > 0 ? " " + unit : string.Empty)} ({s.Share * 100:F2}%)")));
            return new AllocationRecord(process.Id, method, stated, shares, basis);
        }

        problems.Add(new ValidationProblem(path + (stated ? ".allocation" : ".coProducts"), ProblemCodes.InvalidAllocation,
            stated
                ? $"Process '{process.Id}' asks for {process.Allocation} allocation, but its outputs lack the data for it (the weights are missing or sum to zero)."
                : $"Process '{process.Id}' has co-products but the data for none of the rule set's methods ({string.Join(", ", RuleSet.AllocationPreference)}): state what each co-product displaces, or the mass, energy, price or share of every output."));
        return null;
    }
}
