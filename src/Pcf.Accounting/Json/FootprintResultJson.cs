using System.Text;
using System.Text.Json;
using Pcf.Accounting.Engine;
using Pcf.Accounting.Factors;
using Pcf.Accounting.Results;
using Pcf.Accounting.Rules;

namespace Pcf.Accounting.Json;

/// <summary>Writes a <see cref="FootprintResult"/> in the documented, versioned <c>pcf-result/1</c> JSON format (docs/engine.md section 4, docs/schemas/pcf-result-1.schema.json).</summary>
/// <remarks>
/// <para>Numbers are written in their shortest round-trip form, so reading a value back gives the same <see cref="double"/>.
/// All CO2e values are kg CO2e for the result's demand. Lists are in the result's order (largest contributions first),
/// so the same result always gives the same bytes.</para>
/// <para>The explanation tree (optional) is written without recursion.</para>
/// </remarks>
/// <example><code>
/// string json = FootprintResultJson.Write(result, new FootprintResultJsonOptions { IncludeExplanation = true });
/// </code></example>
public static class FootprintResultJson
{
    /// <summary>The format identifier written to <c>"format"</c>.</summary>
    public const string Format = "pcf-result/1";

    /// <summary>Writes a result as a JSON string.</summary>
    /// <param name="result">The result.</param>
    /// <param name="options">What to include; <see langword="null"/> for <see cref="FootprintResultJsonOptions.Default"/>.</param>
    /// <returns>The JSON document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is <see langword="null"/>.</exception>
    public static string Write(FootprintResult result, FootprintResultJsonOptions? options = null)
    {
        using var stream = new MemoryStream();
        Write(stream, result, options);
        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    /// <summary>Writes a result as UTF-8 JSON to a stream.</summary>
    /// <param name="utf8Json">The stream.</param>
    /// <param name="result">The result.</param>
    /// <param name="options">What to include; <see langword="null"/> for <see cref="FootprintResultJsonOptions.Default"/>.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static void Write(Stream utf8Json, FootprintResult result, FootprintResultJsonOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        ArgumentNullException.ThrowIfNull(result);
        options ??= FootprintResultJsonOptions.Default;
        using var w = new Utf8JsonWriter(utf8Json, new JsonWriterOptions { Indented = options.Indented, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        var system = result.Compiled.System;
        w.WriteStartObject();
        w.WriteString("format", Format);
        w.WriteString("system", system.Name);
        w.WriteStartObject("ruleSet");
        w.WriteString("id", result.RuleSet.Id);
        w.WriteString("name", result.RuleSet.Name);
        w.WriteString("boundary", result.RuleSet.Boundary switch
        {
            SystemBoundary.CradleToGate => "cradleToGate",
            SystemBoundary.GateToGate => "gateToGate",
            _ => "cradleToGrave",
        });
        w.WriteEndObject();
        w.WriteString("gwpSet", result.GwpSet.Id);
        w.WriteStartObject("demand");
        w.WriteString("flow", result.Demand.Product.Value);
        w.WriteNumber("amount", result.Demand.Amount.Value);
        w.WriteString("unit", result.Demand.Amount.Unit.Symbol);
        if (result.Demand.Process is { } process)
        {
            w.WriteString("process", process.Value);
        }

        w.WriteEndObject();
        w.WriteString("unit", "kg CO2e");
        w.WriteNumber("pcfExcludingBiogenicUptake", result.TotalExcludingBiogenicUptake.Value);
        w.WriteNumber("pcfIncludingBiogenicUptake", result.TotalIncludingBiogenicUptake.Value);

        var r = result.Reported;
        w.WriteStartObject("reported");
        w.WriteNumber("fossilGhgEmissions", r.FossilGhgEmissions.Value);
        w.WriteNumber("biogenicCo2Emissions", r.BiogenicCo2Emissions.Value);
        w.WriteNumber("biogenicCo2Uptake", r.BiogenicCo2Uptake.Value);
        w.WriteNumber("biogenicNonCo2Emissions", r.BiogenicNonCo2Emissions.Value);
        w.WriteNumber("landUseChangeEmissions", r.LandUseChangeEmissions.Value);
        w.WriteNumber("landManagementFossilGhgEmissions", r.LandManagementFossilGhgEmissions.Value);
        w.WriteNumber("landManagementBiogenicCo2Emissions", r.LandManagementBiogenicCo2Emissions.Value);
        w.WriteNumber("landManagementBiogenicCo2Removals", r.LandManagementBiogenicCo2Removals.Value);
        w.WriteNumber("technologicalCo2Removals", r.TechnologicalCo2Removals.Value);
        w.WriteNumber("ccsTechnologicalCo2Capture", r.CcsTechnologicalCo2Capture.Value);
        w.WriteNumber("aircraftEmissions", r.AircraftEmissions.Value);
        w.WriteNumber("packagingEmissions", r.PackagingEmissions.Value);
        w.WriteNumber("outboundLogisticsEmissions", r.OutboundLogisticsEmissions.Value);
        w.WriteNumber("systemExpansionCredits", r.SystemExpansionCredits.Value);
        w.WriteEndObject();

        w.WriteStartArray("byGas");
        foreach (var g in result.ByGas)
        {
            w.WriteStartObject();
            if (g.Gas is { } gas)
            {
                w.WriteString("gas", gas.Id);
                w.WriteNumber("massKg", g.Mass.Value);
            }
            else
            {
                w.WriteNull("gas");
            }

            w.WriteNumber("co2e", g.Co2e.Value);
            w.WriteEndObject();
        }

        w.WriteEndArray();

        w.WriteStartArray("byStage");
        foreach (var s in result.ByStage)
        {
            w.WriteStartObject();
            w.WriteString("stage", JsonNames.NameOf(JsonNames.Stages, s.Stage));
            w.WriteNumber("co2e", s.Co2e.Value);
            w.WriteNumber("share", s.Share);
            w.WriteEndObject();
        }

        w.WriteEndArray();

        w.WriteStartArray("byProcess");
        foreach (var p in result.ByProcess)
        {
            w.WriteStartObject();
            w.WriteString("process", p.Process.Value);
            w.WriteString("stage", JsonNames.NameOf(JsonNames.Stages, p.Stage));
            w.WriteNumber("runs", p.Runs);
            w.WriteNumber("direct", p.Direct.Value);
            w.WriteNumber("background", p.Background.Value);
            w.WriteNumber("co2e", p.Total.Value);
            w.WriteNumber("share", p.Share);
            w.WriteEndObject();
        }

        w.WriteEndArray();

        w.WriteStartArray("byFactor");
        foreach (var f in result.ByFactor)
        {
            w.WriteStartObject();
            WriteRequest(w, f.Request);
            w.WriteNumber("amountUsed", f.AmountUsed.Value);
            w.WriteNumber("co2ePerUnit", f.Co2ePerUnit);
            w.WriteNumber("co2e", f.Co2e.Value);
            w.WriteNumber("share", f.Share);
            w.WriteBoolean("primaryData", f.IsPrimaryData);
            w.WriteString("source", f.Source);
            w.WriteEndObject();
        }

        w.WriteEndArray();

        w.WriteStartArray("allocations");
        foreach (var a in result.Allocations)
        {
            w.WriteStartObject();
            w.WriteString("process", a.Process.Value);
            w.WriteString("method", JsonNames.NameOf(JsonNames.Allocation, a.Method));
            w.WriteBoolean("statedByProcess", a.StatedByProcess);
            w.WriteString("basis", a.Basis);
            w.WriteStartArray("shares");
            foreach (var s in a.Shares)
            {
                w.WriteStartObject();
                w.WriteString("flow", s.Flow.Value);
                w.WriteNumber("weight", s.Weight);
                w.WriteNumber("share", s.Share);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();

        w.WriteNumber("primaryDataShare", result.PrimaryDataShare);
        w.WriteNumber("fallbackShare", result.FallbackShare);
        if (result.DataQuality is { } q)
        {
            w.WriteStartObject("dataQuality");
            w.WriteNumber("technological", q.Technological);
            w.WriteNumber("geographical", q.Geographical);
            w.WriteNumber("temporal", q.Temporal);
            w.WriteNumber("completeness", q.Completeness);
            w.WriteNumber("reliability", q.Reliability);
            w.WriteNumber("coverage", result.DataQualityCoverage);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("dataQuality");
        }

        w.WriteStartObject("cutOff");
        w.WriteNumber("excludedCo2e", result.CutOff.Excluded.Value);
        w.WriteNumber("share", result.CutOff.Share);
        w.WriteStartArray("rules");
        foreach (string rule in result.CutOff.Rules)
        {
            w.WriteStringValue(rule);
        }

        w.WriteEndArray();
        w.WriteEndObject();

        w.WriteStartArray("warnings");
        foreach (var p in result.Warnings)
        {
            w.WriteStartObject();
            w.WriteString("path", p.Path);
            w.WriteString("code", p.Code);
            w.WriteString("message", p.Message);
            w.WriteEndObject();
        }

        w.WriteEndArray();

        if (options.IncludeExplanation)
        {
            w.WritePropertyName("explanation");
            WriteExplanation(w, result.Explain(options.ExplanationMinimumShare, options.ExplanationMaximumDepth));
        }

        w.WriteEndObject();
    }

    private static void WriteRequest(Utf8JsonWriter w, FactorRequest request)
    {
        w.WriteString("key", request.Key);
        if (request.Region is { } region)
        {
            w.WriteString("region", region);
        }

        if (request.Year is { } year)
        {
            w.WriteNumber("year", year);
        }

        w.WriteString("unit", request.Unit.Symbol);
    }

    // Depth-first with an explicit stack: one frame per open node, its next child index.
    private static void WriteExplanation(Utf8JsonWriter w, Explanation root)
    {
        var stack = new Stack<(Explanation Node, int Next)>();
        Open(root);
        stack.Push((root, 0));
        while (stack.Count > 0)
        {
            var (node, next) = stack.Pop();
            if (next < node.Children.Length)
            {
                stack.Push((node, next + 1));
                var child = node.Children[next];
                Open(child);
                stack.Push((child, 0));
                continue;
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        void Open(Explanation node)
        {
            w.WriteStartObject();
            w.WriteString("kind", node.Kind switch
            {
                ExplanationKind.Demand => "demand",
                ExplanationKind.Product => "product",
                ExplanationKind.DirectExchange => "directExchange",
                ExplanationKind.Factor => "factor",
                ExplanationKind.Credit => "credit",
                ExplanationKind.Gas => "gas",
                _ => "summary",
            });
            w.WriteString("label", node.Label);
            w.WriteNumber("co2e", node.Co2e.Value);
            w.WriteString("arithmetic", node.Arithmetic);
            if (node.Source is { } source)
            {
                w.WriteString("source", source);
            }

            w.WriteStartArray("children");
        }
    }
}
