using Pcf.Accounting.Factors;
using Pcf.Accounting.Model;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Cli;

/// <summary>Where in a pcf-system/1 file each factor request comes from: the inputs (and displaced supplies) that need it and the flows that name its key.</summary>
/// <remarks>The resolver names a request (<c>electricity/grid (CN-JS, 2023) per kWh</c>), not the file; this maps it back to JSON paths.
/// A system read from JSON keeps the file's order of flows, processes and inputs, so model indices are the file's.</remarks>
internal static class FactorUses
{
    /// <summary>How many paths a message lists before it says how many more there are.</summary>
    private const int MaxPaths = 6;

    /// <summary>Adds to each unresolved (<c>PCF0401</c>) and wrong-dimension (<c>PCF0402</c>) problem the JSON paths that need the factor.</summary>
    /// <param name="system">The system, as read from its file.</param>
    /// <param name="problems">The resolution's problems; their paths are the requests' descriptions.</param>
    /// <returns>The problems, those two kinds with <c>Needed by ...</c> appended to the message.</returns>
    public static List<ValidationProblem> Locate(ProductSystem system, IEnumerable<ValidationProblem> problems)
    {
        var uses = Map(system);
        return [.. problems.Select(p =>
            p.Code is ProblemCodes.UnresolvedFactor or ProblemCodes.FactorWrongDimension && uses.TryGetValue(p.Path, out var where)
                ? p with { Message = $"{p.Message} Needed by {Describe(where)}." }
                : p)];
    }

    /// <summary>Maps each request's description to where it is needed.</summary>
    /// <param name="system">The system.</param>
    /// <returns>By request description: the inputs or co-products that need it, and the flow paths naming its key (if any).</returns>
    internal static Dictionary<string, (List<string> Uses, SortedSet<string> Flows)> Map(ProductSystem system)
    {
        var flowIndex = new Dictionary<FlowId, int>();
        for (int i = 0; i < system.Flows.Length; i++)
        {
            flowIndex[system.Flows[i].Id] = i;
        }

        var map = new Dictionary<string, (List<string> Uses, SortedSet<string> Flows)>(StringComparer.Ordinal);
        void Add(FlowId flowId, Supply supply, string at)
        {
            var flow = system.GetFlow(flowId);
            string request = new FactorRequest(supply.FactorKey!, supply.Region, supply.Year, flow.ReferenceUnit).ToString();
            if (!map.TryGetValue(request, out var entry))
            {
                map[request] = entry = ([], new SortedSet<string>(StringComparer.Ordinal));
            }

            entry.Uses.Add(at);
            if (flow.EffectiveFactorKey == supply.FactorKey && flowIndex.TryGetValue(flowId, out int i))
            {
                // The key comes from the flow (its factorKey, or its id when it has none).
                entry.Flows.Add(flow.FactorKey is null ? $"$.flows[{i}] (id '{flow.Id}', used as the factor key)" : $"$.flows[{i}] (factorKey '{flow.FactorKey}')");
            }
        }

        for (int j = 0; j < system.Processes.Length; j++)
        {
            var process = system.Processes[j];
            for (int k = 0; k < process.Inputs.Length; k++)
            {
                if (process.Inputs[k].Supply is { Kind: SupplyKind.Factor } supply)
                {
                    Add(process.Inputs[k].Flow, supply, $"$.processes[{j}].inputs[{k}]");
                }
            }

            for (int k = 0; k < process.CoProducts.Length; k++)
            {
                if (process.CoProducts[k].Displaces is { Kind: SupplyKind.Factor } displaced)
                {
                    Add(process.CoProducts[k].Flow, displaced, $"$.processes[{j}].coProducts[{k}].displaces");
                }
            }
        }

        return map;
    }

    private static string Describe((List<string> Uses, SortedSet<string> Flows) where)
    {
        string uses = string.Join(", ", where.Uses.Take(MaxPaths)) + (where.Uses.Count > MaxPaths ? $" and {where.Uses.Count - MaxPaths} more" : string.Empty);
        return where.Flows.Count == 0 ? uses : $"{uses}, through {string.Join(", ", where.Flows)}";
    }
}
