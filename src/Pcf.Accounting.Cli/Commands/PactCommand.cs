using System.CommandLine;
using Pcf.Accounting.Pact;

namespace Pcf.Accounting.Cli.Commands;

/// <summary><c>pcf pact validate</c>: checks a PACT 2.3 or 3.0 document and prints every error and warning with its JSON path and code.</summary>
internal static class PactCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="context">Where it writes.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliContext context)
    {
        var command = new Command("pact", "PACT (Partnership for Carbon Transparency) documents.");
        var file = new Argument<string>("file") { Description = "A PACT document: a ProductFootprint (2.3 or 3.0), or a list or get response holding them." };
        var strict = new Option<bool>("--strict-sums") { Description = "Treat a broken PACT 3.0 sum rule as an error rather than a warning." };
        var strictAll = new Option<bool>("--strict") { Description = "Treat every rule stricter than the PACT 3.0 text as an error rather than a warning: sum rules, packaging and CCS flags, percentages, period order, the validity-period window, malformed removed properties." };
        var validate = new Command("validate", "Validates a PACT document or event: every violation and warning, each with its JSON path and code. Exit code 0 only when valid.");
        validate.Arguments.Add(file);
        validate.Options.Add(strict);
        validate.Options.Add(strictAll);
        Examples.Add(validate, "pcf pact validate footprint.json", "pcf pact validate response.json --strict-sums", "pcf pact validate footprint.json --strict");
        validate.SetAction(async (parse, ct) =>
        {
            string path = parse.GetRequiredValue(file);
            var bytes = await Calculation.ReadFileAsync(context, path, ct).ConfigureAwait(false);
            var report = PactJson.Validate(bytes, new PactReadOptions { SumRulesAreErrors = parse.GetValue(strict), Strict = parse.GetValue(strictAll) });
            foreach (var e in report.Errors)
            {
                context.Out.WriteLine($"error: {ProblemText.Format(path, e)}");
            }

            foreach (var w in report.Warnings)
            {
                context.Out.WriteLine($"warning: {ProblemText.Format(path, w)}");
            }

            context.Out.WriteLine(report.IsValid
                ? $"{path}: valid ({report.Warnings.Length} warning{(report.Warnings.Length == 1 ? string.Empty : "s")})"
                : $"{path}: invalid ({report.Errors.Length} error{(report.Errors.Length == 1 ? string.Empty : "s")}, {report.Warnings.Length} warning{(report.Warnings.Length == 1 ? string.Empty : "s")})");
            return report.IsValid ? ExitCodes.Success : ExitCodes.InvalidInput;
        });
        command.Subcommands.Add(validate);
        Examples.Add(command, "pcf pact validate footprint.json", "pcf export system.json --product product.json --out footprint.json && pcf pact validate footprint.json");
        return command;
    }
}
