using System.Collections.Immutable;
using System.Globalization;
using Pcf.Accounting.Gases;
using Pcf.Accounting.Model;
using Pcf.Accounting.Units;

namespace Pcf.Accounting.Results;

/// <summary>Builds explanations from a result's inventory alone: the supply-chain tree of the demand, and the places one gas enters.</summary>
/// <remarks>Implementation note: the tree is built breadth-last with an explicit stack (never recursion), within a node budget
/// and a cap on the children shown per node, so the work is linear in the nodes returned whatever the system's shape: a loop
/// explained to any depth or a star of 200,000 inputs costs at most the budget.</remarks>
internal static class Explainer
{
    /// <summary>The default node budget of an explanation.</summary>
    public const int DefaultMaximumNodes = 20_000;

    /// <summary>The most children shown under one node; the rest are summed into one summary node.</summary>
    public const int MaximumChildren = 500;

    public static Explanation Explain(FootprintResult result, double minimumShare, int maximumDepth, int maximumNodes) =>
        Explain(result, minimumShare, maximumDepth, maximumNodes, null);

    /// <summary>Builds the tree and counts the work done (for tests: the work must not grow with the depth asked when the tree does not).</summary>
    /// <param name="result">The result.</param>
    /// <param name="minimumShare">Branches below this share of the total are not expanded.</param>
    /// <param name="maximumDepth">Branches deeper than this are not expanded.</param>
    /// <param name="maximumNodes">The node budget.</param>
    /// <param name="work">Receives the counts, when given.</param>
    /// <returns>The tree.</returns>
    internal static Explanation Explain(FootprintResult result, double minimumShare, int maximumDepth, int maximumNodes, ExplanationWork? work)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(minimumShare);
        ArgumentOutOfRangeException.ThrowIfNegative(maximumDepth);
        ArgumentOutOfRangeException.ThrowIfLessThan(maximumNodes, 1);
        var inventory = result.Inventory;
        var demand = result.Demand;
        double total = Math.Abs(result.TotalIncludingBiogenicUptake.Value);
        var (rootProcess, rootOutput) = Find(inventory, demand.Product, demand.Process)
            ?? throw new InvalidOperationException($"The result's inventory has no process making '{demand.Product}'.");
        var referenceUnit = inventory.TryGetFlow(demand.Product, out var demandFlow) ? demandFlow.ReferenceUnit : demand.Amount.Unit;
        double q0 = demand.Amount.As(referenceUnit);
        double lambda0 = inventory.Processes[rootProcess].Outputs[rootOutput].FootprintPerUnit;
        var root = new Draft(ExplanationKind.Demand, $"{demand.Amount} {demand.Product}", q0 * lambda0,
            [new(ExplanationTermKind.Amount, q0, referenceUnit.Symbol), new(ExplanationTermKind.FootprintPerUnit, lambda0, $"kg CO2e/{referenceUnit.Symbol}") { Detail = "footprint per unit, upstream included" }])
        {
            Process = inventory.Processes[rootProcess].Id,
            Flow = demand.Product,
        };

