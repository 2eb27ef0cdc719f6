using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Pcf.Accounting.Fuzz;

/// <summary>How long and how a target is fuzzed.</summary>
internal sealed record FuzzSettings
{
    /// <summary>Gets the number of executions to stop at (the seeds included); 0 for no limit.</summary>
    public long MaxRuns { get; init; }

    /// <summary>Gets the time to stop at; <see cref="TimeSpan.Zero"/> for no limit. A time limit makes the inputs run depend on
    /// the machine's speed; the smoke run of CI uses <see cref="MaxRuns"/> only.</summary>
    public TimeSpan MaxTime { get; init; }

    /// <summary>Gets the seed of the mutation engine: the same seed and corpus give the same inputs.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Gets how long one execution may take before it counts as a hang (it is saved, and the run goes on).</summary>
    public TimeSpan SlowLimit { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets a value indicating whether an execution past <see cref="SlowLimit"/> is a finding. The smoke run of CI says
    /// no: how long an execution takes depends on the machine and its load, and a regression guard must give the same verdict
    /// for the same commit everywhere. A slow execution is then saved and counted as slow, not as a hang; one past
    /// <see cref="HangLimit"/> (an endless loop) is a finding always.</summary>
    public bool SlowIsFinding { get; init; } = true;

    /// <summary>Gets how long one execution may take before the watchdog saves it and ends the process (an endless loop).</summary>
    public TimeSpan HangLimit { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Gets the folder findings are saved to, one sub-folder per target.</summary>
    public string Findings { get; init; } = "fuzz-findings";

    /// <summary>Gets the interval of progress lines; <see cref="TimeSpan.Zero"/> for none.</summary>
    public TimeSpan ProgressEvery { get; init; } = TimeSpan.FromSeconds(30);
}

/// <summary>What a run found.</summary>
internal sealed record FuzzReport(string Target, long Executions, int Crashes, int Hangs, int Unclear, int Violations, int Corpus, TimeSpan Elapsed, double CpuSeconds, long PeakWorkingSet, int Slow = 0)
{
    /// <summary>Gets a value indicating whether the run found nothing.</summary>
    public bool Clean => Crashes == 0 && Hangs == 0 && Unclear == 0 && Violations == 0;

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"fuzz {Target}: {Executions} executions, {Crashes} crashes, {Hangs} hangs, {Unclear} unclear messages, {Violations} violations{(Slow > 0 ? $" ({Slow} slow, not findings)" : string.Empty)}; corpus {Corpus}; {Elapsed.TotalSeconds:0} s wall, {CpuSeconds:0} s CPU ({Executions / Math.Max(Elapsed.TotalSeconds, 0.001):0}/s), peak working set {PeakWorkingSet / (1024 * 1024)} MiB");
}

/// <summary>The in-process fuzzing loop (libFuzzer-style): the seeds first, then mutations of the corpus; an input whose observed
/// behaviour (problem codes with path shapes, stages reached) is new joins the corpus. Every execution is checked for crashes
/// (an exception escaping the target), hangs (a time limit), unclear messages (<see cref="MessageOracle"/>) and invariant
/// violations; each distinct finding is saved with its input.</summary>
internal sealed class FuzzLoop(FuzzTarget target, FuzzSettings settings, TextWriter log)
{
    private const int MaxCorpus = 4096;
    private readonly HashSet<string> _features = [];
    private readonly HashSet<string> _saved = [];
    private long _startedAt; // Stopwatch ticks of the running execution; 0 between executions
    private byte[] _current = [];
    private TimeSpan _mutationTime;

