using System.CommandLine;
using System.Text;
using Pcf.Accounting.Pact;

namespace Pcf.Accounting.Cli.Commands;

/// <summary><c>pcf export</c>: calculates, then writes the result as a PACT ProductFootprint, 3.0 by default or 2.3 on request.</summary>
internal static class ExportCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="context">Where it writes.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliContext context)
    {
        var inputs = new CalculationOptionSet();
        var pact = new Option<string>("--pact")
        {
            Description = "The PACT Technical Specifications version to write: 3.0 by default, 2.3 on request.",
            DefaultValueFactory = _ => "3.0",
            HelpName = "3.0|2.3",
        };
        pact.AcceptOnlyFromAmong("3.0", "2.3");
        var product = new Option<string>("--product")
        {
            Description = "The product and company metadata: a JSON file with companyName, companyIds, productIds, productNameCompany, productDescription (and optional PACT fields; see docs/cli.md).",
            Required = true,
            HelpName = "meta.json",
        };
        var output = new Option<string>("--out", "-o")
        {
            Description = "Write the footprint to this file instead of standard output.",
            HelpName = "file",
        };
        var command = new Command("export", "Calculates a footprint and exports it as a PACT ProductFootprint: 3.0 unless --pact 2.3 asks for the deprecated version. Losses and approximations are printed as warnings on standard error.");
        inputs.AddTo(command);
        command.Options.Add(pact);
        command.Options.Add(product);
        command.Options.Add(output);
        Examples.Add(command,
            "pcf export system.json --product product.json",
            "pcf export system.json --pact 2.3 --product product.json --rules PACT3 --out footprint-2.3.json");
        command.SetAction(async (parse, ct) =>
        {
            string productFile = parse.GetRequiredValue(product);
            if (parse.GetValue(output) is { Length: > 0 } target)
            {
                Calculation.EnsureWritable(target); // before the calculation, which may take long
            }

            bool v2 = parse.GetValue(pact) == "2.3";
            var calculation = inputs.Read(parse);
            // The document is prepared under the progress line; warnings and output are written after it is gone.
            var (json, losses) = await context.RunWithProgressAsync($"Reading {productFile}", async step =>
            {
                var metadata = await Calculation.ReadProductMetadataAsync(context, productFile, ct).ConfigureAwait(false);

                var result = await Calculation.CalculateAsync(context, calculation, step, ct).ConfigureAwait(false);
                step($"Exporting PACT {(v2 ? "2.3" : "3.0")}");
                if (!v2)
                {
                    var export = PactExporter.ToV3(result, metadata);
                    return export.IsValid
                        ? (PactJson.Write(export.Value.Value), export.Value.Losses)
                        : throw CliException.FromProblems("The PACT 3.0 export failed.", productFile, export.Problems);
                }

                var export2 = PactExporter.ToV2(result, metadata);
                return export2.IsValid
                    ? (PactJson.Write(export2.Value.Value), export2.Value.Losses)
                    : throw CliException.FromProblems("The PACT 2.3 export failed.", productFile, export2.Problems);
            }).ConfigureAwait(false);

            foreach (var loss in losses)
            {
                context.Error.WriteLine($"warning: {loss.Path}  {loss.Kind}  {loss.Reason}");
            }

            if (parse.GetValue(output) is { Length: > 0 } file)
            {
                await Calculation.WriteFileAsync(file, json, ct).ConfigureAwait(false);
                context.Error.WriteLine($"Wrote {file}.");
            }
            else
            {
                context.Out.Write(Encoding.UTF8.GetString(json));
                context.Out.WriteLine();
                context.Out.Flush();
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
