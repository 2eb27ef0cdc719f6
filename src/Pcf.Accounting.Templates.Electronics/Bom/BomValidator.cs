using System.Collections.Immutable;
using System.Globalization;
using Pcf.Accounting.Templates.Electronics.Parts;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Templates.Electronics.Bom;

/// <summary>One node of a checked bill of materials, in pre-order: its path of ids, its parent (-1 for a top-level node), its
/// depth, the top-level node it belongs to, and a part's bound values.</summary>
internal sealed record BomEntry(BomNode Node, string Path, int Parent, int Depth, string TopLevel, string Location)
{
    public PartModel? Model { get; init; }

    public TemplateValues? Values { get; init; }
}

/// <summary>Checks a bill of materials without recursion and lists its nodes in pre-order.</summary>
internal static class BomValidator
{
    private const int MaxIdLength = 64;

    public static List<ValidationProblem> Validate(BillOfMaterials bom) => Walk(bom, out _);

    /// <summary>Checks every node (explicit stack, pre-order) and returns every problem; the entries when there is none.</summary>
    public static List<ValidationProblem> Walk(BillOfMaterials bom, out List<BomEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(bom);
        var problems = new List<ValidationProblem>();
        entries = [];
        if (string.IsNullOrWhiteSpace(bom.Name))
        {
            problems.Add(new ValidationProblem("$.name", ProblemCodes.Required, "The bill of materials needs the product's name."));
        }

        if (bom.Nodes.IsDefaultOrEmpty)
        {
            problems.Add(new ValidationProblem("$.nodes", ProblemCodes.Required, "The bill of materials needs at least one node (a module or a part)."));
            return problems;
        }

        if (bom.ProductMass is { } mass && (mass.Unit.Dimension != Units.Unit.Kilogram.Dimension || !(mass.Value > 0)))
        {
            problems.Add(new ValidationProblem("$.mass", ProblemCodes.NumberOutOfRange, $"The product's mass must be a positive mass, not {mass}."));
        }

        // Pre-order with an explicit stack: children pushed in reverse so they come out in order.
        var stack = new Stack<(BomNode Node, string Location, int Parent, int Depth, string ParentPath, string TopLevel)>();
        for (int i = bom.Nodes.Length - 1; i >= 0; i--)
        {
            stack.Push((bom.Nodes[i], Location(bom.Nodes[i], $"$.nodes[{i}]"), -1, 1, string.Empty, bom.Nodes[i]?.Id ?? string.Empty));
        }

        CheckSiblings(bom.Nodes, "$.nodes", problems);
        while (stack.Count > 0)
        {
            var (node, at, parent, depth, parentPath, top) = stack.Pop();
            if (node is null)
            {
                problems.Add(new ValidationProblem(at, ProblemCodes.Required, "A node is missing."));
                continue;
            }

            if (entries.Count >= BillOfMaterials.MaxNodes)
            {
                problems.Add(new ValidationProblem(at, ProblemCodes.TooMany, $"A bill of materials has at most {BillOfMaterials.MaxNodes:N0} nodes."));
                break;
            }

            if (depth > BillOfMaterials.MaxDepth)
            {
                problems.Add(new ValidationProblem(at, ProblemCodes.DocumentTooDeep, $"Nodes nest at most {BillOfMaterials.MaxDepth} levels deep."));
                continue;
            }

            string path = parentPath.Length == 0 ? node.Id : $"{parentPath}/{node.Id}";
            var entry = CheckNode(node, at, path, parent, depth, top, problems);
            int index = entries.Count;
            entries.Add(entry);
            if (node.IsModule)
            {
                CheckSiblings(node.Children, $"{at}.nodes", problems);
                for (int i = node.Children.Length - 1; i >= 0; i--)
                {
                    stack.Push((node.Children[i], Location(node.Children[i], $"{at}.nodes[{i}]"), index, depth + 1, path, top));
                }
            }
        }

        return problems;
    }

    private static string Location(BomNode? node, string fallback) => node is { SourcePath.Length: > 0 } ? node.SourcePath : fallback;

