using System.Collections.Immutable;
using System.Text.Json;
using Pcf.Accounting.Json;
using Pcf.Accounting.Pact.Events;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Pact.Json;

/// <summary>Checks a PACT event envelope (CloudEvents 1.0, structured JSON mode) and its data against the rules of its type, as the
/// 3.0.3 and 2.3.3 OpenAPI documents define them; the footprints of a fulfilled request are left to <see cref="PactValidator"/>.</summary>
/// <remarks>Values are read with the walker of every format (<see cref="JsonWalker"/>): a missing member, a value of the wrong
/// type or an unknown request criterion is reported as in any other document. The envelope's other members are CloudEvents
/// extension attributes, which the specification allows.</remarks>
internal sealed class PactEventValidator
{
    private static readonly JsonMembers Criteria = new("productId", "companyId", "geography", "classification", "validOn", "validAfter", "validBefore", "status", "comment");

    private readonly JsonWalker _w;
    private readonly JsonWalker _warnings;

    private PactEventValidator(List<ValidationProblem> errors, List<ValidationProblem> warnings, JsonReadOptions options)
    {
        _w = new JsonWalker(options, errors);
        _warnings = new JsonWalker(options, warnings);
    }

    /// <summary>Tells whether a JSON object is an event rather than a footprint or a response.</summary>
    public static bool IsEvent(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && (root.TryGetProperty("specversion", out _) || (root.TryGetProperty("type", out _) && root.TryGetProperty("source", out _)));

    /// <summary>Validates the envelope and data; returns what was read, and the footprints to validate (<c>data.pfs</c>) with their paths.</summary>
    public static (PactEvent? Event, List<(JsonElement Element, JsonPath Path)> Footprints) Validate(
        JsonElement root, List<ValidationProblem> errors, List<ValidationProblem> warnings, JsonReadOptions options) =>
        new PactEventValidator(errors, warnings, options).Envelope(root);

    private (PactEvent? Event, List<(JsonElement Element, JsonPath Path)> Footprints) Envelope(JsonElement root)
    {
        var footprints = new List<(JsonElement, JsonPath)>();
        int before = _w.Found;
        const string path = "$";
        if (!_w.IsObject(root, path))
        {
            return (null, footprints);
        }

        string? specversion = Text(root, "specversion", path);
        if (specversion is not null && specversion != "1.0")
        {
            _w.Problem("$.specversion", PactProblemCodes.InvalidEvent, $"'{specversion}' is not the CloudEvents version PACT uses ('1.0').");
        }

        string? id = Text(root, "id", path);
        string? source = Text(root, "source", path);
        if (source is not null && !Uri.TryCreate(source, UriKind.RelativeOrAbsolute, out _))
        {
            _w.Problem("$.source", PactProblemCodes.InvalidFormat, $"'{source}' is not a URI reference.");
        }

        var time = Time(root, "time", path, required: true);
        var (type, version) = Type(Text(root, "type", path));
        if (_w.Object(root, "data", path, required: true) is not { } data)
        {
            return (null, footprints);
        }

        PactRequestCriteria? criteria = null;
        string? requestEventId = null;
        PactError? error = null;
        var published = ImmutableArray.CreateBuilder<Guid>();
        switch (type)
        {
            case PactEventType.RequestCreated when version == PactSpecVersion.Version30:
                criteria = ReadCriteria(data);
                break;
            case PactEventType.RequestCreated:
                // 2.3: data.pf, a ProductFootprint fragment; its productIds are what the request names.
                if (_w.Object(data, "pf", "$.data", required: true) is { } pf)
                {
                    criteria = new PactRequestCriteria
                    {
                        ProductIds = pf.TryGetProperty("productIds", out var ids) && ids.ValueKind == JsonValueKind.Array
                            ? [.. ids.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.String).Select(i => i.GetString()!)]
                            : [],
                        Comment = data.TryGetProperty("comment", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null,
                    };
                }

                break;
            case PactEventType.RequestFulfilled:
                requestEventId = Text(data, "requestEventId", "$.data");
                if (NonEmpty(data, "pfs", "data.pfs must not be empty: a request with no footprint is rejected, not fulfilled."))
                {
                    footprints.AddRange(_w.Items(data, "pfs", "$.data"));
                }

                break;
            case PactEventType.RequestRejected:
                requestEventId = Text(data, "requestEventId", "$.data");
                if (_w.Object(data, "error", "$.data", required: true) is { } e)
                {
                    string? code = Text(e, "code", "$.data.error");
                    string? message = Text(e, "message", "$.data.error");
                    if (code is not null && !PactErrorCodes.All.Contains(code))
                    {
                        _w.Problem("$.data.error.code", PactProblemCodes.NotAllowedValue, $"'{code}' is not an error code; use one of: {string.Join(", ", PactErrorCodes.All)}.");
                    }
                    else if (code is not null && message is not null)
                    {
                        error = new PactError(code, message);
                    }
                }

                break;
            case PactEventType.Published:
                if (NonEmpty(data, "pfIds", "data.pfIds must name at least one footprint."))
                {
                    foreach (var (item, at) in _w.Items(data, "pfIds", "$.data"))
                    {
                        if (_w.StringItem(item, at, "pfIds") is not { } text)
                        {
                            continue;
                        }

                        if (PactValidator.UuidPattern().IsMatch(text))
                        {
                            published.Add(Guid.Parse(text));
                        }
                        else
                        {
                            _w.Problem(at, PactProblemCodes.InvalidFormat, $"{item.GetRawText()} is not a footprint id (a UUID).");
                        }
                    }
                }

                break;
        }

        if (_w.Found > before || type is null)
        {
            return (null, footprints);
        }

        return (new PactEvent
        {
            Type = type.Value,
            SpecVersion = version,
            Id = id!,
            Source = source!,
            Time = time!.Value,
            Criteria = criteria,
            RequestEventId = requestEventId,
            Error = error,
            PublishedIds = published.ToImmutable(),
        }, footprints);
    }

    /// <summary>The event type of a <c>type</c> name, of 3.0 or 2.3; reported when it is none.</summary>
    private (PactEventType? Type, PactSpecVersion Version) Type(string? typeName)
    {
        if (typeName is null)
        {
            return (null, PactSpecVersion.Version30);
        }

        foreach (var candidate in Enum.GetValues<PactEventType>())
        {
            foreach (var v in (PactSpecVersion[])[PactSpecVersion.Version30, PactSpecVersion.Version23])
            {
                if (PactEvent.TypeName(candidate, v) == typeName)
                {
                    return (candidate, v);
                }
            }
        }

        _w.Problem("$.type", PactProblemCodes.NotAllowedValue,
            $"'{typeName}' is not a PACT event type; 3.0 has {string.Join(", ", Enum.GetValues<PactEventType>().Select(t => "'" + PactEvent.TypeName(t) + "'"))}.");
        return (null, PactSpecVersion.Version30);
    }

    /// <summary>A string member; a required one must not be empty either (a rule of the envelope).</summary>
    private string? Text(JsonElement obj, string name, JsonPath path, bool required = true)
    {
        if (_w.Get(obj, name, path, required) is null || _w.String(obj, name, path) is not { } text)
        {
            return null;
        }

        if (required && text.Length == 0)
        {
            _w.Problem(path.Member(name), PactProblemCodes.InvalidEvent, $"{name} must not be empty.");
            return null;
        }

        return text;
    }

    private DateTimeOffset? Time(JsonElement obj, string name, JsonPath path, bool required)
    {
        string? text = Text(obj, name, path, required);
        if (text is null)
        {
            return null;
        }

        var time = PactValidator.ParseTime(text);
        if (time is null)
        {
            _w.Problem(path.Member(name), PactProblemCodes.InvalidFormat, PactValidator.NotADateTime(text));
        }

        return time;
    }

    /// <summary>Tells whether a required array member of <c>data</c> is present and has items; reports it when not.</summary>
    private bool NonEmpty(JsonElement data, string name, string whenEmpty)
    {
        if (_w.Get(data, name, "$.data", required: true) is not { } value)
        {
            return false;
        }

        if (value.ValueKind == JsonValueKind.Array && value.GetArrayLength() == 0)
        {
            _w.Problem($"$.data.{name}", PactProblemCodes.EmptyArray, whenEmpty);
            return false;
        }

        return true;
    }

    private PactRequestCriteria? ReadCriteria(JsonElement data)
    {
        const string path = "$.data";
        int before = _w.Found;
        ImmutableArray<string> List(string name)
        {
            if (_w.Get(data, name, path, required: false) is not { } value)
            {
                return [];
            }

            if (value.ValueKind == JsonValueKind.String)
            {
                return [value.GetString()!]; // one value for a list: lenient, as a query string would be
            }

            var values = ImmutableArray.CreateBuilder<string>();
            foreach (var (item, at) in _w.Items(data, name, path))
            {
                if (_w.StringItem(item, at, name) is { } text)
                {
                    values.Add(text);
                }
            }

            return values.ToImmutable();
        }

        ImmutableArray<string> productIds = List("productId"), companyIds = List("companyId"), geographies = List("geography"), classifications = List("classification");
        DateTimeOffset? validOn = Time(data, "validOn", path, required: false), validAfter = Time(data, "validAfter", path, required: false),
            validBefore = Time(data, "validBefore", path, required: false);
        string? status = _w.String(data, "status", path);
        if (status is not null && !(status.Equals("Active", StringComparison.OrdinalIgnoreCase) || status.Equals("Deprecated", StringComparison.OrdinalIgnoreCase)))
        {
            _w.Problem("$.data.status", PactProblemCodes.NotAllowedValue, $"'{status}' is not a status; use 'Active' or 'Deprecated'.");
        }

        string? comment = _w.String(data, "comment", path);
        foreach (var property in data.EnumerateObject())
        {
            if (Criteria.IndexOf(property) < 0)
            {
                // Not a criterion: ignored, as PACT tells recipients to do with what they do not know.
                _warnings.UnknownMember(path, property.Name, Criteria);
            }
        }

        return _w.Found > before ? null : new PactRequestCriteria
        {
            ProductIds = productIds, CompanyIds = companyIds, Geographies = geographies, Classifications = classifications,
            ValidOn = validOn, ValidAfter = validAfter, ValidBefore = validBefore, Status = status, Comment = comment,
        };
    }
}
