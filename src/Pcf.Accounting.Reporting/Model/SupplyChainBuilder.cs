using System.Collections.Immutable;
using Pcf.Accounting.Model;
using Pcf.Accounting.Results;

namespace Pcf.Accounting.Reporting.Model;

/// <summary>Builds the <see cref="SupplyChain"/> of a result from its explanation tree, loops condensed into one node each.</summary>
/// <remarks>
/// <para>The engine's explanation is the supply chain unrolled into a tree: each product node is an amount of a
/// supplier's product with its upstream CO2e, and its children (direct exchanges, factors, products, credits,
/// summaries) sum to it. Adding the tree's nodes up per (supplier, consumer) pair gives the flows between processes;
/// in a system without loops every pair occurs only in disjoint branches, so the sums are exact. Inside a loop the
/// same pair recurs nested at every turn, so loops (strongly connected components of the process graph, found
/// iteratively) are condensed: only flows that enter or leave a loop are added, and what the tree leaves unexpanded
/// inside a loop becomes an "other" inflow of the loop. Every node then conserves: inflows equal outflow.</para>
/// <para>Nodes are matched by the labels the core writes (<c>flow from 'process'</c>, <c>flow (request)</c>), compared
/// with the labels the model's own inputs would give, never parsed; when the explanation carries its operands as
/// data this is the one method to change.</para>
/// </remarks>
internal static class SupplyChainBuilder
{
    // The explanation is expanded down to this share of the total, and at most this deep; what is left is exact in its summary nodes.
    private const double ExplainShare = 0.001;
    private const int ExplainDepth = 24;

    /// <summary>How many members a loop's name lists (its <see cref="SupplyNode.Members"/> has them all).</summary>
    internal const int LoopNamesShown = 3;

