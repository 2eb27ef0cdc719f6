using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Pcf.Accounting.Factors;
using Pcf.Accounting.Templates.Cbam;

namespace Pcf.Accounting.Data;

/// <summary>The European Commission's CBAM default values for embedded emissions, by CN code and country of origin, direct and indirect apart, each with its provenance.</summary>
/// <remarks>
/// <para>The CBAM view uses them, through <see cref="CbamDefaultValuesSource"/>, as the fallback for a purchased precursor
/// declared without actual data (flow tags <c>cbam:cn</c> and <c>cbam:origin</c>). <see cref="Find"/> returns a
/// <see cref="CbamDefaultMatch"/> that records the fallbacks taken: a shorter CN code (8 -> 6 -> 4 digits) when the exact
/// one is not listed, and the "other countries and territories" value (<see cref="OtherCountries"/>) when the country
/// of origin is not.</para>
/// <para>The embedded table (<see cref="Embedded"/>) is a partial transcription of the definitive-period values of
/// Implementing Regulation (EU) 2025/2621 made by third-party websites; every value is marked
/// <see cref="FactorConfidence.Secondary"/>. Load the Commission's own values with <see cref="CbamDefaultsTable.Read"/>
/// (format <c>pcf-cbam-defaults/1</c>, docs/factors.md) and search that table instead.</para>
/// </remarks>
/// <example><code>
/// CbamDefaultMatch? hrc = CbamDefaultValues.Find("7208 51 20", "CN");
/// // hrc.Value.CnCode == "7208" (a CN fallback), hrc.Value.Direct == 3.19 t CO2e/t, hrc.Value.Indirect == null
/// </code></example>
/// <threadsafety>Thread-safe; the embedded table is read once, on first use.</threadsafety>
public static class CbamDefaultValues
{
    /// <summary>The country id of the Commission's value for "other countries and territories".</summary>
    public const string OtherCountries = "OTHER";

    private static readonly Lazy<CbamDefaultsTable> LazyEmbedded = new(() => CbamDefaultsTable.Read(DefaultFactors.Resource("cbam-default-values.json"), "embedded cbam-default-values.json"));

    /// <summary>Gets the embedded table.</summary>
    public static CbamDefaultsTable Embedded => LazyEmbedded.Value;

    /// <summary>Finds the default value of a good in the embedded table.</summary>
    /// <param name="cnCode">The CN code, with or without spaces or dots (<c>7208 51 20</c>, <c>72085120</c>).</param>
    /// <param name="countryOfOrigin">The country of origin, ISO 3166-1 alpha-2 (<c>CN</c>).</param>
    /// <returns>The match with the fallbacks taken, or <see langword="null"/> when no value covers the code.</returns>
    /// <exception cref="ArgumentException">The CN code has no digits, or the country is empty.</exception>
    public static CbamDefaultMatch? Find(string cnCode, string countryOfOrigin) => Embedded.Find(cnCode, countryOfOrigin);
}

/// <summary>A table of CBAM default values, searchable by CN code and country of origin.</summary>
/// <threadsafety>Immutable and thread-safe.</threadsafety>
public sealed class CbamDefaultsTable
{
    private readonly Dictionary<(string Cn, string Country), CbamDefaultValue> _index;

    private CbamDefaultsTable(ImmutableArray<CbamDefaultValue> values)
    {
        Values = values;
        _index = [];
        foreach (var value in values)
        {
            _index.TryAdd((value.CnCode, value.Country.ToUpperInvariant()), value);
        }
    }

    /// <summary>Gets every value, in the order of the file.</summary>
    public ImmutableArray<CbamDefaultValue> Values { get; }

    /// <summary>Reads a <c>pcf-cbam-defaults/1</c> document.</summary>
    /// <param name="json">The UTF-8 JSON.</param>
    /// <param name="source">The file name, for error messages.</param>
    /// <returns>The table.</returns>
    /// <exception cref="InvalidDataException">The document breaks the format; the message names the source, the JSON path and the rule.</exception>
    public static CbamDefaultsTable Read(ReadOnlySpan<byte> json, string source = "CBAM default values")
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json.ToArray(), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{source}: not valid JSON ({e.Message}).", e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (Text(root, "format", "$", source) != "pcf-cbam-defaults/1")
            {
                throw new InvalidDataException($"{source}: $.format must be 'pcf-cbam-defaults/1'.");
            }

