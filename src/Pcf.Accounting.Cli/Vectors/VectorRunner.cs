using System.Collections.Immutable;
using System.Text.Json;
using Pcf.Accounting.Data;
using Pcf.Accounting.Engine;
using Pcf.Accounting.Factors;
using Pcf.Accounting.Gases;
using Pcf.Accounting.Json;
using Pcf.Accounting.Model;
using Pcf.Accounting.Results;
using Pcf.Accounting.Rules;
using Pcf.Accounting.Units;
using Pcf.Accounting.Validation;
using static Pcf.Accounting.Cli.ProblemText;

namespace Pcf.Accounting.Cli.Vectors;

/// <summary>Runs <c>pcf-vector/1</c> reference vectors (docs/cli.md, docs/schemas/pcf-vector-1.schema.json): reads the input, calculates,
/// and compares the pcf-result/1 JSON of the result with the expected values, or the problems with the expected codes.</summary>
/// <remarks>A vector is self-contained: only its own factors are used unless it sets <c>useDefaultFactors</c>. Everything wrong with a
/// vector (bad JSON, a bad system, a missing file) is reported as its failure, never thrown.</remarks>
internal static class VectorRunner
{
    /// <summary>The format identifier of a vector.</summary>
    public const string Format = "pcf-vector/1";

    /// <summary>The file-name ending that marks a vector in a folder whatever its content.</summary>
    public const string Extension = ".vector.json";

    /// <summary>The default relative tolerance.</summary>
    public const double DefaultRelative = 1e-9;

    /// <summary>The default absolute tolerance.</summary>
    public const double DefaultAbsolute = 1e-12;