    private static void CheckSiblings(ImmutableArray<BomNode> nodes, string at, List<ValidationProblem> problems)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < nodes.Length; i++)
        {
            if (nodes[i] is { } n && IsId(n.Id) && !seen.Add(n.Id))
            {
                problems.Add(new ValidationProblem($"{Location(n, $"{at}[{i}]")}.id", ProblemCodes.DuplicateId, $"The id '{n.Id}' is used twice among these nodes."));
            }
        }
    }

    private static bool IsId(string id) =>
        id.Length is > 0 and <= MaxIdLength && char.IsAsciiLetterOrDigit(id[0]) && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.');

    private static BomEntry CheckNode(BomNode node, string at, string path, int parent, int depth, string top, List<ValidationProblem> problems)
    {
        var entry = new BomEntry(node, path, parent, depth, top, at);
        if (!IsId(node.Id))
        {
            problems.Add(new ValidationProblem($"{at}.id", ProblemCodes.InvalidId,
                $"'{Shorten(node.Id)}' is not a node id: 1 to {MaxIdLength} letters, digits, '_', '-' and '.', starting with a letter or digit."));
        }

        if (!double.IsFinite(node.Quantity) || node.Quantity <= 0)
        {
            problems.Add(new ValidationProblem($"{at}.quantity", ProblemCodes.NumberOutOfRange,
                string.Create(CultureInfo.InvariantCulture, $"The quantity is a positive number of pieces, not {node.Quantity}.")));
        }

        if (node.PartType is { } type && !IsId(type))
        {
            problems.Add(new ValidationProblem($"{at}.partType", ProblemCodes.InvalidId, $"'{Shorten(type)}' is not a part type: letters, digits, '_', '-' and '.'."));
        }

        int kinds = (node.IsModule ? 1 : 0) + (node.Model is not null ? 1 : 0) + (node.FactorKey is not null ? 1 : 0);
        if (kinds != 1)
        {
            problems.Add(new ValidationProblem(at, ProblemCodes.InconsistentParameters, kinds == 0
                ? "A node is a module (\"nodes\"), a modelled part (\"model\" with \"parameters\") or a supplied part (\"factorKey\"): it has none of them."
                : "A node is either a module (\"nodes\"), a modelled part (\"model\") or a supplied part (\"factorKey\"), not several."));
            return entry;
        }

        if (node.FactorKey is { } key && (string.IsNullOrWhiteSpace(key) || key.Length > 200))
        {
            problems.Add(new ValidationProblem($"{at}.factorKey", ProblemCodes.Required, "A supplied part's factor key is 1 to 200 characters."));
        }

        if (node.Model is not { } modelId)
        {
            if (!node.Parameters.Values.IsEmpty)
            {
                problems.Add(new ValidationProblem($"{at}.parameters", ProblemCodes.InconsistentParameters, "Only a modelled part (\"model\") has parameters."));
            }

            return entry;
        }

        if (!PartModels.All.TryGetValue(modelId, out var model))
        {
            problems.Add(new ValidationProblem($"{at}.model", ProblemCodes.UnknownValue, $"'{Shorten(modelId)}' is not a part model; known: {string.Join(", ", PartModels.Ids)}."));
            return entry;
        }

        var input = node.Parameters.Path.Length > 0 ? node.Parameters : node.Parameters.At($"{at}.parameters");
        var bound = TemplateValues.Bind(model.Parameters, input);
        if (!bound.IsValid)
        {
            problems.AddRange(bound.Problems);
            return entry;
        }

        if (model.Check?.Invoke(bound.Value) is { } broken)
        {
            problems.Add(new ValidationProblem($"{input.Path}.{broken.Parameter}", ProblemCodes.InconsistentParameters, broken.Message));
        }

        return entry with { Model = model, Values = bound.Value };
    }

    private static string Shorten(string? text) => text is null ? string.Empty : text.Length <= 80 ? text : string.Concat(text.AsSpan(0, 77), "...");
}
