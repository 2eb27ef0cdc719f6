using System.Collections.Immutable;
using System.Text.Json;
using Pcf.Accounting.Json;
using Pcf.Accounting.Pact.Json;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Pact;

/// <summary>Reads, validates and writes PACT 2.3 and 3.0 documents.</summary>
/// <remarks>
/// <para>Reading accepts a ProductFootprint, a list or get response (<c>{"data": ...}</c>, an empty list included) and a
/// request-fulfilled event (<c>data.pfs</c>, whose envelope is checked as well). Each footprint's version comes from its
/// <c>specVersion</c> (3.x is 3.0; 1.x and 2.x are 2.3; any other is reported as unsupported). Every violation is reported
/// at once, with its JSON path; a document with any violation yields no value.</para>
/// <para>Writing produces the specification's JSON: 3.0 decimals as strings, unset optional properties left out.</para>
/// </remarks>
/// <example><code>
/// ValidationResult&lt;PactDocument&gt; read = PactJson.Read(File.ReadAllBytes("footprints.json"));
/// foreach (var problem in read.Problems) Console.WriteLine(problem); // $.data[0].pcf.fossilGhgEmissions  PCF0104  ...
/// </code></example>
/// <threadsafety>Thread-safe.</threadsafety>
public static class PactJson
{
    /// <summary>Validates a document without building the model: every violation and warning.</summary>
    /// <param name="utf8Json">The document, UTF-8.</param>
    /// <param name="options">How strictly to read; <see langword="null"/> for <see cref="PactReadOptions.Default"/>.</param>
    /// <returns>The report.</returns>
    public static PactValidationReport Validate(ReadOnlySpan<byte> utf8Json, PactReadOptions? options = null)
    {
        var errors = new List<ValidationProblem>();
        var warnings = new List<ValidationProblem>();
        Parse(utf8Json, options ?? PactReadOptions.Default, errors, warnings, build: false);
        return new([.. errors], [.. warnings]);
    }

    /// <summary>Reads and validates a document holding one or more footprints of either version.</summary>
    /// <param name="utf8Json">The document, UTF-8.</param>
    /// <param name="options">How strictly to read; <see langword="null"/> for <see cref="PactReadOptions.Default"/>.</param>
    /// <returns>The footprints and warnings, or every violation.</returns>
    public static ValidationResult<PactDocument> Read(ReadOnlySpan<byte> utf8Json, PactReadOptions? options = null)
    {
        var errors = new List<ValidationProblem>();
        var warnings = new List<ValidationProblem>();
        var footprints = Parse(utf8Json, options ?? PactReadOptions.Default, errors, warnings, build: true);
        return errors.Count > 0
            ? ValidationResult.Failure<PactDocument>(errors)
            : ValidationResult.Success(new PactDocument(footprints, [.. warnings]));
    }

    /// <summary>Reads a document that must hold exactly one 3.0 footprint (bare, or as a get response's <c>data</c>).</summary>
    /// <param name="utf8Json">The document, UTF-8.</param>
    /// <param name="options">How strictly to read.</param>
    /// <returns>The footprint, or every violation.</returns>
    public static ValidationResult<V3.ProductFootprint> ReadV3(ReadOnlySpan<byte> utf8Json, PactReadOptions? options = null) =>
        Single(Read(utf8Json, options), PactSpecVersion.Version30, f => f.V3);

    /// <summary>Reads a document that must hold exactly one 2.3 footprint.</summary>
    /// <param name="utf8Json">The document, UTF-8.</param>
    /// <param name="options">How strictly to read.</param>
    /// <returns>The footprint, or every violation.</returns>
    public static ValidationResult<V2.ProductFootprint> ReadV2(ReadOnlySpan<byte> utf8Json, PactReadOptions? options = null) =>
        Single(Read(utf8Json, options), PactSpecVersion.Version23, f => f.V2);

