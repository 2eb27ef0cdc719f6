using System.CommandLine;
using Pcf.Accounting.Cli.Rendering;
using Pcf.Accounting.Gases;
using Pcf.Accounting.Model;
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
            Description = "Show only a process (the subtrees that name it; by id, ignoring case, or by a unique part of its id or name), a life-cycle stage (the nodes of its processes) or a gas (every place it enters the result: direct emissions and factor components, summing to its By-gas line).",
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
            "pcf explain samples/steel-bracket.json --item cold-rolling",
            "pcf explain samples/steel-bracket.json --item rawMaterialAcquisition --min-share 0",
            "pcf explain samples/steel-bracket.json --item CO2-fossil");
        command.SetAction(async (parse, ct) =>
        {
            var calculation = inputs.Read(parse);
            // The trees are built under the progress line and written after it is gone.
            var trees = await context.RunWithProgressAsync($"Reading {calculation.SystemFile}", async step =>
            {
                var result = await Calculation.CalculateAsync(context, calculation, step, ct).ConfigureAwait(false);
                step("Explaining");
                var root = result.Explain(parse.GetValue(minShare), parse.GetValue(depth));
                var selected = parse.GetValue(item) is { Length: > 0 } wanted ? Select(result, root, wanted) : [root];
                if (selected.Count == 0)
                {
                    throw new CliException($"No node of the explanation matches '{parse.GetValue(item)}'; lower --min-share or raise --depth to expand more branches.");
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

    /// <summary>Finds what an <c>--item</c> asks for: for a gas, every place it enters the result; otherwise the outermost matching nodes, in tree order.</summary>
    /// <param name="result">The result (for the processes of a stage, and the gases).</param>
    /// <param name="root">The explanation.</param>
    /// <param name="item">A stage name, a process (see <see cref="FindProcess"/>) or a gas id.</param>
    /// <returns>The matching subtrees.</returns>
    /// <exception cref="CliException">The item names nothing, or several processes: the message lists the candidates.</exception>
    internal static List<Explanation> Select(FootprintResult result, Explanation root, string item)
    {
        // Every node names the process it is about (the demand node the process making the demanded product).
        var inventory = result.Inventory;
        Func<Explanation, bool> matches;
        if (Names.TryParseStage(item, out var stage))
        {
            var processes = inventory.Processes.Where(p => p.Stage == stage).Select(p => p.Id).ToHashSet();
            matches = n => n.Process is { } id && processes.Contains(id);
        }
        else if (inventory.Processes.All(p => p.Id.Value != item) && FindGas(result, item) is { } gas)
        {
            // A gas enters through direct emissions and through factors: the flat list of both sums to its By-gas line.
            return [result.ExplainGas(gas)];
        }
        else
        {
            var process = FindProcess(result, item);
            matches = n => n.Process == process;
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

    /// <summary>Finds the gas an <c>--item</c> names: its exact id or spelling (<c>CO2</c>), else its id ignoring case unless a process id matches that way.</summary>
    /// <param name="result">The result (its gases include any user-defined species).</param>
    /// <param name="item">The text.</param>
    /// <returns>The gas, or <see langword="null"/>.</returns>
    internal static GreenhouseGas? FindGas(FootprintResult result, string item)
    {
        var gases = GreenhouseGas.All.Concat(result.ByGas.Select(g => g.Gas).OfType<GreenhouseGas>()).Distinct().ToList();
        if (GreenhouseGas.TryFind(item, out var known) || (known = gases.FirstOrDefault(g => g.Id == item)) is not null)
        {
            return known;
        }

        return result.Inventory.Processes.Any(p => string.Equals(p.Id.Value, item, StringComparison.OrdinalIgnoreCase))
            ? null
            : gases.FirstOrDefault(g => string.Equals(g.Id, item, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Finds the process an <c>--item</c> names: its exact id; else its id or name ignoring case; else the one process whose id or name contains the text.</summary>
    /// <param name="result">The result (its inventory's processes).</param>
    /// <param name="item">The text.</param>
    /// <returns>The process id.</returns>
    /// <exception cref="CliException">No process matches, or several do: the message lists them.</exception>
    internal static ProcessId FindProcess(FootprintResult result, string item)
    {
        var processes = result.Inventory.Processes;
        if (processes.FirstOrDefault(p => p.Id.Value == item) is { } exact)
        {
            return exact.Id;
        }

        var candidates = processes.Where(p => string.Equals(p.Id.Value, item, StringComparison.OrdinalIgnoreCase)).ToList();
        if (candidates.Count == 0)
        {
            candidates = [.. processes.Where(p => string.Equals(p.Name, item, StringComparison.OrdinalIgnoreCase))];
        }

        if (candidates.Count == 0)
        {
            candidates = [.. processes.Where(p => p.Id.Value.Contains(item, StringComparison.OrdinalIgnoreCase) || p.Name.Contains(item, StringComparison.OrdinalIgnoreCase))];
        }

        return candidates.Count switch
        {
            1 => candidates[0].Id,
            0 => throw new CliException(
                $"--item '{item}' is no process, stage or gas of '{result.System.Name}'. Processes: {List(processes.Select(Describe))}; stages: {string.Join(", ", Enum.GetValues<LifeCycleStage>().Select(Names.Of))}; gases such as CO2-fossil, CH4-fossil, N2O."),
            _ => throw new CliException($"--item '{item}' matches {candidates.Count} processes; name one by its id: {List(candidates.Select(Describe))}."),
        };

        static string Describe(InventoryProcess p) => $"'{p.Id}' ({p.Name})";
        static string List(IEnumerable<string> names)
        {
            var all = names.ToList();
            const int Shown = 20;
            return string.Join(", ", all.Take(Shown)) + (all.Count > Shown ? $" and {all.Count - Shown} more" : string.Empty);
        }
    }
}
