using System.Globalization;
using System.Text.Json;
using Pcf.Accounting.Fuzz;

// pcf-fuzz: fuzz harnesses for every parser of Pcf.Accounting (docs/reliability.md).
//   list                                   the targets
//   run TARGET [--runs N] [--seconds S]    the in-process loop on one target (--seed, --corpus DIR, --findings DIR, --slow S)
//   smoke [--seed N] [--scale F]           every target for its fixed number of executions (CI), then exit 1 on any finding
//   replay TARGET FILE|DIR...              runs inputs once and prints what they gave
//   afl TARGET                             SharpFuzz's entry point for afl-fuzz (persistent mode; see docs/reliability.md)
var arguments = args.ToList();
if (arguments.Count == 0 || arguments[0] is "-h" or "--help")
{
    Console.WriteLine("usage: pcf-fuzz list | run TARGET [--runs N] [--seconds S] [--seed N] [--corpus DIR] [--findings DIR] [--slow S] | smoke [--seed N] [--scale F] [--findings DIR] | replay TARGET FILE|DIR... | afl TARGET");
    return 0;
}

string verb = arguments[0];
string corpusRoot = Option("--corpus") ?? FindCorpus();
if (verb == "afl")
{
    return Afl(arguments.ElementAtOrDefault(1), corpusRoot);
}

using var targets = new Targets(corpusRoot);
var settings = new FuzzSettings
{
    MaxRuns = long.Parse(Option("--runs") ?? "0", CultureInfo.InvariantCulture),
    MaxTime = TimeSpan.FromSeconds(double.Parse(Option("--seconds") ?? "0", CultureInfo.InvariantCulture)),
    Seed = int.Parse(Option("--seed") ?? "1", CultureInfo.InvariantCulture),
    Findings = Option("--findings") ?? "fuzz-findings",
    SlowLimit = TimeSpan.FromSeconds(double.Parse(Option("--slow") ?? "5", CultureInfo.InvariantCulture)),
};

switch (verb)
{
    case "list":
        foreach (var t in targets.All)
        {
            Console.WriteLine($"{t.Name,-18} {t.Description}");
        }

        return 0;

    case "run":
    {
        var target = Find(arguments.ElementAtOrDefault(1));
        if (settings.MaxRuns <= 0 && settings.MaxTime <= TimeSpan.Zero)
        {
            settings = settings with { MaxRuns = 100_000 };
        }

        var report = new FuzzLoop(target, settings, Console.Out).Run(Seeds(target.Name), Dictionary(target.Name));
        Console.WriteLine(report);
        return report.Clean ? 0 : 1;
    }

    case "smoke":
    {
        // Every target for its fixed number of executions (FuzzTarget.SmokeRuns, times --scale) from a fixed seed: the same
        // commit runs the same inputs on every machine, so the smoke run is a regression guard, not a discovery run. No time
        // budget, and a slow execution is not a finding (machines differ); one past the hang limit still is.
        double scale = double.Parse(Option("--scale") ?? "1", CultureInfo.InvariantCulture);
        settings = settings with { MaxTime = TimeSpan.Zero, ProgressEvery = TimeSpan.Zero, SlowIsFinding = false };
        bool clean = true;
        long total = 0;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        foreach (var target in targets.All)
        {
            var report = new FuzzLoop(target, settings with { MaxRuns = Math.Max(1, (long)(target.SmokeRuns * scale)) }, Console.Out)
                .Run(Seeds(target.Name), Dictionary(target.Name));
            Console.WriteLine(report);
            clean &= report.Clean;
            total += report.Executions;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"fuzz smoke (seed {settings.Seed}, scale {scale}): {total} executions in {watch.Elapsed.TotalSeconds:0} s; {(clean ? "clean" : $"FINDINGS (saved under {settings.Findings})")}"));
        return clean ? 0 : 1;
    }

    case "replay":
    {
        var target = Find(arguments.ElementAtOrDefault(1));
        foreach (var path in arguments.Skip(2).Where(a => !a.StartsWith("--", StringComparison.Ordinal)))
        {
            foreach (var file in Directory.Exists(path) ? [.. Directory.EnumerateFiles(path).Order(StringComparer.Ordinal)] : new[] { path })
            {
                var watch = System.Diagnostics.Stopwatch.StartNew();
                try
                {
                    var o = target.Run(File.ReadAllBytes(file));
                    Console.WriteLine($"{file}: {o.Problems.Count} problems, {o.Violations.Count} violations, {watch.Elapsed.TotalMilliseconds:0} ms");
                    foreach (var p in o.Problems.Take(20))
                    {
                        Console.WriteLine($"  {(MessageOracle.Check(p) is { } why ? "UNCLEAR (" + why + ") " : string.Empty)}{Clip(p.ToString())}");
                    }

                    foreach (var m in o.Messages.Concat(o.Violations).Take(20))
                    {
                        Console.WriteLine($"  {Clip(m)}");
                    }
                }
                catch (Exception e)
                {
                    Console.WriteLine($"{file}: CRASH {e}");
                }
            }
        }

        return 0;
    }

    default:
        Console.Error.WriteLine($"pcf-fuzz: unknown command '{verb}'");
        return 2;
}