    private static readonly JsonDocumentOptions ReadOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 64 };

    private static readonly string[] Members =
    [
        "$schema", "format", "id", "description", "derivation", "source", "system", "systemFile", "factors", "factorFiles",
        "useDefaultFactors", "ruleSet", "gwpSet", "demand", "tolerance", "expected", "expectedProblems",
    ];

    /// <summary>Finds the vectors of a file or folder: a file is always a vector; a folder's vectors are its <c>*.vector.json</c> files and
    /// any other <c>*.json</c> file whose <c>format</c> is <c>pcf-vector/1</c>, in every subfolder, in path order.</summary>
    /// <param name="fileOrFolder">The file or folder.</param>
    /// <returns>The vector files.</returns>
    /// <exception cref="CliException">Neither a file nor a folder exists there.</exception>
    public static IReadOnlyList<string> Discover(string fileOrFolder)
    {
        if (File.Exists(fileOrFolder))
        {
            return [fileOrFolder];
        }

        if (!Directory.Exists(fileOrFolder))
        {
            throw new CliException($"'{fileOrFolder}' is neither a vector file nor a folder.");
        }

        return [.. Directory.EnumerateFiles(fileOrFolder, "*.json", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(Extension, StringComparison.OrdinalIgnoreCase) || DeclaresVectorFormat(f))
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>Runs every vector of a file or folder.</summary>
    /// <param name="fileOrFolder">The file or folder.</param>
    /// <param name="progress">Called before each vector with its index, the count and its file; optional.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The outcomes, in path order.</returns>
    /// <exception cref="CliException">Neither a file nor a folder exists there.</exception>
    public static async Task<IReadOnlyList<VectorOutcome>> RunAllAsync(string fileOrFolder, Action<int, int, string>? progress = null, CancellationToken cancellationToken = default)
    {
        var files = Discover(fileOrFolder);
        var outcomes = new List<VectorOutcome>(files.Count);
        for (int i = 0; i < files.Count; i++)
        {
            progress?.Invoke(i, files.Count, files[i]);
            outcomes.Add(await RunFileAsync(files[i], cancellationToken).ConfigureAwait(false));
        }

        return outcomes;
    }

    /// <summary>Runs one vector file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="cancellationToken">Cancels the calculation.</param>
    /// <returns>The outcome; a vector that cannot be read fails with the reason.</returns>
    public static async Task<VectorOutcome> RunFileAsync(string path, CancellationToken cancellationToken = default)
    {
        string fallbackId = Path.GetFileName(path);
        fallbackId = fallbackId.EndsWith(Extension, StringComparison.OrdinalIgnoreCase) ? fallbackId[..^Extension.Length] : Path.GetFileNameWithoutExtension(path);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false), ReadOptions);
        }
        catch (JsonException e)
        {
            return Fail(fallbackId, path, $"{path}: malformed JSON at line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1}: {e.Message.Split(" LineNumber:")[0]}");
        }
        catch (IOException e)
        {
            return Fail(fallbackId, path, $"{path}: {e.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            string id = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("id", out var idElement) && idElement.ValueKind == JsonValueKind.String
                ? idElement.GetString()!
                : fallbackId;
            var failures = new List<string>();
            try
            {
                await RunAsync(root, Path.GetDirectoryName(Path.GetFullPath(path))!, failures, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A vector that breaks the engine is a failing vector, reported with the reason, not a crash of the run.
                failures.Add($"the calculation threw {e.GetType().Name}: {e.Message}");
            }

            return new VectorOutcome(id, path, [.. failures]);
        }
    }

    private static async Task RunAsync(JsonElement root, string folder, List<string> failures, CancellationToken cancellationToken)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            failures.Add("$: a vector must be a JSON object");
            return;
        }

        // The vector's own shape first: every problem at once.
        foreach (var member in root.EnumerateObject().Where(m => !Members.Contains(m.Name, StringComparer.Ordinal)))
        {
            failures.Add($"$.{member.Name}: unknown member (a typo?); {Format} has {string.Join(", ", Members.Skip(1))}");
        }

        if (!root.TryGetProperty("format", out var format) || format.ValueKind != JsonValueKind.String || format.GetString() != Format)
        {
            failures.Add($"$.format: must be \"{Format}\"");
        }

        if (!root.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(id.GetString()))
        {
            failures.Add("$.id: required, a non-empty string");
        }

        if (!root.TryGetProperty("derivation", out var derivation)
            || !(derivation.ValueKind == JsonValueKind.String
                || (derivation.ValueKind == JsonValueKind.Array && derivation.EnumerateArray().All(l => l.ValueKind == JsonValueKind.String))))
        {
            failures.Add("$.derivation: required, the hand arithmetic as a string or an array of strings");
        }

        bool hasSystem = root.TryGetProperty("system", out var inlineSystem);
        bool hasSystemFile = root.TryGetProperty("systemFile", out var systemFile);
        if (hasSystem == hasSystemFile)
        {
            failures.Add("$: give exactly one of \"system\" (an inline pcf-system/1 document) and \"systemFile\"");
        }

        bool hasExpected = root.TryGetProperty("expected", out var expected);
        bool hasExpectedProblems = root.TryGetProperty("expectedProblems", out var expectedProblems);
        if (hasExpected == hasExpectedProblems)
        {
            failures.Add("$: give exactly one of \"expected\" (values) and \"expectedProblems\" (codes)");
        }

        var ruleSet = RuleSet.Iso14067;
        if (root.TryGetProperty("ruleSet", out var rules)
            && (rules.ValueKind != JsonValueKind.String || RuleSet.All.FirstOrDefault(r => string.Equals(r.Id, rules.GetString(), StringComparison.OrdinalIgnoreCase)) is not { } foundRules))
        {
            failures.Add($"$.ruleSet: '{rules}' is not a rule set; use one of {string.Join(", ", RuleSet.All.Select(r => r.Id))}");
        }
        else if (rules.ValueKind == JsonValueKind.String)
        {
            ruleSet = RuleSet.All.First(r => string.Equals(r.Id, rules.GetString(), StringComparison.OrdinalIgnoreCase));
        }

        var gwpSet = GwpSet.Ar6;
        if (root.TryGetProperty("gwpSet", out var gwp) && (gwp.ValueKind != JsonValueKind.String || !GwpSet.TryFind(gwp.GetString(), out gwpSet)))
        {
            failures.Add($"$.gwpSet: '{gwp}' is not a GWP set; use AR4, AR5, AR5-ccf or AR6");
            gwpSet = GwpSet.Ar6;
        }

        bool useDefaults = false;
        if (root.TryGetProperty("useDefaultFactors", out var defaults))
        {
            if (defaults.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                useDefaults = defaults.GetBoolean();
            }
            else
            {
                failures.Add("$.useDefaultFactors: must be true or false");
            }
        }

        var tolerance = ReadTolerance(root, "$", (DefaultRelative, DefaultAbsolute), failures);
        var demand = ReadDemand(root, failures);
        var expectations = hasExpected ? ReadExpected(expected, tolerance, failures) : [];
        var codes = hasExpectedProblems ? ReadCodes(expectedProblems, failures) : [];
        if (failures.Count > 0)
        {
            return;
        }

        // Then the inputs, through the library's readers so their JSON paths stay (prefixed with where they sit in the vector).
        var inputProblems = new List<string>();
        var inputCodes = new List<string>();
        ProductSystem? system = null;
        if (hasSystem)
        {
            var read = ProductSystemJson.Read(Serialize(inlineSystem));
            Collect(read.Problems, p => $"{Prefix("$.system", p.Path)}  {p.Code}  {p.Message}");
            system = read.IsValid ? read.Value : null;
        }
        else if (systemFile.ValueKind != JsonValueKind.String)
        {
            failures.Add("$.systemFile: must be a path, relative to the vector file");
            return;
        }
        else
        {
            string file = Path.Combine(folder, systemFile.GetString()!);
            if (!File.Exists(file))
            {
                failures.Add($"$.systemFile: the file '{systemFile.GetString()}' does not exist");
                return;
            }

            var read = ProductSystemJson.Read(await File.ReadAllBytesAsync(file, cancellationToken).ConfigureAwait(false));
            Collect(read.Problems, p => $"{systemFile.GetString()}: {p.Path}  {p.Code}  {p.Message}");
            system = read.IsValid ? read.Value : null;
        }

        var providers = new List<IEmissionFactorProvider>();
        if (root.TryGetProperty("factors", out var inlineFactors))
        {
            var read = FactorJson.Read(Serialize(inlineFactors));
            Collect(read.Problems, p => $"{Prefix("$.factors", p.Path)}  {p.Code}  {p.Message}");
            if (read.IsValid)
            {
                providers.Add(new InMemoryFactorProvider("vector factors", read.Value));
            }
        }

        if (root.TryGetProperty("factorFiles", out var factorFiles))
        {
            if (factorFiles.ValueKind != JsonValueKind.Array || factorFiles.EnumerateArray().Any(f => f.ValueKind != JsonValueKind.String))
            {
                failures.Add("$.factorFiles: must be an array of paths, relative to the vector file");
                return;
            }

            foreach (var f in factorFiles.EnumerateArray())
            {
                string name = f.GetString()!;
                var read = await Calculation.TryReadFactorFileAsync(Path.Combine(folder, name), cancellationToken).ConfigureAwait(false);
                Collect(read.Problems, p => $"{name}: {p.Path}  {p.Code}  {p.Message}");
                if (read.IsValid)
                {
                    providers.Add(new InMemoryFactorProvider(Path.GetFileName(name), read.Value));
                }
            }
        }

        if (useDefaults)
        {
            providers.Add(DefaultFactors.Provider);
        }

        if (inputProblems.Count == 0 && system is not null)
        {
            var calculation = await Calculation.TryCalculateAsync(system, providers, new CalculationOptions(ruleSet, gwpSet, demand?.Invoke(system)), cancellationToken).ConfigureAwait(false);
            Collect(calculation.Problems, p => $"{p.Path}  {p.Code}  {p.Message}");
            if (calculation.IsValid)
            {
                if (hasExpectedProblems)
                {
                    failures.Add($"expected the problems {string.Join(", ", codes)} but the calculation succeeded (pcfExcludingBiogenicUptake {Exact(calculation.Value.TotalExcludingBiogenicUptake.Value)})");
                    return;
                }

                Compare(calculation.Value, expectations, failures);
                return;
            }
        }

        if (hasExpectedProblems)
        {
            foreach (var code in codes.Where(c => !inputCodes.Contains(c, StringComparer.Ordinal)))
            {
                failures.Add($"expected problem {code}, got {(inputProblems.Count == 0 ? "none" : string.Join("; ", inputProblems))}");
            }
        }
        else
        {
            failures.AddRange(inputProblems);
        }

        void Collect(IEnumerable<ValidationProblem> problems, Func<ValidationProblem, string> format)
        {
            foreach (var p in problems)
            {
                inputProblems.Add(format(p));
                inputCodes.Add(p.Code);
            }
        }
    }

    private static void Compare(FootprintResult result, List<Expectation> expectations, List<string> failures)
    {
        using var json = JsonDocument.Parse(FootprintResultJson.Write(result, new FootprintResultJsonOptions { Indented = false }));
        foreach (var e in expectations)
        {
            if (!VectorPath.TryEvaluate(json.RootElement, e.Path, out var got, out var error))
            {
                failures.Add(error);
                continue;
            }

            if (e.Value.ValueKind == JsonValueKind.Number)
            {
                double want = e.Value.GetDouble();
                if (got.ValueKind != JsonValueKind.Number)
                {
                    failures.Add($"{e.Path} expected {Exact(want)} got {got.GetRawText()} (not a number)");
                    continue;
                }

                double actual = got.GetDouble();
                double allowed = Math.Max(e.Tolerance.Absolute, e.Tolerance.Relative * Math.Abs(want));
                if (!(Math.Abs(actual - want) <= allowed))
                {
                    failures.Add($"{e.Path} expected {Exact(want)} got {Exact(actual)} (tolerance {Number(allowed)})");
                }
            }
            else if (!JsonElement.DeepEquals(e.Value, got))
            {
                failures.Add($"{e.Path} expected {e.Value.GetRawText()} got {got.GetRawText()}");
            }
        }
    }

    private static (double Relative, double Absolute) ReadTolerance(JsonElement owner, string at, (double Relative, double Absolute) defaults, List<string> failures)
    {
        if (!owner.TryGetProperty("tolerance", out var t))
        {
            return defaults;
        }

        if (t.ValueKind != JsonValueKind.Object)
        {
            failures.Add($"{at}.tolerance: must be an object with \"relative\" and/or \"absolute\"");
            return defaults;
        }

        return (Read("relative", defaults.Relative), Read("absolute", defaults.Absolute));

        double Read(string name, double fallback)
        {
            if (!t.TryGetProperty(name, out var v))
            {
                return fallback;
            }

            if (v.ValueKind == JsonValueKind.Number && v.GetDouble() is var d && double.IsFinite(d) && d >= 0)
            {
                return d;
            }

            failures.Add($"{at}.tolerance.{name}: must be a non-negative number");
            return fallback;
        }
    }

    private static Func<ProductSystem, Demand>? ReadDemand(JsonElement root, List<string> failures)
    {
        if (!root.TryGetProperty("demand", out var d))
        {
            return null;
        }

        if (d.ValueKind != JsonValueKind.Object
            || !d.TryGetProperty("flow", out var flow) || flow.ValueKind != JsonValueKind.String
            || !d.TryGetProperty("amount", out var amount) || amount.ValueKind != JsonValueKind.Number
            || !d.TryGetProperty("unit", out var unitName) || unitName.ValueKind != JsonValueKind.String)
        {
            failures.Add("$.demand: must be { \"flow\": id, \"amount\": number, \"unit\": symbol, \"process\": optional id }");
            return null;
        }

        if (!Unit.TryParse(unitName.GetString(), out var unit))
        {
            failures.Add($"$.demand.unit: '{unitName.GetString()}' is not a known unit");
            return null;
        }

        if (!double.IsFinite(amount.GetDouble()))
        {
            failures.Add("$.demand.amount: must be finite");
            return null;
        }

        ProcessId? process = d.TryGetProperty("process", out var p) && p.ValueKind == JsonValueKind.String ? new ProcessId(p.GetString()!) : (ProcessId?)null;
        var quantity = Quantity.Of(amount.GetDouble(), unit);
        string flowId = flow.GetString()!;
        return _ => new Demand(new FlowId(flowId), quantity, process);
    }

    private static List<Expectation> ReadExpected(JsonElement expected, (double Relative, double Absolute) tolerance, List<string> failures)
    {
        var list = new List<Expectation>();
        if (expected.ValueKind != JsonValueKind.Array || expected.GetArrayLength() == 0)
        {
            failures.Add("$.expected: must be a non-empty array of { \"path\", \"value\", \"tolerance\"? }");
            return list;
        }

        int i = 0;
        foreach (var e in expected.EnumerateArray())
        {
            string at = $"$.expected[{i++}]";
            if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty("path", out var path) || path.ValueKind != JsonValueKind.String)
            {
                failures.Add($"{at}.path: required, a path into the pcf-result/1 document such as byProcess[p2].co2e");
                continue;
            }

            if (!VectorPath.TryParse(path.GetString()!, out _, out var error))
            {
                failures.Add($"{at}.path: {error}");
                continue;
            }

            if (!e.TryGetProperty("value", out var value))
            {
                failures.Add($"{at}.value: required");
                continue;
            }

            foreach (var member in e.EnumerateObject().Where(m => m.Name is not ("path" or "value" or "tolerance" or "derivation")))
            {
                failures.Add($"{at}.{member.Name}: unknown member; an expectation has path, value, tolerance and derivation");
            }

            list.Add(new Expectation(path.GetString()!, value.Clone(), ReadTolerance(e, at, tolerance, failures)));
        }

        return list;
    }

    private static List<string> ReadCodes(JsonElement codes, List<string> failures)
    {
        if (codes.ValueKind != JsonValueKind.Array || codes.GetArrayLength() == 0 || codes.EnumerateArray().Any(c => c.ValueKind != JsonValueKind.String))
        {
            failures.Add("$.expectedProblems: must be a non-empty array of problem codes such as \"PCF0501\"");
            return [];
        }

        return [.. codes.EnumerateArray().Select(c => c.GetString()!)];
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

    // "$.processes[0].unit" inside the inline system is "$.system.processes[0].unit" in the vector.
    private static string Prefix(string at, string path) => path.StartsWith('$') ? at + path[1..] : $"{at}: {path}";

    private static bool DeclaresVectorFormat(string file)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(file), ReadOptions);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("format", out var format)
                && format.ValueKind == JsonValueKind.String
                && format.GetString() == Format;
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            // Not JSON, or unreadable: not a vector (a folder may hold other files); *.vector.json files are always run.
            return false;
        }
    }

    private static VectorOutcome Fail(string id, string path, string failure) => new(id, path, [failure]);

    private sealed record Expectation(string Path, JsonElement Value, (double Relative, double Absolute) Tolerance);
}
