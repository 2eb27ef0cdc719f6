using System.Collections.Immutable;

namespace Pcf.Accounting.Reporting.Model;

/// <summary>The supply chain as a flow graph of CO2e towards the product: what the Sankey diagram draws.</summary>
/// <remarks>
/// <para>A link carries the CO2e embodied in what its source delivers to its target for the demand (upstream included), so
/// every process or loop node conserves: its inflows sum to its outflow. Sources are emission factors, the direct
/// emissions of processes, credits, and the parts not itemized.</para>
/// <para>Loops (strongly connected processes) are one node: the CO2e circulating inside a loop has no place in a flow
/// picture (it would be counted again at every turn), so only what enters and leaves the loop is drawn, and the loop's
/// members are named on the node.</para>
/// </remarks>
/// <param name="Nodes">The nodes; the product is the last.</param>
/// <param name="Links">The links, each with a non-zero value.</param>
/// <param name="MinimumShare">Processes below this share of the gross total were passed through to their customers, and smaller sources merged into one "other" source.</param>
internal sealed record SupplyChain(ImmutableArray<SupplyNode> Nodes, ImmutableArray<SupplyLink> Links, double MinimumShare);

/// <summary>What a supply-chain node stands for.</summary>
internal enum SupplyNodeKind
{
    /// <summary>The product: the declared unit of the reference product, the sink of all flows.</summary>
    Product = 0,

    /// <summary>A process of the system.</summary>
    Process = 1,

    /// <summary>A loop: processes that supply each other, drawn as one node.</summary>
    Loop = 2,

    /// <summary>A background emission factor (all its uses).</summary>
    Factor = 3,

    /// <summary>The direct emissions and removals of a process or loop.</summary>
    Direct = 4,

    /// <summary>Credits of co-products displacing other supplies.</summary>
    Credit = 5,

    /// <summary>What is not itemized: branches below the share shown, the rest of loops, and merged small nodes.</summary>
    Other = 6,
}

/// <summary>One node of the supply chain.</summary>
/// <param name="Kind">What it stands for.</param>
/// <param name="Name">The process, factor or product name (for a loop, its first members joined by ⇄); for direct emissions and credits, the process (or loop) they belong to.</param>
/// <param name="Members">For a loop, its processes (names), largest contribution first; otherwise empty.</param>
internal sealed record SupplyNode(SupplyNodeKind Kind, string Name, ImmutableArray<string> Members);

/// <summary>One flow of CO2e between two nodes.</summary>
/// <param name="Source">The index of the delivering node.</param>
/// <param name="Target">The index of the receiving node.</param>
/// <param name="Co2e">kg CO2e (negative for removals and credits).</param>
internal sealed record SupplyLink(int Source, int Target, double Co2e);
