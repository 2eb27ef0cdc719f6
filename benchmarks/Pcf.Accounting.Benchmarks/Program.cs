using BenchmarkDotNet.Running;
using Pcf.Accounting.Benchmarks.Engine;
using Pcf.Accounting.Benchmarks.Uncertainty;

namespace Pcf.Accounting.Benchmarks;

/// <summary>Entry point: <c>dotnet run -c Release --project benchmarks/Pcf.Accounting.Benchmarks -- --filter *</c>.</summary>
/// <remarks>Two plain commands bypass BenchmarkDotNet: <c>mtx &lt;file.mtx&gt; [--repeat N]</c> times the sparse solver on a
/// Matrix Market file, and <c>synth &lt;n&gt; [--alpha a] [--seed s] [--shape market|tree|random] [--mtx out.mtx]</c> generates a synthetic
/// technosphere (and times it when no <c>--mtx</c> is given). <c>system</c>, <c>phases</c> and <c>cli</c> write a benchmark system as a
/// pcf-system/1 document and time the whole calculation on one, by phase through the C# API or through the <c>pcf</c> tool
/// (see <see cref="EndToEnd.EndToEndCommands"/>); <c>montecarlo &lt;n&gt; [--iterations N] [--mode fixed|technosphere]
/// [--scope factors|all] [--threads t] [--repeat r]</c> times Monte Carlo runs on an uncertain synthetic market system. Anything else
/// goes to BenchmarkSwitcher.</remarks>
internal static class Program
{
    private static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "montecarlo")
        {
            return MonteCarloCommand.Run(args);
        }

        if (args.Length > 0 && args[0] is "mtx" or "synth")
        {
            return SolverCommands.Run(args);
        }

        if (args.Length > 0 && args[0] is "system" or "phases" or "cli")
        {
            return EndToEnd.EndToEndCommands.Run(args);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
