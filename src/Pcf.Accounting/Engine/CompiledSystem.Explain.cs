using System.Collections.Immutable;
using System.Globalization;
using Pcf.Accounting.Gases;
using Pcf.Accounting.Model;
using Pcf.Accounting.Results;
using Pcf.Accounting.Units;

namespace Pcf.Accounting.Engine;

/// <summary>Explanations, computed on demand from the compiled system, the solution and the per-unit footprints.</summary>
public sealed partial class CompiledSystem
{
    private static string N(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    internal Explanation Explain(FootprintResult result, double[] scaling, double minimumShare, int maximumDepth)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(minimumShare);
        ArgumentOutOfRangeException.ThrowIfNegative(maximumDepth);
        var lambda = PerUnitFootprints(result.Background, result.GwpSet);
        var gwpOf = _gases.Select(result.GwpSet.FactorOf).ToArray();
        var diagonal = Diagonal();
        double total = Math.Abs(result.TotalIncludingBiogenicUptake.Value);
        var demand = result.Demand;
        int root = DemandRow(demand);
        var referenceUnit = System.GetFlow(demand.Product).ReferenceUnit;
        double q0 = demand.Amount.As(referenceUnit);

        var rootDraft = new Draft(ExplanationKind.Demand, $"{demand.Amount} {demand.Product}", q0 * lambda[root],
            $"{N(q0)} {referenceUnit} × {N(lambda[root])} kg CO2e/{referenceUnit} (footprint per unit, upstream included) = {N(q0 * lambda[root])} kg CO2e");
        var work = new Stack<(Draft Node, int Column, double Amount, int Depth)>();
        work.Push((rootDraft, root, q0, 0));
        while (work.Count > 0)
        {
            var (node, c, q, depth) = work.Pop();
            var column = _columns[c];
            var process = _processes[column.Process];
            double runs = q / diagonal[c];
            string share = column.Share == 1 ? string.Empty : $" × allocation share {N(column.Share)}";
            if (!column.Included)
            {
                node.Arithmetic += $"; process '{process.Id}' ({process.Stage}) is outside the {RuleSet.Boundary} boundary: its own emissions are excluded";
            }

            // Direct exchanges.
            for (int k = _directPointers[c]; k < _directPointers[c + 1] && column.Included; k++)
            {
                var e = _direct[k];
                int sign = Compute.Sign(e.Kind);
                double value = sign * runs * e.Kilograms * gwpOf[e.Gas];
                node.Children.Add(new Draft(ExplanationKind.DirectExchange, $"{_gases[e.Gas]} {e.Kind} of '{process.Id}'", value,
                    $"{(sign < 0 ? "−" : string.Empty)}{N(runs)} runs × {N(e.Kilograms)} kg {_gases[e.Gas]} per run{share} × GWP {N(gwpOf[e.Gas])} ({result.GwpSet.Id}) = {N(value)} kg CO2e"));
            }

            // Inputs, from the model so that units and conversions show.
            foreach (var input in process.Inputs)
            {
                var flow = System.GetFlow(input.Flow);
                double perRun = column.Share * input.Amount.As(flow.ReferenceUnit);
                double amount = runs * perRun;
                string conversion = input.Amount.Unit == flow.ReferenceUnit ? string.Empty : $" ({input.Amount} = {N(input.Amount.As(flow.ReferenceUnit))} {flow.ReferenceUnit})";
                if (input.Supply.Kind == SupplyKind.Factor)
                {
                    if (!column.Included)
                    {
                        continue;
                    }

                    int r = _requestIndex[RequestFor(input.Flow, input.Supply)];
                    double perUnit = result.Background.Co2ePerUnit[r];
                    node.Children.Add(new Draft(ExplanationKind.Factor, $"{input.Flow} ({FactorRequests[r]})", amount * perUnit,
                        $"{N(runs)} runs × {N(input.Amount.Value)} {input.Amount.Unit} per run{conversion}{share} = {N(amount)} {flow.ReferenceUnit} × {N(perUnit)} kg CO2e/{flow.ReferenceUnit} = {N(amount * perUnit)} kg CO2e")
                    {
                        Source = result.Background.Sources[r],
                    });
                    continue;
                }

                int supplier = _processIndex[input.Supply.Process!.Value];
                int row = _rowOf[(supplier, input.Flow)];
                if (row == c)
                {
                    continue; // self-consumption is netted in the diagonal
                }

                var child = new Draft(ExplanationKind.Product, $"{input.Flow} from '{input.Supply.Process}'", amount * lambda[row],
                    $"{N(runs)} runs × {N(input.Amount.Value)} {input.Amount.Unit} per run{conversion}{share} = {N(amount)} {flow.ReferenceUnit} × {N(lambda[row])} kg CO2e/{flow.ReferenceUnit} = {N(amount * lambda[row])} kg CO2e");
                node.Children.Add(child);
                if (depth + 1 >= maximumDepth || Math.Abs(child.Value) < minimumShare * total)
                {
                    child.Kind = ExplanationKind.Summary;
                    child.Arithmetic += depth + 1 >= maximumDepth ? " (not expanded: depth limit)" : " (not expanded: below the share shown)";
                }
                else
                {
                    work.Push((child, row, amount, depth + 1));
                }
            }

            // Co-products displacing other supplies.
            foreach (var co in column.Included ? process.CoProducts.Where(o => o.Displaces is not null && column.Share == 1) : [])
            {
                var flow = System.GetFlow(co.Flow);
                double amount = runs * co.Amount.As(flow.ReferenceUnit);
                double perUnit;
                if (co.Displaces!.Kind == SupplyKind.Factor)
                {
                    int r = _requestIndex[RequestFor(co.Flow, co.Displaces)];
                    perUnit = result.Background.Co2ePerUnit[r];
                }
                else
                {
                    perUnit = lambda[_rowOf[(_processIndex[co.Displaces.Process!.Value], co.Flow)]];
                }

                node.Children.Add(new Draft(ExplanationKind.Credit, $"{co.Flow} displaces {co.Displaces}", -amount * perUnit,
                    $"−{N(amount)} {flow.ReferenceUnit} × {N(perUnit)} kg CO2e/{flow.ReferenceUnit} = {N(-amount * perUnit)} kg CO2e"));
            }
        }

        return rootDraft.Freeze();
    }

