using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using System.CommandLine;
using System.CommandLine.Help;
using Pcf.Accounting.Cli.Commands;
using Spectre.Console;

namespace Pcf.Accounting.Cli;

/// <summary>The <c>pcf</c> command line: parses, runs one command, and turns every failure into a message and an exit code.</summary>
/// <remarks>Commands write their output to the injected <see cref="IAnsiConsole"/> and their errors to the error writer,
/// so tests run them in process with Spectre.Console.Testing's <c>TestConsole</c>.</remarks>
internal static class PcfCli
{
    /// <summary>Runs the command line.</summary>
    /// <param name="args">The arguments, without the program name.</param>
    /// <param name="console">Where output goes.</param>
    /// <param name="error">Where errors and warnings go; <see langword="null"/> for the process's standard error.</param>
    /// <param name="progress">Where progress of long work is shown (standard error), only when it is an interactive terminal; <see langword="null"/> for none.</param>
    /// <param name="services">The library's services; <see langword="null"/> for <see cref="DefaultServices"/> (a test passes its own, with extra views or rule sets).</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>The exit code: see <see cref="ExitCodes"/>.</returns>
    public static async Task<int> RunAsync(string[] args, IAnsiConsole console, TextWriter? error = null, IAnsiConsole? progress = null, IServiceProvider? services = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        // --verbose anywhere: the library's logs, traces and metrics go to standard error (set up before the services are built).
        bool verbose = args.TakeWhile(a => a != "--").Any(a => a is "--verbose");
        error ??= Console.Error;
        using var listening = verbose ? new Verbose(error) : null;
        using var owned = services is null ? DefaultServices(listening?.LoggerProvider).BuildServiceProvider() : null;
        var context = new CliContext(console, error, progress, services ?? owned!);
        try
        {
            var root = BuildRoot(context);
            var parsed = root.Parse(args);
            if (parsed.Errors.Count > 0 && parsed.Action is not HelpAction)
            {
                foreach (var e in parsed.Errors)
                {
                    context.Error.WriteLine($"pcf: {e.Message}");
                }

                context.Error.WriteLine($"Run '{CommandPath(parsed.CommandResult.Command)} --help' for usage.");
                return ExitCodes.Usage;
            }

            var configuration = new InvocationConfiguration
            {
                Output = context.Out,
                Error = context.Error,
                EnableDefaultExceptionHandler = false,
            };
            int exit = await parsed.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
            if (parsed.Action is HelpAction)
            {
                Examples.Write(parsed.CommandResult.Command, context.Out);
            }

            return exit;
        }
        catch (CliException e)
        {
            e.WriteTo(context.Error);
            return e.ExitCode;
        }
        catch (OperationCanceledException)
        {
            context.Error.WriteLine("pcf: cancelled.");
            return ExitCodes.Cancelled;
        }
#pragma warning disable CA1031 // The top of the tool: any failure becomes one message and an exit code, never a stack trace.
        catch (Exception e)
#pragma warning restore CA1031
        {
            context.Error.WriteLine($"pcf: error: {e.Message}");
            return ExitCodes.InvalidInput;
        }
    }

    /// <summary>The services the tool runs with: the footprint services with the embedded default factors, PACT footprints readable as factor files, and
    /// the sector templates (cement, steel, electronics).</summary>
    /// <param name="logs">Where the library logs (<c>--verbose</c>); <see langword="null"/> for no logging.</param>
    /// <returns>The service collection, ready to build (or to add to).</returns>
    public static IServiceCollection DefaultServices(ILoggerProvider? logs = null)
    {
        var services = new ServiceCollection();
        if (logs is not null)
        {
            services.AddLogging(logging => logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        }

        services.AddPcfAccounting().AddDefaultFactors().AddPactFactorFiles()
            .AddCementTemplates()
            .AddSteelTemplates()
            .AddElectronicsTemplates();
        return services;
    }

    /// <summary>Builds the command tree.</summary>
    /// <param name="context">Where the commands write.</param>
    /// <returns>The root command.</returns>
    internal static RootCommand BuildRoot(CliContext context)
    {
        var root = new RootCommand("pcf: product carbon footprints (ISO 14067, GB/T 24067, GHG Protocol Product, PACT) from pcf-system/1 documents.");
        root.Options.Add(new Option<bool>("--verbose")
        {
            Description = "Write the library's logs, traces and metrics to standard error (one line each).",
            Recursive = true,
        });
        root.Subcommands.Add(CalculateCommand.Create(context));
        root.Subcommands.Add(ExplainCommand.Create(context));
        root.Subcommands.Add(FactorsCommand.Create(context));
        root.Subcommands.Add(VerifyCommand.Create(context));
        root.Subcommands.Add(ExportCommand.Create(context));
        root.Subcommands.Add(PactCommand.Create(context));
        root.Subcommands.Add(TemplateCommand.Create(context));
        root.Subcommands.Add(ReportCommand.Create(context));
        root.Subcommands.Add(UncertaintyCommand.Create(context));
        root.Subcommands.Add(ServeCommand.Create(context));
        root.Subcommands.Add(PublishCommand.Create(context));
        root.Subcommands.Add(StoreCommand.Create(context));
        Examples.Add(root,
            "pcf calculate samples/steel-bracket.json --factors my-factors.json",
            "pcf explain samples/steel-bracket.json --item cold-rolling",
            "pcf factors find electricity --region CN --year 2023",
            "pcf verify tests/vectors",
            "pcf export system.json --product product.json --out footprint.json",
            "pcf pact validate footprint.json");
        return root;
    }

    private static string CommandPath(Command command)
    {
        var names = new List<string>();
        for (var c = command; c is not null; c = c.Parents.OfType<Command>().FirstOrDefault())
        {
            names.Add(c is RootCommand ? "pcf" : c.Name);
        }

        names.Reverse();
        return string.Join(' ', names);
    }
}
