using Pcf.Accounting.Factors;
using Pcf.Accounting.Model;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Engine;

/// <summary>Where in a product system each factor request comes from: the inputs (and displaced supplies) that need it and the
/// flows that name its key, as <c>pcf-system/1</c> JSON paths, so that an unresolved factor names the places to fix.</summary>
/// <remarks>A system read from JSON keeps the file's order of flows, processes and inputs, so model indices are the file's.</remarks>
internal static class FactorUseLocator
{
    /// <summary>How many paths a message lists before it says how many more there are.</summary>
    private const int MaxPaths = 6;

    /// <summary>Adds to each problem about a request (unresolved, wrong dimension) the JSON paths that need the factor.</summary>
    public static List<ValidationProblem> Locate(ProductSystem system, IEnumerable<ValidationProblem> problems)
    {
        Dictionary<FactorRequest, (List<string> Uses, SortedSet<string> Flows)>? uses = null;
        var located = new List<ValidationProblem>();
        foreach (var p in problems)
        {
            if (p.Code is ProblemCodes.UnresolvedFactor or ProblemCodes.FactorWrongDimension && p.Subject is FactorRequestSubject { Request: var request })
            {
                uses ??= Map(system);
                if (uses.TryGetValue(request, out var where))
                {
                    located.Add(p with { Message = $"{p.Message} Needed by {Describe(where)}." });
                    continue;
                }
            }

            located.Add(p);
        }

        return located;
    }

    private static Dictionary<FactorRequest, (List<string> Uses, SortedSet<string> Flows)> Map(ProductSystem system)
    {
        var flowIndex = new Dictionary<FlowId, int>();
        for (int i = 0; i < system.Flows.Length; i++)
        {
            flowIndex[system.Flows[i].Id] = i;
        }

        var map = new Dictionary<FactorRequest, (List<string> Uses, SortedSet<string> Flows)>();
        void Add(FlowId flowId, Supply supply, string at)
        {
            var flow = system.GetFlow(flowId);
            var request = new FactorRequest(supply.FactorKey!, supply.Region, supply.Year, flow.ReferenceUnit);
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