    internal Explanation ExplainGas(FootprintResult result, double[] scaling, GreenhouseGas gas)
    {
        ArgumentNullException.ThrowIfNull(gas);
        var gwp = result.GwpSet;
        double gwpOfGas = gwp.TryGetFactor(gas, out double g) ? g : 0;
        var parts = new List<Explanation>();

        // Direct exchanges of the gas, one node per process and kind, summed over the process's (allocated) columns.
        int slot = Array.IndexOf(_gases, gas);
        if (slot >= 0)
        {
            var byProcess = new SortedDictionary<(int Process, ElementaryExchangeKind Kind), double>();
            for (int c = 0; c < _columns.Length; c++)
            {
                if (scaling[c] == 0 || !_columns[c].Included)
                {
                    continue; // excluded columns are in the cut-off, not in the result's gases
                }

                for (int k = _directPointers[c]; k < _directPointers[c + 1]; k++)
                {
                    var e = _direct[k];
                    if (e.Gas == slot)
                    {
                        var key = (_columns[c].Process, e.Kind);
                        byProcess[key] = byProcess.GetValueOrDefault(key) + Compute.Sign(e.Kind) * e.Kilograms * scaling[c];
                    }
                }
            }

            foreach (var ((p, kind), kg) in byProcess)
            {
                var process = _processes[p];
                double runs = RunsOf(p, scaling);
                double co2e = kg * gwpOfGas;
                string perRun = runs == 0 ? string.Empty : $"{N(runs)} runs × {N(kg / runs)} kg {gas} per run = ";
                parts.Add(new Explanation(ExplanationKind.DirectExchange, $"{gas} {kind} of '{process.Id}'", Quantity.Of(co2e, Unit.Kilogram),
                    $"{perRun}{N(kg)} kg {gas} × GWP {N(gwpOfGas)} ({gwp.Id}) = {N(co2e)} kg CO2e", []));
            }
        }

        // Factors whose per-gas components include the gas; factors given only as CO2e cannot be attributed to any gas.
        var notes = new List<Explanation>();
        foreach (var factor in result.ByFactor)
        {
            int r = _requestIndex[factor.Request];
            double used = factor.AmountUsed.Value;
            string unit = factor.Request.Unit.Symbol;
            double co2eOnly = 0;
            bool hasCo2eOnly = false;
            foreach (var component in result.Background.Components[r])
            {
                if (component.Gas is null)
                {
                    hasCo2eOnly = true;
                    co2eOnly += component.Co2ePerUnit * used;
                }
                else if (component.Gas == gas)
                {
                    double kg = Compute.Sign(component.Kind) * component.PerUnit * used;
                    double co2e = component.Co2ePerUnit * used;
                    parts.Add(new Explanation(ExplanationKind.Factor, $"{gas} {component.Kind} via {factor.Request}", Quantity.Of(co2e, Unit.Kilogram),
                        $"{N(used)} {unit} used × {N(component.PerUnit)} kg {gas}/{unit} = {N(kg)} kg {gas} × GWP {N(gwpOfGas)} ({gwp.Id}) = {N(co2e)} kg CO2e", [])
                    {
                        Source = factor.Source,
                    });
                }
            }

            if (hasCo2eOnly)
            {
                notes.Add(new Explanation(ExplanationKind.Factor, $"{factor.Request}: no per-gas split", Quantity.Of(0, Unit.Kilogram),
                    $"the factor is given in CO2e only: its {N(co2eOnly)} kg CO2e are in the CO2e line (not split by gas), and none of it can be attributed to {gas}", [])
                {
                    Source = factor.Source,
                });
            }
        }

        parts.Sort((a, b) => Math.Abs(b.Co2e.Value).CompareTo(Math.Abs(a.Co2e.Value)));
        var line = result.ByGas.FirstOrDefault(x => x.Gas == gas);
        double mass = line?.Mass.Value ?? 0, total = line?.Co2e.Value ?? 0;
        int direct = parts.Count(x => x.Kind == ExplanationKind.DirectExchange);
        return new Explanation(ExplanationKind.Gas, $"{gas} in {result.Demand.Amount} {result.Demand.Product}", Quantity.Of(total, Unit.Kilogram),
            $"{direct} direct exchange{(direct == 1 ? string.Empty : "s")} + {parts.Count - direct} factor component{(parts.Count - direct == 1 ? string.Empty : "s")} = {N(mass)} kg {gas}, {N(total)} kg CO2e ({gwp.Id})",
            [.. parts, .. notes]);
    }