            var dataset = Member(root, "dataset", "$", source);
            string id = Text(dataset, "id", "$.dataset", source)!;
            string version = Text(dataset, "version", "$.dataset", source)!;
            string publisher = Text(dataset, "publisher", "$.dataset", source)!;
            string document_ = Text(dataset, "document", "$.dataset", source)!;
            string? licence = Text(dataset, "licence", "$.dataset", source, required: false);
            var values = ImmutableArray.CreateBuilder<CbamDefaultValue>();
            int i = 0;
            foreach (var v in Member(root, "values", "$", source).EnumerateArray())
            {
                string at = $"$.values[{i++}]";
                string cn;
                try
                {
                    cn = CbamDefaultMatch.NormalizeCn(Text(v, "cn", at, source)!, $"{source}: {at}.cn");
                }
                catch (ArgumentException e)
                {
                    throw new InvalidDataException(e.Message.Split(" (Parameter", 2)[0], e);
                }

                var direct = Number(v, "direct", at, source, required: true)!.Value;
                var indirect = Number(v, "indirect", at, source, required: false);
                var total = Number(v, "total", at, source, required: true)!.Value;
                if (Math.Abs(direct + (indirect ?? 0) - total) > 0.005 * Math.Max(1, total))
                {
                    throw new InvalidDataException($"{source}: {at}: direct + indirect must equal total ({direct} + {indirect ?? 0} != {total}).");
                }

                var markUps = ImmutableSortedDictionary.CreateBuilder<int, double>();
                if (v.TryGetProperty("withMarkUp", out var m))
                {
                    foreach (var year in m.EnumerateObject())
                    {
                        if (!int.TryParse(year.Name, NumberStyles.None, CultureInfo.InvariantCulture, out int y) || year.Value.ValueKind != JsonValueKind.Number || !double.IsFinite(year.Value.GetDouble()) || year.Value.GetDouble() < 0)
                        {
                            throw new InvalidDataException($"{source}: {at}.withMarkUp.{year.Name} must be a year with a number of at least 0.");
                        }

                        markUps[y] = year.Value.GetDouble();
                    }
                }

                JsonElement src = v.TryGetProperty("source", out var s) ? s : default;
                string? url = src.ValueKind == JsonValueKind.Object ? Text(src, "url", at + ".source", source, required: false) : null;
                string? note = src.ValueKind == JsonValueKind.Object ? Text(src, "note", at + ".source", source, required: false) : null;
                string? confidence = src.ValueKind == JsonValueKind.Object ? Text(src, "confidence", at + ".source", source, required: false) : null;
                values.Add(new CbamDefaultValue
                {
                    CnCode = cn,
                    Description = Text(v, "description", at, source, required: false) ?? string.Empty,
                    Country = Text(v, "country", at, source)!.ToUpperInvariant(),
                    CountryName = Text(v, "countryName", at, source, required: false),
                    Direct = direct,
                    Indirect = indirect,
                    Total = total,
                    TotalWithMarkUp = markUps.ToImmutable(),
                    ProductionRoute = Text(v, "route", at, source, required: false),
                    Provenance = new FactorProvenance(publisher, document_)
                    {
                        Dataset = id,
                        DatasetVersion = version,
                        Licence = licence,
                        Url = url,
                        Note = note,
                        Confidence = confidence switch
                        {
                            "verified" => FactorConfidence.Verified,
                            "secondary" => FactorConfidence.Secondary,
                            "unverified" => FactorConfidence.Unverified,
                            null or "notStated" => FactorConfidence.NotStated,
                            _ => throw new InvalidDataException($"{source}: {at}.source.confidence must be verified, secondary, unverified or notStated."),
                        },
                    },
                });
            }

