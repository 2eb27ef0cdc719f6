using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Pcf.Accounting.Benchmarks.Synthetic;
using Pcf.Accounting.DependencyInjection;
using Pcf.Accounting.Engine;
using Pcf.Accounting.Factors;
using Pcf.Accounting.Json;
using Pcf.Accounting.Rules;

namespace Pcf.Accounting.Benchmarks.EndToEnd;

/// <summary>The plain commands for the whole path a user waits for: <c>system</c> writes a benchmark system as a
/// <c>pcf-system/1</c> document, <c>phases</c> times each phase of the calculation through the C# API, and <c>cli</c>
/// times the <c>pcf calculate</c> command on a document, as a separate process, with its peak memory.</summary>
/// <remarks>
/// <para><c>system &lt;n&gt; --shape market|tree|random|chain [--alpha a] [--seed s] --out file.json</c>: the document has one
/// process per column of the synthetic technosphere (<c>p0</c> … makes <c>f0</c> …, one run per unit of its product, the inputs
/// and the direct CO2, CH4 and N2O of its column), the last process's product as the reference product: the same shape as the
/// documents a Python script writes from the generator's matrices.</para>
/// <para><c>phases &lt;file.json&gt; [--repeat N] [--out result.json]</c>: read the file, read the system (<see cref="ProductSystemJson"/>),
/// compile and factorize, resolve the factors with the default services (embedded data), calculate, write <c>pcf-result/1</c>
/// (indented, as <c>pcf calculate --format json</c> does) to <c>--out</c> or to a null stream. One line per phase and run: wall
/// and process CPU milliseconds and bytes allocated; at the end the process's peak working set.</para>
/// <para><c>cli &lt;file.json&gt; [--pcf path] [--repeat N] [--format json|table]</c>: runs <c>pcf calculate file --format json</c>
/// (the built tool by default) with standard output to <c>/dev/null</c> under <c>/usr/bin/time</c>, and prints wall time, user and
/// system CPU and the peak resident set of each run.</para>
/// </remarks>
internal static class EndToEndCommands
{
    public static int Run(string[] args)
    {
        try
        {
            return args[0] switch
            {
                "system" => WriteSystem(args),
                "phases" => Phases(args).GetAwaiter().GetResult(),
                _ => Cli(args),
            };
        }
        catch (Exception ex) when (ex is FormatException or IOException or ArgumentException)
        {
            Console.Error.WriteLine(ex.Message);
            Console.Error.WriteLine("usage: system <n> --shape market|tree|random|chain [--alpha a] [--seed s] --out file.json | phases <file.json> [--repeat N] [--out result.json] | cli <file.json> [--pcf path] [--repeat N] [--format json|table]");
            return 2;
        }
    }

