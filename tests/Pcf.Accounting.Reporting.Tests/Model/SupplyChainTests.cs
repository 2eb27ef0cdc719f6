using Pcf.Accounting.Reporting.Model;
using Pcf.Accounting.Reporting.Tests.TestSupport;

namespace Pcf.Accounting.Reporting.Tests.Model;

/// <summary>The supply-chain graph the Sankey diagram draws: hand-calculated flows, conservation at every node, loops as one node.</summary>
public sealed class SupplyChainTests
{
    public static TheoryData<string> Samples => Footprints.SampleData;

    [Fact]
    public void Build_Chain_GivesTheHandCalculatedFlows()
    {
        // Footprints.Chain: p2 makes M from 1 kWh (0.5 kg CO2e) and 0.1 kg CH4 (× 29.8 = 2.98); p1 uses 2 kg M, 3 kWh, emits 1 kg CO2.
        var chain = SupplyChainBuilder.Build(Footprints.Chain, minimumShare: 0, maximumNodes: 30)!;
        double Flow(SupplyNodeKind kind, string name, string target) => chain.Links
            .Where(l => chain.Nodes[l.Source].Kind == kind && chain.Nodes[l.Source].Name == name && chain.Nodes[l.Target].Name == target)
            .Sum(l => l.Co2e);

        Assert.Equal(1.5, Flow(SupplyNodeKind.Factor, "test/power (GLO)", "p1"), 12);   // 3 kWh × 0.5
        Assert.Equal(1.0, Flow(SupplyNodeKind.Direct, "p1", "p1"), 12);                 // 1 kg CO2 × 1
        Assert.Equal(1.0, Flow(SupplyNodeKind.Factor, "test/power (GLO)", "p2"), 12);   // 2 runs × 1 kWh × 0.5
        Assert.Equal(5.96, Flow(SupplyNodeKind.Direct, "p2", "p2"), 12);                // 2 runs × 0.1 kg CH4 × 29.8
        Assert.Equal(6.96, Flow(SupplyNodeKind.Process, "p2", "p1"), 12);               // 2 kg M × 3.48
        Assert.Equal(9.46, Flow(SupplyNodeKind.Process, "p1", "P"), 12);                // the total, into the product
        Assert.Equal(SupplyNodeKind.Product, chain.Nodes[^1].Kind);
        Assert.Equal(6, chain.Links.Length);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Build_EverySample_EveryNodeConservesAndTheProductReceivesTheTotal(string sample)
    {
        var result = Footprints.Sample(sample);
        var chain = SupplyChainBuilder.Build(result, minimumShare: 0.01, maximumNodes: 30)!;
        for (int i = 0; i < chain.Nodes.Length; i++)
        {
            var kind = chain.Nodes[i].Kind;
            double inflow = chain.Links.Where(l => l.Target == i).Sum(l => l.Co2e);
            double outflow = chain.Links.Where(l => l.Source == i).Sum(l => l.Co2e);
            if (kind is SupplyNodeKind.Process or SupplyNodeKind.Loop)
            {
                Assert.Equal(outflow, inflow, 1e-9 * Math.Max(1, Math.Abs(outflow)));
            }
            else if (kind == SupplyNodeKind.Product)
            {
                Assert.Equal(result.TotalIncludingBiogenicUptake.Value, inflow, 1e-9 * Math.Abs(inflow));
            }
            else
            {
                Assert.Equal(0, inflow); // sources receive nothing
            }
        }

        Assert.All(chain.Links, l => Assert.NotEqual(0, l.Co2e));
        Assert.True(chain.Nodes.Length <= 30 + 2);
    }

    [Fact]
    public void Build_UtilitiesLoop_DrawsTheLoopAsOneNode()
    {
        // samples/utilities-loop.json: the power station and the boiler house supply each other.
        var result = Footprints.Sample("utilities-loop");
        var chain = SupplyChainBuilder.Build(result, minimumShare: 0, maximumNodes: 30)!;
        var loop = Assert.Single(chain.Nodes, n => n.Kind == SupplyNodeKind.Loop);
        Assert.Equal(2, loop.Members.Length);
        Assert.DoesNotContain(chain.Nodes, n => n.Kind == SupplyNodeKind.Process && loop.Members.Contains(n.Name));

        // What leaves the loop is what the product system buys from it: the loop's two products into the kiln, summed over the
        // explanation's unrolled turns; the parts the explanation left unexpanded come in as "other" so the loop still conserves.
        int at = chain.Nodes.IndexOf(loop);
        double delivered = chain.Links.Where(l => l.Source == at).Sum(l => l.Co2e);
        double kilnBuys = result.Explain().Children.Where(c => c.Kind is Pcf.Accounting.Results.ExplanationKind.Product or Pcf.Accounting.Results.ExplanationKind.Summary).Sum(c => c.Co2e.Value);
        Assert.Equal(kilnBuys, delivered, 1e-9 * kilnBuys);
    }

    [Fact]
    public void Build_MinimumShare_MergesSmallNodesIntoOtherAndStillConserves()
    {
        var result = Footprints.Sample("steel-bracket");
        var all = SupplyChainBuilder.Build(result, minimumShare: 0, maximumNodes: 200)!;
        var few = SupplyChainBuilder.Build(result, minimumShare: 0.2, maximumNodes: 200)!;
        Assert.True(few.Nodes.Length < all.Nodes.Length, $"{few.Nodes.Length} vs {all.Nodes.Length}");
        Assert.Contains(few.Nodes, n => n.Kind == SupplyNodeKind.Other);
        double total = few.Links.Where(l => few.Nodes[l.Target].Kind == SupplyNodeKind.Product).Sum(l => l.Co2e);
        Assert.Equal(result.TotalIncludingBiogenicUptake.Value, total, 1e-12);
    }
}
