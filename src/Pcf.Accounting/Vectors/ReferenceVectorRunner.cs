using System.Globalization;
using System.Text.Json;
using Pcf.Accounting.Engine;
using Pcf.Accounting.Factors;
using Pcf.Accounting.Factors.Files;
using Pcf.Accounting.Json;
using Pcf.Accounting.Model;
using Pcf.Accounting.Results;
using Pcf.Accounting.Rules;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Vectors;

/// <summary>Runs reference vectors (<c>pcf-vector/1</c>): reads the input (a system, a system file, or a template with parameters),
/// calculates, and compares the result's <c>pcf-result/1</c> document with the expected values, or the problems with the expected codes.</summary>
/// <remarks>
/// <para>A vector is self-contained: only its own factors are used unless it sets <c>useDefaultFactors</c>, which adds the runner's
/// default providers after them. Rule sets are found in the runner's registry (so a rule set added with <c>AddRuleSet</c> is
/// available to vectors); the registered views are computed, and a template vector's own views too. Everything wrong with a vector
/// (bad JSON, a bad system, a missing file, a view that throws) is reported as its failure, never thrown.</para>
/// <para>Registered by <c>services.AddPcfAccounting()</c>; <c>pcf verify</c> uses the same runner.</para>
/// </remarks>
/// <example><code>
/// var runner = scope.ServiceProvider.GetRequiredService&lt;ReferenceVectorRunner&gt;();
/// foreach (var outcome in await runner.RunAllAsync("tests/vectors"))
///     foreach (var line in outcome.Lines()) Console.WriteLine(line);   // PASS three-process-loop
/// </code></example>
/// <threadsafety>Thread-safe when its providers and views are.</threadsafety>
public sealed class ReferenceVectorRunner
{
    private readonly IRuleSetRegistry _ruleSets;
    private readonly IReadOnlyList<IFootprintView> _views;
    private readonly IReadOnlyList<IEmissionFactorProvider> _defaults;
    private readonly FactorFileLoader _files;
    private readonly IVectorTemplates? _templates;
    private readonly JsonReadOptions _limits;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="ruleSets">The rule sets; <see langword="null"/> for <see cref="RuleSetRegistry.BuiltIn"/>.</param>
    /// <param name="views">Views computed over every result; <see langword="null"/> for none.</param>
    /// <param name="defaultFactors">The providers a vector with <c>useDefaultFactors</c> asks after its own; <see langword="null"/> for none.</param>
    /// <param name="factorFiles">Reads a vector's factor files; <see langword="null"/> for <see cref="FactorFileLoader.Default"/>.</param>
    /// <param name="templates">Builds template vectors' systems; <see langword="null"/> when no templates are registered (a template vector then fails saying so).</param>
    /// <param name="limits">Limits for reading vectors and their files; <see langword="null"/> for <see cref="JsonReadOptions.Default"/>.</param>
    public ReferenceVectorRunner(
        IRuleSetRegistry? ruleSets = null,
        IEnumerable<IFootprintView>? views = null,
        IEnumerable<IEmissionFactorProvider>? defaultFactors = null,
        FactorFileLoader? factorFiles = null,
        IVectorTemplates? templates = null,
        JsonReadOptions? limits = null)
    {
        _ruleSets = ruleSets ?? RuleSetRegistry.BuiltIn;
        _views = views?.ToArray() ?? [];
        _defaults = defaultFactors?.ToArray() ?? [];
        _files = factorFiles ?? FactorFileLoader.Default;
        _templates = templates;
        _limits = limits ?? JsonReadOptions.Default;
    }

