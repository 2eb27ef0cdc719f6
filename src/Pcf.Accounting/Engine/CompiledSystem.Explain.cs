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