    /// <summary>Builds the supply chain.</summary>
    /// <param name="result">The result.</param>
    /// <param name="minimumShare">Processes whose flow is below this share of the gross total are passed through to their customers; smaller sources are merged into "other".</param>
    /// <param name="maximumNodes">At most this many nodes besides the product and "other".</param>
    /// <returns>The graph; <see langword="null"/> when the result has nothing to draw (a zero footprint).</returns>
    public static SupplyChain? Build(FootprintResult result, double minimumShare, int maximumNodes)
    {
        var inventory = result.Inventory;
        if (result.TotalIncludingBiogenicUptake.Value == 0 || inventory.Processes.IsEmpty)
        {
            return null;
        }

        var processes = inventory.Processes;
        var index = new Dictionary<ProcessId, int>(processes.Length);
        for (int i = 0; i < processes.Length; i++)
        {
            index[processes[i].Id] = i;
        }

        int[] component = StronglyConnected(processes, index, out int componentCount);
        var members = new List<int>[componentCount];
        for (int i = 0; i < processes.Length; i++)
        {
            (members[component[i]] ??= []).Add(i);
        }

        // An explanation's factor node names its factor in the inventory; the report's factor nodes are the result's ByFactor lines.
        var factorByRequest = new Dictionary<Factors.FactorRequest, int>();
        for (int f = 0; f < result.ByFactor.Length; f++)
        {
            factorByRequest.TryAdd(result.ByFactor[f].Request, f);
        }

        // Node keys: (kind, id) with id a component, a factor index, or -1.
        var flows = new Dictionary<(NodeKey Source, NodeKey Target), double>();
        void Add(NodeKey source, NodeKey target, double value)
        {
            if (value != 0)
            {
                flows[(source, target)] = flows.GetValueOrDefault((source, target)) + value;
            }
        }

        var root = result.Explain(ExplainShare, ExplainDepth);
        int rootProcess = index.TryGetValue(result.Demand.Process ?? root.Process ?? ProducerOf(inventory, result.Demand.Product), out int rp) ? rp : -1;
        if (rootProcess < 0)
        {
            return null;
        }

        var product = new NodeKey(SupplyNodeKind.Product, -1);
        Add(new NodeKey(SupplyNodeKind.Process, component[rootProcess]), product, root.Co2e.Value);

        var work = new Stack<(Explanation Node, int Process)>();
        work.Push((root, rootProcess));
        while (work.Count > 0)
        {
            var (node, p) = work.Pop();
            int c = component[p];
            var here = new NodeKey(SupplyNodeKind.Process, c);
            foreach (var child in node.Children)
            {
                double value = child.Co2e.Value;
                switch (child.Kind)
                {
                    case ExplanationKind.DirectExchange:
                        Add(new NodeKey(SupplyNodeKind.Direct, c), here, value);
                        break;
                    case ExplanationKind.Factor:
                        Add(child.Factor is int fi && factorByRequest.TryGetValue(inventory.Factors[fi].Request, out int f) ? new NodeKey(SupplyNodeKind.Factor, f) : new NodeKey(SupplyNodeKind.Other, -1), here, value);
                        break;
                    case ExplanationKind.Credit:
                        Add(new NodeKey(SupplyNodeKind.Credit, c), here, value);
                        break;
                    case ExplanationKind.Product or ExplanationKind.Summary:
                        if (child.Process is not { } supplier || !index.TryGetValue(supplier, out int s))
                        {
                            Add(new NodeKey(SupplyNodeKind.Other, -1), here, value);
                            break;
                        }

                        if (component[s] != c)
                        {
                            Add(new NodeKey(SupplyNodeKind.Process, component[s]), here, value);
                        }

                        if (child.Kind == ExplanationKind.Product)
                        {
                            work.Push((child, s));
                        }
                        else
                        {
                            // Not expanded: the supplier's inflows are not itemized (inside a loop: the loop's remaining turns).
                            Add(new NodeKey(SupplyNodeKind.Other, -1), new NodeKey(SupplyNodeKind.Process, component[s]), value);
                        }

                        break;
                    default:
                        Add(new NodeKey(SupplyNodeKind.Other, -1), here, value);
                        break;
                }
            }
        }

        return Condense(result, flows, members, processes, minimumShare, maximumNodes);
    }