        int nodes = 1;
        // The processes on the path from the root to the node expanded (depth first, so the path is a prefix that only grows by one):
        // a link back to one of them is a loop, shown once and never unrolled, since the supplier's footprint per unit already holds
        // every turn of the loop. So a loop costs the same whatever --depth asks.
        var onPath = new int[inventory.Processes.Length];
        var path = new List<int>();
        var pending = new Stack<(Draft Node, int Process, int Output, double Amount, int Depth)>();
        pending.Push((root, rootProcess, rootOutput, q0, 0));
        while (pending.Count > 0)
        {
            var (node, pi, oi, q, depth) = pending.Pop();
            while (path.Count > depth)
            {
                onPath[path[^1]]--;
                path.RemoveAt(path.Count - 1);
            }

            path.Add(pi);
            onPath[pi]++;
            if (work is not null)
            {
                work.NodesVisited++;
            }

            if (nodes >= maximumNodes)
            {
                // Queued before the budget ran out: shown as a summary, never expanded past the budget.
                node.Kind = ExplanationKind.Summary;
                node.Note = Append(node.Note, "not expanded: the explanation's node limit");
                continue;
            }

            var p = inventory.Processes[pi];
            var o = p.Outputs[oi];
            double runs = o.AmountPerRun == 0 ? 0 : q / o.AmountPerRun;
            double share = o.AllocationShare;
            if (!p.IsIncluded)
            {
                node.Note = Append(node.Note, $"process '{p.Id}' ({p.Stage}) is outside the {result.RuleSet.Boundary} boundary: its own emissions are excluded");
            }

            var children = new List<Draft>();
            if (p.IsIncluded)
            {
                foreach (var e in p.Emissions)
                {
                    double gwp = result.GwpSet.TryGetFactor(e.Gas, out double g) ? g : 0;
                    int sign = FootprintViews.Sign(e.Kind);
                    double kg = e.PerRun.As(Unit.Kilogram);
                    var terms = ImmutableArray.CreateBuilder<ExplanationTerm>();
                    if (sign < 0)
                    {
                        terms.Add(new(ExplanationTermKind.Sign, -1, string.Empty));
                    }

                    terms.Add(new(ExplanationTermKind.Runs, runs, "runs"));
                    terms.Add(new(ExplanationTermKind.AmountPerRun, kg, $"kg {e.Gas}"));
                    if (share != 1)
                    {
                        terms.Add(new(ExplanationTermKind.AllocationShare, share, string.Empty));
                    }

                    terms.Add(new(ExplanationTermKind.Gwp, gwp, "kg CO2e/kg") { Detail = result.GwpSet.Id });
                    children.Add(new Draft(ExplanationKind.DirectExchange, $"{e.Gas} {e.Kind} of '{p.Id}'", sign * runs * kg * share * gwp, terms.ToImmutable())
                    {
                        Process = p.Id,
                        Gas = e.Gas,
                        Derivation = e.Derivation,
                    });
                }

                foreach (var u in p.FactorUses.Where(u => !u.IsCredit))
                {
                    var factor = inventory.Factors[u.Factor];
                    var unit = factor.Request.Unit;
                    double perRun = u.PerRun.As(unit);
                    double amount = runs * share * perRun;
                    children.Add(new Draft(ExplanationKind.Factor, $"{u.Flow} ({factor.Request})", amount * factor.Co2ePerUnit,
                        InputTerms(runs, u.PerRun, unit, share, ExplanationTermKind.FactorPerUnit, factor.Co2ePerUnit))
                    {
                        Process = p.Id,
                        Flow = u.Flow,
                        Factor = u.Factor,
                        Source = factor.Source,
                        Derivation = u.Derivation,
                    });
                }
            }

            foreach (var link in p.Links)
            {
                if (Find(inventory, link.Flow, link.Supplier) is not var (si, so))
                {
                    continue;
                }

                if (si == pi && so == oi)
                {
                    continue; // self-consumption is netted in the diagonal
                }

                var unit = inventory.TryGetFlow(link.Flow, out var flow) ? flow.ReferenceUnit : link.PerRun.Unit;
                double amount = runs * share * link.PerRun.As(unit);
                double lambda = inventory.Processes[si].Outputs[so].FootprintPerUnit;
                var child = new Draft(ExplanationKind.Product, $"{link.Flow} from '{link.Supplier}'", amount * lambda,
                    InputTerms(runs, link.PerRun, unit, share, ExplanationTermKind.FootprintPerUnit, lambda))
                {
                    Process = link.Supplier,
                    Flow = link.Flow,
                    Derivation = link.Derivation,
                    Expand = (si, so, amount),
                };
                children.Add(child);
            }

            if (p.IsIncluded && share == 1)
            {
                foreach (var u in p.FactorUses.Where(u => u.IsCredit))
                {
                    var factor = inventory.Factors[u.Factor];
                    var unit = factor.Request.Unit;
                    double amount = runs * u.PerRun.As(unit);
                    var r = factor.Request;
                    string supply = $"factor {r.Key}" + (r.Region is null && r.Year is null ? string.Empty
                        : $" ({string.Join(", ", new[] { r.Region, r.Year?.ToString(CultureInfo.InvariantCulture) }.Where(s => s is not null))})");
                    children.Add(new Draft(ExplanationKind.Credit, $"{u.Flow} displaces {supply}", -amount * factor.Co2ePerUnit,
                        [new(ExplanationTermKind.Sign, -1, string.Empty), new(ExplanationTermKind.Amount, amount, unit.Symbol),
                            new(ExplanationTermKind.FactorPerUnit, factor.Co2ePerUnit, $"kg CO2e/{unit.Symbol}")])
                    {
                        Process = p.Id,
                        Flow = u.Flow,
                        Factor = u.Factor,
                        Source = factor.Source,
                    });
                }

                foreach (var c in p.Credits)
                {
                    if (Find(inventory, c.Flow, c.Displaced) is not var (di, dout))
                    {
                        continue;
                    }

                    var unit = inventory.TryGetFlow(c.Flow, out var flow) ? flow.ReferenceUnit.Symbol : string.Empty;
                    double amount = runs * c.AmountPerRun;
                    double lambda = inventory.Processes[di].Outputs[dout].FootprintPerUnit;
                    children.Add(new Draft(ExplanationKind.Credit, $"{c.Flow} displaces process {c.Displaced}", -amount * lambda,
                        [new(ExplanationTermKind.Sign, -1, string.Empty), new(ExplanationTermKind.Amount, amount, unit),
                            new(ExplanationTermKind.FootprintPerUnit, lambda, $"kg CO2e/{unit}")])
                    {
                        Process = c.Displaced,
                        Flow = c.Flow,
                    });
                }
            }

            if (work is not null)
            {
                work.NodesBuilt += children.Count;
            }

            if (children.Count > MaximumChildren)
            {
                // The largest first; the rest in one exact summary line.
                var ordered = children.OrderByDescending(c => Math.Abs(c.Value)).ToList();
                var rest = ordered.Skip(MaximumChildren - 1).ToList();
                children = ordered.Take(MaximumChildren - 1).ToList();
                double sum = rest.Sum(c => c.Value);
                children.Add(new Draft(ExplanationKind.Summary, $"{rest.Count} more contributions of '{p.Id}'", sum, [])
                {
                    Process = p.Id,
                    Note = $"the {rest.Count} smallest of {rest.Count + MaximumChildren - 1} contributions, summed",
                });
            }

            int room = maximumNodes - nodes;
            if (children.Count > room)
            {
                // The budget holds: the largest that fit, the rest in one exact summary line.
                var ordered = children.OrderByDescending(c => Math.Abs(c.Value)).ToList();
                var rest = ordered.Skip(room - 1).ToList();
                children = ordered.Take(room - 1).ToList();
                children.Add(new Draft(ExplanationKind.Summary, $"{rest.Count} more contributions of '{p.Id}'", rest.Sum(c => c.Value), [])
                {
                    Process = p.Id,
                    Note = $"the {rest.Count} smallest of {rest.Count + room - 1} contributions, summed: the explanation's node limit",
                });
            }

            foreach (var child in children)
            {
                nodes++;
                node.Children.Add(child);
                if (child.Expand is not { } next)
                {
                    continue;
                }

                child.Expand = null;
                string? stop = onPath[next.Process] > 0 ? $"not expanded: a loop back to '{inventory.Processes[next.Process].Id}', expanded above (its footprint per unit includes every turn of the loop)"
                    : depth + 1 >= maximumDepth ? "not expanded: depth limit"
                    : Math.Abs(child.Value) < minimumShare * total ? "not expanded: below the share shown"
                    : nodes >= maximumNodes ? "not expanded: the explanation's node limit"
                    : null;
                if (stop is null)
                {
                    pending.Push((child, next.Process, next.Output, next.Amount, depth + 1));
                }
                else
                {
                    child.Kind = ExplanationKind.Summary;
                    child.Note = Append(child.Note, stop);
                }
            }
        }

