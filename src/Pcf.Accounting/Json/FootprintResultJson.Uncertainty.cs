using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.Json;
using Pcf.Accounting.Sampling;
using Pcf.Accounting.Uncertainty;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Json;

/// <summary>The optional <c>uncertainty</c> member of <c>pcf-result/1</c>: the statistics of a Monte Carlo run.</summary>
public static partial class FootprintResultJson
{
    private static readonly FrozenDictionary<string, MonteCarloMode> Modes = new Dictionary<string, MonteCarloMode>
    {
        ["fixedScaling"] = MonteCarloMode.FixedScaling,
        ["technosphere"] = MonteCarloMode.Technosphere,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, UncertainInputKind> InputKinds = new Dictionary<string, UncertainInputKind>
    {
        ["factor"] = UncertainInputKind.Factor,
        ["factorComponent"] = UncertainInputKind.FactorComponent,
        ["productInput"] = UncertainInputKind.ProductInput,
        ["productOutput"] = UncertainInputKind.ProductOutput,
        ["directExchange"] = UncertainInputKind.DirectExchange,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly JsonMembers UncertaintyMembers = new("method", "iterations", "requestedIterations", "seed", "mode", "uncertainInputs",
        "pedigreeFactors", "redrawn", "targetRelativeStandardError", "quantities", "histogram", "convergence", "contributions", "notes");

    private static void WriteUncertainty(Utf8JsonWriter w, UncertaintyStatistics u)
    {
        w.WriteStartObject("uncertainty");
        w.WriteString("method", "monteCarlo");
        w.WriteNumber("iterations", u.Iterations);
        w.WriteNumber("requestedIterations", u.RequestedIterations);
        w.WriteNumber("seed", u.Seed);
        w.WriteString("mode", JsonNames.NameOf(Modes, u.Mode));
        w.WriteNumber("uncertainInputs", u.UncertainInputCount);
        w.WriteNumber("pedigreeFactors", u.PedigreeFactorCount);
        w.WriteNumber("redrawn", u.RedrawnCount);
        if (u.TargetRelativeStandardError is { } target)
        {
            w.WriteNumber("targetRelativeStandardError", target);
        }

        w.WriteStartArray("quantities");
        foreach (var q in u.Quantities)
        {
            w.WriteStartObject();
            w.WriteString("quantity", q.Quantity);
            w.WriteNumber("mean", q.Mean);
            w.WriteNumber("standardDeviation", q.StandardDeviation);
            w.WriteNumber("median", q.Median);
            w.WriteNumber("minimum", q.Minimum);
            w.WriteNumber("maximum", q.Maximum);
            w.WriteStartArray("percentiles");
            foreach (var p in q.Percentiles)
            {
                w.WriteStartObject();
                w.WriteNumber("level", p.Level);
                w.WriteNumber("value", p.Value);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("histogram");
        foreach (var b in u.Histogram)
        {
            w.WriteStartObject();
            w.WriteNumber("lower", b.Lower);
            w.WriteNumber("upper", b.Upper);
            w.WriteNumber("count", b.Count);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("convergence");
        foreach (var c in u.Convergence)
        {
            w.WriteStartObject();
            w.WriteNumber("iterations", c.Iterations);
            w.WriteNumber("mean", c.Mean);
            w.WriteNumber("standardError", c.StandardError);
            if (c.RelativeStandardError is { } rse)
            {
                w.WriteNumber("relativeStandardError", rse); // derived from the two above; not read back
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("contributions");
        foreach (var c in u.Contributions)
        {
            w.WriteStartObject();
            w.WriteString("key", c.Input.Key);
            w.WriteString("label", c.Input.Label);
            w.WriteString("kind", JsonNames.NameOf(InputKinds, c.Input.Kind));
            UncertaintyJson.Write(w, "distribution", c.Input.Distribution);
            if (c.Input.FromPedigree)
            {
                w.WriteBoolean("fromPedigree", true);
            }

            w.WriteNumber("rankCorrelation", c.RankCorrelation);
            w.WriteNumber("share", c.Share);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("notes");
        foreach (string note in u.Notes)
        {
            w.WriteStringValue(note);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static UncertaintyStatistics? ReadUncertainty(JsonWalker w, JsonElement u)
    {
        const string at = "$.uncertainty";
        int before = w.Found;
        w.OnlyMembers(u, at, UncertaintyMembers);
        if (w.String(u, "method", at, required: true) is { } method && method != "monteCarlo")
        {
            w.Problem("$.uncertainty.method", ProblemCodes.UnknownValue, $"'{method}' is not a method this version reads; expected 'monteCarlo'.");
        }

        var iterations = w.Integer(u, "iterations", at, required: true);
        var requested = w.Integer(u, "requestedIterations", at, required: true);
        long? seed = null;
        if (w.Get(u, "seed", at, required: true) is { } s)
        {
            if (s.ValueKind == JsonValueKind.Number && s.TryGetInt64(out long value))
            {
                seed = value;
            }
            else
            {
                w.Problem("$.uncertainty.seed", ProblemCodes.WrongType, "'seed' must be a whole number (a 64-bit integer).");
            }
        }

        var mode = w.Enum(u, "mode", at, Modes);
        if (mode is null)
        {
            _ = w.Get(u, "mode", at, required: true);
        }

        var quantities = ImmutableArray.CreateBuilder<QuantityStatistics>();
        foreach (var (item, itemAt) in w.Items(u, "quantities", at, required: true))
        {
            if (!w.IsObject(item, itemAt))
            {
                continue;
            }

            w.OnlyMembers(item, itemAt, "quantity", "mean", "standardDeviation", "median", "minimum", "maximum", "percentiles");
            var name = w.String(item, "quantity", itemAt, required: true);
            var mean = w.Number(item, "mean", itemAt, required: true);
            var sd = w.Number(item, "standardDeviation", itemAt, required: true);
            var median = w.Number(item, "median", itemAt, required: true);
            var min = w.Number(item, "minimum", itemAt, required: true);
            var max = w.Number(item, "maximum", itemAt, required: true);
            var percentiles = ImmutableArray.CreateBuilder<PercentileValue>();
            foreach (var (p, pAt) in w.Items(item, "percentiles", itemAt, required: true))
            {
                if (w.IsObject(p, pAt))
                {
                    w.OnlyMembers(p, pAt, "level", "value");
                    if (w.Number(p, "level", pAt, required: true) is { } level && w.Number(p, "value", pAt, required: true) is { } value)
                    {
                        percentiles.Add(new PercentileValue(level, value));
                    }
                }
            }

            if (name is not null && mean is { } m && sd is { } d && median is { } md && min is { } lo && max is { } hi)
            {
                quantities.Add(new QuantityStatistics(name, m, d, md, lo, hi) { Percentiles = percentiles.ToImmutable() });
            }
        }

        var histogram = ImmutableArray.CreateBuilder<HistogramBin>();
        foreach (var (item, itemAt) in w.Items(u, "histogram", at, required: true))
        {
            if (w.IsObject(item, itemAt))
            {
                w.OnlyMembers(item, itemAt, "lower", "upper", "count");
                if (w.Number(item, "lower", itemAt, required: true) is { } lower && w.Number(item, "upper", itemAt, required: true) is { } upper
                    && w.Integer(item, "count", itemAt, required: true) is { } count)
                {
                    histogram.Add(new HistogramBin(lower, upper, count));
                }
            }
        }

        var convergence = ImmutableArray.CreateBuilder<ConvergencePoint>();
        foreach (var (item, itemAt) in w.Items(u, "convergence", at, required: true))
        {
            if (w.IsObject(item, itemAt))
            {
                w.OnlyMembers(item, itemAt, "iterations", "mean", "standardError", "relativeStandardError");
                if (w.Integer(item, "iterations", itemAt, required: true) is { } n && w.Number(item, "mean", itemAt, required: true) is { } mean
                    && w.Number(item, "standardError", itemAt, required: true) is { } error)
                {
                    convergence.Add(new ConvergencePoint(n, mean, error));
                }
            }
        }

        var contributions = ImmutableArray.CreateBuilder<VarianceContribution>();
        foreach (var (item, itemAt) in w.Items(u, "contributions", at, required: true))
        {
            if (!w.IsObject(item, itemAt))
            {
                continue;
            }

            w.OnlyMembers(item, itemAt, "key", "label", "kind", "distribution", "fromPedigree", "rankCorrelation", "share");
            var key = w.String(item, "key", itemAt, required: true);
            var label = w.String(item, "label", itemAt, required: true);
            var kind = w.Enum(item, "kind", itemAt, InputKinds);
            var distribution = w.Object(item, "distribution", itemAt, required: true) is { } dist ? UncertaintyJson.Read(w, dist, itemAt.Member("distribution")) : null;
            bool pedigree = w.Boolean(item, "fromPedigree", itemAt) ?? false;
            var rho = w.Number(item, "rankCorrelation", itemAt, required: true);
            var share = w.Number(item, "share", itemAt, required: true);
            if (key is not null && label is not null && kind is { } k && distribution is not null && rho is { } r && share is { } sh)
            {
                contributions.Add(new VarianceContribution(new UncertainInput(key, label, k, distribution, pedigree), r, sh));
            }
        }

        var notes = Strings(w, u, "notes", at);
        if (w.Found > before || iterations is null || requested is null || seed is null || mode is null)
        {
            return null;
        }

        return new UncertaintyStatistics
        {
            Iterations = iterations.Value,
            RequestedIterations = requested.Value,
            Seed = seed.Value,
            Mode = mode.Value,
            UncertainInputCount = w.Integer(u, "uncertainInputs", at) ?? 0,
            PedigreeFactorCount = w.Integer(u, "pedigreeFactors", at) ?? 0,
            RedrawnCount = w.Integer(u, "redrawn", at) ?? 0,
            TargetRelativeStandardError = w.Number(u, "targetRelativeStandardError", at),
            Quantities = quantities.ToImmutable(),
            Histogram = histogram.ToImmutable(),
            Convergence = convergence.ToImmutable(),
            Contributions = contributions.ToImmutable(),
            Notes = notes,
        };
    }
}
