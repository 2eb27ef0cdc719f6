using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Pcf.Accounting.Cli.Rendering;
using Pcf.Accounting.Engine;
using Pcf.Accounting.Json;
using Pcf.Accounting.Reporting;
using Pcf.Accounting.Templates;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Pcf.Accounting.Cli.Commands;

/// <summary><c>pcf template list|describe|init|run</c>: the sector templates registered with the tool.</summary>
internal static class TemplateCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="context">Where it writes.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliContext context)
    {
        var command = new Command("template", "Sector templates: a product-category rule as typed parameters (list, describe, write a parameter file, run).");
        command.Subcommands.Add(List(context));
        command.Subcommands.Add(Describe(context));
        command.Subcommands.Add(Init(context));
        command.Subcommands.Add(Run(context));
        Examples.Add(command, "pcf template list", "pcf template describe cement/cement", "pcf template init cement/cement > params.json",
            "pcf template run cement/cement --params params.json");
        return command;
    }

    private static ITemplateCatalog Catalog(CliContext context) => context.Services.GetService<ITemplateCatalog>() ?? new TemplateCatalog([]);

    private static ITemplate Find(CliContext context, string id)
    {
        var catalog = Catalog(context);
        return catalog.TryFind(id, out var template)
            ? template
            : throw new CliException(catalog.Templates.IsEmpty
                ? $"'{id}' is not a template: none are installed."
                : $"'{id}' is not a template; known: {string.Join(", ", catalog.Templates.Select(t => t.Descriptor.Id))}. Run 'pcf template list'.");
    }

    private static Command List(CliContext context)
    {
        var list = new Command("list", "Lists the sector templates: id, title, version, declared unit.");
        var output = new TableOutput();
        output.AddTo(list);
        list.SetAction(async (parse, ct) =>
        {
            bool csv = output.Check(parse);
            var templates = Catalog(context).Templates;
            if (templates.IsEmpty && !csv)
            {
                context.Console.WriteLine("No templates are installed.");
                return ExitCodes.Success;
            }

            var table = Cells.Table("Sector templates", "Id", "Title", "Version", "Declared unit", "Standards");
            foreach (var t in templates.Select(t => t.Descriptor))
            {
                table.AddRow(Cells.Text(t.Id), Cells.Text(t.Title), Cells.Text(t.Version), Cells.Text(t.DeclaredUnit.ToString()),
                    Cells.Text(string.Join("; ", t.Standards.Select(s => s.Name))));
            }

            await output.WriteAsync(context, parse, [table], ct).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        Examples.Add(list, "pcf template list", "pcf template list --format csv");
        return list;
    }

    private static Command Describe(CliContext context)
    {
        var describe = new Command("describe", "Describes a template: what it builds, the standards it follows, and every parameter with its unit, range, default and the default's source.");
        var id = new Argument<string>("template") { Description = "The template id, such as cement/cement." };
        describe.Arguments.Add(id);
        var output = new TableOutput();
        output.Format.Description = "table: the description, then the parameters at the console's width; csv: the parameters alone as one CSV table (RFC 4180), every value whole.";
        output.AddTo(describe);
        describe.SetAction(async (parse, ct) =>
        {
            bool csv = output.Check(parse);
            var template = Find(context, parse.GetRequiredValue(id));
            var d = template.Descriptor;
            var head = new List<string>
            {
                $"{d.Id} {d.Version}: {d.Title}",
                $"Declared unit: {d.DeclaredUnit}; boundary: {d.Boundary}",
            };
            if (d.Description is { } text)
            {
                head.Add(text);
            }

            head.AddRange(d.Standards.Select(s => $"Standard: {s}"));
            if (!d.Classification.IsEmpty)
            {
                head.Add($"Classification: {string.Join("; ", d.Classification)}");
            }

            foreach (var line in csv ? new List<string>() : head)
            {
                context.Console.Write(new Text(line + "\n"));
            }

            var table = Cells.Table("Parameters", "Name", "What", "Unit or choices", "Range", "Default", "Source of the default", "Site data");
            foreach (var p in template.Parameters)
            {
                AddRow(table, p, string.Empty);
                foreach (var f in p.Fields)
                {
                    AddRow(table, f, $"{p.Name}[].");
                }
            }

            await output.WriteAsync(context, parse, [table], ct).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        Examples.Add(describe, "pcf template describe cement/clinker", "pcf template describe cement/clinker --format csv --out clinker-parameters.csv");
        return describe;

        static void AddRow(Table table, TemplateParameter p, string prefix)
        {
            string unit = p.Kind switch
            {
                TemplateParameterKind.Number => p.Unit?.Text ?? string.Empty,
                TemplateParameterKind.Choice => string.Join(", ", p.Choices),
                TemplateParameterKind.List => $"items: {string.Join(", ", p.Fields.Select(f => f.Name))}",
                _ => p.Kind.ToString().ToLowerInvariant(),
            };
            string value = p.Default?.Value switch
            {
                null => p.IsRequired ? "(required)" : "(none)",
                double x => x.ToString("G", CultureInfo.InvariantCulture),
                bool b => b ? "yes" : "no",
                var other => other.ToString() ?? string.Empty,
            };
            table.AddRow(Cells.Text(prefix + p.Name), Cells.Text(p.Description), Cells.Text(unit), Cells.Text(p.RangeText()), Cells.Text(value),
                Cells.Text(p.Default?.Source ?? string.Empty), Cells.Text(p.IsSiteData ? "yes" : string.Empty));
        }
    }

    private static Command Init(CliContext context)
    {
        var init = new Command("init", "Writes a pcf-template-params/1 file: every parameter at its default with the default's source, required ones null to fill in, and what each one is under \"about\".");
        var id = new Argument<string>("template") { Description = "The template id." };
        var output = DocumentOutput.Option("the parameter file");
        init.Arguments.Add(id);
        init.Options.Add(output);
        init.SetAction(async (parse, ct) =>
        {
            var bytes = TemplateParametersJson.WriteInit(Find(context, parse.GetRequiredValue(id)));
            if (parse.GetValue(output) is { } file)
            {
                await Calculation.WriteFileAsync(file, bytes, ct).ConfigureAwait(false);
                context.Error.WriteLine($"Wrote {file}.");
            }
            else
            {
                context.Out.Write(System.Text.Encoding.UTF8.GetString(bytes));
                context.Out.WriteLine();
                context.Out.Flush();
            }

            return ExitCodes.Success;
        });
        Examples.Add(init, "pcf template init cement/cement > params.json", "pcf template init cement/clinker --out clinker.json");
        return init;
    }

    private static Command Run(CliContext context)
    {
        var run = new Command("run", "Builds a product system from a template and a parameter file, and calculates its footprint (the template's rule set and views, the embedded factors after any factor files given).");
        var id = new Argument<string>("template") { Description = "The template id." };
        var parameters = new Option<string>("--params", "-p")
        {
            Description = "The pcf-template-params/1 file (pcf template init writes one); every parameter at its default when absent.",
            HelpName = "file",
        };
        var factors = CalculationOptionSet.FactorFilesOption();
        var gwp = new Option<string>("--gwp") { Description = "The GWP set: AR4, AR5, AR5-ccf or AR6.", DefaultValueFactory = _ => "AR6", HelpName = "AR4|AR5|AR5-ccf|AR6" };
        gwp.AcceptOnlyFromAmong(StringComparer.OrdinalIgnoreCase, [.. Gases.GwpSet.All.Select(g => g.Id)]);
        var format = new Option<string>("--format")
        {
            Description = "table: a report with tables; json: the pcf-result/1 document, alone on standard output; csv: the totals and contribution tables as one CSV table (as pcf calculate --format csv).",
            DefaultValueFactory = _ => "table",
            HelpName = "table|json|csv",
        };
        format.AcceptOnlyFromAmong(StringComparer.OrdinalIgnoreCase, "table", "json", "csv");
        var output = DocumentOutput.Option("the json or csv document");
        var explain = new Option<bool>("--explain") { Description = "Include the explanation tree, with the template's derivations." };
        var system = new Option<string>("--system-out") { Description = "Also write the product system the template built, as pcf-system/1.", HelpName = "file" };
        run.Arguments.Add(id);
        run.Options.Add(parameters);
        run.Options.Add(factors);
        run.Options.Add(gwp);
        run.Options.Add(format);
        run.Options.Add(output);
        run.Options.Add(explain);
        run.Options.Add(system);
        run.SetAction(async (parse, ct) =>
        {
            var template = Find(context, parse.GetRequiredValue(id));
            string? file = parse.GetValue(parameters);
            string kind = (parse.GetValue(format) ?? "table").ToLowerInvariant();
            string? target = DocumentOutput.Target(parse, output, kind != "table", "--format json or --format csv");
            if (parse.GetValue(system) is { } systemFile)
            {
                Calculation.EnsureWritable(systemFile);
            }

            var prepared = await context.RunWithProgressAsync<(string? Text, List<IRenderable>? Report, string SystemJson)>($"Building {template.Descriptor.Id}", async step =>
            {
                var input = TemplateInput.Empty;
                if (file is not null)
                {
                    step($"Reading {file}");
                    var read = TemplateParametersJson.Read(await Calculation.ReadFileAsync(context, file, ct).ConfigureAwait(false));
                    if (!read.IsValid)
                    {
                        throw CliException.FromProblems($"'{file}' is not a valid pcf-template-params/1 document ({Calculation.Count(read.Problems.Length)}).", file, read.Problems);
                    }

                    if (!string.Equals(read.Value.Template, template.Descriptor.Id, StringComparison.OrdinalIgnoreCase))
                    {
                        throw new CliException($"'{file}' holds parameters of the template '{read.Value.Template}', not '{template.Descriptor.Id}' ($.template).");
                    }

                    input = read.Value.Input.InFolder(Path.GetDirectoryName(Path.GetFullPath(file)));
                }

                step($"Building {template.Descriptor.Id}");
                var built = template.Build(input);
                if (!built.IsValid)
                {
                    throw CliException.FromProblems($"The parameters of '{template.Descriptor.Id}' are not valid ({Calculation.Count(built.Problems.Length)}).", file, built.Problems);
                }

                var build = built.Value;
                var options = new CalculationOptions(build.RuleSet, Gases.GwpSet.Find(parse.GetValue(gwp) ?? "AR6")) { Views = build.Views };
                var result = await Calculation.CalculateAsync(context, build.System, template.Descriptor.Id, parse.GetValue(factors) ?? [], options, step, ct).ConfigureAwait(false);
                string systemJson = parse.GetValue(system) is null ? string.Empty : ProductSystemJson.Write(build.System);
                switch (kind)
                {
                    case "json":
                        return (FootprintResultJson.Write(result, new FootprintResultJsonOptions { Indented = true, IncludeExplanation = parse.GetValue(explain) }) + "\n", null, systemJson);
                    case "csv":
                        return (FootprintReport.ToCsv(result), null, systemJson);
                }

                var report = ResultRenderer.Build(result, false, context.Console.Profile.Width);
                if (parse.GetValue(explain))
                {
                    report.AddRange(ExplanationRenderer.Build([result.Explain()]));
                }

                return (null, report, systemJson);
            }).ConfigureAwait(false);

            if (parse.GetValue(system) is { } systemTarget)
            {
                await Calculation.WriteFileAsync(systemTarget, System.Text.Encoding.UTF8.GetBytes(prepared.SystemJson), ct).ConfigureAwait(false);
            }

            if (prepared.Text is { } text)
            {
                await DocumentOutput.WriteAsync(context, target, text, ct).ConfigureAwait(false);
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
        Examples.Add(run,
            "pcf template run cement/cement --params params.json",
            "pcf template run cement/clinker --params clinker.json --format json --out result.json",
            "pcf template run cement/cement --params params.json --format csv --out contributions.csv",
            "pcf template run cement/cement --params params.json --explain --system-out cement-system.json");
        return run;
    }
}
