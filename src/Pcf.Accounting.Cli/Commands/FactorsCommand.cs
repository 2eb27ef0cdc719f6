using Microsoft.Extensions.DependencyInjection;
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
        var output = new TableOutput();
        output.AddTo(command);
        Examples.Add(command, "pcf factors list", "pcf factors list --dataset ipcc-2006-stationary-combustion", "pcf factors list --factors company.json",
            "pcf factors list --format csv --out factors.csv");
        command.SetAction(async (parse, ct) =>
        {
            output.Check(parse);
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

            await RenderAsync(context, parse, output, catalogs, ct).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Find(CliContext context)
    {
        var text = new Argument<string>("text") { Description = "Text to look for in factor keys and names, ignoring case." };
        var region = new Option<string>("--region")
        {
            Description = "Resolve for this region (CN, CN-JS, DE-BY, US-EGRID-CAMX, GLO ...) with the fallbacks 'pcf calculate' applies, and show them.",
            HelpName = "region",
        };
        var year = NumberOptions.WholeNumber("--year");
        year.Description = "Resolve for this reference year (with the same year fallback as 'pcf calculate').";
        year.HelpName = "year";
        var files = CalculationOptionSet.FactorFilesOption();
        files.Description = "Also search this factor file, before the embedded data as in 'pcf calculate'; repeatable.";
        var command = new Command("find", "Finds emission factors by text in their key or name; with --region or --year, resolves each key as 'pcf calculate' would and shows the fallbacks taken.");
        command.Arguments.Add(text);
        command.Options.Add(region);
        command.Options.Add(year);
        command.Options.Add(files);
        var output = new TableOutput();
        output.AddTo(command);
        Examples.Add(command, "pcf factors find electricity/grid --region DE-BY --year 2024", "pcf factors find coal", "pcf factors find fuel/natural-gas --region CN", "pcf factors find steel --factors suppliers.json");
        command.SetAction(async (parse, ct) =>
        {
            bool csv = output.Check(parse);
            var fileList = parse.GetValue(files) ?? [];
            var catalogs = new List<(string Name, FactorCatalog Catalog)> { ("embedded defaults", DefaultFactors.Catalog) };
            foreach (var file in fileList)
            {
                catalogs.Add((file, await Calculation.ReadCatalogAsync(context, file, ct).ConfigureAwait(false)));
            }

            string wanted = parse.GetRequiredValue(text);
            string? askedRegion = parse.GetValue(region);
            int? askedYear = parse.GetValue(year);
            var found = catalogs.Select(c => (c.Name, Factors: (IEnumerable<EmissionFactor>)c.Catalog.Search(wanted).ToList())).ToList();
            if (found.All(c => !c.Factors.Any()) && !csv)
            {
                context.Console.Write(new Text($"No factor matches '{wanted}'.\n"));
                return ExitCodes.Success;
            }

            if (askedRegion is null && askedYear is null)
            {
                await RenderAsync(context, parse, output, found.Where(c => c.Factors.Any()), ct).ConfigureAwait(false);
                return ExitCodes.Success;
            }

            // The providers of 'pcf calculate', in its order: the files given, then the embedded data.
            var providers = await Calculation.ReadFactorFilesAsync(context, fileList, ct).ConfigureAwait(false);
            using (var scope = context.Services.CreateScope())
            {
                providers.AddRange(scope.ServiceProvider.GetRequiredService<FactorResolver>().Providers);
            }

            var requests = found.SelectMany(c => c.Factors).Select(f => (f.Key, f.PerUnit)).Distinct().Select(k => new FactorRequest(k.Key, askedRegion, askedYear, k.PerUnit)).ToList();
            await RenderResolvedAsync(context, parse, output, requests, providers, ct).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task RenderResolvedAsync(CliContext context, ParseResult parse, TableOutput output, List<FactorRequest> requests, List<IEmissionFactorProvider> providers, CancellationToken cancellationToken)
    {
        bool csv = output.Check(parse);
        var table = Cells.Table($"Resolved as 'pcf calculate' would ({requests.Count} request{(requests.Count == 1 ? string.Empty : "s")})",
            "Key", "Asked", "Found", "Fallbacks", "Amounts (kg/unit)", "Kind", "Provider", "Source");
        var sources = new List<string>();
        foreach (var request in requests)
        {
            FactorMatch? match = null;
            string? problem = null;
            foreach (var provider in providers)
            {
                var lookup = await provider.FindAsync(request, cancellationToken).ConfigureAwait(false);
                if (lookup.Status == FactorLookupStatus.WrongDimension)
                {
                    problem = $"{provider.Name} has it per {lookup.FactorUnit!.Symbol} ({lookup.FactorUnit.Dimension}), not per {request.Unit.Symbol}";
                    break;
                }

                if (lookup.Match is { } found)
                {
                    match = found;
                    break;
                }
            }

            string asked = $"{request.Region ?? RegionHierarchy.Global} {request.Year?.ToString(CultureInfo.InvariantCulture) ?? "latest"} per {request.Unit.Symbol}";
            if (match is null)
            {
                table.AddRow(Cells.Text(request.Key), Cells.Text(asked), Cells.Text(problem ?? "none (PCF0401)"), Cells.Text(string.Empty), Cells.Text(string.Empty), Cells.Text(string.Empty), Cells.Text(string.Empty), Cells.Text(string.Empty));
                continue;
            }

            var f = match.Factor;
            string source = $"{f.Provenance.Publisher}, {f.Provenance.Document}" + (f.Provenance.Dataset is { } d ? $" [{d}{(f.Provenance.DatasetVersion is { } v ? " " + v : string.Empty)}]" : string.Empty)
                + (f.Provenance.Licence is { } l ? $"; licence: {l}" : string.Empty);
            int index = sources.IndexOf(source);
            if (index < 0)
            {
                sources.Add(source);
                index = sources.Count - 1;
            }

            table.AddRow(
                Cells.Text(request.Key),
                Cells.Text(asked),
                Cells.Text($"{f.Region} {f.Year?.ToString(CultureInfo.InvariantCulture) ?? "any year"} per {f.PerUnit.Symbol}"),
                Cells.Text(match.Fallbacks.Length == 0 ? "none" : string.Join("; ", match.Fallbacks.Select(x => x.Describe()))),
                Cells.Text(Amounts(f, exact: csv)),
                Cells.Text(Names.Of(f.Provenance.Kind)),
                Cells.Text(match.ProviderName),
                Cells.Text(csv ? source : $"[{index + 1}]"));
        }

        await output.WriteAsync(context, parse, [table], cancellationToken).ConfigureAwait(false);
        if (!csv)
        {
            for (int i = 0; i < sources.Count; i++)
            {
                context.Console.Write(new Text($"[{i + 1}] {sources[i]}\n"));
            }

            context.Console.WriteLine();
        }
    }

    private static async Task RenderAsync(CliContext context, ParseResult parse, TableOutput output, IEnumerable<(string Name, IEnumerable<EmissionFactor> Factors)> catalogs, CancellationToken cancellationToken)
    {
        if (output.Check(parse))
        {
            // One CSV table: the catalog as the first column, the source written out, the amounts exact.
            var all = Cells.Table(string.Empty, "Catalog", "Key", "Region", "Year", "Per", "Amounts (kg/unit)", "Kind", "Confidence", "Source");
            foreach (var (name, factors) in catalogs)
            {
                foreach (var f in factors)
                {
                    all.AddRow(Cells.Text(name), Cells.Text(f.Key), Cells.Text(f.Region), Cells.Text(f.Year?.ToString(CultureInfo.InvariantCulture) ?? "any"),
                        Cells.Text(f.PerUnit.Symbol), Cells.Text(Amounts(f, exact: true)), Cells.Text(Names.Of(f.Provenance.Kind)),
                        Cells.Text(Names.Of(f.Provenance.Confidence)), Cells.Text(Source(f)));
                }
            }

            await output.WriteAsync(context, parse, [all], cancellationToken).ConfigureAwait(false);
            return;
        }

        var console = context.Console;
        foreach (var (name, factors) in catalogs)
        {
            var list = factors.ToList();
            var table = Cells.Table($"{name} ({list.Count} factor{(list.Count == 1 ? string.Empty : "s")})",
                "Key", "Region", "Year", "Per", "Amounts (kg/unit)", "Kind", "Confidence", "Source");
            // Many factors share a source: the table refers to it by number and the sources follow the table.
            var sources = new List<string>();
            foreach (var f in list)
            {
                string source = Source(f);
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

            console.Write(Cells.Fit(table));
            for (int i = 0; i < sources.Count; i++)
            {
                console.Write(new Text($"[{i + 1}] {sources[i]}\n"));
            }

            console.WriteLine();
        }

        static string Source(EmissionFactor f) =>
            $"{f.Provenance.Publisher}, {f.Provenance.Document}" + (f.Provenance.Dataset is { } d ? $" [{d}{(f.Provenance.DatasetVersion is { } v ? " " + v : string.Empty)}]" : string.Empty);
    }

    /// <summary>Describes a factor's amounts: <c>CO2-fossil 0.5306</c> per gas, or <c>CO2e 0.6205 (AR5)</c>.</summary>
    /// <param name="factor">The factor.</param>
    /// <param name="exact">Whether to write each amount whole (round-trip), as CSV does, rather than rounded for reading.</param>
    /// <returns>The text.</returns>
    internal static string Amounts(EmissionFactor factor, bool exact = false) => string.Join("; ", factor.Components.Select(c =>
        (c.Gas is { } gas ? gas.Id : "CO2e") + " " + (c.Sign < 0 ? "-" : string.Empty) + (exact ? c.Amount.ToString("R", CultureInfo.InvariantCulture) : ProblemText.Number(c.Amount))
        + (c.Kind == Model.ElementaryExchangeKind.Emission ? string.Empty : $" ({c.Kind})")
        + (c.IsCo2e && factor.GwpBasis is { } basis ? $" ({basis.Id})" : string.Empty)));
}
