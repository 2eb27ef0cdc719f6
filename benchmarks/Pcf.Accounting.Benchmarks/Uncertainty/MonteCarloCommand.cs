using System.Diagnostics;
using System.Globalization;
using Pcf.Accounting.Benchmarks.Synthetic;
using Pcf.Accounting.Sampling;
using Pcf.Accounting.Uncertainty;

namespace Pcf.Accounting.Benchmarks.Uncertainty;

/// <summary>The plain command <c>montecarlo &lt;n&gt; [--alpha a] [--iterations N] [--mode fixed|technosphere] [--scope factors|all]
/// [--threads t] [--repeat r]</c>: times whole Monte Carlo runs on the uncertain synthetic market system, wall and process CPU time.</summary>
/// <remarks>Output (stdout), one line per run: <c>run=… wall_ms=… cpu_ms=… iterations=… inputs=… mode=… mean=… p2_5=… p97_5=…</c>;
/// the setup (generate, compile, resolve) goes to stderr.</remarks>
internal static class MonteCarloCommand
{
    public static int Run(string[] args)
    {
        if (args.Length < 2 || !int.TryParse(args[1], CultureInfo.InvariantCulture, out int n))
        {
            Console.Error.WriteLine("usage: montecarlo <n> [--alpha a] [--iterations N] [--mode fixed|technosphere] [--scope factors|all] [--threads t] [--repeat r]");
            return 2;
        }

        double alpha = double.Parse(Option(args, "--alpha") ?? "1.5", CultureInfo.InvariantCulture);
        int iterations = int.Parse(Option(args, "--iterations") ?? "1000", CultureInfo.InvariantCulture);
        int repeat = int.Parse(Option(args, "--repeat") ?? "3", CultureInfo.InvariantCulture);
        int? threads = Option(args, "--threads") is { } t ? int.Parse(t, CultureInfo.InvariantCulture) : null;
        var mode = (Option(args, "--mode") ?? "fixed") == "technosphere" ? MonteCarloMode.Technosphere : MonteCarloMode.FixedScaling;
        var scope = (Option(args, "--scope") ?? "factors") == "all" ? UncertaintyScope.All : UncertaintyScope.Factors;

        var clock = Stopwatch.StartNew();
        var (compiled, factors) = UncertainSyntheticSystem.Prepare(n, alpha, scope);
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"setup n={n} alpha={alpha} scope={scope}: {clock.Elapsed.TotalMilliseconds:F0} ms"));
        var options = new MonteCarloOptions { Iterations = iterations, Seed = 1, Mode = mode, MaxDegreeOfParallelism = threads };
        var process = Process.GetCurrentProcess();
        for (int r = 0; r < repeat; r++)
        {
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            clock.Restart();
            var run = MonteCarlo.Run(compiled, factors, options).ThrowIfInvalid();
            double wall = clock.Elapsed.TotalMilliseconds;
            process.Refresh();
            double used = (process.TotalProcessorTime - cpu).TotalMilliseconds;
            var s = run.Statistics;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"run={r} wall_ms={wall:F0} cpu_ms={used:F0} iterations={s.Iterations} inputs={s.UncertainInputCount} mode={s.Mode} threads={threads?.ToString(CultureInfo.InvariantCulture) ?? "all"} mean={s.Total.Mean:G6} p2_5={s.Total.Percentile(2.5):G6} p97_5={s.Total.Percentile(97.5):G6}"));
        }

        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
