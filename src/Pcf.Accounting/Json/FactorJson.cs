using System.Buffers;
using System.Collections.Frozen;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Json;
using Pcf.Accounting.Factors;
using Pcf.Accounting.Gases;
using Pcf.Accounting.Model;
using Pcf.Accounting.Units;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Json;

/// <summary>Reads emission-factor datasets in the <c>pcf-factors/1</c> JSON format (docs/factors.md, docs/schemas/pcf-factors-1.schema.json).</summary>
/// <remarks>Reading reports every problem of a document at once, each with its JSON path and a stable code; nothing
/// partial is returned. Values of the document's <c>dataset</c> header (publisher, licence, id, version) fill each
/// factor's provenance where the factor does not give its own.</remarks>
/// <example><code>
/// ValidationResult&lt;FactorCatalog&gt; read = FactorJson.Read(File.ReadAllBytes("factors/company.json"));
/// var provider = new InMemoryFactorProvider("company", read.ThrowIfInvalid());
/// </code></example>
public static class FactorJson
{
    /// <summary>The format identifier this version reads.</summary>
    public const string Format = "pcf-factors/1";

    private static readonly FrozenDictionary<string, FactorKind> Kinds = new Dictionary<string, FactorKind>
    {
        ["unspecified"] = FactorKind.Unspecified,
        ["lifeCycle"] = FactorKind.LifeCycle,
        ["combustionOnly"] = FactorKind.CombustionOnly,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, FactorConfidence> Confidences = new Dictionary<string, FactorConfidence>
    {
        ["notStated"] = FactorConfidence.NotStated,
        ["verified"] = FactorConfidence.Verified,
        ["secondary"] = FactorConfidence.Secondary,
        ["unverified"] = FactorConfidence.Unverified,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, CarbonOrigin> Origins = new Dictionary<string, CarbonOrigin>
    {
        ["notApplicable"] = CarbonOrigin.NotApplicable,
        ["fossil"] = CarbonOrigin.Fossil,
        ["biogenic"] = CarbonOrigin.Biogenic,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly JsonMembers RootMembers = new("$schema", "format", "dataset", "factors");
    private static readonly JsonMembers DatasetMembers = new("id", "name", "version", "publisher", "licence", "description", "url");
    private static readonly JsonMembers FactorMembers = new("key", "name", "perUnit", "region", "year", "validFrom", "validUntil", "gwpBasis", "kind",
        "primaryData", "components", "source", "licence", "dataQuality", "uncertainty");

    // A factor inside a pcf-result/1 inventory carries its own dataset id and version (there is no dataset header).
    private static readonly JsonMembers StandaloneFactorMembers = new("key", "name", "perUnit", "region", "year", "validFrom", "validUntil", "gwpBasis", "kind",
        "primaryData", "components", "source", "licence", "dataQuality", "uncertainty", "dataset");

    private static readonly JsonMembers DatasetReferenceMembers = new("id", "version");

    private static readonly JsonMembers SourceMembers = new("publisher", "document", "year", "url", "confidence", "note");
    private static readonly JsonMembers ComponentMembers = new("gas", "amount", "kind", "origin", "uncertainty");
    private static readonly JsonMembers QualityMembers = new("technological", "geographical", "temporal", "completeness", "reliability");

    /// <summary>Reads a factor dataset from UTF-8 JSON.</summary>
    /// <param name="utf8Json">The document.</param>
    /// <param name="options">Limits; <see langword="null"/> for <see cref="JsonReadOptions.Default"/>.</param>
    /// <returns>The factors, or every problem found.</returns>
    public static ValidationResult<FactorCatalog> Read(ReadOnlyMemory<byte> utf8Json, JsonReadOptions? options = null)
    {
        var walker = new JsonWalker(options ?? JsonReadOptions.Default);
        using var document = walker.Parse(utf8Json);
        if (document is null)
        {
            return ValidationResult.Failure<FactorCatalog>(walker.Problems);
        }

        var factors = ReadDocument(walker, document.RootElement);
        return walker.Problems.Count > 0
            ? ValidationResult.Failure<FactorCatalog>(walker.Problems)
            : ValidationResult.Success(FactorCatalog.Own(factors));
    }

    /// <summary>Reads a factor dataset from a JSON string.</summary>
    /// <param name="json">The document.</param>
    /// <param name="options">Limits; <see langword="null"/> for the defaults.</param>
    /// <returns>The factors, or every problem found.</returns>
    public static ValidationResult<FactorCatalog> Read(string json, JsonReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Read(System.Text.Encoding.UTF8.GetBytes(json), options);
    }

    /// <summary>Reads a factor dataset from a file.</summary>
    /// <param name="path">The file's path.</param>
    /// <param name="options">Limits; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The factors, or every problem found (a missing or too large file is a problem at <c>$</c>).</returns>
    public static async ValueTask<ValidationResult<FactorCatalog>> ReadFileAsync(string path, JsonReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        options ??= JsonReadOptions.Default;
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            return ValidationResult.Failure<FactorCatalog>([new("$", ProblemCodes.Required, $"The file '{path}' does not exist.")]);
        }

        if (info.Length > options.MaxDocumentBytes)
        {
            return ValidationResult.Failure<FactorCatalog>([new("$", ProblemCodes.DocumentTooLarge, $"The file has {info.Length} bytes; the limit is {options.MaxDocumentBytes}.")]);
        }

        // Implementation note: the bytes are needed only while reading, so they go in a pooled buffer rather than a new
        // array the size of the file (each read of a 30 MB dataset made a large-object allocation and a full collection).
        // A file that grew since its length was taken is read whole, as before.
        if (info.Length >= Array.MaxLength)
        {
            return Read(await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false), options);
        }

        var buffer = ArrayPool<byte>.Shared.Rent((int)info.Length + 1);
        try
        {
            int length = 0;
            using (var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.Asynchronous | FileOptions.SequentialScan))
            {
                int read;
                while (length < buffer.Length
                    && (read = await RandomAccess.ReadAsync(file, buffer.AsMemory(length), length, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    length += read;
                }
            }

            return length < buffer.Length
                ? Read(buffer.AsMemory(0, length), options)
                : Read(await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false), options);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Reads one self-contained factor object (with its own <c>dataset</c> and <c>licence</c>), as a <c>pcf-result/1</c> inventory holds it.</summary>
    internal static EmissionFactor? ReadStandalone(JsonWalker w, JsonElement item, JsonPath at) =>
        w.IsObject(item, at) ? ReadFactor(w, item, at, new ReadState(default, standalone: true)) : null;

    /// <summary>Writes one self-contained factor object: the pcf-factors/1 factor members, with the dataset id and version and the licence of its provenance.</summary>
    internal static void WriteStandalone(Utf8JsonWriter w, EmissionFactor f)
    {
        var p = f.Provenance;
        w.WriteStartObject();
        w.WriteString("key", f.Key);
        w.WriteString("name", f.Name);
        w.WriteString("perUnit", f.PerUnit.Symbol);
        w.WriteString("region", f.Region);
        if (f.Year is { } year)
        {
            w.WriteNumber("year", year);
        }

        if (f.ValidFrom is { } from)
        {
            w.WriteString("validFrom", from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if (f.ValidUntil is { } until)
        {
            w.WriteString("validUntil", until.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if (f.GwpBasis is { } basis)
        {
            w.WriteString("gwpBasis", basis.Id);
        }

        w.WriteString("kind", JsonNames.NameOf(Kinds, p.Kind));
        if (p.IsPrimaryData)
        {
            w.WriteBoolean("primaryData", true);
        }

        w.WriteStartArray("components");
        foreach (var c in f.Components)
        {
            w.WriteStartObject();
            w.WriteString("gas", c.Gas?.Id ?? "CO2e");
            w.WriteNumber("amount", c.Amount);
            if (c.Kind != ElementaryExchangeKind.Emission)
            {
                w.WriteString("kind", JsonNames.NameOf(JsonNames.ExchangeKinds, c.Kind));
            }

            if (c.Origin != (c.Gas?.Origin ?? CarbonOrigin.NotApplicable))
            {
                w.WriteString("origin", JsonNames.NameOf(Origins, c.Origin));
            }

            if (c.Uncertainty is { } cu)
            {
                UncertaintyJson.Write(w, "uncertainty", cu);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartObject("source");
        w.WriteString("publisher", p.Publisher);
        w.WriteString("document", p.Document);
        if (p.PublicationYear is { } published)
        {
            w.WriteNumber("year", published);
        }

        if (p.Url is { } url)
        {
            w.WriteString("url", url);
        }

        if (p.Confidence != FactorConfidence.NotStated)
        {
            w.WriteString("confidence", JsonNames.NameOf(Confidences, p.Confidence));
        }

        if (p.Note is { } note)
        {
            w.WriteString("note", note);
        }

        w.WriteEndObject();
        if (p.Licence is { } licence)
        {
            w.WriteString("licence", licence);
        }

        if (p.Dataset is { } dataset)
        {
            w.WriteStartObject("dataset");
            w.WriteString("id", dataset);
            if (p.DatasetVersion is { } version)
            {
                w.WriteString("version", version);
            }

            w.WriteEndObject();
        }

        if (f.DataQuality is { } q)
        {
            WriteQuality(w, "dataQuality", q);
        }

        if (f.Uncertainty is { } u)
        {
            UncertaintyJson.Write(w, "uncertainty", u);
        }

        w.WriteEndObject();
    }

    /// <summary>Writes data-quality scores as an object member.</summary>
    internal static void WriteQuality(Utf8JsonWriter w, string name, DataQuality q)
    {
        w.WriteStartObject(name);
        w.WriteNumber("technological", q.Technological);
        w.WriteNumber("geographical", q.Geographical);
        w.WriteNumber("temporal", q.Temporal);
        w.WriteNumber("completeness", q.Completeness);
        w.WriteNumber("reliability", q.Reliability);
        w.WriteEndObject();
    }

    /// <summary>Reads data-quality scores (every score from 1 to 5).</summary>
    internal static DataQuality? ReadQualityObject(JsonWalker w, JsonElement q, JsonPath at) => ReadQuality(w, q, at);

    private static EmissionFactor[] ReadDocument(JsonWalker w, JsonElement root)
    {
        const string path = "$";
        if (!w.IsObject(root, path))
        {
            return [];
        }

        w.OnlyMembers(root, path, RootMembers);
        var format = w.String(root, "format", path, required: true);
        if (format is not null && format != Format)
        {
            w.Problem("$.format", ProblemCodes.UnsupportedFormat, $"'{format}' is not a format this version reads; expected '{Format}'.");
            return [];
        }

        var dataset = w.Object(root, "dataset", path, required: true) is { } d ? ReadDataset(w, d) : default;
        // Sized from the document, so that with every factor valid the array becomes the catalog's own without growing or a copy.
        var factors = new EmissionFactor[root.TryGetProperty("factors", out var items) && items.ValueKind == JsonValueKind.Array ? items.GetArrayLength() : 0];
        int count = 0;
        var seen = new HashSet<EmissionFactor>(factors.Length, SameIdentity.Instance);
        var state = new ReadState(dataset);
        foreach (var (item, at) in w.Items(root, "factors", path, required: true))
        {
            if (w.IsObject(item, at) && ReadFactor(w, item, at, state) is { } factor)
            {
                if (!seen.Add(factor))
                {
                    w.Problem(at, ProblemCodes.InvalidFactor, $"Another factor has the same key '{factor.Key}', region '{factor.Region}', year and unit '{factor.PerUnit.Symbol}'.");
                }

                factors[count++] = factor;
            }
        }

        return count == factors.Length ? factors : factors[..count];
    }

    private static DatasetHeader ReadDataset(JsonWalker w, JsonElement d)
    {
        const string at = "$.dataset";
        w.OnlyMembers(d, at, DatasetMembers);
        return new DatasetHeader(
            w.String(d, "id", at, required: true),
            w.String(d, "name", at),
            w.String(d, "version", at, required: true),
            w.String(d, "publisher", at),
            w.String(d, "licence", at));
    }

    private static EmissionFactor? ReadFactor(JsonWalker w, JsonElement item, JsonPath at, ReadState state)
    {
        int before = w.Found;
        var dataset = state.Dataset;
        var f = w.Fields(item, at, state.FactorMembers, state.FactorFields);
        var key = w.String(f, "key", at, required: true, state.Keys);
        var name = w.String(f, "name", at) ?? key;
        var perUnitSymbol = w.String(f, "perUnit", at, required: true, state.Words);
        var perUnit = Unit.TryParse(perUnitSymbol, out var known) ? known : w.ParseUnit(perUnitSymbol, at.Member("perUnit"));
        var region = w.String(f, "region", at, required: false, state.Regions);
        var year = w.Integer(f, "year", at);
        var validFrom = Date(w, f, "validFrom", at);
        var validUntil = Date(w, f, "validUntil", at);
        GwpSet? basis = null;
        if (w.String(f, "gwpBasis", at) is { } basisId && !GwpSet.TryFind(basisId, out basis))
        {
            w.Problem(at.Member("gwpBasis"), ProblemCodes.UnknownGwpSet, $"'{basisId}' is not a known GWP set; use AR4, AR5, AR5-ccf or AR6.");
        }

        var kind = w.Enum(f, "kind", at, Kinds, state.Words) ?? FactorKind.Unspecified;
        bool primary = w.Boolean(f, "primaryData", at) ?? false;
        var components = state.ComponentList;
        components.Clear();
        foreach (var (c, cAt) in w.Items(f, "components", at, required: true))
        {
            if (w.IsObject(c, cAt) && ReadComponent(w, c, cAt, state) is { } component)
            {
                components.Add(state.Share(component));
            }
        }

        if (w.Get(f, "components", at, required: false) is { ValueKind: JsonValueKind.Array } array && array.GetArrayLength() == 0)
        {
            w.Problem(at.Member("components"), ProblemCodes.Required, "A factor needs at least one component.");
        }

        FactorProvenance? provenance = null;
        if (w.Object(f, "source", at, required: true) is { } s)
        {
            var sAt = at.Member("source");
            var sf = w.Fields(s, sAt, SourceMembers, state.SourceFields);
            var publisher = w.String(sf, "publisher", sAt) ?? dataset.Publisher;
            if (publisher is null)
            {
                w.Problem(sAt.Member("publisher"), ProblemCodes.Required, "'publisher' is required when the dataset header gives none.");
            }

            var document = w.String(sf, "document", sAt, required: true, state.Documents);
            if (publisher is not null && document is not null)
            {
                var read = new FactorProvenance(publisher, document)
                {
                    PublicationYear = w.Integer(sf, "year", sAt),
                    Url = w.String(sf, "url", sAt),
                    Confidence = w.Enum(sf, "confidence", sAt, Confidences) ?? FactorConfidence.NotStated,
                    Note = w.String(sf, "note", sAt),
                    Dataset = dataset.Id,
                    DatasetVersion = dataset.Version,
                    Licence = w.String(f, "licence", at) ?? dataset.Licence,
                    Kind = kind,
                    IsPrimaryData = primary,
                };
                provenance = state.Share(read);
            }
        }

        if (state.Standalone && provenance is not null && w.Object(f, "dataset", at) is { } ds)
        {
            var dsAt = at.Member("dataset");
            w.OnlyMembers(ds, dsAt, DatasetReferenceMembers);
            provenance = provenance with { Dataset = w.String(ds, "id", dsAt, required: true), DatasetVersion = w.String(ds, "version", dsAt) };
        }

        var quality = w.Object(f, "dataQuality", at) is { } q ? ReadQuality(w, q, at.Member("dataQuality")) : null;
        var uncertainty = w.Object(f, "uncertainty", at) is { } u ? UncertaintyJson.Read(w, u, at.Member("uncertainty")) : null;
        if (w.Found > before || key is null || name is null || perUnit is null || provenance is null || components.Count == 0)
        {
            return null;
        }

        return new EmissionFactor(key, name, perUnit, region, year, components, provenance)
        {
            ValidFrom = validFrom,
            ValidUntil = validUntil,
            GwpBasis = basis,
            DataQuality = quality,
            Uncertainty = uncertainty,
        };
    }

    private static FactorComponent? ReadComponent(JsonWalker w, JsonElement c, JsonPath at, ReadState state)
    {
        var cf = w.Fields(c, at, ComponentMembers, state.ComponentFields);
        var gasId = w.String(cf, "gas", at, required: true, state.Words);
        var amount = w.Number(cf, "amount", at, required: true);
        var kind = w.Enum(cf, "kind", at, JsonNames.ExchangeKinds) ?? ElementaryExchangeKind.Emission;
        var origin = w.Enum(cf, "origin", at, Origins);
        GreenhouseGas? gas = null;
        if (gasId is not null && gasId != "CO2e" && !GreenhouseGas.TryFind(gasId, out gas))
        {
            w.Problem(at.Member("gas"), ProblemCodes.UnknownGas, $"'{gasId}' is not a known greenhouse gas (such as CO2-fossil, CH4-fossil, N2O) nor 'CO2e'.");
            return null;
        }

        if (amount is { } a && a < 0)
        {
            w.Problem(at.Member("amount"), ProblemCodes.NumberOutOfRange, $"'amount' must not be negative, found {JsonWalker.Format(a)}; the 'kind' gives the sign.");
            return null;
        }

        var uncertainty = w.Object(cf, "uncertainty", at) is { } u ? UncertaintyJson.Read(w, u, at.Member("uncertainty")) : null;
        return gasId is null || amount is null
            ? null
            : new FactorComponent(gas, kind, amount.Value) { Origin = origin ?? gas?.Origin ?? CarbonOrigin.NotApplicable, Uncertainty = uncertainty };
    }

    private static DataQuality? ReadQuality(JsonWalker w, JsonElement q, JsonPath at)
    {
        string[] names = QualityMembers.Names;
        w.OnlyMembers(q, at, QualityMembers);
        var scores = new double[names.Length];
        bool ok = true;
        for (int i = 0; i < names.Length; i++)
        {
            if (w.Number(q, names[i], at, required: true) is not { } score)
            {
                ok = false;
            }
            else if (score is < DataQuality.Best or > DataQuality.Worst)
            {
                w.Problem(at.Member(names[i]), ProblemCodes.NumberOutOfRange, $"'{names[i]}' must be from 1 (best) to 5 (worst), found {JsonWalker.Format(score)}.");
                ok = false;
            }
            else
            {
                scores[i] = score;
            }
        }

        return ok ? new DataQuality(scores[0], scores[1], scores[2], scores[3], scores[4]) : null;
    }

    private static DateOnly? Date(JsonWalker w, JsonFields item, string name, JsonPath at)
    {
        var text = w.String(item, name, at);
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        w.Problem(at.Member(name), ProblemCodes.WrongType, $"'{name}' must be a date as yyyy-MM-dd, found \"{text}\".");
        return null;
    }

    private readonly record struct DatasetHeader(string? Id, string? Name, string? Version, string? Publisher, string? Licence);

    // What one read shares across factors. Equal provenances and components are one instance each (they are immutable
    // records), a key or region repeated from factor to factor one string, and one list collects each factor's components.
    // Implementation note: a 100,000-factor dataset read as separate objects kept about a million small objects alive
    // through every collection, and collections took most of the reading time.
    private sealed class ReadState(DatasetHeader dataset, bool standalone = false)
    {
        public bool Standalone { get; } = standalone;

        public JsonMembers FactorMembers { get; } = standalone ? StandaloneFactorMembers : FactorJson.FactorMembers;

        private readonly Dictionary<FactorProvenance, FactorProvenance> _provenances = [];
        private readonly Dictionary<FactorComponent, FactorComponent> _components = new(SameComponent.Instance);

        public DatasetHeader Dataset { get; } = dataset;

        public List<FactorComponent> ComponentList { get; } = new(4);

        public JsonElement[] FactorFields { get; } = new JsonElement[StandaloneFactorMembers.Names.Length];

        public JsonElement[] SourceFields { get; } = new JsonElement[SourceMembers.Names.Length];

        public JsonElement[] ComponentFields { get; } = new JsonElement[ComponentMembers.Names.Length];

        public JsonStringPool Keys { get; } = new(1);

        public JsonStringPool Regions { get; } = new(8);

        // Unit symbols, kinds and gas ids: a few short words repeated throughout.
        public JsonStringPool Words { get; } = new(16);

        public JsonStringPool Documents { get; } = new(4);

        public FactorProvenance Share(FactorProvenance provenance) => Share(_provenances, provenance);

        public FactorComponent Share(FactorComponent component) => Share(_components, component);

        private static T Share<T>(Dictionary<T, T> shared, T value)
            where T : notnull
        {
            ref var existing = ref CollectionsMarshal.GetValueRefOrAddDefault(shared, value, out bool exists);
            if (!exists)
            {
                existing = value;
            }

            return existing!;
        }
    }

    // Components are shared only when indistinguishable: the same gas instance, the same bits of the amount (0 and -0 differ), the same distribution.
    private sealed class SameComponent : IEqualityComparer<FactorComponent>
    {
        public static readonly SameComponent Instance = new();

        public bool Equals(FactorComponent? x, FactorComponent? y) =>
            ReferenceEquals(x, y) || (x is not null && y is not null && ReferenceEquals(x.Gas, y.Gas) && x.Kind == y.Kind && x.Origin == y.Origin
                && BitConverter.DoubleToInt64Bits(x.Amount) == BitConverter.DoubleToInt64Bits(y.Amount) && x.Uncertainty == y.Uncertainty);

        public int GetHashCode(FactorComponent obj) =>
            HashCode.Combine(obj.Gas is null ? 0 : RuntimeHelpers.GetHashCode(obj.Gas), obj.Kind, obj.Origin, BitConverter.DoubleToInt64Bits(obj.Amount));
    }

    // Two factors of a dataset clash when key and region (ignoring case), year and unit symbol are equal.
    private sealed class SameIdentity : IEqualityComparer<EmissionFactor>
    {
        public static readonly SameIdentity Instance = new();

        public bool Equals(EmissionFactor? x, EmissionFactor? y) =>
            ReferenceEquals(x, y) || (x is not null && y is not null
                && string.Equals(x.Key, y.Key, StringComparison.OrdinalIgnoreCase)
                && string.Equals(x.Region, y.Region, StringComparison.OrdinalIgnoreCase)
                && x.Year == y.Year
                && string.Equals(x.PerUnit.Symbol, y.PerUnit.Symbol, StringComparison.Ordinal));

        public int GetHashCode(EmissionFactor obj) => HashCode.Combine(
            StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Key),
            StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Region),
            obj.Year,
            StringComparer.Ordinal.GetHashCode(obj.PerUnit.Symbol));
    }
}
