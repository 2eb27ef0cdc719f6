using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using Pcf.Accounting.Json;
using Pcf.Accounting.Units;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Templates.Electronics.Bom;

/// <summary>Reads <c>pcf-bom/1</c>, the bill-of-materials format of the electronics template (docs/schemas/pcf-bom-1.schema.json),
/// reporting every problem at once with its JSON path: the document's structure, then each node and each part's parameters
/// against its model.</summary>
/// <remarks>
/// <code>
/// {
///   "format": "pcf-bom/1",
///   "name": "1U edge server",
///   "mass": { "value": 14.2, "unit": "kg" },
///   "nodes": [
///     { "id": "mainboard", "nodes": [
///         { "id": "cpu", "quantity": 2, "model": "act-logic", "parameters": { "dieArea": { "value": 6.98, "unit": "cm2" }, "node": "28nm" } },
///         { "id": "dimm", "quantity": 12, "model": "boavizta-ram", "parameters": { "capacity": 32, "density": 1.79 } } ] },
///     { "id": "psu", "quantity": 2, "factorKey": "supplier/acme-psu-750", "partType": "psu" } ]
/// }
/// </code>
/// The document is bounded (<see cref="JsonReadOptions"/>, nesting of <see cref="BillOfMaterials.MaxDepth"/> levels,
/// <see cref="BillOfMaterials.MaxNodes"/> nodes) and walked without recursion.
/// </remarks>
public static class BomJson
{
    /// <summary>The format name.</summary>
    public const string Format = "pcf-bom/1";

    private static readonly string[] RootMembers = ["$schema", "format", "name", "description", "mass", "nodes"];
    private static readonly string[] NodeMembers = ["id", "name", "quantity", "nodes", "model", "parameters", "factorKey", "partType"];

    /// <summary>Gets the limits of a BOM document: JSON nesting deep enough for <see cref="BillOfMaterials.MaxDepth"/> levels.</summary>
    public static JsonReadOptions DefaultLimits { get; } = new() { MaxDepth = (2 * BillOfMaterials.MaxDepth) + 8 };

    /// <summary>Reads a document.</summary>
    /// <param name="utf8Json">The document.</param>
    /// <param name="limits">The limits; <see langword="null"/> for <see cref="DefaultLimits"/>.</param>
    /// <returns>The bill of materials, checked, or every problem with its JSON path.</returns>
    public static ValidationResult<BillOfMaterials> Read(ReadOnlyMemory<byte> utf8Json, JsonReadOptions? limits = null)
    {
        var parsed = JsonFile.Parse(utf8Json, limits ?? DefaultLimits);
        if (!parsed.IsValid)
        {
            return ValidationResult.Failure<BillOfMaterials>(parsed.Problems);
        }

        using var document = parsed.Value;
        var problems = new List<ValidationProblem>();
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return ValidationResult.Failure<BillOfMaterials>([new ValidationProblem("$", ProblemCodes.WrongType, "A pcf-bom/1 document is an object.")]);
        }

        if (!(root.TryGetProperty("format", out var f) && f.ValueKind == JsonValueKind.String && f.GetString() == Format))
        {
            return ValidationResult.Failure<BillOfMaterials>([new ValidationProblem("$.format", ProblemCodes.UnsupportedFormat, $"The document's \"format\" must be \"{Format}\".")]);
        }