            return new CbamDefaultsTable(values.ToImmutable());
        }
    }

    /// <summary>Finds the default value of a good: the exact CN code, then shorter codes (8 -> 6 -> 4 digits), for the country of origin; failing that, the same for <see cref="CbamDefaultValues.OtherCountries"/>.</summary>
    /// <param name="cnCode">The CN code, with or without spaces or dots.</param>
    /// <param name="countryOfOrigin">The country of origin, ISO 3166-1 alpha-2.</param>
    /// <returns>The match with its fallbacks, or <see langword="null"/> when no value covers the code.</returns>
    /// <exception cref="ArgumentException">The CN code has no digits, or the country is empty.</exception>
    public CbamDefaultMatch? Find(string cnCode, string countryOfOrigin)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(countryOfOrigin);
        string cn = CbamDefaultMatch.NormalizeCn(cnCode, nameof(cnCode));
        string country = countryOfOrigin.Trim().ToUpperInvariant();
        foreach (var c in new[] { country, CbamDefaultValues.OtherCountries })
        {
            for (int length = cn.Length; length >= 4; length -= 2)
            {
                if (_index.TryGetValue((cn[..length], c), out var value))
                {
                    return new CbamDefaultMatch(value, cn, country);
                }
            }
        }

        return null;
    }

    private static JsonElement Member(JsonElement e, string name, string at, string source) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var m) ? m : throw new InvalidDataException($"{source}: {at}.{name} is required.");

    private static string? Text(JsonElement e, string name, string at, string source, bool required = true)
    {
        if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out var m) || m.ValueKind == JsonValueKind.Null)
        {
            return required ? throw new InvalidDataException($"{source}: {at}.{name} is required.") : null;
        }

        return m.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(m.GetString())
            ? m.GetString()
            : throw new InvalidDataException($"{source}: {at}.{name} must be a non-empty string.");
    }

    private static double? Number(JsonElement e, string name, string at, string source, bool required)
    {
        if (!e.TryGetProperty(name, out var m) || m.ValueKind == JsonValueKind.Null)
        {
            return required ? throw new InvalidDataException($"{source}: {at}.{name} is required.") : null;
        }

        return m.ValueKind == JsonValueKind.Number && double.IsFinite(m.GetDouble()) && m.GetDouble() >= 0
            ? m.GetDouble()
            : throw new InvalidDataException($"{source}: {at}.{name} must be a number of at least 0 (t CO2e per t).");
    }
}

/// <summary>A CBAM default value: specific embedded emissions of one good (CN code) from one country, in t CO2e per tonne of good.</summary>
/// <threadsafety>Immutable.</threadsafety>
public sealed record CbamDefaultValue
{
    /// <summary>Gets the CN code the value is published for, digits only (<c>7208</c>, <c>72071210</c>).</summary>
    public required string CnCode { get; init; }

    /// <summary>Gets the goods description.</summary>
    public required string Description { get; init; }

    /// <summary>Gets the country of origin, ISO 3166-1 alpha-2, or <see cref="CbamDefaultValues.OtherCountries"/>.</summary>
    public required string Country { get; init; }

    /// <summary>Gets the country's name as published, if given.</summary>
    public string? CountryName { get; init; }

    /// <summary>Gets the direct embedded emissions, t CO2e per t.</summary>
    public required double Direct { get; init; }

    /// <summary>Gets the indirect embedded emissions (electricity), t CO2e per t; <see langword="null"/> when not given.</summary>
    public double? Indirect { get; init; }

    /// <summary>Gets the total, t CO2e per t.</summary>
    public required double Total { get; init; }

    /// <summary>Gets the total with the mark-up of each year (2026, 2027, 2028 ...), t CO2e per t, where published.</summary>
    public ImmutableSortedDictionary<int, double> TotalWithMarkUp { get; init; } = ImmutableSortedDictionary<int, double>.Empty;

    /// <summary>Gets the production route letter of the publication, if given.</summary>
    public string? ProductionRoute { get; init; }

    /// <summary>Gets where the value comes from: publisher, document, dataset, version, licence, confidence, the page or file and line.</summary>
    public required FactorProvenance Provenance { get; init; }
}

