using Pcf.Accounting.Cli;
using Spectre.Console;
using Spectre.Console.Testing;

namespace Pcf.Accounting.Tests.Cli;

/// <summary>Runs <c>pcf</c> in process against a wide, colourless <see cref="TestConsole"/>, in a temporary folder of test files.</summary>
internal sealed class CliHarness : IDisposable
{
    // The linear chain of Engine/HandCalculatedTests.cs as a pcf-system/1 document: 9.46 kg CO2e per kg P with power at 0.5 kg CO2/kWh.
    public const string ChainSystem = """
        {
          "format": "pcf-system/1",
          "name": "chain",
          "referenceProduct": { "flow": "P" },
          "declaredUnit": { "amount": 1, "unit": "kg" },
          "flows": [
            { "id": "P", "name": "P", "unit": "kg" },
            { "id": "M", "name": "M", "unit": "kg" },
            { "id": "power", "name": "power", "unit": "kWh", "factorKey": "test/power" }
          ],
          "processes": [
            { "id": "p1", "name": "p1", "stage": "production", "output": { "flow": "P", "amount": 1, "unit": "kg" },
              "inputs": [ { "flow": "M", "amount": 2, "unit": "kg" }, { "flow": "power", "amount": 3, "unit": "kWh" } ],
              "emissions": [ { "gas": "CO2-fossil", "amount": 1, "unit": "kg" } ] },
            { "id": "p2", "name": "p2", "stage": "rawMaterialAcquisition", "output": { "flow": "M", "amount": 1, "unit": "kg" },
              "inputs": [ { "flow": "power", "amount": 1, "unit": "kWh" } ],
              "emissions": [ { "gas": "CH4-fossil", "amount": 0.1, "unit": "kg" } ] }
          ]
        }
        """;

    // Illustrative factor, INVENTED for these tests (not a published value): 0.5 kg CO2-fossil per kWh.
    public const string PowerFactors = """
        {
          "format": "pcf-factors/1",
          "dataset": { "id": "cli-tests", "version": "1", "publisher": "Pcf.Accounting tests (invented values)" },
          "factors": [
            { "key": "test/power", "name": "power (invented)", "perUnit": "kWh", "kind": "lifeCycle",
              "components": [ { "gas": "CO2-fossil", "amount": 0.5 } ],
              "source": { "document": "invented for the CLI tests" } }
          ]
        }
        """;

    public CliHarness()
    {
        Folder = Path.Combine(Path.GetTempPath(), "pcf-cli-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    /// <summary>Writes a file into the temporary folder.</summary>
    /// <returns>Its full path.</returns>
    public string Write(string name, string content)
    {
        string path = Path.Combine(Folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>Runs a command line.</summary>
    /// <returns>The exit code, what went to the console, and what went to standard error.</returns>
    public static async Task<(int Exit, string Out, string Error)> RunAsync(params string[] args)
    {
        using var console = new TestConsole();
        console.Width(250);
        console.Colors(ColorSystem.NoColors);
        using var error = new StringWriter();
        int exit = await PcfCli.RunAsync(args, console, error);
        return (exit, console.Output, error.ToString());
    }

    /// <summary>Runs a command line against a console of the given width (80: what a redirected output gets).</summary>
    /// <returns>The exit code, what went to the console, and what went to standard error.</returns>
    public static async Task<(int Exit, string Out, string Error)> RunAtWidthAsync(int width, params string[] args)
    {
        using var console = new TestConsole();
        console.Width(width);
        console.Colors(ColorSystem.NoColors);
        using var error = new StringWriter();
        int exit = await PcfCli.RunAsync(args, console, error);
        return (exit, console.Output, error.ToString());
    }

    /// <summary>Runs a command line with the given services (extra views, rule sets, providers), as an application embedding the tool would.</summary>
    /// <returns>The exit code, what went to the console, and what went to standard error.</returns>
    public static async Task<(int Exit, string Out, string Error)> RunWithServicesAsync(IServiceProvider services, params string[] args)
    {
        using var console = new TestConsole();
        console.Width(250);
        console.Colors(ColorSystem.NoColors);
        using var error = new StringWriter();
        int exit = await PcfCli.RunAsync(args, console, error, services: services);
        return (exit, console.Output, error.ToString());
    }

    /// <summary>Runs a command line with a progress console (standard error) that is an interactive terminal, or not.</summary>
    /// <returns>The exit code, what went to the console, to standard error, and to the progress console.</returns>
    public static async Task<(int Exit, string Out, string Error, string Progress)> RunWithProgressAsync(bool interactive, params string[] args)
    {
        using var console = new TestConsole();
        console.Width(250);
        console.Colors(ColorSystem.NoColors);
        using var progress = new TestConsole();
        progress.Width(250);
        if (interactive)
        {
            progress.Interactive();
            progress.SupportsAnsi(true);
        }

        using var error = new StringWriter();
        int exit = await PcfCli.RunAsync(args, console, error, progress);
        return (exit, console.Output, error.ToString(), progress.Output);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }
    }
}
