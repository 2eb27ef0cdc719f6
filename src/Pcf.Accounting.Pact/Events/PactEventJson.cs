using System.Collections.Immutable;
using System.Text.Encodings.Web;
using System.Text.Json;
using Pcf.Accounting.Pact.Json;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Pact.Events;

/// <summary>Reads, validates and writes PACT events: CloudEvents 1.0 in structured JSON mode (<c>application/cloudevents+json</c>).</summary>
/// <remarks>Validation covers the envelope (<c>specversion</c> 1.0, non-empty <c>id</c>, a URI-reference <c>source</c>, an RFC 3339
/// <c>time</c>, one of the PACT <c>type</c>s of 3.0 or 2.3, an object <c>data</c>) and the data of the type: request criteria
/// (lists of strings, date-times, a status), a non-empty list of valid footprints with the request id, an error with a code of
/// the specification's enumeration, or a non-empty list of footprint UUIDs. Every problem is reported at once.</remarks>
/// <example><code>
/// ValidationResult&lt;PactEvent&gt; read = PactEventJson.Read(body);
/// if (read.TryGetValue(out var e) &amp;&amp; e.Type == PactEventType.RequestCreated) { /* e.Criteria */ }
/// </code></example>
/// <threadsafety>Thread-safe.</threadsafety>
public static class PactEventJson
{
    /// <summary>Reads and validates an event.</summary>
    /// <param name="utf8Json">The event, UTF-8.</param>
    /// <param name="options">How strictly to read the footprints of a fulfilled request; <see langword="null"/> for the defaults.</param>
    /// <returns>The event, or every problem.</returns>
    public static ValidationResult<PactEvent> Read(ReadOnlySpan<byte> utf8Json, PactReadOptions? options = null)
    {
        var errors = new List<ValidationProblem>();
        var warnings = new List<ValidationProblem>();
        PactEvent? read = null;
        var (footprints, _) = PactJson.ParseDocument(utf8Json, options ?? PactReadOptions.Default, errors, warnings, build: true, (root, found) =>
        {
            var (e, pfs) = PactEventValidator.Validate(root, errors, warnings, options ?? PactReadOptions.Default);
            read = e;
            found.AddRange(pfs);
            return true;
        });
        return errors.Count > 0 || read is null
            ? ValidationResult.Failure<PactEvent>(errors.Count > 0 ? errors : [new("$", PactProblemCodes.InvalidEvent, "Not a PACT event.")])
            : ValidationResult.Success(read with { Footprints = footprints });
    }

    /// <summary>Writes an event as UTF-8 JSON (compact), with its footprints written by <see cref="PactJson"/>.</summary>
    /// <param name="value">The event.</param>
    /// <returns>The document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    public static byte[] Write(PactEvent value)
    {
        ArgumentNullException.ThrowIfNull(value);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("type", PactEvent.TypeName(value.Type, value.SpecVersion));
            w.WriteString("specversion", "1.0");
            w.WriteString("id", value.Id);
            w.WriteString("source", value.Source);
            w.WriteString("time", value.Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture));
            w.WriteStartObject("data");
            switch (value.Type)
            {
                case PactEventType.RequestCreated when value.Criteria is { } c:
                    WriteList(w, "productId", c.ProductIds);
                    WriteList(w, "companyId", c.CompanyIds);
                    WriteList(w, "geography", c.Geographies);
                    WriteList(w, "classification", c.Classifications);
                    WriteTime(w, "validOn", c.ValidOn);
                    WriteTime(w, "validAfter", c.ValidAfter);
                    WriteTime(w, "validBefore", c.ValidBefore);
                    if (c.Status is not null)
                    {
                        w.WriteString("status", c.Status);
                    }

                    if (c.Comment is not null)
                    {
                        w.WriteString("comment", c.Comment);
                    }

                    break;
                case PactEventType.RequestFulfilled:
                    w.WriteString("requestEventId", value.RequestEventId);
                    w.WriteStartArray("pfs");
                    foreach (var footprint in value.Footprints)
                    {
                        w.WriteRawValue(footprint.V3 is { } v3 ? PactJson.Write(v3) : PactJson.Write(footprint.V2!), skipInputValidation: true);
                    }

                    w.WriteEndArray();
                    break;
                case PactEventType.RequestRejected:
                    w.WriteString("requestEventId", value.RequestEventId);
                    w.WriteStartObject("error");
                    w.WriteString("code", value.Error?.Code ?? PactErrorCodes.NotFound);
                    w.WriteString("message", value.Error?.Message ?? string.Empty);
                    w.WriteEndObject();
                    break;
                case PactEventType.Published:
                    w.WriteStartArray("pfIds");
                    foreach (var id in value.PublishedIds)
                    {
                        w.WriteStringValue(id.ToString("D"));
                    }

                    w.WriteEndArray();
                    break;
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteList(Utf8JsonWriter w, string name, ImmutableArray<string> values)
    {
        if (values.IsDefaultOrEmpty)
        {
            return;
        }

        w.WriteStartArray(name);
        foreach (string v in values)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }

    private static void WriteTime(Utf8JsonWriter w, string name, DateTimeOffset? time)
    {
        if (time is { } t)
        {
            w.WriteString(name, t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
