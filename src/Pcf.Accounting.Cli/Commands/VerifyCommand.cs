using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Pcf.Accounting.Cli.Rendering;
using Spectre.Console;
using Pcf.Accounting.Vectors;

namespace Pcf.Accounting.Cli.Commands;

/// <summary><c>pcf verify</c>: runs pcf-vector/1 reference vectors and prints <c>PASS</c>/<c>FAIL</c> lines and a count.</summary>
internal static class VerifyCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="context">Where it writes.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliContext context)
    {
        var target = new Argument<string>("file-or-folder")
        {
            Description = "A pcf-vector/1 file, or a folder: its *.vector.json files and other *.json files with \"format\": \"pcf-vector/1\", in every subfolder.",
        };
        var command = new Command("verify", "Runs reference vectors (pcf-vector/1): one line per vector (PASS id, or FAIL id: path expected X got Y (tolerance T) per differing value), then 'N passed, N failed'. Exit code 0 only if every vector passed and at least one ran.");
        command.Arguments.Add(target);
        var output = new TableOutput();
        output.Format.Description = "table: a line per vector (PASS id, or FAIL id: ... per differing value) and the count; csv: one CSV table (RFC 4180), a row per passed vector and per failure (vector, file, result, failure).";
        output.AddTo(command);
        Examples.Add(command, "pcf verify tests/vectors", "pcf verify tests/vectors/cli-linear-chain.vector.json", "pcf verify tests/vectors --format csv --out verify.csv");
        command.SetAction(async (parse, ct) =>
        {
            string path = parse.GetRequiredValue(target);
            bool csv = output.Check(parse);
            if (!File.Exists(path) && !Directory.Exists(path))
            {
                throw new CliException($"'{path}' is neither a vector file nor a folder.");
            }

            using var scope = context.Services.CreateScope();
            var runner = scope.ServiceProvider.GetRequiredService<ReferenceVectorRunner>();
            var outcomes = await context.RunWithProgressAsync("Running vectors", step =>
                runner.RunAllAsync(path, new StepProgress(step), ct)).ConfigureAwait(false);

            int passed = outcomes.Count(o => o.Passed);
            int failed = outcomes.Count - passed;
            if (csv)
            {
                var table = Cells.Table(string.Empty, "Vector", "File", "Result", "Failure");
                foreach (var outcome in outcomes)
                {
                    foreach (string failure in outcome.Passed ? [string.Empty] : outcome.Failures)
                    {
                        table.AddRow(Cells.Text(outcome.Id), Cells.Text(outcome.File ?? string.Empty), Cells.Text(outcome.Passed ? "PASS" : "FAIL"), Cells.Text(failure));
                    }
                }

                await output.WriteAsync(context, parse, [table], ct).ConfigureAwait(false);
            }
            else
            {
                foreach (var line in outcomes.SelectMany(o => o.Lines()))
                {
                    context.Out.WriteLine(line);
                }

                context.Out.WriteLine($"{passed} passed, {failed} failed");
                context.Out.Flush();
            }

            if (outcomes.Count == 0)
            {
                context.Error.WriteLine($"pcf: no vectors found in '{path}' (*.vector.json, or *.json with \"format\": \"{ReferenceVectorJson.Format}\").");
            }

            return failed == 0 && passed > 0 ? ExitCodes.Success : ExitCodes.InvalidInput;
        });
        return command;
    }

    private sealed class StepProgress(Action<string> step) : IProgress<(int Index, int Count, string File)>
    {
        public void Report((int Index, int Count, string File) value) => step($"Running vector {value.Index + 1} of {value.Count}: {Path.GetFileName(value.File)}");
    }
}