string? Option(string name)
{
    int i = arguments.IndexOf(name);
    return i >= 0 && i + 1 < arguments.Count ? arguments[i + 1] : null;
}

FuzzTarget Find(string? name) => targets.All.FirstOrDefault(t => t.Name == name)
    ?? throw new ArgumentException($"unknown target '{name}'; targets: {string.Join(", ", targets.All.Select(t => t.Name))}");

List<byte[]> Seeds(string target)
{
    string folder = Path.Combine(corpusRoot, target == "cli" ? "system" : target);
    return Directory.Exists(folder) ? [.. Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal).Select(File.ReadAllBytes)] : [];
}

// Member names and string values of the seeds: the words the mutator puts in new places.
List<string> Dictionary(string target)
{
    var words = new SortedSet<string>(StringComparer.Ordinal);
    foreach (var seed in Seeds(target))
    {
        var reader = new Utf8JsonReader(seed, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 256 });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.PropertyName or JsonTokenType.String && reader.ValueSpan.Length < 80)
                {
                    try
                    {
                        words.Add(reader.GetString()!);
                    }
                    catch (InvalidOperationException)
                    {
                        // A seed with a lone surrogate escape on purpose: not a word.
                    }
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON (CSV seeds): their first line's column names.
            foreach (var column in System.Text.Encoding.UTF8.GetString(seed).Split('\n')[0].Split(','))
            {
                words.Add(column.Trim());
            }
        }
    }

    return [.. words];
}

static string FindCorpus()
{
    for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
    {
        string candidate = Path.Combine(dir.FullName, "fuzz", "corpus");
        if (Directory.Exists(candidate))
        {
            return candidate;
        }
    }

    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        string candidate = Path.Combine(dir.FullName, "fuzz", "corpus");
        if (Directory.Exists(candidate))
        {
            return candidate;
        }
    }

    return Path.Combine("fuzz", "corpus");
}

static string Clip(string text) => text.Length <= 400 ? text : string.Concat(text.AsSpan(0, 400), "…");

// afl-fuzz drives this process (persistent mode) over assemblies instrumented by the sharpfuzz tool. No instrumented code may
// run before Fuzzer.Run has mapped afl's coverage memory, so the targets are made inside it, on the first input. An unclear
// message or a violation is raised as an exception, so that afl-fuzz records it as a crash with its input.
static int Afl(string? name, string corpusRoot)
{
    Targets? targets = null;
    FuzzTarget? target = null;
    SharpFuzz.Fuzzer.Run(stream =>
    {
        targets ??= new Targets(corpusRoot);
        target ??= targets.All.FirstOrDefault(t => t.Name == name)
            ?? throw new ArgumentException($"unknown target '{name}'; targets: {string.Join(", ", targets.All.Select(t => t.Name))}");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var o = target.Run(buffer.ToArray());
        foreach (var p in o.Problems)
        {
            if (MessageOracle.Check(p) is { } why)
            {
                throw new InvalidOperationException($"unclear message: {why}: {p}");
            }
        }

        if (o.Violations.Count > 0 || o.Messages.Any(m => m.StartsWith("!unplaced: ", StringComparison.Ordinal) || MessageOracle.CheckLine(m) is not null))
        {
            throw new InvalidOperationException("violation or unclear message: " + string.Join("; ", o.Violations.Concat(o.Messages)));
        }
    });
    return 0;
}