        return root.Freeze();
    }

    private static ImmutableArray<ExplanationTerm> InputTerms(double runs, Quantity perRun, Unit referenceUnit, double share, ExplanationTermKind perUnitKind, double perUnit)
    {
        var terms = ImmutableArray.CreateBuilder<ExplanationTerm>(5);
        terms.Add(new(ExplanationTermKind.Runs, runs, "runs"));
        terms.Add(new(ExplanationTermKind.AmountPerRun, perRun.Value, perRun.Unit.Symbol));
        if (perRun.Unit != referenceUnit)
        {
            double converted = perRun.As(referenceUnit);
            double factor = perRun.Value == 0 ? Quantity.Of(1, perRun.Unit).As(referenceUnit) : converted / perRun.Value;
            terms.Add(new(ExplanationTermKind.Conversion, factor, referenceUnit.Symbol) { Detail = $"{perRun} = {ExplanationText.Number(converted)} {referenceUnit}" });
        }

        if (share != 1)
        {
            terms.Add(new(ExplanationTermKind.AllocationShare, share, string.Empty));
        }

        terms.Add(new(perUnitKind, perUnit, $"kg CO2e/{referenceUnit.Symbol}"));
        return terms.ToImmutable();
    }

    /// <summary>The process and output that make a product: the named process, else the one process that makes it.</summary>
    private static (int Process, int Output)? Find(FootprintInventory inventory, FlowId flow, ProcessId? process)
    {
        if (process is { } named)
        {
            if (!inventory.TryGetProcess(named, out var p))
            {
                return null;
            }

            int pi = inventory.IndexOf(named);
            for (int oi = 0; oi < p.Outputs.Length; oi++)
            {
                if (p.Outputs[oi].Flow == flow)
                {
                    return (pi, oi);
                }
            }

            return null;
        }

        for (int pi = 0; pi < inventory.Processes.Length; pi++)
        {
            var outputs = inventory.Processes[pi].Outputs;
            for (int oi = 0; oi < outputs.Length; oi++)
            {
                if (outputs[oi].Flow == flow)
                {
                    return (pi, oi);
                }
            }
        }

        return null;
    }

    public static Explanation ExplainGas(FootprintResult result, GreenhouseGas gas)
    {
        ArgumentNullException.ThrowIfNull(gas);
        var gwp = result.GwpSet;
        double gwpOfGas = gwp.TryGetFactor(gas, out double g) ? g : 0;
        var parts = new List<Explanation>();

        // Direct exchanges of the gas, one node per process and kind.
        foreach (var p in result.Inventory.Processes)
        {
            if (!p.IsIncluded || p.Runs == 0)
            {
                continue; // excluded processes are in the cut-off, not in the result's gases
            }

            foreach (var group in p.Emissions.Where(e => e.Gas == gas).GroupBy(e => e.Kind).OrderBy(k => k.Key))
            {
                double kg = group.Sum(e => FootprintViews.Sign(e.Kind) * e.Kilograms);
                double co2e = kg * gwpOfGas;
                var terms = ImmutableArray.Create(
                    new ExplanationTerm(ExplanationTermKind.Runs, p.Runs, "runs"),
                    new ExplanationTerm(ExplanationTermKind.AmountPerRun, kg / p.Runs, $"kg {gas}"),
                    new ExplanationTerm(ExplanationTermKind.Gwp, gwpOfGas, "kg CO2e/kg") { Detail = gwp.Id });
                parts.Add(new Explanation(ExplanationKind.DirectExchange, $"{gas} {group.Key} of '{p.Id}'", Kg(co2e), terms, []) { Process = p.Id, Gas = gas });
            }
        }

        // Factors whose per-gas components include the gas; factors given only as CO2e cannot be attributed to any gas.
        var notes = new List<Explanation>();
        var indexOf = new Dictionary<Factors.FactorRequest, int>();
        for (int i = 0; i < result.Inventory.Factors.Length; i++)
        {
            indexOf[result.Inventory.Factors[i].Request] = i;
        }

        foreach (var contribution in result.ByFactor)
        {
            int r = indexOf[contribution.Request];
            var factor = result.Inventory.Factors[r];
            double used = contribution.AmountUsed.Value;
            string unit = contribution.Request.Unit.Symbol;
            double co2eOnly = 0;
            bool hasCo2eOnly = false;
            foreach (var c in factor.Components)
            {
                if (c.Gas is null)
                {
                    hasCo2eOnly = true;
                    co2eOnly += c.Co2ePerUnit * used;
                }
                else if (c.Gas == gas)
                {
                    var terms = ImmutableArray.CreateBuilder<ExplanationTerm>();
                    if (FootprintViews.Sign(c.Kind) < 0)
                    {
                        terms.Add(new(ExplanationTermKind.Sign, -1, string.Empty));
                    }

                    terms.Add(new(ExplanationTermKind.Amount, used, unit));
                    terms.Add(new(ExplanationTermKind.GasPerUnit, c.AmountPerUnit, $"kg {gas}/{unit}"));
                    terms.Add(new(ExplanationTermKind.Gwp, gwpOfGas, "kg CO2e/kg") { Detail = gwp.Id });
                    parts.Add(new Explanation(ExplanationKind.Factor, $"{gas} {c.Kind} via {contribution.Request}", Kg(c.Co2ePerUnit * used), terms.ToImmutable(), [])
                    {
                        Factor = r,
                        Gas = gas,
                        Source = factor.Source,
                    });
                }
            }

            if (hasCo2eOnly)
            {
                notes.Add(new Explanation(ExplanationKind.Factor, $"{contribution.Request}: no per-gas split", Kg(0), [], [])
                {
                    Factor = r,
                    Source = factor.Source,
                    Note = $"the factor is given in CO2e only: its {ExplanationText.Number(co2eOnly)} kg CO2e are in the CO2e line (not split by gas), and none of it can be attributed to {gas}",
                });
            }
        }

        parts.Sort((a, b) => Math.Abs(b.Co2e.Value).CompareTo(Math.Abs(a.Co2e.Value)));
        var line = result.ByGas.FirstOrDefault(x => x.Gas == gas);
        double mass = line?.Mass.Value ?? 0, total = line?.Co2e.Value ?? 0;
        int direct = parts.Count(x => x.Kind == ExplanationKind.DirectExchange);
        return new Explanation(ExplanationKind.Gas, $"{gas} in {result.Demand.Amount} {result.Demand.Product}", Kg(total), [], [.. parts, .. notes])
        {
            Gas = gas,
            Note = $"{direct} direct exchange{(direct == 1 ? string.Empty : "s")} + {parts.Count - direct} factor component{(parts.Count - direct == 1 ? string.Empty : "s")} = {ExplanationText.Number(mass)} kg {gas} ({gwp.Id})",
        };
    }

    private static Quantity Kg(double value) => Quantity.Of(value, Unit.Kilogram);

    private static string Append(string? note, string more) => note is null ? more : $"{note}; {more}";

    /// <summary>A mutable node while the tree is built; frozen bottom-up without recursion.</summary>
    private sealed class Draft(ExplanationKind kind, string label, double value, ImmutableArray<ExplanationTerm> terms)
    {
        public ExplanationKind Kind { get; set; } = kind;

        public string Label { get; } = label;

        public double Value { get; } = value;

        public ImmutableArray<ExplanationTerm> Terms { get; } = terms;

        public ProcessId? Process { get; init; }

        public FlowId? Flow { get; init; }

        public GreenhouseGas? Gas { get; init; }

        public int? Factor { get; init; }

        public string? Source { get; init; }

        public Derivation? Derivation { get; init; }

        public string? Note { get; set; }

        public (int Process, int Output, double Amount)? Expand { get; set; }

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

                frozen[node] = new Explanation(node.Kind, node.Label, Kg(node.Value), node.Terms, [.. node.Children.Select(c => frozen[c])])
                {
                    Process = node.Process,
                    Flow = node.Flow,
                    Gas = node.Gas,
                    Factor = node.Factor,
                    Source = node.Source,
                    Derivation = node.Derivation,
                    Note = node.Note,
                };
            }

            return frozen[this];
        }
    }
}