    private static int WriteSystem(string[] args)
    {
        if (args.Length < 2)
        {
            throw new ArgumentException("system needs a size.");
        }

        int n = int.Parse(args[1], CultureInfo.InvariantCulture);
        string shape = Text(args, "--shape") ?? "market";
        double alpha = Option(args, "--alpha", 1.5);
        int seed = (int)Option(args, "--seed", 1);
        string output = Text(args, "--out") ?? throw new ArgumentException("system needs --out file.json.");
        var synthetic = shape switch
        {
            "market" => SyntheticGenerator.Market(n, alpha, seed: seed),
            "tree" => SyntheticGenerator.Tree(n, seed),
            "random" => SyntheticGenerator.Random(n, seed),
            "chain" => SyntheticGenerator.Chain(n),
            _ => throw new ArgumentException($"Unknown shape '{shape}' (market, tree, random or chain)."),
        };

        // Per column: the diagonal, the inputs (triplets off the diagonal, in the generator's order) and the emissions.
        var diagonal = new double[n];
        Array.Fill(diagonal, 1.0);
        var inputs = new List<(int Row, double Value)>[n];
        var emissions = new List<(int Gas, double Kg)>[n];
        for (int j = 0; j < n; j++)
        {
            inputs[j] = [];
            emissions[j] = [];
        }

        for (int t = 0; t < synthetic.Rows.Length; t++)
        {
            int i = synthetic.Rows[t], j = synthetic.Columns[t];
            if (i == j)
            {
                diagonal[j] = synthetic.Values[t];
            }
            else
            {
                inputs[j].Add((i, synthetic.Values[t]));
            }
        }

        for (int t = 0; t < synthetic.EmissionGases.Length; t++)
        {
            emissions[synthetic.EmissionColumns[t]].Add((synthetic.EmissionGases[t], synthetic.EmissionValues[t]));
        }

        string[] gases = ["CO2-fossil", "CH4-fossil", "N2O"];
        using (var stream = File.Create(output))
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteString("format", ProductSystemJson.Format);
            w.WriteString("name", $"synthetic {shape} {n}");
            w.WriteStartObject("referenceProduct");
            w.WriteString("flow", Invariant($"f{n - 1}"));
            w.WriteEndObject();
            w.WriteStartObject("declaredUnit");
            w.WriteNumber("amount", 1);
            w.WriteString("unit", "kg");
            w.WriteEndObject();
            w.WriteStartArray("flows");
            for (int j = 0; j < n; j++)
            {
                w.WriteStartObject();
                w.WriteString("id", Invariant($"f{j}"));
                w.WriteString("name", Invariant($"product {j}"));
                w.WriteString("unit", "kg");
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("processes");
            for (int j = 0; j < n; j++)
            {
                w.WriteStartObject();
                w.WriteString("id", Invariant($"p{j}"));
                w.WriteString("name", Invariant($"process {j}"));
                w.WriteString("stage", "production");
                w.WriteStartObject("output");
                w.WriteString("flow", Invariant($"f{j}"));
                w.WriteNumber("amount", diagonal[j]);
                w.WriteString("unit", "kg");
                w.WriteEndObject();
                w.WriteStartArray("inputs");
                foreach (var (row, value) in inputs[j])
                {
                    w.WriteStartObject();
                    w.WriteString("flow", Invariant($"f{row}"));
                    w.WriteNumber("amount", -value);
                    w.WriteString("unit", "kg");
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteStartArray("emissions");
                foreach (var (gas, kg) in emissions[j])
                {
                    w.WriteStartObject();
                    w.WriteString("gas", gases[gas]);
                    w.WriteNumber("amount", kg);
                    w.WriteString("unit", "kg");
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        Console.Error.WriteLine(Invariant($"wrote {output}: {shape}, {n} processes, {synthetic.Rows.Length - n} inputs, {new FileInfo(output).Length} bytes"));
        return 0;
    }

    private static async Task<int> Phases(string[] args)
    {
        if (args.Length < 2)
        {
            throw new ArgumentException("phases needs a file.");
        }

        string path = args[1];
        int repeat = (int)Option(args, "--repeat", 1);
        string? output = Text(args, "--out");
        using var allocations = args.Contains("--allocations") ? new AllocationSampler() : null;
        using var services = new ServiceCollection().AddPcfAccounting().AddDefaultFactors().Services.BuildServiceProvider();
        var settings = services.GetRequiredService<PcfAccountingSettings>();
        var resolver = services.GetRequiredService<FactorResolver>();
        var ruleSet = services.GetRequiredService<IRuleSetRegistry>().Default;
        for (int run = 0; run < repeat; run++)
        {
            var phase = new Phase(run);
            var bytes = (await JsonFile.ReadAsync(path, settings.JsonLimits).ConfigureAwait(false)).ThrowIfInvalid();
            phase.End("read file");
            var system = ProductSystemJson.Read(bytes, settings.JsonLimits).ThrowIfInvalid();
            bytes = null;
            phase.End("read system");
            allocations?.Report("read system");
            var compiled = CompiledSystem.Compile(system, ruleSet).ThrowIfInvalid();
            phase.End("compile");
            allocations?.Report("compile");
            var factors = (await resolver.ResolveAsync(compiled.FactorRequests, settings.DefaultGwpSet).ConfigureAwait(false)).ThrowIfInvalid();
            phase.End("resolve");
            var result = compiled.TryCalculate(factors).ThrowIfInvalid();
            phase.End("calculate");
            allocations?.Report("calculate");
            using (var stream = output is null ? Stream.Null : File.Create(output))
            {
                FootprintResultJson.Write(stream, result, new FootprintResultJsonOptions { Indented = true });
            }

            phase.End("write json");
            allocations?.Report("write json");
            Console.WriteLine(Invariant($"run={run} total_ms={phase.TotalWall:F0} total_cpu_ms={phase.TotalCpu:F0} pcf={result.TotalExcludingBiogenicUptake.Value:R}"));
        }

        using var self = Process.GetCurrentProcess();
        Console.WriteLine(Invariant($"peak_working_set_mb={self.PeakWorkingSet64 / 1048576.0:F0}"));
        return 0;
    }

    private static int Cli(string[] args)
    {
        if (args.Length < 2)
        {
            throw new ArgumentException("cli needs a file.");
        }

        string path = args[1];
        int repeat = (int)Option(args, "--repeat", 1);
        string format = Text(args, "--format") ?? "json";
        string pcf = Text(args, "--pcf") ?? DefaultTool();
        var timing = Path.GetTempFileName();
        try
        {
            for (int run = 0; run < repeat; run++)
            {
                var start = new ProcessStartInfo("/usr/bin/time")
                {
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                    UseShellExecute = false,
                };
                foreach (var a in new[] { "-o", timing, "-f", "%e %U %S %M %x" })
                {
                    start.ArgumentList.Add(a);
                }

                if (pcf.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
                {
                    start.ArgumentList.Add("dotnet");
                }

                foreach (var a in new[] { pcf, "calculate", path, "--format", format })
                {
                    start.ArgumentList.Add(a);
                }

                using var process = Process.Start(start) ?? throw new IOException("cannot start /usr/bin/time.");
                var drain = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null); // the output is not kept: the tool writes it as it renders
                string errors = process.StandardError.ReadToEnd();
                drain.GetAwaiter().GetResult();
                process.WaitForExit();
                var fields = File.ReadAllText(timing).Trim().Split('\n')[^1].Split(' ');
                double wall = double.Parse(fields[0], CultureInfo.InvariantCulture), user = double.Parse(fields[1], CultureInfo.InvariantCulture);
                double sys = double.Parse(fields[2], CultureInfo.InvariantCulture), rssMb = double.Parse(fields[3], CultureInfo.InvariantCulture) / 1024;
                Console.WriteLine(Invariant($"run={run} wall_s={wall:F2} cpu_s={user + sys:F2} user_s={user:F2} sys_s={sys:F2} peak_rss_mb={rssMb:F0} exit={fields[4]}"));
                if (fields[4] != "0")
                {
                    Console.Error.WriteLine(errors);
                }
            }
        }
        finally
        {
            File.Delete(timing);
        }

        return 0;
    }

    // The tool built beside the benchmarks (Release), from the repository root or the benchmark's folder.
    private static string DefaultTool()
    {
        foreach (var root in new[] { ".", "../..", "../../../../../.." })
        {
            string candidate = Path.GetFullPath(Path.Combine(root, "src/Pcf.Accounting.Cli/bin/Release/net10.0/Pcf.Accounting.Cli.dll"));
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new ArgumentException("cannot find the built pcf tool: build src/Pcf.Accounting.Cli in Release, or pass --pcf path.");
    }

    private static string? Text(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static double Option(string[] args, string name, double fallback) =>
        Text(args, name) is { } text ? double.Parse(text, CultureInfo.InvariantCulture) : fallback;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    // One run's phases: wall and process CPU time, bytes allocated (all threads), each printed as it ends.
    private sealed class Phase
    {
        private readonly int _run;
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private TimeSpan _cpu = Process.GetCurrentProcess().TotalProcessorTime;
        private long _allocated = GC.GetTotalAllocatedBytes(precise: true);
        private TimeSpan _paused = GC.GetTotalPauseDuration();
        private int _gen0 = GC.CollectionCount(0), _gen1 = GC.CollectionCount(1), _gen2 = GC.CollectionCount(2);

        public Phase(int run) => _run = run;

        public double TotalWall { get; private set; }

        public double TotalCpu { get; private set; }

        public void End(string name)
        {
            double wall = _clock.Elapsed.TotalMilliseconds;
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            long allocated = GC.GetTotalAllocatedBytes(precise: true);
            double cpuMs = (cpu - _cpu).TotalMilliseconds;
            var paused = GC.GetTotalPauseDuration();
            int gen0 = GC.CollectionCount(0), gen1 = GC.CollectionCount(1), gen2 = GC.CollectionCount(2);
            Console.WriteLine(Invariant($"run={_run} phase=\"{name}\" wall_ms={wall:F1} cpu_ms={cpuMs:F0} allocated_mb={(allocated - _allocated) / 1048576.0:F1} gc_pause_ms={(paused - _paused).TotalMilliseconds:F0} gcs={gen0 - _gen0}/{gen1 - _gen1}/{gen2 - _gen2} heap_mb={GC.GetTotalMemory(false) / 1048576.0:F0} working_set_mb={Environment.WorkingSet / 1048576.0:F0}"));
            (_paused, _gen0, _gen1, _gen2) = (paused, gen0, gen1, gen2);
            TotalWall += wall;
            TotalCpu += cpuMs;
            _cpu = cpu;
            _allocated = allocated;
            _clock.Restart();
        }
    }

    /// <summary>With <c>--allocations</c>: the runtime's allocation samples (one per 100 KB allocated) by type, per phase.</summary>
    private sealed class AllocationSampler : System.Diagnostics.Tracing.EventListener
    {
        private readonly Dictionary<string, long> _bytes = [];

        protected override void OnEventSourceCreated(System.Diagnostics.Tracing.EventSource eventSource)
        {
            if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
            {
                EnableEvents(eventSource, System.Diagnostics.Tracing.EventLevel.Verbose, (System.Diagnostics.Tracing.EventKeywords)0x1);
            }
        }

        protected override void OnEventWritten(System.Diagnostics.Tracing.EventWrittenEventArgs e)
        {
            if (e.EventName is not "GCAllocationTick_V4" and not "GCAllocationTick_V3" || e.Payload is null)
            {
                return;
            }

            int name = e.PayloadNames!.IndexOf("TypeName"), amount = e.PayloadNames.IndexOf("AllocationAmount64");
            string type = e.Payload[name] as string ?? "?";
            long bytes = Convert.ToInt64(e.Payload[amount], CultureInfo.InvariantCulture);
            lock (_bytes)
            {
                _bytes[type] = _bytes.GetValueOrDefault(type) + bytes;
            }
        }

        public void Report(string phase)
        {
            lock (_bytes)
            {
                foreach (var (type, bytes) in _bytes.OrderByDescending(kv => kv.Value).Take(15))
                {
                    Console.WriteLine(Invariant($"  {phase}: {bytes / 1048576.0,8:F1} MB {type}"));
                }

                _bytes.Clear();
            }
        }
    }
}
