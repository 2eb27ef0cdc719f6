using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using Pcf.Accounting.Factors;
using Pcf.Accounting.Model;
using Pcf.Accounting.Results;
using Pcf.Accounting.Rules;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Json;

/// <summary>Writes and reads a <see cref="FootprintResult"/> in the documented, versioned <c>pcf-result/1</c> JSON format (docs/engine.md, docs/schemas/pcf-result-1.schema.json).</summary>
/// <remarks>
/// <para>A result round-trips without loss: <see cref="Read(ReadOnlyMemory{byte}, JsonReadOptions?)"/> of what
/// <see cref="Write(FootprintResult, FootprintResultJsonOptions?)"/> wrote gives a result equal to the original, inventory,
/// views, warnings, provenance and hashes included, and it explains itself as the original does.</para>
/// <para>Numbers are written in their shortest round-trip form, so reading a value back gives the same <see cref="double"/>.
/// All CO2e values are kg CO2e for the result's demand. Lists are in the result's order (largest contributions first),
/// so the same result always gives the same bytes.</para>
/// <para>A document of the first releases of <c>pcf-result/1</c>, written before results carried their inventory, is refused
/// with a clear problem (<c>PCF0004</c> at <c>$.inventory</c>): recalculate it from its system. A later format is refused likewise.</para>
/// </remarks>
/// <example><code>
/// string json = FootprintResultJson.Write(result);
/// FootprintResult back = FootprintResultJson.Read(json).ThrowIfInvalid();   // back.Equals(result)
/// </code></example>
public static partial class FootprintResultJson
{
    /// <summary>The format identifier written to <c>"format"</c>.</summary>
    public const string Format = "pcf-result/1";

    /// <summary>The deepest explanation written (each level nests two JSON levels).</summary>
    public const int MaximumExplanationDepth = 200;

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
    /// <exception cref="ArgumentOutOfRangeException">The explanation depth asked for is beyond <see cref="MaximumExplanationDepth"/>.</exception>
    /// <remarks>A large inventory's processes are rendered on the machine's cores, a chunk at a time; the bytes are the same
    /// whatever the number of cores.</remarks>
    public static void Write(Stream utf8Json, FootprintResult result, FootprintResultJsonOptions? options = null) =>
        Write(utf8Json, result, options, Environment.ProcessorCount);