    /// <summary>Finds the vectors of a file or folder: a file is always a vector; a folder's vectors are its <c>*.vector.json</c> files and
    /// any other <c>*.json</c> file whose <c>format</c> is <c>pcf-vector/1</c>, in every subfolder, in path order.</summary>
    /// <param name="fileOrFolder">The file or folder.</param>
    /// <returns>The vector files; empty when neither a file nor a folder exists there.</returns>
    public static IReadOnlyList<string> Discover(string fileOrFolder)
    {
        ArgumentNullException.ThrowIfNull(fileOrFolder);
        if (File.Exists(fileOrFolder))
        {
            return [fileOrFolder];
        }

        if (!Directory.Exists(fileOrFolder))
        {
            return [];
        }

        return [.. Directory.EnumerateFiles(fileOrFolder, "*.json", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(ReferenceVectorJson.Extension, StringComparison.OrdinalIgnoreCase) || DeclaresVectorFormat(f))
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>Runs every vector of a file or folder.</summary>
    /// <param name="fileOrFolder">The file or folder.</param>
    /// <param name="progress">Told before each vector: its index, the count and its file; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The outcomes, in path order.</returns>
    public async Task<IReadOnlyList<VectorOutcome>> RunAllAsync(string fileOrFolder, IProgress<(int Index, int Count, string File)>? progress = null, CancellationToken cancellationToken = default)
    {
        var files = Discover(fileOrFolder);
        var outcomes = new List<VectorOutcome>(files.Count);
        for (int i = 0; i < files.Count; i++)
        {
            progress?.Report((i, files.Count, files[i]));
            outcomes.Add(await RunFileAsync(files[i], cancellationToken).ConfigureAwait(false));
        }

        return outcomes;
    }

    /// <summary>Runs one vector file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="cancellationToken">Cancels the calculation.</param>
    /// <returns>The outcome; a vector that cannot be read fails with the reasons.</returns>
    public async Task<VectorOutcome> RunFileAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        string fallbackId = Path.GetFileName(path);
        fallbackId = fallbackId.EndsWith(ReferenceVectorJson.Extension, StringComparison.OrdinalIgnoreCase)
            ? fallbackId[..^ReferenceVectorJson.Extension.Length]
            : Path.GetFileNameWithoutExtension(path);
        var bytes = await JsonFile.ReadAsync(path, _limits, cancellationToken).ConfigureAwait(false);
        if (!bytes.IsValid)
        {
            return new VectorOutcome(fallbackId, path, [.. bytes.Problems.Select(p => $"{path}: {p.Message}")]);
        }

        var read = ReferenceVectorJson.Read(bytes.Value, Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".", _limits);
        if (!read.IsValid)
        {
            return new VectorOutcome(ReferenceVectorJson.TryReadId(bytes.Value) ?? fallbackId, path, [.. read.Problems.Select(Line)]);
        }

        var outcome = await RunAsync(read.Value, cancellationToken).ConfigureAwait(false);
        return outcome with { File = path };
    }

    /// <summary>Runs one vector.</summary>
    /// <param name="vector">The vector.</param>
    /// <param name="cancellationToken">Cancels the calculation.</param>
    /// <returns>The outcome.</returns>
    public async Task<VectorOutcome> RunAsync(ReferenceVector vector, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(vector);
        var failures = new List<string>();
        var inputProblems = new List<ValidationProblem>();
        var inputLines = new List<string>();
        void Collect(IEnumerable<ValidationProblem> problems, Func<ValidationProblem, string> line)
        {
            foreach (var p in problems)
            {
                inputProblems.Add(p);
                inputLines.Add(line(p));
            }
        }

        // The input: a system, a system file, or a template.
        ProductSystem? system = vector.System;
        RuleSet? templateRules = null;
        IReadOnlyList<IFootprintView> views = _views;
        if (vector.SystemFile is { } systemFile)
        {
            string file = Path.Combine(vector.Folder, systemFile);
            var bytes = await JsonFile.ReadAsync(file, _limits, cancellationToken).ConfigureAwait(false);
            if (!bytes.IsValid)
            {
                Collect(bytes.Problems, p => $"$.systemFile: '{systemFile}': {p.Message}");
            }
            else
            {
                var read = ProductSystemJson.Read(bytes.Value, _limits);
                Collect(read.Problems, p => $"{systemFile}: {Line(p)}");
                system = read.IsValid ? read.Value : null;
            }
        }
        else if (vector.Template is { } template)
        {
            if (_templates is null)
            {
                failures.Add($"$.template: the template '{template.Id}' cannot be built: no templates are registered with the runner (add a template package, such as AddCementTemplates()).");
                return new VectorOutcome(vector.Id, null, [.. failures]);
            }

            var built = _templates.Build(template with { Folder = vector.Folder });
            Collect(built.Problems, p => Line(p with { Path = p.Path.StartsWith('$') ? "$.template.parameters" + p.Path[1..] : p.Path }));
            if (built.IsValid)
            {
                system = built.Value.System;
                templateRules = built.Value.RuleSet;
                views = [.. _views, .. built.Value.Views.Where(v => !_views.Any(r => r.Id == v.Id))];
            }
        }

        // The factors: inline, then files, then the defaults when asked.
        var providers = new List<IEmissionFactorProvider>();
        if (vector.Factors is { } inline)
        {
            providers.Add(new InMemoryFactorProvider("vector factors", inline));
        }

        foreach (var name in vector.FactorFiles)
        {
            var loaded = await _files.LoadAsync(Path.Combine(vector.Folder, name), cancellationToken).ConfigureAwait(false);
            Collect(loaded.Problems, p => $"{name}: {Line(p)}");
            if (loaded.IsValid)
            {
                providers.Add(loaded.Value);
            }
        }

        if (vector.UseDefaultFactors)
        {
            providers.AddRange(_defaults);
        }

        RuleSet? ruleSet = templateRules ?? _ruleSets.Default;
        if (vector.RuleSet is { } ruleSetId && !_ruleSets.TryFind(ruleSetId, out ruleSet))
        {
            failures.Add($"$.ruleSet: '{ruleSetId}' is not a rule set; known: {string.Join(", ", _ruleSets.All.Select(r => r.Id))}");
            return new VectorOutcome(vector.Id, null, [.. failures]);
        }

        if (inputProblems.Count == 0 && system is not null)
        {
            ValidationResult<FootprintResult> calculation;
            try
            {
                var calculator = new FootprintCalculator(new FactorResolver(providers), null, _ruleSets, views);
                calculation = await calculator.CalculateAsync(system, new CalculationOptions(ruleSet, vector.GwpSet, vector.Demand), null, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A vector that breaks the engine is a failing vector, reported with the reason, not a crash of the run.
                return new VectorOutcome(vector.Id, null, [$"the calculation threw {e.GetType().Name}: {e.Message}"]);
            }

            Collect(calculation.Problems, Line);
            if (calculation.IsValid)
            {
                if (!vector.ExpectedProblems.IsEmpty)
                {
                    failures.Add($"expected the problems {string.Join(", ", vector.ExpectedProblems)} but the calculation succeeded (pcfExcludingBiogenicUptake {Exact(calculation.Value.TotalExcludingBiogenicUptake.Value)})");
                }
                else
                {
                    Compare(calculation.Value, vector, failures);
                }

                return new VectorOutcome(vector.Id, null, [.. failures]);
            }
        }

        if (!vector.ExpectedProblems.IsEmpty)
        {
            foreach (var code in vector.ExpectedProblems.Where(c => !inputProblems.Any(p => p.Code == c)))
            {
                failures.Add($"expected problem {code}, got {(inputLines.Count == 0 ? "none" : string.Join("; ", inputLines))}");
            }
        }
        else
        {
            failures.AddRange(inputLines);
        }

        return new VectorOutcome(vector.Id, null, [.. failures]);
    }

    private static void Compare(FootprintResult result, ReferenceVector vector, List<string> failures)
    {
        using var json = JsonDocument.Parse(FootprintResultJson.Write(result, new FootprintResultJsonOptions { Indented = false }));
        foreach (var e in vector.Expected)
        {
            if (!VectorPath.TryEvaluate(json.RootElement, e.Path, out var got, out var error))
            {
                failures.Add(error);
                continue;
            }

            using var expectedDocument = JsonDocument.Parse(e.ExpectedJson);
            var expected = expectedDocument.RootElement;
            if (expected.ValueKind == JsonValueKind.Number)
            {
                double want = expected.GetDouble();
                if (got.ValueKind != JsonValueKind.Number)
                {
                    failures.Add($"{e.Path} expected {Exact(want)} got {got.GetRawText()} (not a number)");
                    continue;
                }

                double actual = got.GetDouble();
                double allowed = e.Tolerance.Allowed(want);
                if (!(Math.Abs(actual - want) <= allowed))
                {
                    failures.Add($"{e.Path} expected {Exact(want)} got {Exact(actual)} (tolerance {allowed.ToString("G3", CultureInfo.InvariantCulture)})");
                }
            }
            else if (!SameValue(expected, got))
            {
                failures.Add($"{e.Path} expected {expected.GetRawText()} got {got.GetRawText()}");
            }
        }
    }

    // A string, boolean or null: the same kind and, for a string, the same text.
    private static bool SameValue(JsonElement a, JsonElement b) =>
        a.ValueKind == b.ValueKind && (a.ValueKind != JsonValueKind.String || a.GetString() == b.GetString())
        && a.ValueKind is JsonValueKind.String or JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null;

    private static string Line(ValidationProblem p) => $"{p.Path}  {p.Code}  {p.Message}";

    private static string Exact(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static bool DeclaresVectorFormat(string file)
    {
        try
        {
            using var stream = File.OpenRead(file);
            var head = new byte[Math.Min(stream.Length, 64 * 1024)];
            int n = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            return ReferenceVectorJson.DeclaresFormat(head.AsSpan(0, n));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false; // unreadable: not a vector (a folder may hold other files); *.vector.json files are always run
        }
    }
}
