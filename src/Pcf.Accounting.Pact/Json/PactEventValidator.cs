using System.Collections.Immutable;
using System.Text.Json;
using Pcf.Accounting.Pact.Events;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Pact.Json;

/// <summary>Checks a PACT event envelope (CloudEvents 1.0, structured JSON mode) and its data against the rules of its type, as the
/// 3.0.3 and 2.3.3 OpenAPI documents define them; the footprints of a fulfilled request are left to <see cref="PactValidator"/>.</summary>
internal static class PactEventValidator
{
    private static readonly string[] Criteria = ["productId", "companyId", "geography", "classification"];
    private static readonly string[] CriteriaTimes = ["validOn", "validAfter", "validBefore"];

    /// <summary>Tells whether a JSON object is an event rather than a footprint or a response.</summary>
    public static bool IsEvent(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && (root.TryGetProperty("specversion", out _) || (root.TryGetProperty("type", out _) && root.TryGetProperty("source", out _)));

    /// <summary>Validates the envelope and data; returns what was read, and the footprints to validate (<c>data.pfs</c>) with their paths.</summary>
    public static (PactEvent? Event, List<(JsonElement Element, string Path)> Footprints) Validate(JsonElement root, List<ValidationProblem> errors, List<ValidationProblem> warnings)
    {
        var footprints = new List<(JsonElement, string)>();
        int before = errors.Count;
        void Error(string path, string code, string message) => errors.Add(new(path, code, message));
        string? Text(JsonElement obj, string name, string path, bool required = true)
        {
            if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                if (required)
                {
                    Error($"{path}.{name}", ProblemCodes.Required, $"{name} is required.");
                }

                return null;
            }

            if (value.ValueKind != JsonValueKind.String)
            {
                Error($"{path}.{name}", ProblemCodes.WrongType, $"Expected a string, found {value.ValueKind.ToString().ToLowerInvariant()}.");
                return null;
            }

            string text = value.GetString()!;
            if (required && text.Length == 0)
            {
                Error($"{path}.{name}", PactProblemCodes.InvalidEvent, $"{name} must not be empty.");
                return null;
            }

            return text;
        }

        DateTimeOffset? Time(JsonElement obj, string name, string path, bool required)
        {
            string? text = Text(obj, name, path, required);
            if (text is null)
            {
                return null;
            }

            var time = PactValidator.ParseTime(text);
            if (time is null)
            {
                Error($"{path}.{name}", PactProblemCodes.InvalidFormat, $"'{text}' is not an RFC 3339 date-time (such as 2025-01-08T14:47:32Z).");
            }

            return time;
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            Error("$", ProblemCodes.WrongType, "An event is a JSON object.");
            return (null, footprints);
        }

        string? specversion = Text(root, "specversion", "$");
        if (specversion is not null && specversion != "1.0")
        {
            Error("$.specversion", PactProblemCodes.InvalidEvent, $"'{specversion}' is not the CloudEvents version PACT uses ('1.0').");
        }

        string? id = Text(root, "id", "$");
        string? source = Text(root, "source", "$");
        if (source is not null && !Uri.TryCreate(source, UriKind.RelativeOrAbsolute, out _))
        {
            Error("$.source", PactProblemCodes.InvalidFormat, $"'{source}' is not a URI reference.");
        }

        var time = Time(root, "time", "$", required: true);
        string? typeName = Text(root, "type", "$");
        PactEventType? type = null;
        PactSpecVersion version = PactSpecVersion.Version30;
        if (typeName is not null)
        {
            foreach (var candidate in Enum.GetValues<PactEventType>())
            {
                foreach (var v in (PactSpecVersion[])[PactSpecVersion.Version30, PactSpecVersion.Version23])
                {
                    if (PactEvent.TypeName(candidate, v) == typeName)
                    {
                        (type, version) = (candidate, v);
                    }
                }
            }

            if (type is null)
            {
                Error("$.type", PactProblemCodes.NotAllowedValue,
                    $"'{typeName}' is not a PACT event type; 3.0 has {string.Join(", ", Enum.GetValues<PactEventType>().Select(t => "'" + PactEvent.TypeName(t) + "'"))}.");
            }
        }

        if (!root.TryGetProperty("data", out var data) || data.ValueKind == JsonValueKind.Null)
        {
            Error("$.data", ProblemCodes.Required, "data is required.");
            return (null, footprints);
        }

        if (data.ValueKind != JsonValueKind.Object)
        {
            Error("$.data", ProblemCodes.WrongType, "data must be an object.");
            return (null, footprints);
        }

        PactRequestCriteria? criteria = null;
        string? requestEventId = null;
        PactError? error = null;
        var published = ImmutableArray.CreateBuilder<Guid>();
        switch (type)
        {
            case PactEventType.RequestCreated when version == PactSpecVersion.Version30:
                criteria = ReadCriteria(data, errors, warnings);
                break;
            case PactEventType.RequestCreated:
                // 2.3: data.pf, a ProductFootprint fragment; its productIds are what the request names.
                if (!data.TryGetProperty("pf", out var pf) || pf.ValueKind != JsonValueKind.Object)
                {
                    Error("$.data.pf", ProblemCodes.Required, "data.pf (a ProductFootprint fragment) is required.");
                }
                else
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
                if (!data.TryGetProperty("pfs", out var pfs) || pfs.ValueKind == JsonValueKind.Null)
                {
                    Error("$.data.pfs", ProblemCodes.Required, "data.pfs is required.");
                }
                else if (pfs.ValueKind != JsonValueKind.Array)
                {
                    Error("$.data.pfs", ProblemCodes.WrongType, "data.pfs must be an array of footprints.");
                }
                else if (pfs.GetArrayLength() == 0)
                {
                    Error("$.data.pfs", PactProblemCodes.EmptyArray, "data.pfs must not be empty: a request with no footprint is rejected, not fulfilled.");
                }
                else
                {
                    int i = 0;
                    foreach (var item in pfs.EnumerateArray())
                    {
                        footprints.Add((item, $"$.data.pfs[{i++}]"));
                    }
                }

                break;
            case PactEventType.RequestRejected:
                requestEventId = Text(data, "requestEventId", "$.data");
                if (!data.TryGetProperty("error", out var e) || e.ValueKind != JsonValueKind.Object)
                {
                    Error("$.data.error", e.ValueKind == JsonValueKind.Undefined || e.ValueKind == JsonValueKind.Null ? ProblemCodes.Required : ProblemCodes.WrongType,
                        "data.error, an object with code and message, is required.");
                }
                else
                {
                    string? code = Text(e, "code", "$.data.error");
                    string? message = Text(e, "message", "$.data.error", required: true);
                    if (code is not null && !PactErrorCodes.All.Contains(code))
                    {
                        Error("$.data.error.code", PactProblemCodes.NotAllowedValue, $"'{code}' is not an error code; use one of: {string.Join(", ", PactErrorCodes.All)}.");
                    }
                    else if (code is not null && message is not null)
                    {
                        error = new PactError(code, message);
                    }
                }

                break;
            case PactEventType.Published:
                if (!data.TryGetProperty("pfIds", out var pfIds) || pfIds.ValueKind == JsonValueKind.Null)
                {
                    Error("$.data.pfIds", ProblemCodes.Required, "data.pfIds is required.");
                }
                else if (pfIds.ValueKind != JsonValueKind.Array)
                {
                    Error("$.data.pfIds", ProblemCodes.WrongType, "data.pfIds must be an array of footprint ids (UUIDs).");
                }
                else if (pfIds.GetArrayLength() == 0)
                {
                    Error("$.data.pfIds", PactProblemCodes.EmptyArray, "data.pfIds must name at least one footprint.");
                }
                else
                {
                    int i = 0;
                    foreach (var item in pfIds.EnumerateArray())
                    {
                        string path = $"$.data.pfIds[{i++}]";
                        if (item.ValueKind == JsonValueKind.String && PactValidator.UuidPattern().IsMatch(item.GetString()!))
                        {
                            published.Add(Guid.Parse(item.GetString()!));
                        }
                        else
                        {
                            Error(path, PactProblemCodes.InvalidFormat, $"{item.GetRawText()} is not a footprint id (a UUID).");
                        }
                    }
                }

                break;
        }

        if (errors.Count > before || type is null)
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

    private static PactRequestCriteria? ReadCriteria(JsonElement data, List<ValidationProblem> errors, List<ValidationProblem> warnings)
    {
        int before = errors.Count;
        ImmutableArray<string> List(string name)
        {
            if (!data.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return [];
            }

            if (value.ValueKind == JsonValueKind.String)
            {
                return [value.GetString()!]; // one value for a list: lenient, as a query string would be
            }

            if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String))
            {
                errors.Add(new($"$.data.{name}", ProblemCodes.WrongType, $"{name} must be an array of strings."));
                return [];
            }

            return [.. value.EnumerateArray().Select(v => v.GetString()!)];
        }

