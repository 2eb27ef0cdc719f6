using System.CommandLine;
using System.Text;
using Pcf.Accounting.Reporting;
using Pcf.Accounting.Results;

namespace Pcf.Accounting.Cli.Commands;

/// <summary><c>pcf report</c>: calculates a footprint and writes it as one self-contained HTML page (charts included) or its contribution tables as CSV.</summary>
internal static class ReportCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="context">Where it writes.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliContext context)
    {
        var inputs = new CalculationOptionSet();
        inputs.System.Description = "The product system: a pcf-system/1 JSON file.";
        var format = new Option<string>("--format")
        {
            Description = "html: one self-contained page with charts (no script, nothing fetched when viewed); csv: the totals and contribution tables, one row per item.",
            DefaultValueFactory = _ => "html",
            HelpName = "html|csv",
        };
        format.AcceptOnlyFromAmong(StringComparer.OrdinalIgnoreCase, "html", "csv");
        var language = new Option<string>("--lang")
        {
            Description = "The language of the page's labels: en (English) or zh (Simplified Chinese).",
            DefaultValueFactory = _ => "en",
            HelpName = "en|zh",
        };
        language.AcceptOnlyFromAmong(StringComparer.OrdinalIgnoreCase, "en", "zh");
        var title = new Option<string>("--title")
        {
            Description = "The page title (default: the product system's name).",
            HelpName = "text",
        };
        var output = new Option<string>("--out", "-o")
        {
            Description = "Write the report to this file instead of standard output.",
            HelpName = "file",
        };
        var command = new Command("report", "Calculates the footprint of a product system and writes a report: one HTML file with the totals, separately reported quantities, contribution charts, the supply chain, factors, allocation, data quality and warnings (--format html), or the contribution tables as CSV (--format csv).");
        inputs.AddTo(command);
        command.Options.Add(format);
        command.Options.Add(language);
        command.Options.Add(title);
        command.Options.Add(output);
        Examples.Add(command,
            "pcf report system.json --out report.html",
            "pcf report system.json --lang zh --factors supplier.json --out report-zh.html",
            "pcf report samples/utilities-loop.json --format csv",
            "pcf report system.json --format csv --out contributions.csv");
        command.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(output) is { Length: > 0 } target)
            {
                Calculation.EnsureWritable(target); // before the calculation, which may take long
            }

            bool csv = string.Equals(parse.GetValue(format), "csv", StringComparison.OrdinalIgnoreCase);
            var options = new FootprintReportOptions
            {
                Language = string.Equals(parse.GetValue(language), "zh", StringComparison.OrdinalIgnoreCase) ? ReportLanguage.Chinese : ReportLanguage.English,
                Title = parse.GetValue(title),
            };
            var calculation = inputs.Read(parse);
            var bytes = await context.RunWithProgressAsync($"Reading {calculation.SystemFile}", async step =>
            {
                var result = await ResultOfAsync(context, calculation, step, ct).ConfigureAwait(false);
                step(csv ? "Writing the CSV" : "Rendering the report");
                using var stream = new MemoryStream();
                if (csv)
                {
                    FootprintReport.WriteCsv(result, stream, options);
                }
                else
                {
                    FootprintReport.WriteHtml(result, stream, options);
                }

                return stream.ToArray();
            }).ConfigureAwait(false);

            if (parse.GetValue(output) is { Length: > 0 } file)
            {
                await Calculation.WriteFileAsync(file, bytes, ct).ConfigureAwait(false);
                context.Error.WriteLine($"Wrote {file}.");
            }
            else
            {
                // Standard output carries text: no byte-order mark there.
                context.Out.Write(Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF'));
                context.Out.Flush();
            }

            return ExitCodes.Success;
        });
        return command;
    }

    // The result to report: a pcf-result/1 file is read back as it was calculated (no factors needed); a pcf-system/1 file is calculated.
    private static Task<FootprintResult> ResultOfAsync(CliContext context, CalculationInputs calculation, Action<string> step, CancellationToken cancellationToken) =>
        Calculation.ResultOrCalculateAsync(context, calculation, step, cancellationToken);
}