    /// <summary>Writes a result, rendering the inventory's processes on up to <paramref name="threads"/> threads.</summary>
    internal static void Write(Stream utf8Json, FootprintResult result, FootprintResultJsonOptions? options, int threads)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        ArgumentNullException.ThrowIfNull(result);
        options ??= FootprintResultJsonOptions.Default;
        if (options.IncludeExplanation && options.ExplanationMaximumDepth > MaximumExplanationDepth)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.ExplanationMaximumDepth, $"An explanation written to JSON is at most {MaximumExplanationDepth} levels deep.");
        }

        var sink = new StreamBufferWriter(utf8Json);
        using var w = new Utf8JsonWriter(sink, new JsonWriterOptions
        {
            Indented = options.Indented,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            MaxDepth = 2 * MaximumExplanationDepth + 16,
        });
        w.WriteStartObject();
        w.WriteString("format", Format);
        w.WriteString("system", result.System.Name);
        WriteProduct(w, result.System);
        w.WriteStartObject("ruleSet");
        w.WriteString("id", result.RuleSet.Id);
        w.WriteString("name", result.RuleSet.Name);
        w.WriteString("boundary", JsonNames.NameOf(Boundaries, result.RuleSet.Boundary));
        w.WriteStartArray("allocationPreference");
        foreach (var method in result.RuleSet.AllocationPreference)
        {
            w.WriteStringValue(JsonNames.NameOf(JsonNames.Allocation, method));
        }

        w.WriteEndArray();
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
            if (result.DataQualityCoverage != 0)
            {
                w.WriteNumber("dataQualityCoverage", result.DataQualityCoverage);
            }
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

        WriteProblems(w, "warnings", result.Warnings);

        w.WriteStartArray("views");
        foreach (var view in result.Views)
        {
            w.WriteStartObject();
            w.WriteString("id", view.Id);
            w.WriteString("title", view.Title);
            w.WriteStartArray("lines");
            foreach (var line in view.Lines)
            {
                w.WriteStartObject();
                w.WriteString("key", line.Key);
                w.WriteString("label", line.Label);
                w.WriteNumber("value", line.Value);
                w.WriteString("unit", line.Unit);
                if (line.Note is { } note)
                {
                    w.WriteString("note", note);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            WriteProblems(w, "warnings", view.Warnings);
            w.WriteEndObject();
        }

        w.WriteEndArray();

        w.WriteStartArray("factorSets");
        foreach (var set in result.FactorSets)
        {
            w.WriteStartObject();
            w.WriteString("name", set.Name);
            WriteOptional(w, "version", set.Version);
            WriteOptional(w, "licence", set.Licence);
            w.WriteString("hash", set.Hash);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("licences");
        foreach (string licence in result.Licences)
        {
            w.WriteStringValue(licence);
        }

        w.WriteEndArray();

        var derivations = result.Inventory.Derivations().Select(d => d.Derivation).Distinct().ToList();
        if (derivations.Count > 0)
        {
            // An index of every derivation by name, so that vectors and readers reach intermediate quantities
            // (derivations[calcination CO2 per t clinker].result.value) without walking the inventory.
            w.WriteStartArray("derivations");
            foreach (var d in derivations)
            {
                WriteDerivation(w, null, d, nested: false);
            }

            w.WriteEndArray();
        }

        if (result.Uncertainty is { } uncertainty)
        {
            WriteUncertainty(w, uncertainty);
        }

        WriteInventory(w, sink, result.Inventory, threads);

        if (options.IncludeExplanation)
        {
            w.WritePropertyName("explanation");
            WriteExplanation(w, result.Explain(options.ExplanationMinimumShare, options.ExplanationMaximumDepth));
        }

        w.WriteEndObject();
        w.Flush();
        sink.Drain();
    }

    private static void WriteProduct(Utf8JsonWriter w, SystemSummary s)
    {
        w.WriteStartObject("product");
        w.WriteString("referenceProduct", s.ReferenceProduct.Value);
        w.WriteString("referenceProcess", s.ReferenceProcess.Value);
        WriteQuantity(w, "declaredUnit", s.DeclaredUnit);
        WriteOptional(w, "description", s.Description);
        WriteOptional(w, "region", s.Region);
        if (s.ReferenceYear is { } year)
        {
            w.WriteNumber("referenceYear", year);
        }

        if (s.ProductMassPerDeclaredUnit is { } mass)
        {
            WriteQuantity(w, "productMassPerDeclaredUnit", mass);
        }

        if (s.CarbonContent is { } c)
        {
            w.WriteStartObject("carbonContent");
            WriteQuantity(w, "fossil", c.Fossil);
            WriteQuantity(w, "biogenic", c.Biogenic);
            if (c.Recycled is { } recycled)
            {
                WriteQuantity(w, "recycled", recycled);
            }

            if (c.PackagingBiogenic is { } packaging)
            {
                WriteQuantity(w, "packagingBiogenic", packaging);
            }

            w.WriteEndObject();
        }

        w.WriteString("contentHash", s.ContentHash);
        w.WriteEndObject();
    }

    private static void WriteInventory(Utf8JsonWriter w, StreamBufferWriter sink, FootprintInventory inventory, int threads)
    {
        w.WriteStartObject("inventory");
        w.WriteStartArray("flows");
        foreach (var f in inventory.Flows)
        {
            w.WriteStartObject();
            w.WriteString("id", f.Id.Value);
            w.WriteString("name", f.Name);
            w.WriteString("unit", f.ReferenceUnit.Symbol);
            WriteTags(w, f.Tags);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("factors");
        foreach (var f in inventory.Factors)
        {
            w.WriteStartObject();
            w.WritePropertyName("request");
            w.WriteStartObject();
            WriteRequest(w, f.Request);
            w.WriteEndObject();
            w.WritePropertyName("factor");
            FactorJson.WriteStandalone(w, f.Factor);
            w.WriteString("provider", f.ProviderName);
            w.WriteStartArray("fallbacks");
            foreach (var fallback in f.Fallbacks)
            {
                WriteFallback(w, fallback);
            }

            w.WriteEndArray();
            w.WriteNumber("conversion", f.ConversionToRequestedUnit);
            if (f.DataQuality is { } q)
            {
                FactorJson.WriteQuality(w, "dataQuality", q);
            }

            w.WriteStartArray("components");
            foreach (var c in f.Components)
            {
                w.WriteStartObject();
                w.WriteString("gas", c.Gas?.Id ?? "CO2e");
                w.WriteString("kind", JsonNames.NameOf(JsonNames.ExchangeKinds, c.Kind));
                w.WriteString("origin", JsonNames.NameOf(Origins, c.Origin));
                w.WriteNumber("amountPerUnit", c.AmountPerUnit);
                w.WriteNumber("co2ePerUnit", c.Co2ePerUnit);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteNumber("co2ePerUnit", f.Co2ePerUnit);
            if (f.IsRecharacterized)
            {
                w.WriteBoolean("recharacterized", true);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("processes");
        WriteProcesses(w, sink, inventory, threads);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>The processes a chunk holds when several threads render a large inventory.</summary>
    internal const int ProcessChunk = 256;

    // A large inventory's processes are rendered in chunks on the machine's cores, each chunk by its own writer into its own
    // buffer, and the chunks are passed to the stream in order: the bytes are those one writer gives, whatever the number of
    // threads. Each chunk's writer is first taken to the depth of the processes array (and past a first item, so that every
    // process it writes is preceded by the separator), and only what follows is kept. The per-process records are made a chunk
    // at a time, and are not kept.
    private static void WriteProcesses(Utf8JsonWriter w, StreamBufferWriter sink, FootprintInventory inventory, int threads)
    {
        int n = inventory.ProcessCount;
        int workers = Math.Min(threads, (n + ProcessChunk - 1) / ProcessChunk);
        if (workers < 2)
        {
            WriteProcesses(w, inventory, 0, n);
            return;
        }

        WriteProcesses(w, inventory, 0, 1); // the writer's own state then says that the array has items
        w.Flush();
        var chunks = new ChunkWriter[workers];
        for (int start = 1; start < n; start += workers * ProcessChunk)
        {
            int wave = Math.Min(workers, (n - start + ProcessChunk - 1) / ProcessChunk);
            int first = start;
            Parallel.For(0, wave, k =>
            {
                int from = first + (k * ProcessChunk);
                var chunk = chunks[k] ??= new ChunkWriter(w.Options);
                chunk.Render(inventory, from, Math.Min(ProcessChunk, n - from));
            });
            for (int k = 0; k < wave; k++)
            {
                sink.WriteRaw(chunks[k].Written);
            }
        }

        foreach (var chunk in chunks)
        {
            chunk?.Dispose();
        }
    }

    /// <summary>One thread's writer of process chunks: its buffer is reused from chunk to chunk.</summary>
    private sealed class ChunkWriter(JsonWriterOptions options) : IDisposable
    {
        private readonly System.Buffers.ArrayBufferWriter<byte> _buffer = new(1 << 20);
        private readonly Utf8JsonWriter _writer = new(System.IO.Stream.Null, options);
        private int _skip;

        public ReadOnlySpan<byte> Written => _buffer.WrittenSpan[_skip..];

        public void Render(FootprintInventory inventory, int from, int count)
        {
            _buffer.ResetWrittenCount();
            _writer.Reset(_buffer);
            _writer.WriteStartObject();
            _writer.WriteStartObject("inventory");
            _writer.WriteStartArray("processes");
            _writer.WriteNullValue();
            _writer.Flush();
            _skip = _buffer.WrittenCount;
            WriteProcesses(_writer, inventory, from, count);
            _writer.Flush();
        }

        public void Dispose() => _writer.Dispose();
    }

    // Processes from..from+count: straight from the calculation when no records were made (none is made then), else from the
    // records. Both give the same bytes: every number is the same product of the layout and the solution (Materialize).
    private static void WriteProcesses(Utf8JsonWriter w, FootprintInventory inventory, int from, int count)
    {
        if (inventory.Unmade is { } solution)
        {
            for (int pi = from; pi < from + count; pi++)
            {
                WriteProcess(w, solution, pi);
            }

            return;
        }

        foreach (var p in inventory.ProcessRange(from, count))
        {
            WriteProcess(w, p);
        }
    }

    private static void WriteProcess(Utf8JsonWriter w, InventoryProcess p)
    {
        WriteProcessHead(w, p.Id, p.Name, p.Stage, p.Region, p.Tags, p.IsPrimaryData, p.IsIncluded, p.Runs);
        w.WriteStartArray("outputs");
        foreach (var o in p.Outputs)
        {
            WriteOutput(w, o);
        }

        w.WriteEndArray();
        if (!p.Emissions.IsEmpty)
        {
            w.WriteStartArray("emissions");
            foreach (var e in p.Emissions)
            {
                WriteEmission(w, e);
            }

            w.WriteEndArray();
        }

        if (!p.FactorUses.IsEmpty)
        {
            w.WriteStartArray("factorUses");
            foreach (var u in p.FactorUses)
            {
                WriteFactorUse(w, u);
            }

            w.WriteEndArray();
        }

        if (!p.Links.IsEmpty)
        {
            w.WriteStartArray("links");
            foreach (var l in p.Links)
            {
                WriteLink(w, l);
            }

            w.WriteEndArray();
        }

        if (!p.Credits.IsEmpty)
        {
            w.WriteStartArray("credits");
            foreach (var c in p.Credits)
            {
                WriteCredit(w, c);
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    // One process straight from a calculation: each item made on the stack as its record would be (InventorySolution.OutputAt
    // and its siblings, which Materialize uses too), written and dropped.
    private static void WriteProcess(Utf8JsonWriter w, InventorySolution s, int pi)
    {
        var process = s.Layout.Processes[pi];
        var entries = s.Layout.Entries[pi];
        WriteProcessHead(w, process.Id, process.Name, process.Stage, process.Region, process.Tags, process.IsPrimaryData, s.IsIncluded(pi), s.Runs[pi]);
        w.WriteStartArray("outputs");
        for (int k = 0; k < entries.ColumnCount; k++)
        {
            WriteOutput(w, s.OutputAt(pi, k));
        }

        w.WriteEndArray();
        if (entries.Emissions.Length > 0)
        {
            w.WriteStartArray("emissions");
            for (int k = 0; k < entries.Emissions.Length; k++)
            {
                WriteEmission(w, s.EmissionAt(pi, k));
            }

            w.WriteEndArray();
        }

        if (entries.FactorUses.Length > 0)
        {
            w.WriteStartArray("factorUses");
            for (int k = 0; k < entries.FactorUses.Length; k++)
            {
                WriteFactorUse(w, s.FactorUseAt(pi, k));
            }

            w.WriteEndArray();
        }

        if (entries.Links.Length > 0)
        {
            w.WriteStartArray("links");
            for (int k = 0; k < entries.Links.Length; k++)
            {
                WriteLink(w, s.LinkAt(pi, k));
            }

            w.WriteEndArray();
        }

        if (entries.Credits.Length > 0)
        {
            w.WriteStartArray("credits");
            for (int k = 0; k < entries.Credits.Length; k++)
            {
                WriteCredit(w, s.CreditAt(pi, k));
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    // A process's object up to its runs (left open for its outputs and exchanges).
    private static void WriteProcessHead(Utf8JsonWriter w, ProcessId id, string name, LifeCycleStage stage, string? region, ImmutableArray<Tag> tags,
        bool primaryData, bool included, double runs)
    {
        w.WriteStartObject();
        w.WriteString("id", id.Value);
        w.WriteString("name", name);
        w.WriteString("stage", JsonNames.NameOf(JsonNames.Stages, stage));
        WriteOptional(w, "region", region);
        WriteTags(w, tags);
        if (primaryData)
        {
            w.WriteBoolean("primaryData", true);
        }

        if (!included)
        {
            w.WriteBoolean("included", false);
        }

        w.WriteNumber("runs", runs);
    }

    private static void WriteOutput(Utf8JsonWriter w, in InventoryOutput o)
    {
        w.WriteStartObject();
        w.WriteString("flow", o.Flow.Value);
        w.WriteNumber("amountPerRun", o.AmountPerRun);
        w.WriteNumber("share", o.AllocationShare);
        w.WriteNumber("runs", o.Runs);
        w.WriteNumber("footprintPerUnit", o.FootprintPerUnit);
        WriteDerivation(w, "derivation", o.Derivation, nested: false);
        w.WriteEndObject();
    }

    private static void WriteEmission(Utf8JsonWriter w, in InventoryEmission e)
    {
        w.WriteStartObject();
        w.WriteString("gas", e.Gas.Id);
        w.WriteString("kind", JsonNames.NameOf(JsonNames.ExchangeKinds, e.Kind));
        WriteQuantity(w, "perRun", e.PerRun);
        w.WriteNumber("kg", e.Kilograms);
        w.WriteNumber("co2e", e.Co2e);
        WriteDerivation(w, "derivation", e.Derivation, nested: false);
        w.WriteEndObject();
    }

    private static void WriteFactorUse(Utf8JsonWriter w, in InventoryFactorUse u)
    {
        w.WriteStartObject();
        w.WriteNumber("factor", u.Factor);
        w.WriteString("flow", u.Flow.Value);
        WriteQuantity(w, "perRun", u.PerRun);
        w.WriteNumber("amount", u.Amount);
        w.WriteNumber("co2e", u.Co2e);
        if (u.IsCredit)
        {
            w.WriteBoolean("credit", true);
        }

        WriteDerivation(w, "derivation", u.Derivation, nested: false);
        w.WriteEndObject();
    }

    private static void WriteLink(Utf8JsonWriter w, in InventoryLink l)
    {
        w.WriteStartObject();
        w.WriteString("flow", l.Flow.Value);
        w.WriteString("supplier", l.Supplier.Value);
        WriteQuantity(w, "perRun", l.PerRun);
        w.WriteNumber("amount", l.Amount);
        w.WriteNumber("co2e", l.Co2e);
        WriteDerivation(w, "derivation", l.Derivation, nested: false);
        w.WriteEndObject();
    }

    private static void WriteCredit(Utf8JsonWriter w, in InventoryCredit c)
    {
        w.WriteStartObject();
        w.WriteString("flow", c.Flow.Value);
        w.WriteString("displaced", c.Displaced.Value);
        w.WriteNumber("amountPerRun", c.AmountPerRun);
        w.WriteNumber("amount", c.Amount);
        w.WriteNumber("co2e", c.Co2e);
        w.WriteEndObject();
    }

    private static void WriteFallback(Utf8JsonWriter w, FactorFallback fallback)
    {
        w.WriteStartObject();
        switch (fallback)
        {
            case RegionFallback region:
                w.WriteString("kind", "region");
                w.WriteString("requested", region.Requested);
                w.WriteString("used", region.Used);
                w.WriteNumber("steps", region.Steps);
                break;
            case YearFallback year:
                w.WriteString("kind", "year");
                w.WriteNumber("requested", year.Requested);
                w.WriteNumber("used", year.Used);
                break;
            case UnitConversion unit:
                w.WriteString("kind", "unit");
                w.WriteString("from", unit.FactorUnit.Symbol);
                w.WriteString("to", unit.RequestedUnit.Symbol);
                w.WriteNumber("factor", unit.Factor);
                break;
            case KeyOnlyMatch key:
                w.WriteString("kind", "keyOnly");
                WriteOptional(w, "requestedRegion", key.RequestedRegion);
                if (key.RequestedYear is { } ry)
                {
                    w.WriteNumber("requestedYear", ry);
                }

                w.WriteString("factorRegion", key.FactorRegion);
                if (key.FactorYear is { } fy)
                {
                    w.WriteNumber("factorYear", fy);
                }

                break;
            default:
                w.WriteString("kind", "other");
                w.WriteString("description", fallback.Describe());
                break;
        }

        w.WriteEndObject();
    }

    private static void WriteProblems(Utf8JsonWriter w, string name, IEnumerable<ValidationProblem> problems)
    {
        w.WriteStartArray(name);
        foreach (var p in problems)
        {
            w.WriteStartObject();
            w.WriteString("path", p.Path);
            w.WriteString("code", p.Code);
            w.WriteString("message", p.Message);
            switch (p.Subject)
            {
                case FactorRequestSubject request:
                    w.WriteStartObject("subject");
                    w.WriteString("kind", "factorRequest");
                    WriteRequest(w, request.Request);
                    w.WriteEndObject();
                    break;
                case ProcessSubject processes:
                    w.WriteStartObject("subject");
                    w.WriteString("kind", "processes");
                    w.WriteStartArray("processes");
                    foreach (var id in processes.Processes)
                    {
                        w.WriteStringValue(id.Value);
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                    break;
                case ProviderSubject provider:
                    w.WriteStartObject("subject");
                    w.WriteString("kind", "provider");
                    w.WriteString("name", provider.Name);
                    w.WriteEndObject();
                    break;
                case ParameterSubject parameter:
                    w.WriteStartObject("subject");
                    w.WriteString("kind", "parameter");
                    w.WriteString("name", parameter.Name);
                    w.WriteEndObject();
                    break;
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteTags(Utf8JsonWriter w, System.Collections.Immutable.ImmutableArray<Tag> tags)
    {
        if (tags.IsDefaultOrEmpty)
        {
            return;
        }

        w.WriteStartArray("tags");
        foreach (var t in tags)
        {
            w.WriteStringValue(t.Text);
        }

        w.WriteEndArray();
    }

    private static void WriteDerivation(Utf8JsonWriter w, string? name, Derivation? derivation, bool nested)
    {
        if (derivation is null)
        {
            return;
        }

        // The document form of pcf-system/1, so that a derivation reads back with the same reader.
        var document = DerivationJson.ToDocument(derivation)!;
        if (name is not null)
        {
            w.WritePropertyName(name);
        }

        JsonSerializer.Serialize(w, document, PcfJsonContext.Default.DerivationDocument);
        _ = nested;
    }

    private static void WriteQuantity(Utf8JsonWriter w, string name, Units.Quantity q)
    {
        w.WriteStartObject(name);
        w.WriteNumber("amount", q.Value);
        w.WriteString("unit", q.Unit.Symbol);
        w.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
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
            w.WriteString("kind", JsonNames.NameOf(ExplanationKinds, node.Kind));
            w.WriteString("label", node.Label);
            w.WriteNumber("co2e", node.Co2e.Value);
            w.WriteString("arithmetic", node.Arithmetic);
            w.WriteStartArray("terms");
            foreach (var t in node.Terms)
            {
                w.WriteStartObject();
                w.WriteString("kind", JsonNames.NameOf(TermKinds, t.Kind));
                w.WriteNumber("value", t.Value);
                w.WriteString("unit", t.Unit);
                WriteOptional(w, "detail", t.Detail);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            WriteOptional(w, "process", node.Process?.Value);
            WriteOptional(w, "flow", node.Flow?.Value);
            WriteOptional(w, "gas", node.Gas?.Id);
            if (node.Factor is { } factor)
            {
                w.WriteNumber("factor", factor);
            }

            WriteOptional(w, "source", node.Source);
            WriteOptional(w, "note", node.Note);
            WriteDerivation(w, "derivation", node.Derivation, nested: false);
            w.WriteStartArray("children");
        }
    }
}