    private static SupplyChain Condense(
        FootprintResult result,
        Dictionary<(NodeKey Source, NodeKey Target), double> flows,
        List<int>[] members,
        ImmutableArray<InventoryProcess> processes,
        double minimumShare,
        int maximumNodes)
    {
        // What each node delivers (absolute), for the cut; the product and the process it comes from always stay.
        var outflow = new Dictionary<NodeKey, double>();
        foreach (var ((source, _), value) in flows)
        {
            outflow[source] = outflow.GetValueOrDefault(source) + Math.Abs(value);
        }

        var product = new NodeKey(SupplyNodeKind.Product, -1);
        var other = new NodeKey(SupplyNodeKind.Other, -1);
        var rootKey = flows.Keys.First(k => k.Target == product).Source;
        // Gross: every emission and removal entering the chain (flows between processes carry them on, so they are not counted again).
        double gross = flows.Where(f => f.Key.Source.Kind != SupplyNodeKind.Process).Sum(f => Math.Abs(f.Value));
        double cut = minimumShare * Math.Max(gross, Math.Abs(result.TotalIncludingBiogenicUptake.Value));

        var kept = new HashSet<NodeKey> { product, rootKey };
        foreach (var (key, value) in outflow.Where(o => o.Key != other && o.Key != rootKey)
                     .OrderByDescending(o => o.Value).ThenBy(o => o.Key.Kind).ThenBy(o => o.Key.Id))
        {
            if (value < cut || kept.Count >= maximumNodes + 1)
            {
                break;
            }

            kept.Add(key);
        }

        // Small nodes leave the picture without breaking conservation:
        // - a dropped process (or loop) is passed through: each supplier's flow into it goes on to its customers in the
        //   proportions of its outflows, so every kept node still passes on what flows into it;
        // - a dropped source (factor, direct emissions, credits) is merged into the one "other" source.
        var outgoing = new Dictionary<NodeKey, Dictionary<NodeKey, double>>();
        var incoming = new Dictionary<NodeKey, Dictionary<NodeKey, double>>();
        void Link(NodeKey source, NodeKey target, double value)
        {
            if (value == 0)
            {
                return;
            }

            var o = outgoing.TryGetValue(source, out var x) ? x : outgoing[source] = [];
            var i = incoming.TryGetValue(target, out var y) ? y : incoming[target] = [];
            o[target] = o.GetValueOrDefault(target) + value;
            i[source] = o[target];
        }

        foreach (var ((source, target), value) in flows)
        {
            Link(kept.Contains(source) || source.Kind == SupplyNodeKind.Process ? source : other, target, value);
        }

        // Smallest first; a process whose outflows cancel cannot be passed through, and stays.
        foreach (var dropped in outflow.Keys.Where(k => k.Kind == SupplyNodeKind.Process && !kept.Contains(k))
                     .OrderBy(k => outflow[k]).ThenBy(k => k.Id).ToList())
        {
            var outs = outgoing.TryGetValue(dropped, out var o) ? o.ToList() : [];
            var ins = incoming.TryGetValue(dropped, out var i) ? i.ToList() : [];
            double net = outs.Sum(x => x.Value), magnitude = outs.Sum(x => Math.Abs(x.Value));
            if (outs.Count == 0 || Math.Abs(net) <= 1e-12 * magnitude)
            {
                kept.Add(dropped);
                continue;
            }

            outgoing.Remove(dropped);
            incoming.Remove(dropped);
            foreach (var (target, _) in outs)
            {
                incoming[target].Remove(dropped);
            }

            foreach (var (source, _) in ins)
            {
                outgoing[source].Remove(dropped);
            }

            foreach (var (source, vin) in ins)
            {
                foreach (var (target, vout) in outs)
                {
                    Link(source, target, vin * vout / net);
                }
            }
        }

        var drawn = new Dictionary<(NodeKey, NodeKey), double>();
        foreach (var (source, targets) in outgoing)
        {
            foreach (var (target, value) in targets)
            {
                if (value != 0)
                {
                    drawn[(source, target)] = value;
                }
            }
        }

        // What is drawn: the nodes at either end of a link ("other" is added below, as the last source).
        kept = [product, .. drawn.Keys.SelectMany(k => new[] { k.Item1, k.Item2 }).Where(k => k != other)];

        // Order: sources and processes by what they deliver, "other" next to last, the product last.
        var order = kept.Where(k => k != product)
            .OrderByDescending(k => outflow.GetValueOrDefault(k)).ThenBy(k => k.Kind).ThenBy(k => k.Id).ToList();
        if (drawn.Keys.Any(k => k.Item1 == other))
        {
            order.Add(other);
        }

        order.Add(product);
        var position = new Dictionary<NodeKey, int>();
        var nodes = ImmutableArray.CreateBuilder<SupplyNode>(order.Count);
        foreach (var key in order)
        {
            position[key] = nodes.Count;
            nodes.Add(NodeOf(key, result, members, processes));
        }

        var links = drawn.Where(d => d.Value != 0)
            .Select(d => new SupplyLink(position[d.Key.Item1], position[d.Key.Item2], d.Value))
            .OrderBy(l => l.Target).ThenBy(l => l.Source)
            .ToImmutableArray();
        return new SupplyChain(nodes.ToImmutable(), links, minimumShare);
    }

