using System.Globalization;
using Spectre.Console;

// Output redirected to a file or pipe has no terminal width: Spectre then assumes 80 columns unless COLUMNS says otherwise.
var console = AnsiConsole.Console;
if (int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), NumberStyles.None, CultureInfo.InvariantCulture, out int columns) && columns >= 40)
{
    console.Profile.Width = columns;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
// Progress of long work goes to standard error, and Spectre shows it only when that is an interactive terminal.
var progress = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
return await Pcf.Accounting.Cli.PcfCli.RunAsync(args, console, Console.Error, progress, services: null, cancel.Token).ConfigureAwait(false);