    private double[] Diagonal()
    {
        var d = new double[_columns.Length];
        var m = _technosphere;
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

    /// <summary>A mutable node while the tree is built; frozen bottom-up without recursion.</summary>
    private sealed class Draft(ExplanationKind kind, string label, double value, string arithmetic)
    {
        public ExplanationKind Kind { get; set; } = kind;

        public string Label { get; } = label;

        public double Value { get; } = value;

        public string Arithmetic { get; set; } = arithmetic;

        public string? Source { get; init; }

        public List<Draft> Children { get; } = [];

        public Explanation Freeze()
        {
            // Post-order without recursion: children are frozen before their parent.
            var frozen = new Dictionary<Draft, Explanation>(ReferenceEqualityComparer.Instance);
            var stack = new Stack<(Draft Node, bool Expanded)>();
            stack.Push((this, false));
            while (stack.Count > 0)
            {
                var (node, expanded) = stack.Pop();
                if (!expanded)
                {
                    stack.Push((node, true));
                    foreach (var child in node.Children)
                    {
                        stack.Push((child, false));
                    }

                    continue;
                }

                frozen[node] = new Explanation(node.Kind, node.Label, Quantity.Of(node.Value, Unit.Kilogram), node.Arithmetic,
                    [.. node.Children.Select(c => frozen[c])]) { Source = node.Source };
            }

            return frozen[this];
        }
    }
}
