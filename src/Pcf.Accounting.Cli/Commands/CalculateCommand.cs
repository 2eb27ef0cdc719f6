using System.CommandLine;
using Pcf.Accounting.Cli.Rendering;
using Pcf.Accounting.Json;
using Pcf.Accounting.Reporting;
using Pcf.Accounting.Results;
using Pcf.Accounting.Sampling;
using Pcf.Accounting.Uncertainty;
using Spectre.Console.Rendering;

namespace Pcf.Accounting.Cli.Commands;

/// <summary><c>pcf calculate</c>: the footprint of a product system, as tables and charts or as pcf-result/1 JSON, with a Monte Carlo run on request.</summary>
internal static class CalculateCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="context">Where it writes.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliContext context)
    {
        var inputs = new CalculationOptionSet();
        var format = new Option<string>("--format")
        {
            Description = "table: a report with tables and charts; json: the pcf-result/1 document; csv: the totals and contribution tables as one CSV table (columns in docs/cli.md).",
            DefaultValueFactory = _ => "table",
            HelpName = "table|json|csv",
        };
        format.AcceptOnlyFromAmong(StringComparer.OrdinalIgnoreCase, "table", "json", "csv");
        var output = DocumentOutput.Option("the json or csv document");
        var explain = new Option<bool>("--explain")
        {
            Description = "Include the explanation tree (json: under \"explanation\"; table: as a tree after the report).",
        };
        var allReported = new Option<bool>("--all-reported")
        {
            Description = "Show every separately reported quantity, zeros included (table format).",
        };
        var monteCarlo = new Option<int?>("--monte-carlo")
        {
            Description = "Also run a Monte Carlo uncertainty analysis of N iterations (2 to 10,000,000): its statistics follow the report, and pcf-result/1 carries them as \"uncertainty\" (pcf uncertainty has every option).",
            HelpName = "N",
        };
        var seed = new Option<long>("--seed")
        {
            Description = "The Monte Carlo seed: the same seed gives the same statistics, on any number of threads. Default 1.",
            DefaultValueFactory = _ => 1,
            HelpName = "S",
        };
        var command = new Command("calculate", "Calculates the carbon footprint of one declared unit of a product system, with the embedded default emission factors and any factor files given.");
        inputs.AddTo(command);
        command.Options.Add(format);
        command.Options.Add(explain);
        command.Options.Add(allReported);
        command.Options.Add(output);
        command.Options.Add(monteCarlo);
        command.Options.Add(seed);
        Examples.Add(command,
            "pcf calculate samples/steel-bracket.json --factors coil-factors.json",
            "pcf calculate system.json --gwp AR5 --rules PACT3 --format json --out result.json",
            "pcf calculate system.json --format csv --out contributions.csv",
            "pcf calculate system.json --factors company.csv --factors supplier.json --explain",
            "pcf calculate system.json --factors supplier-footprint.pact.json",
            "pcf calculate system.json --factors steel/coil=supplier-footprint.pact.json",
            "pcf calculate system.json --monte-carlo 10000 --seed 42");
        command.SetAction(async (parse, ct) =>
        {
            var calculation = inputs.Read(parse);
            string kind = (parse.GetValue(format) ?? "table").ToLowerInvariant();
            string? target = DocumentOutput.Target(parse, output, kind != "table", "--format json or --format csv");

            MonteCarloOptions? sampling = null;
            if (parse.GetValue(monteCarlo) is { } iterations)
            {
                try
                {
                    sampling = new MonteCarloOptions { Iterations = iterations, Seed = parse.GetValue(seed) };
                }
                catch (ArgumentOutOfRangeException e)
                {
                    throw new CliException($"--monte-carlo: {e.Message.Split(" (Parameter", 2)[0]}", details: null, exitCode: ExitCodes.Usage);
                }
            }

            var jsonOptions = new FootprintResultJsonOptions { Indented = true, IncludeExplanation = parse.GetValue(explain) };

            // The output is prepared under the progress line and written after it is gone; JSON is written as it is rendered,
            // to standard output or, for --out, to a temporary file that then replaces the target (atomically); CSV whole.
            var prepared = await context.RunWithProgressAsync<(FootprintResult Result, string? Text, List<IRenderable>? Report)>($"Reading {calculation.SystemFile}", async step =>
            {
                var result = sampling is null
                    ? await Calculation.CalculateAsync(context, calculation, step, ct).ConfigureAwait(false)
                    : (await UncertaintyCommand.CalculateAsync(context, calculation, sampling, step, ct).ConfigureAwait(false)).Result;
                switch (kind)
                {
                    case "json":
                        step("Writing pcf-result/1 JSON"); // written as it is rendered, once the progress line is gone
                        return (result, null, null);
                    case "csv":
                        step("Writing the CSV tables");
                        return (result, FootprintReport.ToCsv(result), null);
                }

                step("Rendering the report");
                var report = ResultRenderer.Build(result, parse.GetValue(allReported), context.Console.Profile.Width);
                if (result.Uncertainty is { } uncertainty)
                {
                    string perUnit = $"{ProblemText.Number(result.Demand.Amount.Value)} {result.Demand.Amount.Unit.Symbol} {result.Demand.Product}";
                    report.AddRange(UncertaintyRenderer.Build(uncertainty, perUnit, parse.GetValue(allReported), context.Console.Profile.Width));
                }

                if (parse.GetValue(explain))
                {
                    step("Explaining");
                    report.AddRange(ExplanationRenderer.Build([result.Explain()]));
                }

                return (result, null, report);
            }).ConfigureAwait(false);

            if (prepared.Text is { } text)
            {
                await DocumentOutput.WriteAsync(context, target, text, ct).ConfigureAwait(false);
            }
            else if (prepared.Report is null)
            {
                await DocumentOutput.WriteAsync(context, target, stream => FootprintResultJson.Write(stream, prepared.Result, jsonOptions), ct).ConfigureAwait(false);
            }
            else
            {
                foreach (var part in prepared.Report)
                {
                    context.Console.Write(part);
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