    /// <summary>Runs the target on the seeds and then on mutations until a limit is reached.</summary>
    /// <param name="seeds">The seed inputs (the corpus folder's files).</param>
    /// <param name="dictionary">Member names and strings for the mutator.</param>
    /// <returns>What was found.</returns>
    public FuzzReport Run(IReadOnlyList<byte[]> seeds, IReadOnlyList<string> dictionary)
    {
        var random = new Random(settings.Seed);
        var mutator = new Mutator(random, dictionary);
        var corpus = new List<byte[]>(seeds.Count > 0 ? seeds : [[]]);
        int crashes = 0, hangs = 0, unclear = 0, violations = 0, slow = 0;
        long runs = 0;
        var clock = Stopwatch.StartNew();
        var cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;
        var nextProgress = settings.ProgressEvery;
        using var watchdog = new Timer(_ => Watch(), null, 1000, 1000);
        while ((settings.MaxRuns <= 0 || runs < settings.MaxRuns) && (settings.MaxTime <= TimeSpan.Zero || clock.Elapsed < settings.MaxTime))
        {
            long mutating = Stopwatch.GetTimestamp();
            byte[] input = runs < seeds.Count
                ? seeds[(int)runs]
                : mutator.Mutate(corpus[random.Next(corpus.Count)], corpus[random.Next(corpus.Count)]);
            _mutationTime += Stopwatch.GetElapsedTime(mutating);
            runs++;
            Volatile.Write(ref _current, input);
            long start = Stopwatch.GetTimestamp();
            Volatile.Write(ref _startedAt, start);
            Observation? observed = null;
            Exception? crash = null;
            try
            {
                observed = target.Run(input);
            }
            catch (Exception e)
            {
                crash = e;
            }

            Volatile.Write(ref _startedAt, 0);
            var took = Stopwatch.GetElapsedTime(start);
            if (crash is not null)
            {
                crashes++;
                Save("crash", $"{crash.GetType().Name}:{TopFrame(crash)}", input, crash.ToString());
                continue;
            }

            if (took > settings.SlowLimit)
            {
                if (settings.SlowIsFinding)
                {
                    hangs++;
                }
                else
                {
                    slow++;
                }

                Save(settings.SlowIsFinding ? "hang" : "slow", $"{input.Length / 1024}KiB", input, $"took {took.TotalSeconds:0.0} s (limit {settings.SlowLimit.TotalSeconds} s) for {input.Length} bytes");
            }

            foreach (var problem in observed!.Problems)
            {
                if (MessageOracle.Check(problem) is { } why)
                {
                    unclear++;
                    Save("unclear", $"{problem.Code}:{Category(why)}", input, $"{why}\n{Clip(problem.ToString())}");
                }
            }

            foreach (var message in observed.Messages)
            {
                string? why = message.StartsWith("!unplaced: ", StringComparison.Ordinal) ? "names neither the file nor a path" : MessageOracle.CheckLine(message);
                if (why is not null)
                {
                    unclear++;
                    Save("unclear", $"{Category(why)}:{Shape(message)}", input, $"{why}\n{Clip(message)}");
                }
            }

            foreach (var violation in observed.Violations)
            {
                violations++;
                Save("violation", violation[..Math.Min(violation.Length, 40)], input, violation);
            }

            bool fresh = false;
            foreach (var feature in observed.Features)
            {
                fresh |= _features.Add(feature);
            }

            if (fresh && input.Length <= Mutator.MaxLength)
            {
                if (corpus.Count < MaxCorpus)
                {
                    corpus.Add(input);
                }
                else
                {
                    corpus[random.Next(corpus.Count)] = input;
                }
            }

            if (settings.ProgressEvery > TimeSpan.Zero && clock.Elapsed >= nextProgress)
            {
                nextProgress += settings.ProgressEvery;
                log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {target.Name}: {runs} executions, {crashes} crashes, {hangs} hangs, {unclear} unclear, {violations} violations, corpus {corpus.Count}, {runs / clock.Elapsed.TotalSeconds:0}/s, {_mutationTime.TotalSeconds:0} s mutating"));
            }
        }

        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuAtStart;
        return new FuzzReport(target.Name, runs, crashes, hangs, unclear, violations, corpus.Count, clock.Elapsed, cpu.TotalSeconds, Process.GetCurrentProcess().PeakWorkingSet64, slow);
    }

    // An execution past the hang limit never ends by itself: save it and stop, so the run reports it instead of hanging.
    private void Watch()
    {
        long started = Volatile.Read(ref _startedAt);
        if (started != 0 && Stopwatch.GetElapsedTime(started) > settings.HangLimit)
        {
            Save("hang", "endless", Volatile.Read(ref _current), $"still running after {settings.HangLimit.TotalSeconds} s: stopped");
            log.WriteLine($"fuzz {target.Name}: an execution ran past {settings.HangLimit.TotalSeconds} s; its input is saved under {settings.Findings}. Stopping.");
            log.Flush();
            Environment.Exit(3);
        }
    }

    private void Save(string kind, string signature, byte[] input, string detail)
    {
        lock (_saved)
        {
            if (!_saved.Add($"{kind}:{signature}"))
            {
                return;
            }

            string folder = Path.Combine(settings.Findings, target.Name);
            Directory.CreateDirectory(folder);
            string name = $"{kind}-{Convert.ToHexStringLower(SHA256.HashData(input))[..16]}";
            File.WriteAllBytes(Path.Combine(folder, name + ".input"), input);
            File.WriteAllText(Path.Combine(folder, name + ".txt"), detail + "\n");
            log.WriteLine($"  {target.Name}: {kind}: {Clip(detail.Split('\n')[0])} -> {Path.Combine(folder, name)}.input");
        }
    }

    private static string TopFrame(Exception e)
    {
        var frame = new StackTrace(e).GetFrames().FirstOrDefault(f => f.GetMethod()?.DeclaringType?.Namespace?.StartsWith("Pcf.", StringComparison.Ordinal) == true);
        return frame?.GetMethod() is { } m ? $"{m.DeclaringType?.Name}.{m.Name}" : "?";
    }

    // The reason without the values it quotes: one finding per kind of reason.
    private static string Category(string why)
    {
        var s = new StringBuilder();
        bool quoted = false;
        foreach (char c in why)
        {
            if (c == '\'')
            {
                quoted = !quoted;
            }
            else if (!quoted)
            {
                s.Append(char.IsAsciiDigit(c) ? '#' : c);
            }
        }

        return s.Length <= 60 ? s.ToString() : s.ToString(0, 60);
    }

    private static string Shape(string message)
    {
        var s = new StringBuilder();
        foreach (char c in message.Take(60))
        {
            s.Append(char.IsAsciiDigit(c) ? '#' : c);
        }

        return s.ToString();
    }

    private static string Clip(string text) => text.Length <= 300 ? text : string.Concat(text.AsSpan(0, 300), "…");
}
