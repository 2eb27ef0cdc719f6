using Spectre.Console;

return await Pcf.Accounting.Cli.PcfCli.RunAsync(args, AnsiConsole.Console).ConfigureAwait(false);