        Unknown(root, "$", RootMembers, problems);
        string name = Text(root, "name", "$", problems) ?? string.Empty;
        string? description = Text(root, "description", "$", problems);
        Quantity? mass = root.TryGetProperty("mass", out var m) ? Mass(m, "$.mass", problems) : null;
        var nodes = ReadNodes(root, problems);
        var bom = new BillOfMaterials(name, nodes) { Description = description, ProductMass = mass };
        problems.AddRange(BomValidator.Validate(bom));
        return problems.Count > 0 ? ValidationResult.Failure<BillOfMaterials>(Distinct(problems)) : ValidationResult.Success(bom);
    }

    /// <summary>Reads a document from a file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="limits">The limits; <see langword="null"/> for <see cref="DefaultLimits"/>.</param>
    /// <returns>The bill of materials, or every problem (a file that cannot be read, or the document's problems).</returns>
    public static ValidationResult<BillOfMaterials> ReadFile(string path, JsonReadOptions? limits = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var max = (limits ?? DefaultLimits).MaxDocumentBytes;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return ValidationResult.Failure<BillOfMaterials>([new ValidationProblem("$", ProblemCodes.Required, $"The bill of materials '{path}' does not exist.")]);
            }

            if (info.Length > max)
            {
                return ValidationResult.Failure<BillOfMaterials>([new ValidationProblem("$", ProblemCodes.DocumentTooLarge, $"The bill of materials '{path}' is larger than {max:N0} bytes.")]);
            }

            // The limit holds while reading too: a device or pipe (/dev/zero) reports no length and never ends.
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = stream.Read(chunk)) > 0)
            {
                if (buffer.Length + read > max)
                {
                    return ValidationResult.Failure<BillOfMaterials>([new ValidationProblem("$", ProblemCodes.DocumentTooLarge, $"The bill of materials '{path}' is larger than {max:N0} bytes (reading stopped there).")]);
                }

                buffer.Write(chunk, 0, read);
            }

            return Read(buffer.ToArray(), limits);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ValidationResult.Failure<BillOfMaterials>([new ValidationProblem("$", ProblemCodes.Required, $"The bill of materials '{path}' cannot be read: {e.Message}")]);
        }
    }

    // The nodes, read with an explicit stack: each array is read into a slot; a module's children are read before the module
    // node is made (post-order), so the tree is built bottom-up without recursion.
    private static ImmutableArray<BomNode> ReadNodes(JsonElement root, List<ValidationProblem> problems)
    {
        if (!root.TryGetProperty("nodes", out var top))
        {
            return [];
        }

        if (top.ValueKind != JsonValueKind.Array)
        {
            problems.Add(new ValidationProblem("$.nodes", ProblemCodes.WrongType, "\"nodes\" is an array of nodes."));
            return [];
        }

        var pending = new Stack<Frame>();
        pending.Push(new Frame(top, "$.nodes", 1));
        ImmutableArray<BomNode> result = [];
        int total = 0;
        while (pending.Count > 0)
        {
            var frame = pending.Peek();
            if (frame.Next < frame.Array.GetArrayLength() && frame.Depth <= BillOfMaterials.MaxDepth)
            {
                if (++total > BillOfMaterials.MaxNodes)
                {
                    problems.Add(new ValidationProblem($"{frame.Path}[{frame.Next}]", ProblemCodes.TooMany, $"A bill of materials has at most {BillOfMaterials.MaxNodes:N0} nodes."));
                    return [];
                }

                int i = frame.Next++;
                var element = frame.Array[i];
                string at = $"{frame.Path}[{i}]";
                if (element.ValueKind != JsonValueKind.Object)
                {
                    problems.Add(new ValidationProblem(at, ProblemCodes.WrongType, "A node is an object."));
                    continue;
                }

                if (element.TryGetProperty("nodes", out var children))
                {
                    if (children.ValueKind != JsonValueKind.Array)
                    {
                        problems.Add(new ValidationProblem($"{at}.nodes", ProblemCodes.WrongType, "\"nodes\" is an array of nodes."));
                        frame.Built.Add(Node(element, at, [], problems));
                    }
                    else
                    {
                        pending.Push(new Frame(children, $"{at}.nodes", frame.Depth + 1) { Owner = element, OwnerPath = at });
                    }

                    continue;
                }

                frame.Built.Add(Node(element, at, [], problems));
                continue;
            }

            if (frame.Depth > BillOfMaterials.MaxDepth && frame.Array.GetArrayLength() > 0)
            {
                problems.Add(new ValidationProblem(frame.Path, ProblemCodes.DocumentTooDeep, $"Nodes nest at most {BillOfMaterials.MaxDepth} levels deep."));
            }

            pending.Pop();
            if (frame.Owner is { } owner)
            {
                var parent = pending.Peek();
                parent.Built.Add(Node(owner, frame.OwnerPath!, [.. frame.Built], problems));
            }
            else
            {
                result = [.. frame.Built];
            }
        }

        return result;
    }

    private static BomNode Node(JsonElement e, string at, ImmutableArray<BomNode> children, List<ValidationProblem> problems)
    {
        Unknown(e, at, NodeMembers, problems);
        string id = Text(e, "id", at, problems) ?? string.Empty;
        if (!e.TryGetProperty("id", out _))
        {
            problems.Add(new ValidationProblem($"{at}.id", ProblemCodes.Required, "A node needs an id."));
        }

        double quantity = 1;
        if (e.TryGetProperty("quantity", out var q))
        {
            if (q.ValueKind != JsonValueKind.Number || !q.TryGetDouble(out quantity))
            {
                problems.Add(new ValidationProblem($"{at}.quantity", ProblemCodes.WrongType, "The quantity is a number of pieces."));
                quantity = 1;
            }
        }

        string? model = Text(e, "model", at, problems);
        string? factorKey = Text(e, "factorKey", at, problems);
        var node = model is not null ? BomNode.Part(id, model, Parameters(e, at, problems), quantity)
            : factorKey is not null ? BomNode.Supplied(id, factorKey, quantity)
            : BomNode.Module(id, children, quantity);
        if (model is not null && factorKey is not null)
        {
            problems.Add(new ValidationProblem(at, ProblemCodes.InconsistentParameters, "A node is either a modelled part (\"model\") or a supplied part (\"factorKey\"), not both."));
        }

        if ((model is not null || factorKey is not null) && !children.IsEmpty)
        {
            problems.Add(new ValidationProblem(at, ProblemCodes.InconsistentParameters, "A part has no \"nodes\"; a module has no \"model\" or \"factorKey\"."));
        }

        if (model is null && e.TryGetProperty("parameters", out _))
        {
            problems.Add(new ValidationProblem($"{at}.parameters", ProblemCodes.InconsistentParameters, "Only a modelled part (\"model\") has parameters."));
        }

        return node with { Name = Text(e, "name", at, problems), PartType = Text(e, "partType", at, problems), SourcePath = at };
    }

    private static TemplateInput Parameters(JsonElement e, string at, List<ValidationProblem> problems)
    {
        if (!e.TryGetProperty("parameters", out var p))
        {
            return TemplateInput.Empty.At($"{at}.parameters");
        }

        var read = TemplateParametersJson.ReadParameters(Encoding.UTF8.GetBytes(p.GetRawText()), $"{at}.parameters");
        problems.AddRange(read.Problems);
        return read.IsValid ? read.Value : TemplateInput.Empty.At($"{at}.parameters");
    }

    private static Quantity? Mass(JsonElement m, string at, List<ValidationProblem> problems)
    {
        if (m.ValueKind == JsonValueKind.Number && m.TryGetDouble(out double kg) && double.IsFinite(kg))
        {
            return Quantity.Of(kg, Unit.Kilogram);
        }

        if (m.ValueKind == JsonValueKind.Object && m.TryGetProperty("value", out var v) && v.TryGetDouble(out double value) && double.IsFinite(value)
            && m.TryGetProperty("unit", out var u) && u.ValueKind == JsonValueKind.String)
        {
            if (Unit.TryParse(u.GetString(), out var unit) && unit.Dimension == Unit.Kilogram.Dimension)
            {
                return Quantity.Of(value, unit);
            }

            problems.Add(new ValidationProblem($"{at}.unit", ProblemCodes.WrongDimension, "The product's mass is in a unit of mass, such as kg."));
            return null;
        }

        problems.Add(new ValidationProblem(at, ProblemCodes.WrongType, "The product's mass is a number of kg or { \"value\", \"unit\" }."));
        return null;
    }

    private static string? Text(JsonElement e, string member, string at, List<ValidationProblem> problems)
    {
        if (!e.TryGetProperty(member, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (v.ValueKind != JsonValueKind.String)
        {
            problems.Add(new ValidationProblem($"{at}.{member}", ProblemCodes.WrongType, $"\"{member}\" is text."));
            return null;
        }

        return v.GetString();
    }

    private static void Unknown(JsonElement e, string at, string[] known, List<ValidationProblem> problems)
    {
        foreach (var member in e.EnumerateObject().Where(m => !known.Contains(m.Name)))
        {
            string name = member.Name.Length <= 80 ? member.Name : string.Concat(member.Name.AsSpan(0, 77), "...");
            problems.Add(new ValidationProblem($"{at}.{name}", ProblemCodes.UnknownMember, $"'{name}' is not a member here; known: {string.Join(", ", known)}."));
        }
    }

    private static List<ValidationProblem> Distinct(List<ValidationProblem> problems) =>
        [.. problems.DistinctBy(p => (p.Path, p.Code, p.Message))];

    private sealed class Frame(JsonElement array, string path, int depth)
    {
        public JsonElement Array { get; } = array;

        public string Path { get; } = path;

        public int Depth { get; } = depth;

        public int Next { get; set; }

        public List<BomNode> Built { get; } = [];

        public JsonElement? Owner { get; init; }

        public string? OwnerPath { get; init; }
    }
}
