using System.CommandLine;
using Pcf.Accounting.Cli.Rendering;
using Pcf.Accounting.Json;

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
            Description = "table: a report with tables and charts; json: the pcf-result/1 document, alone on standard output.",
            DefaultValueFactory = _ => "table",
            HelpName = "table|json",
        };
        format.AcceptOnlyFromAmong(StringComparer.OrdinalIgnoreCase, "table", "json");
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
        Examples.Add(command,
            "pcf calculate samples/steel-bracket.json --factors coil-factors.json",
            "pcf calculate system.json --gwp AR5 --rules PACT3 --format json > result.json",
            "pcf calculate system.json --factors company.csv --factors supplier.json --explain");
        command.SetAction(async (parse, ct) =>
        {
            var result = await Calculation.CalculateAsync(inputs.Read(parse), ct).ConfigureAwait(false);
            if (string.Equals(parse.GetValue(format), "json", StringComparison.OrdinalIgnoreCase))
            {
                context.Out.Write(FootprintResultJson.Write(result, new FootprintResultJsonOptions { Indented = true, IncludeExplanation = parse.GetValue(explain) }));
                context.Out.WriteLine();
                context.Out.Flush();
            }
            else
            {
                ResultRenderer.Render(context.Console, result, parse.GetValue(allReported));
                if (parse.GetValue(explain))
                {
                    ExplanationRenderer.Render(context.Console, [result.Explain()]);
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
