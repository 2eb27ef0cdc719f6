using System.CommandLine;
using Pcf.Accounting.Cli.Rendering;
using Pcf.Accounting.Results;

namespace Pcf.Accounting.Cli.Commands;

/// <summary><c>pcf explain</c>: the explanation tree of a footprint, whole or for one process, stage or gas.</summary>
internal static class ExplainCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="context">Where it writes.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliContext context)
    {
        var inputs = new CalculationOptionSet();
        var item = new Option<string>("--item")
        {
            Description = "Show only the subtrees of a process id (the nodes that name it), a life-cycle stage (the nodes of its processes) or a gas id (its direct emissions and removals).",
            HelpName = "process-id|stage|gas-id",
        };
        var minShare = NumberOptions.Number("--min-share", 0.001, minimum: 0, maximum: 1);
        minShare.Description = "Branches contributing less than this share of the total are summarized, not expanded.";
        var depth = NumberOptions.WholeNumber("--depth", 12, minimum: 1);
        depth.Description = "Branches deeper than this are summarized.";
        var command = new Command("explain", "Explains a footprint: the supply chain of the declared unit with the amounts, unit conversions, allocation shares, factors and arithmetic behind every number.");
        inputs.AddTo(command);
        command.Options.Add(item);
        command.Options.Add(minShare);
        command.Options.Add(depth);
        Examples.Add(command,
            "pcf explain samples/steel-bracket.json --factors coil-factors.json",
            "pcf explain system.json --item rolling",
            "pcf explain system.json --item rawMaterialAcquisition --min-share 0",
            "pcf explain system.json --item CH4-fossil");
        command.SetAction(async (parse, ct) =>
        {
            var calculation = inputs.Read(parse);
            // The trees are built under the progress line and written after it is gone.
            var trees = await context.RunWithProgressAsync($"Reading {calculation.SystemFile}", async step =>
            {
                var result = await Calculation.CalculateAsync(calculation, step, ct).ConfigureAwait(false);
                step("Explaining");
                var root = result.Explain(parse.GetValue(minShare), parse.GetValue(depth));
                var selected = parse.GetValue(item) is { Length: > 0 } wanted ? Select(result, root, wanted) : [root];
                if (selected.Count == 0)
                {
                    throw new CliException($"No node of the explanation matches '{parse.GetValue(item)}' (a process id, a stage such as production, or a gas id such as CO2-fossil); lower --min-share or raise --depth to expand more branches.");
                }

                step("Rendering the explanation");
                return ExplanationRenderer.Build(selected);
            }).ConfigureAwait(false);

            foreach (var part in trees)
            {
                context.Console.Write(part);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Finds the subtrees an <c>--item</c> asks for: the outermost matching nodes, in tree order.</summary>
    /// <param name="result">The result (for the processes of a stage).</param>
    /// <param name="root">The explanation.</param>
    /// <param name="item">A process id, stage name or gas id.</param>
    /// <returns>The matching subtrees.</returns>
    internal static List<Explanation> Select(FootprintResult result, Explanation root, string item)
    {
        // The demand node stands for the process making the demanded product: it is that process's subtree.
        var system = result.Compiled.System;
        var demandProcess = result.Demand.Process
            ?? system.Processes.FirstOrDefault(p => p.Outputs.Any(o => o.Flow == result.Demand.Product))?.Id
            ?? system.ReferenceProcess;
        Func<Explanation, bool> matches;
        if (Names.TryParseStage(item, out var stage))
        {
            var processes = result.ByProcess.Where(p => p.Stage == stage).Select(p => p.Process).ToHashSet();
            var quoted = processes.Select(p => $"'{p}'").ToList();
            matches = n => n.Kind == ExplanationKind.Demand
                ? processes.Contains(demandProcess)
                : quoted.Any(p => n.Label.Contains(p, StringComparison.Ordinal));
        }
        else if (result.ByGas.Any(g => g.Gas is { } gas && string.Equals(gas.Id, item, StringComparison.OrdinalIgnoreCase)))
        {
            matches = n => n.Kind == ExplanationKind.DirectExchange && n.Label.StartsWith(item + " ", StringComparison.OrdinalIgnoreCase);
        }
        else
        {
            string quoted = $"'{item}'";
            matches = n => n.Kind == ExplanationKind.Demand
                ? demandProcess.Value == item
                : n.Label.Contains(quoted, StringComparison.Ordinal);
        }

        // Depth first with an explicit stack; a matching node's subtree is taken whole, so nothing below it is visited.
        var found = new List<Explanation>();
        var stack = new Stack<Explanation>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (matches(node))
            {
                found.Add(node);
                continue;
            }

            for (int i = node.Children.Length - 1; i >= 0; i--)
            {
                stack.Push(node.Children[i]);
            }
        }

        return found;
    }
}
