using System.Collections.Immutable;
using System.Text.Json;
using Pcf.Accounting.Factors;
using Pcf.Accounting.Gases;
using Pcf.Accounting.Json;
using Pcf.Accounting.Model;
using Pcf.Accounting.Results;
using Pcf.Accounting.Units;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Vectors;

/// <summary>Reads reference vectors in the <c>pcf-vector/1</c> format (docs/cli.md, docs/schemas/pcf-vector-1.schema.json), with
/// every problem at once by JSON path; an inline system or inline factors are read by their own readers, their paths prefixed.</summary>
/// <remarks>Expected numbers and tolerances must be finite (a JSON number beyond the range of a double is an error, never an
/// infinity that would let any result pass); tolerances must not be negative.</remarks>
public static class ReferenceVectorJson
{
    /// <summary>The format identifier of a vector.</summary>
    public const string Format = "pcf-vector/1";

    /// <summary>The file-name ending that marks a vector in a folder whatever its content.</summary>
    public const string Extension = ".vector.json";

    private static readonly JsonMembers Members = new("$schema", "format", "id", "description", "derivation", "source", "system", "systemFile",
        "template", "factors", "factorFiles", "useDefaultFactors", "ruleSet", "gwpSet", "demand", "tolerance", "expected", "expectedProblems");

    /// <summary>Reads a vector.</summary>
    /// <param name="utf8Json">The document.</param>
    /// <param name="folder">The folder its relative paths (<c>systemFile</c>, <c>factorFiles</c>) are resolved against.</param>
    /// <param name="options">Limits; <see langword="null"/> for <see cref="JsonReadOptions.Default"/>.</param>
    /// <returns>The vector, or every problem.</returns>
    public static ValidationResult<ReferenceVector> Read(ReadOnlyMemory<byte> utf8Json, string folder = ".", JsonReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var w = new JsonWalker(options ?? JsonReadOptions.Default);
        using var document = w.Parse(utf8Json);
        if (document is null)
        {
            return ValidationResult.Failure<ReferenceVector>(w.Problems);
        }

        var vector = ReadRoot(w, document.RootElement, folder, options ?? JsonReadOptions.Default);
        return w.Problems.Count > 0 || vector is null ? ValidationResult.Failure<ReferenceVector>(w.Problems) : ValidationResult.Success(vector);
    }

