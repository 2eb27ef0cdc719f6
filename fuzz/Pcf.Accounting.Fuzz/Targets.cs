using Microsoft.Extensions.DependencyInjection;
using Pcf.Accounting.Cli;
using Pcf.Accounting.Factors.Files;
using Pcf.Accounting.Engine;
using Pcf.Accounting.Factors;
using Pcf.Accounting.Json;
using Pcf.Accounting.Pact;
using Pcf.Accounting.Pact.Events;
using Pcf.Accounting.Results;
using Pcf.Accounting.Templates;
using Pcf.Accounting.Vectors;
using Spectre.Console;

namespace Pcf.Accounting.Fuzz;

/// <summary>The parsers under test. Each takes raw bytes, as a file would give them; whatever a parser accepts goes on through
/// what users do next with it (a system is calculated, explained and written as pcf-result/1 and read back; a result is explained
/// and written again), so that "accepted here, crashes there" is found too.</summary>
internal sealed partial class Targets : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly string _work;
    private readonly JsonReadOptions _limits;

    /// <summary>Initializes the targets: the library's services (with the embedded default factors, as the tool has them) and a
    /// scratch folder for the targets that need files (vectors and their system files, the tool).</summary>
    /// <param name="corpusRoot">The corpus root (<c>fuzz/corpus</c>): the vector target's system files come from <c>vector-files</c> there.</param>
    public Targets(string corpusRoot)
    {
        // The readers' limits as configured, with a smaller size limit: an input naming /dev/urandom stops at 16 MiB, not 256,
        // so that one execution stays short (the size check is the same code at any limit).
        _services = PcfCli.DefaultServices()
            .Configure<Pcf.Accounting.DependencyInjection.PcfAccountingOptions>(o => o.JsonLimits = o.JsonLimits with { MaxDocumentBytes = 16 * 1024 * 1024 })
            .BuildServiceProvider();
        _limits = _services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Pcf.Accounting.DependencyInjection.PcfAccountingOptions>>().Value.JsonLimits;
        _work = Path.Combine(Path.GetTempPath(), "pcf-fuzz-" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(_work);
        string files = Path.Combine(corpusRoot, "vector-files");
        if (Directory.Exists(files))
        {
            foreach (var file in Directory.EnumerateFiles(files))
            {
                File.Copy(file, Path.Combine(_work, Path.GetFileName(file)), overwrite: true);
            }
        }

        All =
        [
            new("system", "pcf-system/1: read; if valid, calculate, explain (whole and by gas), write pcf-result/1 and read it back", SystemTarget, SmokeRuns: 5_000),
            new("factors-json", "pcf-factors/1: read", bytes => Observe("read", FactorJson.Read(bytes).Problems)),
            new("factors-csv", "the factor CSV: read", bytes => Observe("read", FactorCsv.Read(bytes).Problems)),
            new("pact", "a PACT ProductFootprint document (3.0 or 2.3; one, a list or a response): read and validate", Pact),
            new("pact-event", "a PACT event (CloudEvents JSON): read", bytes => Observe("read", PactEventJson.Read(bytes).Problems)),
            new("product-metadata", "the --product metadata of pcf export: read", bytes => Observe("read", PactProductMetadataJson.Read(bytes).Problems)),
            new("vector", "pcf-vector/1: read from a file and run (its systemFile and factorFiles read within the limits)", Vector, SmokeRuns: 3_000),
            new("result", "pcf-result/1: read; if valid, explain and write it again", Result),
            new("template-params", "pcf-template-params/1: read; if valid, bind to the named template (cement, steel, electronics), build, calculate, explain, write pcf-result/1 and read it back", TemplateParams, SmokeRuns: 5_000),
            new("cli", "pcf calculate and pcf explain on the input as a system file: every line of the error output is checked", Cli, SmokeRuns: 3_000),
        ];
    }

    /// <summary>Gets every target.</summary>
    public IReadOnlyList<FuzzTarget> All { get; }

    /// <inheritdoc/>
    public void Dispose()
    {
        _services.Dispose();
        try
        {
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
            // Left for the system's temporary-file clean-up.
        }
    }

    private static Observation Observe(string stage, IEnumerable<Validation.ValidationProblem> problems)
    {
        var o = new Observation();
        o.Add(stage, problems);
        o.Reached(o.Problems.Count == 0 ? $"{stage}:valid" : $"{stage}:invalid");
        return o;
    }

    private Observation SystemTarget(byte[] bytes)
    {
        var o = new Observation();
        var read = ProductSystemJson.Read(bytes);
        CheckFastPath(bytes, read);
        o.Add("read", read.Problems);
        if (!read.IsValid)
        {
            return o;
        }

        o.Reached("read:valid");
        using var scope = _services.CreateScope();
        var calculator = scope.ServiceProvider.GetRequiredService<IFootprintCalculator>();
        var calculated = calculator.CalculateAsync(read.Value).AsTask().GetAwaiter().GetResult();
        o.Add("calculate", calculated.Problems);
        if (!calculated.IsValid)
        {
            return o;
        }

        o.Reached("calculate:valid");
        CheckResult(calculated.Value, o);
        return o;
    }

    // The reader's streaming path for valid documents, when it takes a document, must give what the walker gives: the same
    // problems (path, code, message) or the same system (written text and content hash). A disagreement throws, so that the
    // in-process loop and afl-fuzz both report it as a crash.
    private static void CheckFastPath(byte[] bytes, Validation.ValidationResult<Model.ProductSystem> read)
    {
        var walked = ProductSystemJson.ReadWalking(bytes, JsonReadOptions.Default);
        var fast = ProductSystemJson.ReadFast(bytes, JsonReadOptions.Default);
        foreach (var (name, other) in new[] { ("the fast path", fast), ("Read", (Validation.ValidationResult<Model.ProductSystem>?)read) })
        {
            if (other is null)
            {
                continue;
            }

            bool same = walked.IsValid == other.IsValid
                && walked.Problems.Select(p => (p.Path, p.Code, p.Message)).SequenceEqual(other.Problems.Select(p => (p.Path, p.Code, p.Message)))
                && (!walked.IsValid || (walked.Value.ContentHash == other.Value.ContentHash
                    && ProductSystemJson.Write(walked.Value) == ProductSystemJson.Write(other.Value)));
            if (!same)
            {
                throw new InvalidOperationException($"pcf-system/1: {name} and the walker disagree on this input ({walked.Problems.Length} against {other.Problems.Length} problems, valid {walked.IsValid} against {other.IsValid}).");
            }
        }
    }

    // warningsMade: the warnings are the library's own (a calculation made them), so the oracle checks them. A result read from a
    // document holds the warnings stored in it, which are that document's data (any code a view gave, any text), read back as
    // they are: the library did not word them, so they are not checked as its messages.
    private static void CheckResult(FootprintResult result, Observation o, bool warningsMade = true)
    {
        if (warningsMade)
        {
            o.Add("warning", result.Warnings);
        }
        else
        {
            o.Reached(result.Warnings.IsEmpty ? "warnings:none" : "warnings:some");
        }

        if (!double.IsFinite(result.TotalExcludingBiogenicUptake.Value) || !double.IsFinite(result.TotalIncludingBiogenicUptake.Value))
        {
            o.Violations.Add($"a total is not finite: {result.TotalExcludingBiogenicUptake.Value}, {result.TotalIncludingBiogenicUptake.Value}");
        }

        foreach (var line in result.ByProcess)
        {
            if (!double.IsFinite(line.Total.Value))
            {
                o.Violations.Add($"the line of process '{line.Process}' is not finite");
            }
        }

        var tree = result.Explain(0, 50);
        int nodes = tree.Flatten().Count();
        if (nodes > Explainer.DefaultMaximumNodes + 1)
        {
            o.Violations.Add($"the explanation has {nodes} nodes, past its budget of {Explainer.DefaultMaximumNodes}");
        }

        foreach (var gas in result.ByGas)
        {
            if (gas.Gas is { } g)
            {
                _ = result.ExplainGas(g);
            }
        }

        o.Reached("explained");
        var json = FootprintResultJson.Write(result, new FootprintResultJsonOptions { IncludeExplanation = true });
        var back = FootprintResultJson.Read(json);
        if (!back.IsValid)
        {
            o.Violations.Add("the result written as pcf-result/1 does not read back: " + string.Join("; ", back.Problems.Take(3)));
        }
        else
        {
            o.Reached("round-trip");
        }
    }

    private static Observation Pact(byte[] bytes)
    {
        var o = new Observation();
        var report = PactJson.Validate(bytes);
        o.Add("validate", report.Errors);
        o.Add("validate-warning", report.Warnings);
        var read = PactJson.Read(bytes);
        o.Add("read", read.Problems);
        o.Reached(read.IsValid ? "read:valid" : "read:invalid");
        if (read.IsValid)
        {
            // What export and import do next: write it, convert it to the other version (reporting losses, never throwing).
            foreach (var footprint in read.Value.Footprints)
            {
                if (footprint.V3 is { } v3)
                {
                    _ = PactJson.Write(v3);
                    var v2 = PactConverter.ToV2(v3);
                    o.Add("convert", v2.Problems);
                }
                else if (footprint.V2 is { } old)
                {
                    _ = PactJson.Write(old);
                    var converted = PactConverter.ToV3(old);
                    o.Add("convert", converted.Problems);
                }
            }
        }

        return o;
    }

    private Observation TemplateParams(byte[] bytes)
    {
        var o = new Observation();
        var read = TemplateParametersJson.Read(bytes, _limits);
        o.Add("read", read.Problems);
        if (!read.IsValid)
        {
            return o;
        }

        o.Reached("read:valid");
        // Files a template's parameters name (an electronics bill of materials) are looked up in the scratch folder, which holds
        // the corpus's vector-files.
        var (id, input) = read.Value;
        using var scope = _services.CreateScope();
        var built = scope.ServiceProvider.GetRequiredService<ITemplateCatalog>().Build(id, input.InFolder(_work));
        o.Add("build", built.Problems);
        if (!built.IsValid)
        {
            return o;
        }

        o.Reached("build:valid");
        o.Add("build-warning", built.Value.Warnings);
        var calculated = scope.ServiceProvider.GetRequiredService<IFootprintCalculator>().CalculateAsync(built.Value).AsTask().GetAwaiter().GetResult();
        o.Add("calculate", calculated.Problems);
        if (calculated.IsValid)
        {
            o.Reached("calculate:valid");
            CheckResult(calculated.Value, o);
        }

        return o;
    }

    private Observation Vector(byte[] bytes)
    {
        var o = new Observation();
        string file = Path.Combine(_work, "input.vector.json");
        File.WriteAllBytes(file, bytes);
        using var scope = _services.CreateScope();
        var runner = scope.ServiceProvider.GetRequiredService<ReferenceVectorRunner>();
        var outcome = runner.RunFileAsync(file).GetAwaiter().GetResult();
        foreach (var failure in outcome.Failures)
        {
            o.Messages.Add(failure);
            // A failure names the vector's path ($...) or an expected value's, or a problem code.
            if (!failure.Contains('$', StringComparison.Ordinal) && !failure.Contains("PCF", StringComparison.Ordinal) && !ExpectationLine().IsMatch(failure))
            {
                o.Messages.Add("!unplaced: " + failure);
            }

            // The scratch folder's name holds the process id: not part of the behaviour (the same seed gives the same inputs).
            string kind = failure.Replace(_work, "<work>", StringComparison.Ordinal);
            o.Features.Add("fail:" + (kind.Length > 24 ? kind[..24] : kind));
        }

        o.Reached(outcome.Passed ? "passed" : "failed");
        return o;
    }

    // A failed expectation names the value's path in the result, as the vector gives it (any text): byProcess[plant-sc].co2e
    // expected 1.5 got 1.6 (tolerance 1E-09).
    [System.Text.RegularExpressions.GeneratedRegex(@"^.+? (expected |not found: )", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex ExpectationLine();

    private static Observation Result(byte[] bytes)
    {
        var o = new Observation();
        var read = FootprintResultJson.Read(bytes);
        o.Add("read", read.Problems);
        if (read.IsValid)
        {
            o.Reached("read:valid");
            CheckResult(read.Value, o, warningsMade: false);
        }

        return o;
    }

    private Observation Cli(byte[] bytes)
    {
        var o = new Observation();
        string file = Path.Combine(_work, "input.json");
        File.WriteAllBytes(file, bytes);
        foreach (var args in new[] { new[] { "calculate", file, "--format", "json" }, ["explain", file, "--depth", "40"] })
        {
            var error = new StringWriter();
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(TextWriter.Null), Ansi = AnsiSupport.No, Interactive = InteractionSupport.No });
            int exit = PcfCli.RunAsync(args, console, error, services: _services).GetAwaiter().GetResult();
            o.Reached($"{args[0]}:{exit}");
            foreach (var line in error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                o.Messages.Add(line);
                // The detail lines of a failure name the file, then the path and the code.
                if (!line.StartsWith("pcf:", StringComparison.Ordinal) && !line.StartsWith("Run '", StringComparison.Ordinal) && !line.StartsWith("warning", StringComparison.Ordinal)
                    && !line.StartsWith(file + ": ", StringComparison.Ordinal))
                {
                    o.Messages.Add("!unplaced: " + line);
                }
            }

            if (exit != 0 && !error.ToString().Contains(file, StringComparison.Ordinal))
            {
                o.Messages.Add("!unplaced: a failure that does not name the file: " + error.ToString().Trim());
            }
        }

        return o;
    }
}
