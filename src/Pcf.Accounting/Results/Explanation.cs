using System.Collections.Immutable;
using Pcf.Accounting.Units;

namespace Pcf.Accounting.Results;

/// <summary>One node of the explanation of a result: a number, what it is, the arithmetic that produced it, and the nodes it is the sum of.</summary>
/// <remarks>A node's <see cref="Co2e"/> equals the sum of its children's (up to rounding), so an auditor can
/// follow any number down to the inputs, conversions, allocation shares and factors behind it.</remarks>
/// <param name="Kind">What the node stands for.</param>
/// <param name="Label">A short description, such as <c>sheet from rolling</c>.</param>
/// <param name="Co2e">The node's CO2e for the demand.</param>
/// <param name="Arithmetic">How the value was computed, with units, such as <c>0.42 kg × 2.19 kg CO2e/kg = 0.92 kg CO2e</c>.</param>
/// <param name="Children">The parts of the value.</param>
/// <threadsafety>Immutable.</threadsafety>
public sealed record Explanation(ExplanationKind Kind, string Label, Quantity Co2e, string Arithmetic, ImmutableArray<Explanation> Children)
{
    /// <summary>Gets where a factor comes from (provider, dataset, document), for factor nodes.</summary>
    public string? Source { get; init; }

    /// <summary>Enumerates this node and every node below it, depth first, without recursion.</summary>
    /// <returns>The nodes with their depth (this node at 0).</returns>
    public IEnumerable<(Explanation Node, int Depth)> Flatten()
    {
        var stack = new Stack<(Explanation, int)>();
        stack.Push((this, 0));
        while (stack.Count > 0)
        {
            var (node, depth) = stack.Pop();
            yield return (node, depth);
            for (int i = node.Children.Length - 1; i >= 0; i--)
            {
                stack.Push((node.Children[i], depth + 1));
            }
        }
    }
}