    /// <summary>Reads the id of a vector document, if it has one that reads, for reporting a vector that does not.</summary>
    /// <param name="utf8Json">The document.</param>
    /// <returns>The id, or <see langword="null"/>.</returns>
    public static string? TryReadId(ReadOnlyMemory<byte> utf8Json)
    {
        foreach (var (name, value) in RootStrings(utf8Json.Span))
        {
            if (name == "id")
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>Gets whether a JSON document declares <c>"format": "pcf-vector/1"</c> at its root.</summary>
    /// <param name="utf8Json">The document.</param>
    /// <returns><see langword="true"/> when it does.</returns>
    public static bool DeclaresFormat(ReadOnlySpan<byte> utf8Json) => RootStrings(utf8Json).Any(m => m.Name == "format" && m.Value == Format);

    private static List<(string Name, string Value)> RootStrings(ReadOnlySpan<byte> utf8Json)
    {
        var found = new List<(string, string)>();
        if (utf8Json.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            utf8Json = utf8Json[3..];
        }

        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return found;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                string name = reader.GetString()!;
                if (!reader.Read())
                {
                    break;
                }

                if (reader.TokenType == JsonTokenType.String)
                {
                    found.Add((name, reader.GetString()!));
                }
                else if (!reader.TrySkip())
                {
                    break;
                }
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // Malformed: what was read so far.
        }

        return found;
    }

    private static ReferenceVector? ReadRoot(JsonWalker w, JsonElement root, string folder, JsonReadOptions options)
    {
        JsonPath at = "$";
        if (!w.IsObject(root, at))
        {
            return null;
        }

        w.OnlyMembers(root, at, Members);
        var format = w.String(root, "format", at, required: true);
        if (format is not null && format != Format)
        {
            w.Problem("$.format", ProblemCodes.UnsupportedFormat, $"'{format}' is not a format this version reads; expected '{Format}'.");
            return null;
        }

        var id = w.String(root, "id", at, required: true);
        var derivation = ImmutableArray.CreateBuilder<string>();
        if (w.Get(root, "derivation", at, required: true) is { } d)
        {
            if (d.ValueKind == JsonValueKind.String)
            {
                derivation.Add(d.GetString()!);
            }
            else if (d.ValueKind == JsonValueKind.Array && d.EnumerateArray().All(l => l.ValueKind == JsonValueKind.String))
            {
                derivation.AddRange(d.EnumerateArray().Select(l => l.GetString()!));
            }
            else
            {
                w.Problem("$.derivation", ProblemCodes.WrongType, "'derivation' is the hand arithmetic: a string or an array of strings.");
            }
        }

        int inputs = (root.TryGetProperty("system", out _) ? 1 : 0) + (root.TryGetProperty("systemFile", out _) ? 1 : 0) + (root.TryGetProperty("template", out _) ? 1 : 0);
        if (inputs != 1)
        {
            w.Problem(at, ProblemCodes.Required, "Give exactly one of \"system\" (an inline pcf-system/1 document), \"systemFile\" and \"template\" ({ \"id\", \"parameters\" }).");
        }

        bool hasExpected = root.TryGetProperty("expected", out _);
        if (hasExpected == root.TryGetProperty("expectedProblems", out _))
        {
            w.Problem(at, ProblemCodes.Required, "Give exactly one of \"expected\" (values) and \"expectedProblems\" (codes).");
        }

        ProductSystem? system = null;
        if (w.Object(root, "system", at) is { } inline)
        {
            var read = ProductSystemJson.Read(Serialize(inline), options);
            Prefix(w, "$.system", read.Problems);
            system = read.IsValid ? read.Value : null;
        }

        var systemFile = w.String(root, "systemFile", at);
        VectorTemplate? template = null;
        if (w.Object(root, "template", at) is { } t)
        {
            JsonPath tAt = "$.template";
            w.OnlyMembers(t, tAt, "id", "parameters");
            var templateId = w.String(t, "id", tAt, required: true);
            var parameters = w.Object(t, "parameters", tAt, required: true);
            if (templateId is not null && parameters is { } p)
            {
                template = new VectorTemplate(templateId, Serialize(p));
            }
        }

        FactorCatalog? factors = null;
        if (w.Object(root, "factors", at) is { } f)
        {
            var read = FactorJson.Read(Serialize(f), options);
            Prefix(w, "$.factors", read.Problems);
            factors = read.IsValid ? read.Value : null;
        }

        var factorFiles = ImmutableArray.CreateBuilder<string>();
        foreach (var (item, itemAt) in w.Items(root, "factorFiles", at))
        {
            if (item.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(item.GetString()))
            {
                factorFiles.Add(item.GetString()!);
            }
            else
            {
                w.Problem(itemAt, ProblemCodes.WrongType, "A factor file is a path relative to the vector file.");
            }
        }

        GwpSet? gwp = GwpSet.Ar6;
        if (w.String(root, "gwpSet", at) is { } gwpId && !GwpSet.TryFind(gwpId, out gwp))
        {
            w.Problem("$.gwpSet", ProblemCodes.UnknownGwpSet, $"'{gwpId}' is not a GWP set; use AR4, AR5, AR5-ccf or AR6.");
        }

        var tolerance = ReadTolerance(w, root, at, VectorTolerance.Default);
        var expected = ImmutableArray.CreateBuilder<VectorExpectation>();
        foreach (var (item, itemAt) in w.Items(root, "expected", at))
        {
            if (!w.IsObject(item, itemAt))
            {
                continue;
            }

            w.OnlyMembers(item, itemAt, "path", "value", "tolerance", "derivation");
            var path = w.String(item, "path", itemAt, required: true);
            if (path is not null && !VectorPath.TryParse(path, out _, out string pathError))
            {
                w.Problem(itemAt.Member("path"), ProblemCodes.UnknownValue, pathError);
                path = null;
            }

            string? value = null;
            if (w.Get(item, "value", itemAt, required: true) is { } v)
            {
                if (v.ValueKind == JsonValueKind.Number && !(v.TryGetDouble(out double number) && double.IsFinite(number)))
                {
                    w.Problem(itemAt.Member("value"), ProblemCodes.NumberOutOfRange, $"The expected value {Truncate(v.GetRawText())} is beyond the range of a double; a vector that any result would pass is refused.");
                }
                else if (v.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                {
                    w.Problem(itemAt.Member("value"), ProblemCodes.WrongType, "An expected value is a number, a string, a boolean or null.");
                }
                else
                {
                    value = v.GetRawText();
                }
            }

            var own = ReadTolerance(w, item, itemAt, tolerance);
            if (path is not null && value is not null)
            {
                expected.Add(new VectorExpectation(path, value, own) { Derivation = w.String(item, "derivation", itemAt) });
            }
        }

        if (root.TryGetProperty("expected", out var e) && e.ValueKind == JsonValueKind.Array && e.GetArrayLength() == 0)
        {
            w.Problem("$.expected", ProblemCodes.Required, "'expected' needs at least one { \"path\", \"value\" }.");
        }

        var codes = ImmutableArray.CreateBuilder<string>();
        foreach (var (item, itemAt) in w.Items(root, "expectedProblems", at))
        {
            if (item.ValueKind == JsonValueKind.String && item.GetString() is { Length: 7 } code && code.StartsWith("PCF", StringComparison.Ordinal) && code[3..].All(char.IsAsciiDigit))
            {
                codes.Add(code);
            }
            else
            {
                w.Problem(itemAt, ProblemCodes.UnknownValue, "A problem code is 'PCF' and four digits, such as \"PCF0501\".");
            }
        }

        if (root.TryGetProperty("expectedProblems", out var ep) && ep.ValueKind == JsonValueKind.Array && ep.GetArrayLength() == 0)
        {
            w.Problem("$.expectedProblems", ProblemCodes.Required, "'expectedProblems' needs at least one problem code.");
        }

        Demand? demand = null;
        if (w.Object(root, "demand", at) is { } dm)
        {
            JsonPath dAt = "$.demand";
            w.OnlyMembers(dm, dAt, "flow", "amount", "unit", "process");
            var flow = w.String(dm, "flow", dAt, required: true);
            var amount = w.Quantity(dm, dAt.ToString());
            var process = w.String(dm, "process", dAt);
            if (flow is not null && amount is { } a)
            {
                demand = new Demand(flow, a, process is null ? (ProcessId?)null : new ProcessId(process));
            }
        }

        if (w.Problems.Count > 0 || id is null || gwp is null)
        {
            return null;
        }

        return new ReferenceVector
        {
            Id = id,
            Description = w.String(root, "description", at),
            Derivation = derivation.ToImmutable(),
            Source = w.String(root, "source", at),
            System = system,
            SystemFile = systemFile,
            Template = template,
            Factors = factors,
            FactorFiles = factorFiles.ToImmutable(),
            UseDefaultFactors = w.Boolean(root, "useDefaultFactors", at) ?? false,
            RuleSet = w.String(root, "ruleSet", at),
            GwpSet = gwp,
            Demand = demand,
            Expected = expected.ToImmutable(),
            ExpectedProblems = codes.ToImmutable(),
            Folder = folder,
        };
    }

    private static VectorTolerance ReadTolerance(JsonWalker w, JsonElement owner, JsonPath at, VectorTolerance defaults)
    {
        if (w.Object(owner, "tolerance", at) is not { } t)
        {
            return defaults;
        }

        var tAt = at.Member("tolerance");
        w.OnlyMembers(t, tAt, "relative", "absolute");
        double relative = Read("relative", defaults.Relative);
        double absolute = Read("absolute", defaults.Absolute);
        return new VectorTolerance(relative, absolute);

        double Read(string name, double fallback)
        {
            if (w.Number(t, name, tAt) is not { } v)
            {
                return fallback;
            }

            if (v < 0)
            {
                w.Problem(tAt.Member(name), ProblemCodes.NumberOutOfRange, $"A tolerance must not be negative; it is {JsonWalker.Format(v)}.");
                return fallback;
            }

            return v;
        }
    }

    // "$.processes[0].unit" inside the inline system is "$.system.processes[0].unit" in the vector.
    private static void Prefix(JsonWalker w, string at, IEnumerable<ValidationProblem> problems)
    {
        foreach (var p in problems)
        {
            w.Add(p with { Path = p.Path.StartsWith('$') ? at + p.Path[1..] : $"{at}: {p.Path}" });
        }
    }

    private static byte[] Serialize(JsonElement element)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            element.WriteTo(writer);
        }

        return buffer.ToArray();
    }

    private static string Truncate(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "…");
}
