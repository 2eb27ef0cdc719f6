using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Parquet;
using Parquet.Schema;
using Pcf.Accounting.Cli.Rendering;
using Pcf.Accounting.DependencyInjection;
using Pcf.Accounting.Engine;
using Pcf.Accounting.Factors;
using Pcf.Accounting.Json;
using Pcf.Accounting.Model;
using Pcf.Accounting.Results;
using Pcf.Accounting.Rules;
using Pcf.Accounting.Sampling;
using Pcf.Accounting.Uncertainty;
using Spectre.Console.Rendering;

namespace Pcf.Accounting.Cli.Commands;

/// <summary><c>pcf uncertainty</c>: a Monte Carlo run of a product system, with a histogram in the terminal, the samples as CSV or
/// Parquet on request, and a comparison of two systems with common random numbers.</summary>
internal static class UncertaintyCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="context">Where it writes.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliContext context)
    {
        var inputs = new CalculationOptionSet();
        var monteCarlo = new MonteCarloOptionSet(iterationsName: "--iterations", defaultIterations: 1000);
        var format = new Option<string>("--format")
        {
            Description = "table: the statistics, a histogram and the inputs that matter most; json: the pcf-result/1 document with its \"uncertainty\" member (with --compare: both documents and the comparison); csv: the statistics as one CSV table, a row per quantity (columns in docs/cli.md).",
            DefaultValueFactory = _ => "table",
            HelpName = "table|json|csv",
        };
        format.AcceptOnlyFromAmong(StringComparer.OrdinalIgnoreCase, "table", "json", "csv");
        var output = DocumentOutput.Option("the json or csv document");
        var samples = new Option<string?>("--samples")
        {
            Description = "Write every draw of every reported quantity to this file: .csv (text) or .parquet (Apache Parquet), by its extension.",
            HelpName = "file.csv|file.parquet",
        };
        var compare = new Option<string?>("--compare")
        {
            Description = "A second pcf-system/1 file, sampled with the same seed and common random numbers: prints P(first < second) and the difference's distribution.",
            HelpName = "other-system.json",
        };
        var allReported = new Option<bool>("--all-reported")
        {
            Description = "Show every reported quantity, those zero in every draw included (table format).",
        };
        var command = new Command("uncertainty", "Samples a product system's footprint by Monte Carlo (seeded, parallel, reproducible): mean, median, standard deviation and percentiles of the total and of each reported quantity, convergence, and each uncertain input's contribution to variance.");
        inputs.AddTo(command);
        monteCarlo.AddTo(command);
        command.Options.Add(format);
        command.Options.Add(output);
        command.Options.Add(samples);
        command.Options.Add(compare);
        command.Options.Add(allReported);
        Examples.Add(command,
            "pcf uncertainty system.json --factors factors.json --iterations 10000 --seed 42",
            "pcf uncertainty system.json --iterations 100000 --target-rse 0.001 --samples draws.parquet",
            "pcf uncertainty design-a.json --compare design-b.json --iterations 5000",
            "pcf uncertainty system.json --mode technosphere --format json --out result.json",
            "pcf uncertainty system.json --iterations 10000 --format csv --out statistics.csv");
        command.SetAction(async (parse, ct) =>
        {
            var calculation = inputs.Read(parse);
            string kind = (parse.GetValue(format) ?? "table").ToLowerInvariant();
            string? target = DocumentOutput.Target(parse, output, kind != "table", "--format json or --format csv");
            string? samplesFile = parse.GetValue(samples);
            string? other = parse.GetValue(compare);
            if (samplesFile is not null)
            {
                Calculation.EnsureWritable(samplesFile);
                if (SamplesFormat(samplesFile) is null)
                {
                    throw new CliException($"--samples '{samplesFile}': the file must end in .csv or .parquet.");
                }
            }

            var options = monteCarlo.Read(parse) with { KeepSamples = samplesFile is not null || other is not null };
            if (other is not null)
            {
                options = options with { TargetRelativeStandardError = null };
            }

            var prepared = await context.RunWithProgressAsync<(string? Text, List<IRenderable>? Report, FootprintResult? Document)>($"Reading {calculation.SystemFile}", async step =>
            {
                var a = await CalculateAsync(context, calculation, options, step, ct).ConfigureAwait(false);
                UncertaintyCalculation? b = null;
                if (other is not null)
                {
                    b = await CalculateAsync(context, calculation with { SystemFile = other }, options, step, ct).ConfigureAwait(false);
                }

                if (samplesFile is not null)
                {
                    step($"Writing {samplesFile}");
                    await WriteSamplesAsync(samplesFile, a.Run.Samples!, ct).ConfigureAwait(false);
                }

                var comparison = b is null ? null : MonteCarlo.Compare(a.Run, b.Run);
                if (kind == "json")
                {
                    // One result is written as it is rendered (a large system's result is never held whole); a comparison is small.
                    return b is null ? (null, null, a.Result) : (ComparisonJson(a.Result, b.Result, comparison!) + "\n", null, null);
                }

                if (kind == "csv")
                {
                    return (TableOutput.ToCsv(context, [UncertaintyRenderer.StatisticsTable(a.Result.System.Name, a.Result.Uncertainty!, comparison, b?.Result.System.Name)]), null, null);
                }

                string perUnit = $"{ProblemText.Number(a.Result.Demand.Amount.Value)} {a.Result.Demand.Amount.Unit.Symbol} {a.Result.Demand.Product}";
                var report = new List<IRenderable>
                {
                    new Spectre.Console.Text($"{a.Result.System.Name}: {ProblemText.Number(a.Result.TotalExcludingBiogenicUptake.Value)} kg CO2e per {perUnit} (stated amounts)\n"),
                };
                report.AddRange(UncertaintyRenderer.Build(a.Result.Uncertainty!, perUnit, parse.GetValue(allReported), context.Console.Profile.Width));
                if (b is not null)
                {
                    report.Add(new Spectre.Console.Text($"\n{b.Result.System.Name}: {ProblemText.Number(b.Result.TotalExcludingBiogenicUptake.Value)} kg CO2e per its declared unit (stated amounts)\n"));
                    report.AddRange(UncertaintyRenderer.Build(b.Result.Uncertainty!, "declared unit", parse.GetValue(allReported), context.Console.Profile.Width));
                    report.AddRange(UncertaintyRenderer.Comparison(comparison!, a.Result.System.Name, b.Result.System.Name));
                }

                if (samplesFile is not null)
                {
                    report.Add(new Spectre.Console.Text($"Samples: {samplesFile} ({a.Run.Samples!.Count.ToString("N0", CultureInfo.InvariantCulture)} rows)\n"));
                }

                return (null, report, null);
            }).ConfigureAwait(false);

            if (prepared.Text is { } text)
            {
                await DocumentOutput.WriteAsync(context, target, text, ct).ConfigureAwait(false);
            }
            else if (prepared.Document is { } document)
            {
                await DocumentOutput.WriteAsync(context, target, stream => FootprintResultJson.Write(stream, document, JsonOptions), ct).ConfigureAwait(false);
            }
            else
            {
                foreach (var part in prepared.Report!)
                {
                    context.Console.Write(part);
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Reads the system and factor files and calculates with its uncertainty, with the factor files before the registered providers.</summary>
    /// <param name="context">The command's context.</param>
    /// <param name="inputs">The system file, factor files, GWP set and rule set.</param>
    /// <param name="options">How to sample.</param>
    /// <param name="step">Told each step as it starts.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The result with its statistics, and the run.</returns>
    /// <exception cref="CliException">A file is missing or invalid, or the calculation or the run failed.</exception>
    public static async Task<UncertaintyCalculation> CalculateAsync(CliContext context, CalculationInputs inputs, MonteCarloOptions options, Action<string> step, CancellationToken cancellationToken)
    {
        step($"Reading {inputs.SystemFile}");
        var system = await Calculation.ReadSystemAsync(context, inputs.SystemFile, cancellationToken).ConfigureAwait(false);
        var providers = await Calculation.ReadFactorFilesAsync(context, inputs.FactorFiles, cancellationToken).ConfigureAwait(false);
        using var scope = context.Services.CreateScope();
        var services = scope.ServiceProvider;
        providers.AddRange(services.GetRequiredService<FactorResolver>().Providers);
        var settings = services.GetRequiredService<PcfAccountingSettings>();
        var calculator = new UncertaintyCalculator(new FactorResolver(providers, settings.FactorResolution), settings,
            services.GetRequiredService<IRuleSetRegistry>(), services.GetServices<IFootprintView>());
        var calculation = new CalculationOptions(Calculation.RuleSetOf(context, inputs.RuleSet), inputs.GwpSet);
        var result = await calculator.CalculateAsync(system, options, calculation, new StepProgress(step), cancellationToken).ConfigureAwait(false);
        return result.IsValid
            ? result.Value
            : throw CliException.FromProblems($"The uncertainty analysis of '{inputs.SystemFile}' failed ({result.Problems.Length} problem{(result.Problems.Length == 1 ? string.Empty : "s")}).", inputs.SystemFile, result.Problems);
    }

    private static readonly FootprintResultJsonOptions JsonOptions = new() { Indented = true };

    // Both documents and the comparison: { "a": pcf-result/1, "b": pcf-result/1, "comparison": { ... } }.
    private static string ComparisonJson(FootprintResult a, FootprintResult b, MonteCarloComparison comparison)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WritePropertyName("a");
            w.WriteRawValue(FootprintResultJson.Write(a));
            w.WritePropertyName("b");
            w.WriteRawValue(FootprintResultJson.Write(b));
            w.WriteStartObject("comparison");
            w.WriteString("quantity", comparison.Difference.Quantity);
            w.WriteNumber("probabilityALessThanB", comparison.ProbabilityALessThanB);
            w.WriteStartObject("difference");
            w.WriteNumber("mean", comparison.Difference.Mean);
            w.WriteNumber("standardDeviation", comparison.Difference.StandardDeviation);
            w.WriteNumber("median", comparison.Difference.Median);
            w.WriteNumber("minimum", comparison.Difference.Minimum);
            w.WriteNumber("maximum", comparison.Difference.Maximum);
            w.WriteStartArray("percentiles");
            foreach (var p in comparison.Difference.Percentiles)
            {
                w.WriteStartObject();
                w.WriteNumber("level", p.Level);
                w.WriteNumber("value", p.Value);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    private static string? SamplesFormat(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".csv" => "csv",
        ".parquet" => "parquet",
        _ => null,
    };

    /// <summary>Writes the samples: CSV through the library, Parquet as one row group with an <c>iteration</c> column and one double column per quantity.</summary>
    private static async Task WriteSamplesAsync(string path, MonteCarloSamples samples, CancellationToken cancellationToken)
    {
        try
        {
            var file = File.Create(path);
            await using (file.ConfigureAwait(false))
            {
                if (SamplesFormat(path) == "csv")
                {
                    samples.WriteCsv(file);
                    return;
                }

                var iteration = new DataField<int>("iteration");
                var columns = samples.Quantities.Select(q => new DataField<double>(q)).ToArray();
                var schema = new ParquetSchema([iteration, .. columns]);
                var writer = await ParquetWriter.CreateAsync(schema, file, cancellationToken: cancellationToken).ConfigureAwait(false);
                await using (writer.ConfigureAwait(false))
                {
                    using var group = writer.CreateRowGroup();
                    await group.WriteAsync(iteration, (ReadOnlyMemory<int>)Enumerable.Range(0, samples.Count).ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
                    for (int q = 0; q < columns.Length; q++)
                    {
                        await group.WriteAsync(columns[q], samples.ValuesOf(samples.Quantities[q]), cancellationToken: cancellationToken).ConfigureAwait(false);
                    }
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot write '{path}': {e.Message}", e);
        }
    }

    // The library's progress, shown as the command's steps.
    private sealed class StepProgress(Action<string> step) : IProgress<CalculationProgress>
    {
        public void Report(CalculationProgress value) => step(value.ToString());
    }
}

/// <summary>The options of a Monte Carlo run shared by <c>pcf uncertainty</c> and <c>pcf calculate --monte-carlo</c>.</summary>
internal sealed class MonteCarloOptionSet
{
    /// <summary>Initializes the options.</summary>
    /// <param name="iterationsName">The name of the iterations option (<c>--iterations</c>, or <c>--monte-carlo</c> for calculate).</param>
    /// <param name="defaultIterations">The default number of iterations, or <see langword="null"/> for none (no run unless given).</param>
    public MonteCarloOptionSet(string iterationsName, int? defaultIterations)
    {
        Iterations = new Option<int?>(iterationsName)
        {
            Description = defaultIterations is { } d
                ? $"The number of Monte Carlo iterations (at most; fewer when --target-rse is reached), 2 to 10,000,000; default {d.ToString(CultureInfo.InvariantCulture)}."
                : "Also run a Monte Carlo uncertainty analysis of N iterations (2 to 10,000,000); the statistics go in the report and in pcf-result/1's \"uncertainty\".",
            HelpName = "N",
        };
        if (defaultIterations is { } value)
        {
            Iterations.DefaultValueFactory = _ => value;
        }
    }

    /// <summary>Gets the iterations.</summary>
    public Option<int?> Iterations { get; }

    /// <summary>Gets the seed.</summary>
    public Option<long> Seed { get; } = new("--seed")
    {
        Description = "The seed: the same seed gives the same draws and statistics, on any number of threads. Default 1.",
        DefaultValueFactory = _ => 1,
        HelpName = "S",
    };

    /// <summary>Gets the thread count.</summary>
    public Option<int?> Threads { get; } = new("--threads")
    {
        Description = "The largest number of threads (default: one per processor); the result does not depend on it.",
        HelpName = "T",
    };

    /// <summary>Gets the target relative standard error.</summary>
    public Option<double?> Target { get; } = new("--target-rse")
    {
        Description = "Stop when the relative standard error of the total's running mean reaches this (e.g. 0.001), checked every fiftieth of the iterations.",
        HelpName = "x",
    };

    /// <summary>Gets the mode.</summary>
    public Option<string> Mode { get; } = ModeOption();

    /// <summary>Gets whether pedigree widening is off.</summary>
    public Option<bool> NoPedigree { get; } = new("--no-pedigree")
    {
        Description = "Do not widen the data-quality scores of factors without a distribution (by default the ecoinvent pedigree matrix turns them into a lognormal).",
    };

    /// <summary>Adds the options to a command.</summary>
    /// <param name="command">The command.</param>
    public void AddTo(Command command)
    {
        command.Options.Add(Iterations);
        command.Options.Add(Seed);
        command.Options.Add(Threads);
        command.Options.Add(Target);
        command.Options.Add(Mode);
        command.Options.Add(NoPedigree);
    }

    /// <summary>Reads the options of a parse.</summary>
    /// <param name="parse">The parse.</param>
    /// <returns>The options; a value out of range is a <see cref="CliException"/> naming the option.</returns>
    /// <exception cref="CliException">A value is out of range.</exception>
    public MonteCarloOptions Read(ParseResult parse)
    {
        var options = MonteCarloOptions.Default with { Seed = parse.GetValue(Seed) };
        options = Set(options, Iterations.Name, o => parse.GetValue(Iterations) is { } n ? o with { Iterations = n } : o);
        options = Set(options, Threads.Name, o => o with { MaxDegreeOfParallelism = parse.GetValue(Threads) });
        options = Set(options, Target.Name, o => o with { TargetRelativeStandardError = parse.GetValue(Target) });
        options = options with
        {
            Mode = (parse.GetValue(Mode) ?? "auto").ToLowerInvariant() switch
            {
                "fixed-scaling" => MonteCarloMode.FixedScaling,
                "technosphere" => MonteCarloMode.Technosphere,
                _ => MonteCarloMode.Automatic,
            },
            Pedigree = parse.GetValue(NoPedigree) ? null : PedigreeMatrix.Ecoinvent3,
        };
        return options;
    }

    private static MonteCarloOptions Set(MonteCarloOptions options, string name, Func<MonteCarloOptions, MonteCarloOptions> set)
    {
        try
        {
            return set(options);
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new CliException($"{name}: {e.Message.Split(" (Parameter", 2)[0]}", details: null, exitCode: ExitCodes.Usage);
        }
    }

    private static Option<string> ModeOption()
    {
        var option = new Option<string>("--mode")
        {
            Description = "auto: sample the technosphere (refactorizing each draw) only when a product exchange between processes has a distribution; fixed-scaling: keep the scaling vector (factors, direct emissions and factor-supplied amounts only, no solve per draw); technosphere: always refactorize.",
            DefaultValueFactory = _ => "auto",
            HelpName = "auto|fixed-scaling|technosphere",
        };
        option.AcceptOnlyFromAmong(StringComparer.OrdinalIgnoreCase, "auto", "fixed-scaling", "technosphere");
        return option;
    }
}
