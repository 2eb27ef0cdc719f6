using Pcf.Accounting.Results;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Pcf.Accounting.Cli.Rendering;

/// <summary>Renders explanation trees as Spectre trees, built with an explicit stack (never recursion over user-sized graphs).</summary>
internal static class ExplanationRenderer
{
    /// <summary>Renders each root as a tree: label and kg CO2e, then the arithmetic and the source of factor nodes.</summary>
    /// <param name="console">The console.</param>
    /// <param name="roots">The subtrees to show.</param>
    public static void Render(IAnsiConsole console, IEnumerable<Explanation> roots)
    {
        foreach (var part in Build(roots))
        {
            console.Write(part);
        }
    }

    /// <summary>The deepest level drawn nested: a node below it starts a tree of its own, numbered, after the one that names it (<c>(see [n])</c>).</summary>
    /// <remarks>Each level takes four columns, so eight levels leave most of an 80-column line to the text, and every line costs
    /// at most this many guides: the output grows with the nodes shown, never with their depth times their number.</remarks>
    internal const int MaximumNesting = 8;

    /// <summary>Builds the trees of several roots without writing them (so that they can be prepared while progress is shown).</summary>
    /// <param name="roots">The subtrees to show.</param>
    /// <returns>Each tree (and the trees continuing its deep branches) followed by an empty line.</returns>
    public static List<IRenderable> Build(IEnumerable<Explanation> roots)
    {
        var parts = new List<IRenderable>();
        foreach (var root in roots)
        {
            foreach (var tree in BuildTrees(root))
            {
                parts.Add(tree);
                parts.Add(Text.NewLine);
            }
        }

        return parts;
    }

    /// <summary>Builds the Spectre trees of one explanation node and everything below it: the first tree holds the node, and a
    /// branch deeper than <see cref="MaximumNesting"/> continues in a numbered tree after it (<c>(see [n])</c>).</summary>
    /// <param name="root">The node.</param>
    /// <returns>The trees, in order.</returns>
    internal static List<Tree> BuildTrees(Explanation root)
    {
        var trees = new List<Tree> { new(Node(root, null)) { Guide = TreeGuide.Line } };
        var stack = new Stack<(Explanation Node, IHasTreeNodes Parent, int Depth)>();
        for (int i = root.Children.Length - 1; i >= 0; i--)
        {
            stack.Push((root.Children[i], trees[0], 1));
        }

        while (stack.Count > 0)
        {
            var (node, parent, depth) = stack.Pop();
            IHasTreeNodes added;
            if (depth > MaximumNesting && !node.Children.IsEmpty)
            {
                // Continued as a tree of its own: the parent shows the line and where it goes on.
                int number = trees.Count;
                parent.AddNode(Node(node, $"(see [{number}])"));
                var tree = new Tree(Node(node, $"[{number}]")) { Guide = TreeGuide.Line };
                trees.Add(tree);
                added = tree;
                depth = 0;
            }
            else
            {
                added = parent.AddNode(Node(node, null));
            }

            for (int i = node.Children.Length - 1; i >= 0; i--)
            {
                stack.Push((node.Children[i], added, depth + 1));
            }
        }

        return trees;
    }

    private static Markup Node(Explanation node, string? mark)
    {
        string label = $"[bold]{Markup.Escape(node.Label)}[/]  {Markup.Escape(ProblemText.Number(node.Co2e.Value))} kg CO2e";
        if (mark is not null && !mark.StartsWith('['))
        {
            return new Markup($"{label}  {Markup.Escape(mark)}"); // the arithmetic and sources are shown where the branch continues
        }

        var text = $"{(mark is null ? string.Empty : Markup.Escape(mark) + " ")}{label}\n[grey]{Markup.Escape(node.Arithmetic)}[/]";
        if (node.Source is { } source)
        {
            text += $"\n[grey]source: {Markup.Escape(source)}[/]";
        }

        if (node.Derivation is { } derivation)
        {
            // How the amount per run came about: the formula, every input with its unit and source, and the derivations behind them.
            foreach (var line in ExplanationText.Lines(derivation))
            {
                text += $"\n[grey]  {Markup.Escape(line)}[/]";
            }
        }

        return new Markup(text);
    }
}
