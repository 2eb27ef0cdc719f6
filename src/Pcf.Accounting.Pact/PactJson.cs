using System.Collections.Immutable;
using System.Text.Json;
using Pcf.Accounting.Pact.Json;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Pact;

/// <summary>Reads, validates and writes PACT 2.3 and 3.0 documents.</summary>
/// <remarks>
/// <para>Reading accepts a ProductFootprint, a list or get response (<c>{"data": ...}</c>) and a
/// request-fulfilled event (<c>data.pfs</c>). Each footprint's version comes from its <c>specVersion</c>
/// (3.x is 3.0; 1.x and 2.x are 2.3). Every violation is reported at once, with its JSON path; a document
/// with any violation yields no value.</para>
/// <para>Writing produces the specification's JSON: 3.0 decimals as strings, unset optional properties left out.</para>
/// </remarks>
/// <example><code>
/// ValidationResult&lt;PactDocument&gt; read = PactJson.Read(File.ReadAllBytes("footprints.json"));
/// foreach (var problem in read.Problems) Console.WriteLine(problem); // $.data[0].pcf.fossilGhgEmissions  PCF0703  ...
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

    private static ImmutableArray<PactFootprint> Parse(ReadOnlySpan<byte> utf8Json, PactReadOptions options, List<ValidationProblem> errors, List<ValidationProblem> warnings, bool build)
    {
        if (utf8Json.Length > options.MaxDocumentBytes)
        {
            errors.Add(new("$", ProblemCodes.DocumentTooLarge, $"The document has {utf8Json.Length} bytes; the limit is {options.MaxDocumentBytes}."));
            return [];
        }

        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = 64 });
            document = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException e)
        {
            errors.Add(new(e.Path ?? "$", ProblemCodes.MalformedJson, $"Not well-formed JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}): {e.Message}"));
            return [];
        }

        using (document)
        {
            var found = Locate(document.RootElement);
            if (found.Count == 0)
            {
                errors.Add(new("$", PactProblemCodes.NoFootprint, "The document holds no ProductFootprint (a footprint, a response with 'data', or an event with 'data.pfs')."));
                return [];
            }

            var validator = new PactValidator(errors, warnings, options);
            var footprints = ImmutableArray.CreateBuilder<PactFootprint>(found.Count);
            foreach (var (element, path) in found)
            {
                var version = Detect(element);
                if (validator.ValidateFootprint(element, path, version) > 0 || !build)
                {
                    continue;
                }

                try
                {
                    footprints.Add(version == PactSpecVersion.Version30
                        ? new PactFootprint(path, element.Deserialize(PactJsonContext.Default.ProductFootprint), null)
                        : new PactFootprint(path, null, element.Deserialize(PactV2JsonContext.Default.ProductFootprint)));
                }
                catch (Exception e) when (e is JsonException or FormatException or OverflowException)
                {
                    errors.Add(new(path + (e is JsonException { Path: { } p } ? p.TrimStart('$') : string.Empty), ProblemCodes.WrongType, e.Message));
                }
            }

            return footprints.ToImmutable();
        }
    }

    private static List<(JsonElement Element, string Path)> Locate(JsonElement root)
    {
        var found = new List<(JsonElement, string)>();
        if (root.ValueKind != JsonValueKind.Object)
        {
            return found;
        }

        if (root.TryGetProperty("pcf", out _))
        {
            found.Add((root, "$"));
        }
        else if (root.TryGetProperty("data", out var data))
        {
            if (data.ValueKind == JsonValueKind.Array)
            {
                int i = 0;
                foreach (var item in data.EnumerateArray())
                {
                    found.Add((item, $"$.data[{i++}]"));
                }
            }
            else if (data.ValueKind == JsonValueKind.Object && data.TryGetProperty("pfs", out var pfs) && pfs.ValueKind == JsonValueKind.Array)
            {
                int i = 0;
                foreach (var item in pfs.EnumerateArray())
                {
                    found.Add((item, $"$.data.pfs[{i++}]"));
                }
            }
            else if (data.ValueKind == JsonValueKind.Object && data.TryGetProperty("pcf", out _))
            {
                found.Add((data, "$.data"));
            }
        }

        return found;
    }

    private static PactSpecVersion Detect(JsonElement footprint)
    {
        if (footprint.ValueKind == JsonValueKind.Object && footprint.TryGetProperty("specVersion", out var spec) && spec.ValueKind == JsonValueKind.String
            && spec.GetString() is { Length: > 0 } text && char.IsAsciiDigit(text[0]))
        {
            return text.StartsWith("3.", StringComparison.Ordinal) ? PactSpecVersion.Version30 : PactSpecVersion.Version23;
        }

        // No usable specVersion: decide by the unit property, which the two versions name differently.
        return footprint.ValueKind == JsonValueKind.Object && footprint.TryGetProperty("pcf", out var pcf) && pcf.ValueKind == JsonValueKind.Object
            && pcf.TryGetProperty("declaredUnit", out _) ? PactSpecVersion.Version23 : PactSpecVersion.Version30;
    }
}