/// <summary>The default value found for a good, and the fallbacks taken to find it.</summary>
/// <param name="Value">The value.</param>
/// <param name="RequestedCnCode">The CN code asked for, digits only.</param>
/// <param name="RequestedCountry">The country asked for, upper case.</param>
/// <threadsafety>Immutable.</threadsafety>
public sealed record CbamDefaultMatch(CbamDefaultValue Value, string RequestedCnCode, string RequestedCountry)
{
    /// <summary>Gets a value indicating whether a shorter CN code's value stands in for the one asked for.</summary>
    public bool IsCnCodeFallback => Value.CnCode != RequestedCnCode;

    /// <summary>Gets a value indicating whether the "other countries and territories" value stands in for the country asked for.</summary>
    public bool IsCountryFallback => !string.Equals(Value.Country, RequestedCountry, StringComparison.OrdinalIgnoreCase);

    /// <summary>Describes the match and its fallbacks: <c>CBAM default value of CN 7208 (asked for 72085120), country CN</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        $"CBAM default value of CN {Value.CnCode}{(IsCnCodeFallback ? $" (asked for {RequestedCnCode})" : string.Empty)}, "
        + $"country {Value.Country}{(IsCountryFallback ? $" (no value for {RequestedCountry})" : string.Empty)}: direct {Value.Direct.ToString(CultureInfo.InvariantCulture)}"
        + $", indirect {(Value.Indirect is { } i ? i.ToString(CultureInfo.InvariantCulture) : "not given")} t CO2e/t";

    internal static string NormalizeCn(string cnCode, string what)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cnCode, nameof(cnCode));
        var digits = new string([.. cnCode.Where(c => c is not (' ' or '.'))]);
        return digits.Length is >= 4 and <= 10 && digits.All(char.IsAsciiDigit)
            ? digits
            : throw new ArgumentException($"{what}: '{cnCode}' is not a CN code (4 to 10 digits, spaces and dots allowed).", nameof(cnCode));
    }
}

/// <summary>A <see cref="CbamDefaultsTable"/> as the source of default values that <see cref="CbamView"/> consults for a purchased
/// precursor without actual data.</summary>
/// <remarks>The interface lives with the view (package <c>Pcf.Accounting.Templates</c>) and this implementation with the data, so
/// the data package implements the templates' abstraction as it implements the core's factor provider; the templates package does
/// not depend on the data.</remarks>
/// <example><code>
/// var view = new CbamView(new CbamGood("hot-rolled coil", "7208", CountsIndirect: false), CbamDefaultValuesSource.Embedded);
/// </code></example>
/// <threadsafety>Immutable and thread-safe.</threadsafety>
public sealed class CbamDefaultValuesSource : ICbamDefaultValues
{
    private readonly Lazy<CbamDefaultsTable> _table;

    /// <summary>Initializes a new instance over a table, such as one read with <see cref="CbamDefaultsTable.Read"/>.</summary>
    /// <param name="table">The table to search.</param>
    public CbamDefaultValuesSource(CbamDefaultsTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        _table = new Lazy<CbamDefaultsTable>(() => table);
    }

    private CbamDefaultValuesSource(Func<CbamDefaultsTable> table) => _table = new Lazy<CbamDefaultsTable>(table);

    /// <summary>Gets the source over the embedded table (<see cref="CbamDefaultValues.Embedded"/>), read on first use.</summary>
    public static CbamDefaultValuesSource Embedded { get; } = new(() => CbamDefaultValues.Embedded);

    /// <inheritdoc/>
    public CbamDefault? Find(string cnCode, string countryOfOrigin)
    {
        CbamDefaultMatch? match;
        try
        {
            match = _table.Value.Find(cnCode, countryOfOrigin);
        }
        catch (ArgumentException)
        {
            return null; // not a CN code or no country: no value covers it
        }

        return match is null ? null : new CbamDefault
        {
            RequestedCnCode = match.RequestedCnCode,
            RequestedCountry = match.RequestedCountry,
            CnCode = match.Value.CnCode,
            Country = match.Value.Country,
            Description = match.Value.Description,
            Direct = match.Value.Direct,
            Indirect = match.Value.Indirect,
            IsCnCodeFallback = match.IsCnCodeFallback,
            IsCountryFallback = match.IsCountryFallback,
            Provenance = match.Value.Provenance,
        };
    }
}