        DateTimeOffset? Time(string name)
        {
            if (!data.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (value.ValueKind == JsonValueKind.String && PactValidator.ParseTime(value.GetString()!) is { } time)
            {
                return time;
            }

            errors.Add(new($"$.data.{name}", PactProblemCodes.InvalidFormat, $"{value.GetRawText()} is not an RFC 3339 date-time."));
            return null;
        }

        var ids = Criteria.Select(List).ToArray();
        var times = CriteriaTimes.Select(Time).ToArray();
        string? status = null;
        if (data.TryGetProperty("status", out var s) && s.ValueKind != JsonValueKind.Null)
        {
            status = s.ValueKind == JsonValueKind.String ? s.GetString() : null;
            if (status is null || !(status.Equals("Active", StringComparison.OrdinalIgnoreCase) || status.Equals("Deprecated", StringComparison.OrdinalIgnoreCase)))
            {
                errors.Add(new("$.data.status", PactProblemCodes.NotAllowedValue, $"{s.GetRawText()} is not a status; use 'Active' or 'Deprecated'."));
            }
        }

        string? comment = null;
        if (data.TryGetProperty("comment", out var c) && c.ValueKind != JsonValueKind.Null)
        {
            if (c.ValueKind == JsonValueKind.String)
            {
                comment = c.GetString();
            }
            else
            {
                errors.Add(new("$.data.comment", ProblemCodes.WrongType, "comment must be a string."));
            }
        }

        foreach (var property in data.EnumerateObject())
        {
            if (!Criteria.Contains(property.Name) && !CriteriaTimes.Contains(property.Name) && property.Name is not ("status" or "comment"))
            {
                warnings.Add(new($"$.data.{property.Name}", ProblemCodes.UnknownMember, $"{property.Name} is not a request criterion; it is ignored."));
            }
        }

        return errors.Count > before ? null : new PactRequestCriteria
        {
            ProductIds = ids[0], CompanyIds = ids[1], Geographies = ids[2], Classifications = ids[3],
            ValidOn = times[0], ValidAfter = times[1], ValidBefore = times[2], Status = status, Comment = comment,
        };
    }
}
