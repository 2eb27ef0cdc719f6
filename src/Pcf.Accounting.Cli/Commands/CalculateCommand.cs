using System.CommandLine;
using System.Text;
using Pcf.Accounting.Cli.Rendering;
using Pcf.Accounting.Json;
using Pcf.Accounting.Reporting;
using Spectre.Console.Rendering;

namespace Pcf.Accounting.Cli.Commands;

/// <summary><c>pcf calculate</c>: the footprint of a product system, as tables and charts or as pcf-result/1 JSON.</summary>
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
        var output = new Option<string>("--out", "-o")
        {
            Description = "Write the json or csv document to this file instead of standard output (atomically: the file is whole or not written).",
            HelpName = "file",
        };
        var explain = new Option<bool>("--explain")
        {
            Description = "Include the explanation tree (json: under \"explanation\"; table: as a tree after the report).",
        };
        var allReported = new Option<bool>("--all-reported")
        {
            Description = "Show every separately reported quantity, zeros included (table format).",
        };
        var command = new Command("calculate", "Calculates the carbon footprint of one declared unit of a product system, with the embedded default emission factors and any factor files given.");
        inputs.AddTo(command);
        command.Options.Add(format);
        command.Options.Add(explain);
        command.Options.Add(allReported);
        command.Options.Add(output);
        Examples.Add(command,
            "pcf calculate samples/steel-bracket.json --factors coil-factors.json",
            "pcf calculate system.json --gwp AR5 --rules PACT3 --format json --out result.json",
            "pcf calculate system.json --format csv --out contributions.csv",
            "pcf calculate system.json --factors company.csv --factors supplier.json --explain",
            "pcf calculate system.json --factors supplier-footprint.pact.json",
            "pcf calculate system.json --factors steel/coil=supplier-footprint.pact.json");
        command.SetAction(async (parse, ct) =>
        {
            var calculation = inputs.Read(parse);
            string kind = (parse.GetValue(format) ?? "table").ToLowerInvariant();
            string? target = parse.GetValue(output) is { Length: > 0 } o ? o : null;
            if (target is not null)
            {
                if (kind == "table")
                {
                    throw new CliException("--out writes a document: add --format json or --format csv.", exitCode: ExitCodes.Usage);
                }

                Calculation.EnsureWritable(target); // before the calculation, which may take long
            }

            // The output is prepared under the progress line and written after it is gone.
            var prepared = await context.RunWithProgressAsync<(string? Text, List<IRenderable>? Report)>($"Reading {calculation.SystemFile}", async step =>
            {
                var result = await Calculation.CalculateAsync(context, calculation, step, ct).ConfigureAwait(false);
                switch (kind)
                {
                    case "json":
                        step("Writing pcf-result/1 JSON");
                        return (FootprintResultJson.Write(result, new FootprintResultJsonOptions { Indented = true, IncludeExplanation = parse.GetValue(explain) }) + "\n", null);
                    case "csv":
                        step("Writing the CSV tables");
                        return (FootprintReport.ToCsv(result), null);
                }

                step("Rendering the report");
                var report = ResultRenderer.Build(result, parse.GetValue(allReported), context.Console.Profile.Width);
                if (parse.GetValue(explain))
                {
                    step("Explaining");
                    report.AddRange(ExplanationRenderer.Build([result.Explain()]));
                }

                return (null, report);
            }).ConfigureAwait(false);

            if (prepared.Text is { } text)
            {
                if (target is not null)
                {
                    await Calculation.WriteFileAsync(target, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text), ct).ConfigureAwait(false);
                    context.Error.WriteLine($"Wrote {target}.");
                }
                else
                {
                    context.Out.Write(text);
                    context.Out.Flush();
                }
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
}
