using Pcf.Accounting.Gases;
using Pcf.Accounting.Model;
using Pcf.Accounting.Results;
using Pcf.Accounting.Units;
using static Pcf.Accounting.Tests.TestSupport.Engine;

namespace Pcf.Accounting.Tests.Results;

/// <summary>The work of an explanation is held to the size of the tree it returns, counted in nodes (never timed): a loop costs the
/// same at any depth asked, a star the size of its input, a deep chain at most the node budget.</summary>
public sealed class ExplanationWorkTests
{
    /// <summary>pa → B (0.9 kg) from pb → C (0.9 kg) from pc → A (0.9 kg) from pa; each process emits 1 kg CO2-fossil per run.</summary>
    internal static ProductSystem ThreeProcessLoop(double gain = 0.9) => new ProductSystemBuilder("loop3")
        .AddFlow("A", "A", Unit.Kilogram).AddFlow("B", "B", Unit.Kilogram).AddFlow("C", "C", Unit.Kilogram)
        .AddProcess("pa", "pa", p => p.Produces("A", 1, Unit.Kilogram).Consumes("B", gain, Unit.Kilogram).Emits(GreenhouseGas.Co2Fossil, 1, Unit.Kilogram))
        .AddProcess("pb", "pb", p => p.Produces("B", 1, Unit.Kilogram).Consumes("C", gain, Unit.Kilogram).Emits(GreenhouseGas.Co2Fossil, 1, Unit.Kilogram))
        .AddProcess("pc", "pc", p => p.Produces("C", 1, Unit.Kilogram).Consumes("A", gain, Unit.Kilogram).Emits(GreenhouseGas.Co2Fossil, 1, Unit.Kilogram))
        .WithReferenceProduct("A").WithDeclaredUnit(1, Unit.Kilogram).Build();

    [Theory]
    [InlineData(5)]
    [InlineData(50)]
    [InlineData(5_000)]
    [InlineData(20_000)]
    public void Explain_ThreeProcessLoop_TheTreeAndTheWorkDoNotGrowWithTheDepthAsked(int depth)
    {
        // By symmetry every footprint per unit λ is the same: λ = 1 + 0.9 λ, so λ = 10 kg CO2e/kg.
        // 1 kg A: pa's own 1 kg CO2 + B 0.9 kg × 10 = 9; under B: pb's 0.9 + C 0.81 × 10 = 8.1; under C: pc's 0.81 + A 0.729 × 10 = 7.29,
        // the loop back to pa, not unrolled. 1 + 0.9 + 0.81 + 7.29 = 10.
        var result = Calculate(ThreeProcessLoop());
        var work = new ExplanationWork();
        var tree = Explainer.Explain(result, minimumShare: 0, maximumDepth: depth, maximumNodes: Explainer.DefaultMaximumNodes, work);

        Assert.Equal(10, tree.Co2e.Value, 1e-12);
        var nodes = tree.Flatten().ToList();
        if (depth >= 3)
        {
            Assert.Equal(7, nodes.Count); // the root, then two children under each of the root, B and C
            Assert.Equal((3, 6), (work.NodesVisited, work.NodesBuilt));
            var back = Assert.Single(nodes, n => n.Depth == 3 && n.Node.Kind == ExplanationKind.Summary).Node;
            Assert.Equal("A from 'pa'", back.Label);
            Assert.Equal(7.29, back.Co2e.Value, 1e-12);
            Assert.Contains("a loop back to 'pa', expanded above", back.Note, StringComparison.Ordinal);
            Assert.Equal(1 + 0.9 + 0.81 + 7.29, nodes.Where(n => n.Node.Children.IsEmpty).Sum(n => n.Node.Co2e.Value), 1e-12);
        }
    }

    [Fact]
    public void Explain_Star_BuildsEachInputOnce_AndShowsTheLargestWithTheRestSummed()
    {
        // root consumes 1 kg of each of 5,000 products F0..F4999; the supplier of Fi emits (1 + i/1000) kg CO2-fossil per kg.
        const int Inputs = 5_000;
        var builder = new ProductSystemBuilder("star").AddFlow("P", "P", Unit.Kilogram);
        for (int i = 0; i < Inputs; i++)
        {
            builder.AddFlow($"F{i}", $"F{i}", Unit.Kilogram);
        }

        builder.AddProcess("root", "root", p =>
        {
            p.Produces("P", 1, Unit.Kilogram);
            for (int i = 0; i < Inputs; i++)
            {
                p.Consumes($"F{i}", 1, Unit.Kilogram);
            }
        });
        for (int i = 0; i < Inputs; i++)
        {
            int k = i;
            builder.AddProcess($"p{k}", $"p{k}", p => p.Produces($"F{k}", 1, Unit.Kilogram).Emits(GreenhouseGas.Co2Fossil, 1 + (k / 1000.0), Unit.Kilogram));
        }

        var result = Calculate(builder.WithReferenceProduct("P").WithDeclaredUnit(1, Unit.Kilogram).Build());
        var work = new ExplanationWork();
        var tree = Explainer.Explain(result, minimumShare: 0, maximumDepth: 12, maximumNodes: Explainer.DefaultMaximumNodes, work);

        // Σ (1 + i/1000) for i < 5,000 = 5,000 + 4,999 × 5,000 / 2 / 1,000 = 17,497.5 kg CO2e.
        Assert.Equal(17_497.5, tree.Co2e.Value, 1e-9);
        Assert.Equal(Explainer.MaximumChildren, tree.Children.Length);
        Assert.Equal(tree.Co2e.Value, tree.Children.Sum(c => c.Co2e.Value), 1e-9);
        Assert.Equal("4501 more contributions of 'root'", tree.Children[^1].Label);
        // The root's 5,000 inputs are built once; the 499 shown are expanded, one emission each.
        Assert.Equal((1 + 499, 5_000 + 499), (work.NodesVisited, work.NodesBuilt));
    }

    [Fact]
    public void Explain_DeepChain_StopsAtItsBudget_WhateverTheDepthAsked()
    {
        // c0 ← c1 ← ... ← c2999, each making 1 kg from 1 kg of the next and emitting 1 kg CO2-fossil: 3,000 kg CO2e in all.
        const int Length = 3_000;
        var builder = new ProductSystemBuilder("chain");
        for (int i = 0; i < Length; i++)
        {
            builder.AddFlow($"F{i}", $"F{i}", Unit.Kilogram);
        }

        for (int i = 0; i < Length; i++)
        {
            int k = i;
            builder.AddProcess($"c{k}", $"c{k}", p =>
            {
                p.Produces($"F{k}", 1, Unit.Kilogram).Emits(GreenhouseGas.Co2Fossil, 1, Unit.Kilogram);
                if (k + 1 < Length)
                {
                    p.Consumes($"F{k + 1}", 1, Unit.Kilogram);
                }
            });
        }

        var result = Calculate(builder.WithReferenceProduct("F0").WithDeclaredUnit(1, Unit.Kilogram).Build());
        var work = new ExplanationWork();
        var tree = Explainer.Explain(result, minimumShare: 0, maximumDepth: 20_000, maximumNodes: 1_000, work);

        Assert.Equal(3_000, tree.Co2e.Value, 1e-9);
        Assert.True(tree.Flatten().Count() <= 1_000);
        Assert.True(work.NodesVisited <= 500, $"{work.NodesVisited} visited");
        Assert.True(work.NodesBuilt <= 1_000, $"{work.NodesBuilt} built");
    }
}
