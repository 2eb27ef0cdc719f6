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

    /// <summary>Builds the trees of several roots without writing them (so that they can be prepared while progress is shown).</summary>
    /// <param name="roots">The subtrees to show.</param>
    /// <returns>Each tree followed by an empty line.</returns>
    public static List<IRenderable> Build(IEnumerable<Explanation> roots)
    {
        var parts = new List<IRenderable>();
        foreach (var root in roots)
        {
            parts.Add(Build(root));
            parts.Add(Text.NewLine);
        }

        return parts;
    }

    /// <summary>Builds the Spectre tree of one explanation node and everything below it.</summary>
    /// <param name="root">The node.</param>
    /// <returns>The tree.</returns>
    internal static Tree Build(Explanation root)
    {
        var tree = new Tree(Node(root)) { Guide = TreeGuide.Line };
        var stack = new Stack<(Explanation Node, IHasTreeNodes Parent)>();
        for (int i = root.Children.Length - 1; i >= 0; i--)
        {
            stack.Push((root.Children[i], tree));
        }

        while (stack.Count > 0)
        {
            var (node, parent) = stack.Pop();
            var added = parent.AddNode(Node(node));
            for (int i = node.Children.Length - 1; i >= 0; i--)
            {
                stack.Push((node.Children[i], added));
            }
        }

        return tree;
    }

    private static Markup Node(Explanation node)
    {
        var text = $"[bold]{Markup.Escape(node.Label)}[/]  {Markup.Escape(ProblemText.Number(node.Co2e.Value))} kg CO2e\n[grey]{Markup.Escape(node.Arithmetic)}[/]";
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