    /// <summary>Reads an RFC 3339 date-time (section 5.6) as this package's reader does: lower-case <c>t</c> and <c>z</c> included.</summary>
    /// <param name="text">The text, such as <c>2025-01-08T14:47:32Z</c>.</param>
    /// <param name="value">The time, when the text is one.</param>
    /// <returns><see langword="true"/> when the text is an RFC 3339 date-time.</returns>
    public static bool TryParseDateTime(string text, out DateTimeOffset value)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parsed = PactValidator.ParseTime(text);
        value = parsed ?? default;
        return parsed is not null;
    }

    /// <summary>Writes a 3.0 footprint as indented UTF-8 JSON.</summary>
    /// <param name="footprint">The footprint.</param>
    /// <returns>The document.</returns>
    public static byte[] Write(V3.ProductFootprint footprint)
    {
        ArgumentNullException.ThrowIfNull(footprint);
        return Serialize(footprint, PactJsonContext.Default.ProductFootprint);
    }

    /// <summary>Writes a 2.3 footprint as indented UTF-8 JSON.</summary>
    /// <param name="footprint">The footprint.</param>
    /// <returns>The document.</returns>
    public static byte[] Write(V2.ProductFootprint footprint)
    {
        ArgumentNullException.ThrowIfNull(footprint);
        return Serialize(footprint, PactV2JsonContext.Default.ProductFootprint);
    }

    // Indented, with only what JSON requires escaped (apostrophes and non-ASCII text stay readable).
    private static byte[] Serialize<T>(T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            JsonSerializer.Serialize(writer, value, typeInfo);
        }

        return buffer.ToArray();
    }

    private static ValidationResult<T> Single<T>(ValidationResult<PactDocument> read, PactSpecVersion version, Func<PactFootprint, T?> pick)
        where T : class
    {
        if (!read.TryGetValue(out var document))
        {
            return ValidationResult.Failure<T>(read.Problems);
        }

        if (document.Footprints.Length != 1)
        {
            return ValidationResult.Failure<T>([new("$", PactProblemCodes.NoFootprint, $"Expected one footprint, found {document.Footprints.Length}.")]);
        }

        var footprint = document.Footprints[0];
        return pick(footprint) is { } value
            ? ValidationResult.Success(value)
            : ValidationResult.Failure<T>([new(footprint.Path + ".specVersion", PactProblemCodes.UnsupportedSpecVersion,
                $"Expected a {(version == PactSpecVersion.Version30 ? "3.0" : "2.3")} footprint, found {(footprint.SpecVersion == PactSpecVersion.Version30 ? "3.0" : "2.3")}.")]);
    }

    private static ImmutableArray<PactFootprint> Parse(ReadOnlySpan<byte> utf8Json, PactReadOptions options, List<ValidationProblem> errors, List<ValidationProblem> warnings, bool build) =>
        ParseDocument(utf8Json, options, errors, warnings, build, (root, found) =>
        {
            if (PactEventValidator.IsEvent(root))
            {
                // An event: its envelope is checked too, not only the footprints it carries.
                found.AddRange(PactEventValidator.Validate(root, errors, warnings, options).Footprints);
                return true;
            }

            return Locate(root, found, errors, options);
        }).Footprints;

    /// <summary>Parses a document with the walker of every format (the limits of <paramref name="options"/>, a UTF-8 byte-order
    /// mark skipped, no comments), lets <paramref name="locate"/> find its footprints, then validates and (when
    /// <paramref name="build"/>) reads each.</summary>
    internal static (ImmutableArray<PactFootprint> Footprints, bool Parsed) ParseDocument(
        ReadOnlySpan<byte> utf8Json, PactReadOptions options, List<ValidationProblem> errors, List<ValidationProblem> warnings, bool build,
        Func<JsonElement, List<(JsonElement Element, JsonPath Path)>, bool> locate)
    {
        // Implementation note: the parsed document refers to the bytes it was parsed from, which a span cannot promise to
        // keep; so they are copied once, as JsonDocument.ParseValue did before.
        var walker = new JsonWalker(options, errors) { AllowComments = false };
        using var document = walker.Parse(utf8Json.ToArray());
        if (document is null)
        {
            return ([], false);
        }

        var found = new List<(JsonElement Element, JsonPath Path)>();
        if (!locate(document.RootElement, found))
        {
            return ([], true);
        }

        var validator = new PactValidator(errors, warnings, options);
        var footprints = ImmutableArray.CreateBuilder<PactFootprint>(found.Count);
        foreach (var (element, at) in found)
        {
            if (Detect(element, at, errors) is not { } version)
            {
                continue;
            }

            if (validator.ValidateFootprint(element, at, version) > 0 || !build)
            {
                continue;
            }

            // The typed model is bound by the same source-generated contracts that write it, once the walker found the element valid.
            string path = at.ToString();
            try
            {
                footprints.Add(version == PactSpecVersion.Version30
                    ? new PactFootprint(path, element.Deserialize(PactJsonContext.Default.ProductFootprint), null)
                    : new PactFootprint(path, null, element.Deserialize(PactV2JsonContext.Default.ProductFootprint)));
            }
            catch (Exception e) when (e is JsonException or FormatException or OverflowException)
            {
                // Not reached by a validated element (the validator checks every member the model binds); kept so that a gap
                // between the two is a problem with a path, never a crash, and says it in PACT's words rather than .NET's.
                errors.Add(new(path + (e is JsonException { Path: { } p } ? p.TrimStart('$') : string.Empty), ProblemCodes.WrongType,
                    "The value does not fit the PACT data model of this version."));
            }
        }

        return (footprints.ToImmutable(), true);
    }

    // Members only a footprint has: a document with any of them (and no 'data') is a footprint, even one that lacks 'pcf'.
    private static readonly string[] FootprintMembers = ["pcf", "specVersion", "productIds", "companyIds", "productNameCompany", "companyName"];

    /// <summary>Finds the footprints of a footprint, a get response (<c>{"data": footprint}</c>) or a list response
    /// (<c>{"data": [...]}</c>, which may be empty); returns false, with the problem, when the document is none of these.</summary>
    private static bool Locate(JsonElement root, List<(JsonElement Element, JsonPath Path)> found, List<ValidationProblem> errors, JsonReadOptions options)
    {
        const string None = "The document holds no ProductFootprint (a footprint, a response with 'data', or an event with 'data.pfs').";
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new("$", PactProblemCodes.NoFootprint, None));
            return false;
        }

        if (!root.TryGetProperty("data", out var data) && FootprintMembers.Any(m => root.TryGetProperty(m, out _)))
        {
            found.Add((root, "$"));
            return true;
        }

        switch (data.ValueKind)
        {
            case JsonValueKind.Array:
                // Within the array limit; an empty list is a valid list response (3.0: "MUST return an empty JSON array").
                int before = errors.Count;
                found.AddRange(new JsonWalker(options, errors).Items(root, "data", "$"));
                return errors.Count == before;
            case JsonValueKind.Object when FootprintMembers.Any(m => data.TryGetProperty(m, out _)):
                found.Add((data, "$.data"));
                return true;
            case JsonValueKind.Null:
                // The specification reads null as undefined, and a response's data is required ("The list MUST NOT be NULL").
                errors.Add(new("$.data", ProblemCodes.Required, "data is null, which the specification reads as undefined; a response must carry a footprint or a list (possibly empty)."));
                return false;
            default:
                errors.Add(new("$", PactProblemCodes.NoFootprint, None));
                return false;
        }
    }

    /// <summary>The version of a footprint from its <c>specVersion</c> major (3 → 3.0; 1 or 2 → 2.3), or from its unit property when it
    /// has no usable <c>specVersion</c>; <see langword="null"/>, with the problem, for a version this package does not read.</summary>
    private static PactSpecVersion? Detect(JsonElement footprint, JsonPath path, List<ValidationProblem> errors)
    {
        if (footprint.ValueKind == JsonValueKind.Object && footprint.TryGetProperty("specVersion", out var spec) && spec.ValueKind == JsonValueKind.String
            && spec.GetString() is { Length: > 0 } text && char.IsAsciiDigit(text[0]))
        {
            int dot = text.IndexOf('.', StringComparison.Ordinal);
            string major = dot < 0 ? text : text[..dot];
            switch (major)
            {
                case "3":
                    return PactSpecVersion.Version30;
                case "1" or "2":
                    return PactSpecVersion.Version23;
                default:
                    errors.Add(new(path.Member("specVersion").ToString(), PactProblemCodes.UnsupportedSpecVersion,
                        $"specVersion '{text}' is not a version this package reads (2.x, read as 2.3, and 3.x); the footprint is not checked."));
                    return null;
            }
        }

        // No usable specVersion: decide by the unit property, which the two versions name differently.
        return footprint.ValueKind == JsonValueKind.Object && footprint.TryGetProperty("pcf", out var pcf) && pcf.ValueKind == JsonValueKind.Object
            && pcf.TryGetProperty("declaredUnit", out _) ? PactSpecVersion.Version23 : PactSpecVersion.Version30;
    }
}
