using System.Collections.Immutable;
using Pcf.Accounting.Gases;
using Pcf.Accounting.Model;
using Pcf.Accounting.Units;

namespace Pcf.Accounting.Results;

/// <summary>One node of the explanation of a result: a number, what it is, the operands whose product it is, and the nodes it is the sum of.</summary>
/// <remarks>
/// <para>An explanation is data: <see cref="Terms"/> are the operands (runs, amounts per run, unit conversions, allocation
/// shares, factors, GWPs) whose product is <see cref="Co2e"/>; a node of kind <see cref="ExplanationKind.Demand"/>,
/// <see cref="ExplanationKind.Product"/> or <see cref="ExplanationKind.Gas"/> also equals the sum of its
/// <see cref="Children"/> (up to rounding), so an auditor can follow any number down to the inputs and factors behind it.
/// <see cref="Derivation"/> shows how an amount per run was itself derived. Text (<see cref="Arithmetic"/>), tables and
/// HTML are renderers over it.</para>
/// <para>Two explanations are equal when all their members are, children included.</para>
/// </remarks>
/// <param name="Kind">What the node stands for.</param>
/// <param name="Label">A short description, such as <c>sheet from 'rolling'</c>.</param>
/// <param name="Co2e">The node's CO2e for the demand.</param>
/// <param name="Terms">The operands whose product is <paramref name="Co2e"/>.</param>
/// <param name="Children">The parts of the value.</param>
/// <threadsafety>Immutable.</threadsafety>
public sealed record Explanation(ExplanationKind Kind, string Label, Quantity Co2e, ImmutableArray<ExplanationTerm> Terms, ImmutableArray<Explanation> Children)
{
    /// <summary>Gets the process the node is about, if any.</summary>
    public ProcessId? Process { get; init; }

    /// <summary>Gets the flow the node is about, if any.</summary>
    public FlowId? Flow { get; init; }

    /// <summary>Gets the gas the node is about, if any.</summary>
    public GreenhouseGas? Gas { get; init; }

    /// <summary>Gets the index of the factor in the result's inventory, for factor nodes.</summary>
    public int? Factor { get; init; }

    /// <summary>Gets where a factor comes from (provider, dataset, document, fallbacks), for factor nodes.</summary>
    public string? Source { get; init; }

    /// <summary>Gets how the amount per run was derived, when it was.</summary>
    public Derivation? Derivation { get; init; }

    /// <summary>Gets a note: why a branch was not expanded, why a process's own emissions are excluded.</summary>
    public string? Note { get; init; }

    /// <summary>Gets the arithmetic as text, with units, such as <c>0.42 kg × 2.19 kg CO2e/kg = 0.92 kg CO2e</c> (a rendering of <see cref="Terms"/>).</summary>
    public string Arithmetic => ExplanationText.Arithmetic(this);

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

    /// <inheritdoc/>
    /// <remarks>Compares the whole tree, without recursion.</remarks>
    public bool Equals(Explanation? other)
    {
        if (other is null)
        {
            return false;
        }

        var stack = new Stack<(Explanation A, Explanation B)>();
        stack.Push((this, other));
        while (stack.Count > 0)
        {
            var (a, b) = stack.Pop();
            if (ReferenceEquals(a, b))
            {
                continue;
            }

            if (a.Kind != b.Kind || a.Label != b.Label || a.Co2e != b.Co2e || !a.Terms.SequenceEqual(b.Terms) || a.Children.Length != b.Children.Length
                || a.Process != b.Process || a.Flow != b.Flow || a.Gas != b.Gas || a.Factor != b.Factor || a.Source != b.Source
                || !Equals(a.Derivation, b.Derivation) || a.Note != b.Note)
            {
                return false;
            }

            for (int i = 0; i < a.Children.Length; i++)
            {
                stack.Push((a.Children[i], b.Children[i]));
            }
        }

        return true;
    }

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Kind, Label, Co2e, Children.Length);
}
