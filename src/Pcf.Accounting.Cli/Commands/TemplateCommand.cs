using System.CommandLine;

namespace Pcf.Accounting.Cli.Commands;

/// <summary><c>pcf template list|describe|run</c>: reserved for the sector-template packages, which are not installed yet.</summary>
internal static class TemplateCommand
{
    /// <summary>The message every template command prints.</summary>
    public const string Reserved = "Sector templates arrive with the template packages (such as Pcf.Accounting.Templates.Steel); no templates are installed yet.";

    /// <summary>Creates the command.</summary>
    /// <param name="context">Where it writes.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliContext context)
    {
        var command = new Command("template", "Sector templates (reserved: they arrive with the template packages).");
        var list = new Command("list", "Lists the installed sector templates (reserved).");
        var describe = new Command("describe", "Describes a template's parameters (reserved).");
        describe.Arguments.Add(new Argument<string>("template") { Description = "The template id." });
        var run = new Command("run", "Builds a product system from a template and parameters (reserved).");
        run.Arguments.Add(new Argument<string>("template") { Description = "The template id." });
        run.Arguments.Add(new Argument<string[]>("parameters") { Description = "Parameters as name=value.", Arity = ArgumentArity.ZeroOrMore });
        foreach (var sub in new[] { list, describe, run })
        {
            sub.SetAction(_ =>
            {
                context.Error.WriteLine($"pcf: {Reserved}");
                return ExitCodes.Usage;
            });
            command.Subcommands.Add(sub);
        }

        // The commands are reserved: the examples show their shape with the template id the tests use.
        Examples.Add(command, "pcf template list", "pcf template describe steel", "pcf template run steel name=value > system.json");
        Examples.Add(list, "pcf template list");
        Examples.Add(describe, "pcf template describe steel");
        Examples.Add(run, "pcf template run steel name=value", "pcf template run steel name=value other=value > system.json");
        return command;
    }
}
