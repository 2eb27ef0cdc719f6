using System.CommandLine;
using System.Globalization;
using Pcf.Accounting.Cli.Rendering;
using Pcf.Accounting.Data;
using Pcf.Accounting.Factors;
using Spectre.Console;

namespace Pcf.Accounting.Cli.Commands;

/// <summary><c>pcf factors list|find</c>: browse the embedded emission-factor datasets and factor files.</summary>
internal static class FactorsCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="context">Where it writes.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliContext context)
    {
        var command = new Command("factors", "Browses emission factors: the embedded datasets (Pcf.Accounting.Data) and any factor files given.");
        command.Subcommands.Add(List(context));
        command.Subcommands.Add(Find(context));
        Examples.Add(command, "pcf factors list --dataset china-electricity-lifecycle-2023", "pcf factors find natural-gas --region CN");
        return command;
    }

    private static Command List(CliContext context)
    {
        var dataset = new Option<string>("--dataset")
        {
            Description = $"Only this embedded dataset: {string.Join(", ", DefaultFactors.Datasets)}.",
            HelpName = "id",
        };
        dataset.AcceptOnlyFromAmong([.. DefaultFactors.Datasets]);
        var files = CalculationOptionSet.FactorFilesOption();
        files.Description = "Also list the factors of this file (.json = pcf-factors/1, .csv = the factor CSV, or a PACT footprint as a supplier factor); repeatable.";
        var command = new Command("list", "Lists emission factors: key, region, year, unit, amounts, kind, confidence and source.");
        command.Options.Add(dataset);
        command.Options.Add(files);
        Examples.Add(command, "pcf factors list", "pcf factors list --dataset ipcc-2006-stationary-combustion", "pcf factors list --factors company.json");
        command.SetAction(async (parse, ct) =>
        {
            var catalogs = new List<(string Name, IEnumerable<EmissionFactor> Factors)>();
            var only = parse.GetValue(dataset);
            foreach (var d in DefaultFactors.Datasets.Where(d => only is null || d == only))
            {
                catalogs.Add(($"embedded dataset {d}", DefaultFactors.ReadDataset(d).Factors));
            }

            foreach (var file in parse.GetValue(files) ?? [])
            {
                catalogs.Add((file, (await Calculation.ReadCatalogAsync(context, file, ct).ConfigureAwait(false)).Factors));
            }

            Render(context.Console, catalogs);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Find(CliContext context)
    {
        var text = new Argument<string>("text") { Description = "Text to look for in factor keys and names, ignoring case." };
        var region = new Option<string>("--region") { Description = "Only factors of this region (CN, CN-JS, CN-GRID-EAST, GLO ...).", HelpName = "region" };
        var year = NumberOptions.WholeNumber("--year");
        year.Description = "Only factors of this reference year.";
        year.HelpName = "year";
        var files = CalculationOptionSet.FactorFilesOption();
        files.Description = "Also search this factor file; repeatable.";
        var command = new Command("find", "Finds emission factors by text in their key or name, optionally for one region and year.");
        command.Arguments.Add(text);
        command.Options.Add(region);
        command.Options.Add(year);
        command.Options.Add(files);
        Examples.Add(command, "pcf factors find electricity/grid --region CN --year 2023", "pcf factors find coal", "pcf factors find steel --factors suppliers.json");
        command.SetAction(async (parse, ct) =>
        {
            var catalogs = new List<(string Name, FactorCatalog Catalog)> { ("embedded defaults", DefaultFactors.Catalog) };
            foreach (var file in parse.GetValue(files) ?? [])
            {
                catalogs.Add((file, await Calculation.ReadCatalogAsync(context, file, ct).ConfigureAwait(false)));
            }

            string wanted = parse.GetRequiredValue(text);
            var found = catalogs.Select(c => (c.Name, Factors: (IEnumerable<EmissionFactor>)c.Catalog.Search(wanted, parse.GetValue(region), parse.GetValue(year)).ToList())).ToList();
            if (found.All(c => !c.Factors.Any()))
            {
                context.Console.Write(new Text($"No factor matches '{wanted}'{(parse.GetValue(region) is { } r ? $" in region {r}" : string.Empty)}{(parse.GetValue(year) is { } y ? $" for {y}" : string.Empty)}.\n"));
                return ExitCodes.Success;
            }

            Render(context.Console, found.Where(c => c.Factors.Any()));
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Render(IAnsiConsole console, IEnumerable<(string Name, IEnumerable<EmissionFactor> Factors)> catalogs)
    {
        foreach (var (name, factors) in catalogs)
        {
            var list = factors.ToList();
            var table = Cells.Table($"{name} ({list.Count} factor{(list.Count == 1 ? string.Empty : "s")})",
                "Key", "Region", "Year", "Per", "Amounts (kg/unit)", "Kind", "Confidence", "Source");
            // Many factors share a source: the table refers to it by number and the sources follow the table.
            var sources = new List<string>();
            foreach (var f in list)
            {
                string source = $"{f.Provenance.Publisher}, {f.Provenance.Document}" + (f.Provenance.Dataset is { } d ? $" [{d}{(f.Provenance.DatasetVersion is { } v ? " " + v : string.Empty)}]" : string.Empty);
                int index = sources.IndexOf(source);
                if (index < 0)
                {
                    sources.Add(source);
                    index = sources.Count - 1;
                }

                table.AddRow(
                    Cells.Text(f.Key),
                    Cells.Text(f.Region),
                    Cells.Text(f.Year?.ToString(CultureInfo.InvariantCulture) ?? "any"),
                    Cells.Text(f.PerUnit.Symbol),
                    Cells.Text(Amounts(f)),
                    Cells.Text(Names.Of(f.Provenance.Kind)),
                    Cells.Text(Names.Of(f.Provenance.Confidence)),
                    Cells.Text($"[{index + 1}]"));
            }

            console.Write(table);
            for (int i = 0; i < sources.Count; i++)
            {
                console.Write(new Text($"[{i + 1}] {sources[i]}\n"));
            }

            console.WriteLine();
        }
    }

    /// <summary>Describes a factor's amounts: <c>CO2-fossil 0.5306</c> per gas, or <c>CO2e 0.6205 (AR5)</c>.</summary>
    /// <param name="factor">The factor.</param>
    /// <returns>The text.</returns>
    internal static string Amounts(EmissionFactor factor) => string.Join("; ", factor.Components.Select(c =>
        (c.Gas is { } gas ? gas.Id : "CO2e") + " " + (c.Sign < 0 ? "-" : string.Empty) + ProblemText.Number(c.Amount)
        + (c.Kind == Model.ElementaryExchangeKind.Emission ? string.Empty : $" ({c.Kind})")
        + (c.IsCo2e && factor.GwpBasis is { } basis ? $" ({basis.Id})" : string.Empty)));
}