    private static SupplyNode NodeOf(NodeKey key, FootprintResult result, List<int>[] members, ImmutableArray<InventoryProcess> processes)
    {
        // A loop's members, largest contribution first (a loop of a big system may hold thousands of processes: the label names the first few).
        var contribution = result.ByProcess.ToDictionary(p => p.Process, p => Math.Abs(p.Total.Value));
        List<string> Members(int c) => [.. members[c].OrderByDescending(m => contribution.GetValueOrDefault(processes[m].Id)).ThenBy(m => m).Select(m => processes[m].Name)];
        string NameOf(int c) => members[c].Count == 1 ? processes[members[c][0]].Name : string.Join(" ⇄ ", Members(c).Take(LoopNamesShown));
        return key.Kind switch
        {
            SupplyNodeKind.Product => new SupplyNode(SupplyNodeKind.Product, result.Inventory.TryGetFlow(result.Demand.Product, out var flow) ? flow.Name : result.Demand.Product.Value, []),
            SupplyNodeKind.Process when members[key.Id].Count > 1 => new SupplyNode(SupplyNodeKind.Loop, NameOf(key.Id), [.. Members(key.Id)]),
            SupplyNodeKind.Process => new SupplyNode(SupplyNodeKind.Process, NameOf(key.Id), []),
            SupplyNodeKind.Direct or SupplyNodeKind.Credit => new SupplyNode(key.Kind, NameOf(key.Id), []),
            SupplyNodeKind.Factor => new SupplyNode(SupplyNodeKind.Factor, FactorLabel(result.ByFactor[key.Id]), []),
            _ => new SupplyNode(SupplyNodeKind.Other, string.Empty, []),
        };
    }

    private static string FactorLabel(FactorContribution f) =>
        $"{f.Request.Key} ({f.Request.Region ?? "GLO"}{(f.Request.Year is { } y ? ", " + y.ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty)})";

    private static ProcessId ProducerOf(FootprintInventory inventory, FlowId product) =>
        inventory.Processes.FirstOrDefault(p => p.Outputs.Any(o => o.Flow == product))?.Id ?? inventory.Processes[0].Id;

    // Tarjan's algorithm with an explicit stack (no recursion over user data). Edges run from a consumer to its suppliers.
    private static int[] StronglyConnected(ImmutableArray<InventoryProcess> processes, Dictionary<ProcessId, int> index, out int count)
    {
        int n = processes.Length;
        var successors = new List<int>[n];
        for (int i = 0; i < n; i++)
        {
            successors[i] = [.. processes[i].Links
                .Where(x => index.ContainsKey(x.Supplier))
                .Select(x => index[x.Supplier])
                .Distinct()];
        }

        var order = new int[n];
        var low = new int[n];
        var component = new int[n];
        Array.Fill(order, -1);
        var onStack = new bool[n];
        var stack = new Stack<int>();
        var call = new Stack<(int Node, int Next)>();
        int counter = 0;
        count = 0;
        for (int start = 0; start < n; start++)
        {
            if (order[start] >= 0)
            {
                continue;
            }

            call.Push((start, 0));
            order[start] = low[start] = counter++;
            stack.Push(start);
            onStack[start] = true;
            while (call.Count > 0)
            {
                var (v, next) = call.Pop();
                if (next < successors[v].Count)
                {
                    call.Push((v, next + 1));
                    int w = successors[v][next];
                    if (order[w] < 0)
                    {
                        order[w] = low[w] = counter++;
                        stack.Push(w);
                        onStack[w] = true;
                        call.Push((w, 0));
                    }
                    else if (onStack[w])
                    {
                        low[v] = Math.Min(low[v], order[w]);
                    }

                    continue;
                }

                if (low[v] == order[v])
                {
                    int w;
                    do
                    {
                        w = stack.Pop();
                        onStack[w] = false;
                        component[w] = count;
                    }
                    while (w != v);
                    count++;
                }

                if (call.Count > 0)
                {
                    int parent = call.Peek().Node;
                    low[parent] = Math.Min(low[parent], low[v]);
                }
            }
        }

        return component;
    }

    private readonly record struct NodeKey(SupplyNodeKind Kind, int Id);
}
