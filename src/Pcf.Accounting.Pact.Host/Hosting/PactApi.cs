using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Pcf.Accounting.Pact.Events;
using Pcf.Accounting.Pact.Host.Events;
using Pcf.Accounting.Pact.Host.Security;
using Pcf.Accounting.Pact.Host.Store;

namespace Pcf.Accounting.Pact.Host;

/// <summary>The request handlers of the PACT API (3.0, and 2.3 from the same store).</summary>
internal static class PactApi
{
    private const string PageParameter = "x-pcf-after"; // host-specific parameters are prefixed x-<identifier>- (3.0, ListFootprints)
    private const int MaxEventBytes = 16 * 1024 * 1024;
    private static readonly string[] Filters = ["productId", "companyId", "geography", "classification", "validOn", "validAfter", "validBefore", "status"];

    private static PactHostState State(HttpContext c) => c.RequestServices.GetRequiredService<PactHostState>();

    private static PactHostOptions Options(HttpContext c) => c.RequestServices.GetRequiredService<IOptions<PactHostOptions>>().Value;

    // ----- Authentication (3.0 "Authentication Flow": OAuth2 client credentials, RFC 6749 section 4.4)

    public static async Task TokenAsync(HttpContext c)
    {
        if (!await RequireHttpsAsync(c).ConfigureAwait(false))
        {
            return;
        }

        var state = State(c);
        var (id, secret) = Credentials(c.Request.Headers.Authorization);
        IFormCollection? form = null;
        if (c.Request.HasFormContentType)
        {
            form = await c.Request.ReadFormAsync(c.RequestAborted).ConfigureAwait(false);
            if (id is null && form.TryGetValue("client_id", out var fid) && form.TryGetValue("client_secret", out var fsecret))
            {
                (id, secret) = (fid.ToString(), fsecret.ToString()); // RFC 6749 2.3.1 allows the body too
            }
        }

        var client = id is null ? null : await state.ClientAsync(id, c.RequestAborted).ConfigureAwait(false);
        if (client is null || client.Disabled || secret is null || !ClientSecrets.Verify(secret, client.SecretHash))
        {
            c.Response.Headers.WWWAuthenticate = "Basic realm=\"pact\"";
            await OAuthErrorAsync(c, StatusCodes.Status401Unauthorized, "invalid_client", "Client authentication failed.").ConfigureAwait(false);
            return;
        }

        string? grant = form?["grant_type"].ToString();
        if (grant != "client_credentials")
        {
            await OAuthErrorAsync(c, StatusCodes.Status400BadRequest, grant is null or "" ? "invalid_request" : "unsupported_grant_type",
                "The body must be application/x-www-form-urlencoded with grant_type=client_credentials.").ConfigureAwait(false);
            return;
        }

        var lifetime = Options(c).TokenLifetime;
        string token = state.Tokens.Issue(client.ClientId, state.Time.GetUtcNow() + lifetime);
        c.Response.Headers.CacheControl = "no-store";
        c.Response.Headers.Pragma = "no-cache";
        await JsonAsync(c, StatusCodes.Status200OK, w =>
        {
            w.WriteString("access_token", token);
            w.WriteString("token_type", "Bearer");
            w.WriteNumber("expires_in", (long)lifetime.TotalSeconds);
            w.WriteString("scope", "footprint:list footprint:read");
        }).ConfigureAwait(false);
    }

    public static Task DiscoveryAsync(HttpContext c)
    {
        string root = BaseUrl(c);
        return JsonAsync(c, StatusCodes.Status200OK, w =>
        {
            w.WriteString("issuer", root);
            w.WriteString("token_endpoint", root + "/auth/token");
            w.WriteStartArray("grant_types_supported");
            w.WriteStringValue("client_credentials");
            w.WriteEndArray();
            w.WriteStartArray("token_endpoint_auth_methods_supported");
            w.WriteStringValue("client_secret_basic");
            w.WriteStringValue("client_secret_post");
            w.WriteEndArray();
            w.WriteStartArray("scopes_supported");
            w.WriteStringValue("footprint:list");
            w.WriteStringValue("footprint:read");
            w.WriteEndArray();
            w.WriteStartArray("response_types_supported");
            w.WriteStringValue("token");
            w.WriteEndArray();
        });
    }

    private static (string? Id, string? Secret) Credentials(StringValues header)
    {
        string value = header.ToString();
        if (!value.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return (null, null);
        }

        try
        {
            string decoded = Encoding.UTF8.GetString(Convert.FromBase64String(value[6..].Trim()));
            int colon = decoded.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? (null, null) : (decoded[..colon], decoded[(colon + 1)..]);
        }
        catch (FormatException)
        {
            return (null, null);
        }
    }

    /// <summary>Checks the bearer token; on failure answers 401 and returns <see langword="null"/>.</summary>
    private static async Task<PactClient?> AuthorizeAsync(HttpContext c)
    {
        if (!await RequireHttpsAsync(c).ConfigureAwait(false))
        {
            return null;
        }

        var state = State(c);
        string header = c.Request.Headers.Authorization.ToString();
        string? token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : null;
        var check = token is null ? TokenCheck.Invalid : state.Tokens.Check(token, state.Time.GetUtcNow(), out string? clientId);
        PactClient? client = null;
        if (check == TokenCheck.Valid && token is not null)
        {
            state.Tokens.Check(token, state.Time.GetUtcNow(), out clientId);
            client = await state.ClientAsync(clientId!, c.RequestAborted).ConfigureAwait(false);
            if (client is { Disabled: false })
            {
                return client;
            }
        }

        c.Response.Headers.WWWAuthenticate = check == TokenCheck.Expired
            ? "Bearer error=\"invalid_token\", error_description=\"The access token expired\""
            : "Bearer error=\"invalid_token\"";
        // The error code: TokenExpired for an expired token; otherwise BadRequest, as the conformance suite expects for an invalid one.
        await ErrorAsync(c, StatusCodes.Status401Unauthorized, check == TokenCheck.Expired ? PactErrorCodes.TokenExpired : PactErrorCodes.BadRequest,
            token is null ? "A bearer access token is required (Authorization: Bearer <token> from POST /auth/token)." : check == TokenCheck.Expired
                ? "The access token has expired; obtain a new one from /auth/token." : "The access token is not valid.").ConfigureAwait(false);
        return null;
    }

    private static async Task<bool> RequireHttpsAsync(HttpContext c)
    {
        if (c.Request.IsHttps || !Options(c).RequireHttps)
        {
            return true;
        }

        // The specification allows HTTPS only; an HTTP request (as opposed to an HTTPS port, which plain HTTP cannot reach at all) gets no data.
        await ErrorAsync(c, StatusCodes.Status403Forbidden, PactErrorCodes.AccessDenied, "This host answers over HTTPS only.").ConfigureAwait(false);
        return false;
    }

    // ----- ListFootprints and GetFootprint

    public static async Task ListAsync(HttpContext c, PactSpecVersion version)
    {
        if (await AuthorizeAsync(c).ConfigureAwait(false) is not { } client)
        {
            return;
        }

        var options = Options(c);
        var query = c.Request.Query;
        int limit = options.DefaultPageSize;
        if (query.TryGetValue("limit", out var limitText))
        {
            if (!int.TryParse(limitText.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out limit))
            {
                await ErrorAsync(c, StatusCodes.Status400BadRequest, PactErrorCodes.BadRequest, $"limit '{limitText}' is not a whole number of 0 or more.").ConfigureAwait(false);
                return;
            }

            limit = Math.Min(limit, options.MaxPageSize);
        }

        long after = 0;
        if (query.TryGetValue(PageParameter, out var afterText) && !long.TryParse(afterText.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out after))
        {
            await ErrorAsync(c, StatusCodes.Status400BadRequest, PactErrorCodes.BadRequest, $"{PageParameter} '{afterText}' is not a position from a pagination link.").ConfigureAwait(false);
            return;
        }

        var (criteria, problem) = Criteria(query);
        if (problem is not null)
        {
            await ErrorAsync(c, StatusCodes.Status400BadRequest, PactErrorCodes.BadRequest, problem).ConfigureAwait(false);
            return;
        }

        var page = await State(c).Store.ListAsync(new FootprintQuery(client.ClientId, criteria!, Math.Max(limit, 1), after), c.RequestAborted).ConfigureAwait(false);
        var items = limit == 0 ? [] : page.Items;
        bool more = limit == 0 ? page.Items.Length > 0 : page.HasMore;
        if (more)
        {
            long next = items.IsEmpty ? after : items[^1].Sequence;
            var kept = query.Where(q => !string.Equals(q.Key, PageParameter, StringComparison.OrdinalIgnoreCase))
                .SelectMany(q => q.Value.Select(v => Uri.EscapeDataString(q.Key) + "=" + Uri.EscapeDataString(v ?? string.Empty)));
            string link = BaseUrl(c) + c.Request.Path + "?" + string.Join('&', kept.Append(PageParameter + "=" + next.ToString(CultureInfo.InvariantCulture)));
            c.Response.Headers.Link = $"<{link}>; rel=\"next\"";
        }

        var documents = new List<string>(items.Length);
        foreach (var item in items)
        {
            if (Render(item, version) is { } document)
            {
                documents.Add(document);
            }
        }

        await RawAsync(c, StatusCodes.Status200OK, "{\"data\":[" + string.Join(',', documents) + "]}").ConfigureAwait(false);
    }

    public static async Task GetAsync(HttpContext c, PactSpecVersion version)
    {
        if (await AuthorizeAsync(c).ConfigureAwait(false) is not { } client)
        {
            return;
        }

        string text = c.Request.RouteValues["id"]?.ToString() ?? string.Empty;
        if (!Guid.TryParseExact(text, "D", out var id))
        {
            await ErrorAsync(c, StatusCodes.Status400BadRequest, PactErrorCodes.BadRequest, $"'{text}' is not a footprint id (a UUID).").ConfigureAwait(false);
            return;
        }

        var stored = await State(c).Store.GetAsync(id, c.RequestAborted).ConfigureAwait(false);
        if (stored is null)
        {
            // 2.x names this error NoSuchFootprint (2.3 Technical Specifications, error codes); 3.0 renamed it NotFound.
            await ErrorAsync(c, StatusCodes.Status404NotFound, version == PactSpecVersion.Version30 ? PactErrorCodes.NotFound : "NoSuchFootprint", "The requested footprint could not be found.").ConfigureAwait(false);
            return;
        }

        if (!stored.SharedWith.Contains("*") && !stored.SharedWith.Contains(client.ClientId))
        {
            await ErrorAsync(c, StatusCodes.Status403Forbidden, PactErrorCodes.AccessDenied, "The footprint is not shared with this client.").ConfigureAwait(false);
            return;
        }

        if (Render(stored, version) is not { } document)
        {
            await ErrorAsync(c, StatusCodes.Status400BadRequest, PactErrorCodes.BadRequest, "The footprint cannot be expressed in PACT 2.3 (see /3/footprints).").ConfigureAwait(false);
            return;
        }

        await RawAsync(c, StatusCodes.Status200OK, "{\"data\":" + document + "}").ConfigureAwait(false);
    }

    /// <summary>The stored 3.0 document, or its 2.3 conversion (<see langword="null"/> when 2.3 cannot express it).</summary>
    private static string? Render(StoredFootprint stored, PactSpecVersion version)
    {
        if (version == PactSpecVersion.Version30)
        {
            return stored.Document;
        }

        var converted = PactConverter.ToV2(stored.Footprint);
        return converted.IsValid ? Compact(PactJson.Write(converted.Value.Value)) : null;
    }

    private static string Compact(byte[] json)
    {
        using var parsed = JsonDocument.Parse(json);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            parsed.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The 3.0 filters from a query string; names are matched without case (the specification's own example mixes <c>productId</c> and <c>productid</c>).</summary>
    internal static (PactRequestCriteria? Criteria, string? Problem) Criteria(IQueryCollection query)
    {
        System.Collections.Immutable.ImmutableArray<string> Values(string name) =>
            [.. query.Where(q => string.Equals(q.Key, name, StringComparison.OrdinalIgnoreCase)).SelectMany(q => q.Value).Where(v => !string.IsNullOrEmpty(v)).Select(v => v!)];

        string? problem = null;
        DateTimeOffset? Time(string name)
        {
            var values = Values(name);
            if (values.IsEmpty)
            {
                return null;
            }

            // An unencoded '+' in a query string arrives as a space: "2024-01-01T00:00:00 00:00" means +00:00.
            string text = values[^1].Replace(' ', '+');
            if (PactValidator(text) is { } time)
            {
                return time;
            }

            problem ??= $"{name} '{values[^1]}' is not an RFC 3339 date-time (such as 2025-04-01T00:00:00Z).";
            return null;
        }

        var criteria = new PactRequestCriteria
        {
            ProductIds = Values("productId"),
            CompanyIds = Values("companyId"),
            Geographies = Values("geography"),
            Classifications = Values("classification"),
            ValidOn = Time("validOn"),
            ValidAfter = Time("validAfter"),
            ValidBefore = Time("validBefore"),
            Status = Values("status") is { IsEmpty: false } s ? s[^1] : null,
        };
        return problem is null ? (criteria, null) : (null, problem);
    }

    private static DateTimeOffset? PactValidator(string text) =>
        (PactJson.TryParseDateTime(text, out var exact) ? exact : (DateTimeOffset?)null)
        ?? (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) && text.Contains('T', StringComparison.OrdinalIgnoreCase) ? t : null);

    // ----- Action Events

    public static async Task EventsAsync(HttpContext c, PactSpecVersion version)
    {
        if (await AuthorizeAsync(c).ConfigureAwait(false) is not { } client)
        {
            return;
        }

        string contentType = c.Request.ContentType ?? string.Empty;
        if (!contentType.StartsWith("application/cloudevents+json", StringComparison.OrdinalIgnoreCase) && !contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            await ErrorAsync(c, StatusCodes.Status400BadRequest, PactErrorCodes.BadRequest, "Events are CloudEvents in structured mode: Content-Type application/cloudevents+json.").ConfigureAwait(false);
            return;
        }

        byte[] body;
        using (var buffer = new MemoryStream())
        {
            await c.Request.Body.CopyToAsync(buffer, c.RequestAborted).ConfigureAwait(false);
            if (buffer.Length > MaxEventBytes)
            {
                await ErrorAsync(c, StatusCodes.Status400BadRequest, PactErrorCodes.BadRequest, $"The event is larger than {MaxEventBytes} bytes.").ConfigureAwait(false);
                return;
            }

            body = buffer.ToArray();
        }

        var read = PactEventJson.Read(body);
        if (!read.TryGetValue(out var e))
        {
            await ErrorAsync(c, StatusCodes.Status400BadRequest, PactErrorCodes.BadRequest,
                "The event is not valid: " + string.Join("; ", read.Problems.Take(10).Select(p => $"{p.Path} {p.Message}"))).ConfigureAwait(false);
            return;
        }

        if (e.SpecVersion != version)
        {
            await ErrorAsync(c, StatusCodes.Status400BadRequest, PactErrorCodes.BadRequest,
                $"'{PactEvent.TypeName(e.Type, e.SpecVersion)}' is a {(e.SpecVersion == PactSpecVersion.Version30 ? "3.0" : "2.3")} event; post it to /{(e.SpecVersion == PactSpecVersion.Version30 ? "3" : "2")}/events.").ConfigureAwait(false);
            return;
        }

        var state = State(c);
        if (e.Type == PactEventType.RequestCreated)
        {
            if (client.EventsBaseUrl is not { } home || !IsUnder(e.Source, home))
            {
                // The answer would go to the event's source: only to the requester's own registered host, never elsewhere.
                await ErrorAsync(c, StatusCodes.Status403Forbidden, PactErrorCodes.AccessDenied,
                    client.EventsBaseUrl is null ? "This client has no events URL registered, so the answer could not be delivered." : $"The source '{e.Source}' is not this client's registered host.").ConfigureAwait(false);
                return;
            }

            await QueueAnswerAsync(c, state, client, home, e, version).ConfigureAwait(false);
        }
        else
        {
            await state.Store.RecordReceivedEventAsync(client.ClientId, PactEvent.TypeName(e.Type, e.SpecVersion), e.Id, e.Source, Encoding.UTF8.GetString(body), c.RequestAborted).ConfigureAwait(false);
        }

        c.Response.StatusCode = StatusCodes.Status200OK; // accepted: an empty body
    }

    /// <summary>Finds what a request asks for among the footprints shared with the client, and queues one fulfilled (or rejected) event back.</summary>
    private static async Task QueueAnswerAsync(HttpContext c, PactHostState state, PactClient client, Uri home, PactEvent request, PactSpecVersion version)
    {
        var found = new List<string>();
        long after = 0;
        while (found.Count < 1000)
        {
            var page = await state.Store.ListAsync(new FootprintQuery(client.ClientId, request.Criteria ?? new PactRequestCriteria(), 200, after), c.RequestAborted).ConfigureAwait(false);
            found.AddRange(page.Items.Select(i => Render(i, version)).OfType<string>());
            if (!page.HasMore)
            {
                break;
            }

            after = page.Items[^1].Sequence;
        }

        var now = state.Time.GetUtcNow();
        string eventId = Guid.NewGuid().ToString("D");
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("type", PactEvent.TypeName(found.Count > 0 ? PactEventType.RequestFulfilled : PactEventType.RequestRejected, version));
            w.WriteString("specversion", "1.0");
            w.WriteString("id", eventId);
            w.WriteString("source", string.Empty); // set to this host's URL when sent
            w.WriteString("time", now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            w.WriteStartObject("data");
            w.WriteString("requestEventId", request.Id);
            if (found.Count > 0)
            {
                w.WriteStartArray("pfs");
                foreach (string document in found)
                {
                    w.WriteRawValue(document, skipInputValidation: true);
                }

                w.WriteEndArray();
            }
            else
            {
                w.WriteStartObject("error");
                w.WriteString("code", PactErrorCodes.NotFound);
                w.WriteString("message", "No footprint shared with you matches the request.");
                w.WriteEndObject();
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        string root = home.AbsoluteUri.TrimEnd('/');
        foreach (string suffix in (string[])["/3/events", "/2/events"])
        {
            if (root.EndsWith(suffix, StringComparison.Ordinal))
            {
                root = root[..^suffix.Length];
            }
        }

        var target = new Uri(root + (version == PactSpecVersion.Version30 ? "/3/events" : "/2/events"));
        await state.Store.EnqueueEventAsync(new OutgoingEvent
        {
            EventId = eventId, ClientId = client.ClientId, Target = target, Payload = Encoding.UTF8.GetString(buffer.ToArray()), CreatedAt = now, NextAttemptAt = now,
        }, c.RequestAborted).ConfigureAwait(false);
        c.RequestServices.GetService<EventDispatcher>()?.Wake();
    }

    /// <summary>Tells whether an event source lies under a registered base URL: same scheme, host and port, and a path under its path.</summary>
    internal static bool IsUnder(string source, Uri home)
    {
        if (!Uri.TryCreate(source, UriKind.Absolute, out var s))
        {
            // Scheme-relative sources ("//api.example.com/3/events") take the registered scheme.
            if (!source.StartsWith("//", StringComparison.Ordinal) || !Uri.TryCreate(home.Scheme + ":" + source, UriKind.Absolute, out s))
            {
                return false;
            }
        }

        string homePath = home.AbsolutePath.TrimEnd('/');
        foreach (string suffix in (string[])["/3/events", "/2/events"])
        {
            if (homePath.EndsWith(suffix, StringComparison.Ordinal))
            {
                homePath = homePath[..^suffix.Length];
            }
        }

        return string.Equals(s.Scheme, home.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(s.Host, home.Host, StringComparison.OrdinalIgnoreCase)
            && s.Port == home.Port
            && (homePath.Length == 0 || s.AbsolutePath.Equals(homePath, StringComparison.Ordinal) || s.AbsolutePath.StartsWith(homePath + "/", StringComparison.Ordinal));
    }

    public static Task NotFoundAsync(HttpContext c) =>
        ErrorAsync(c, StatusCodes.Status404NotFound, PactErrorCodes.NotFound, $"{c.Request.Method} {c.Request.Path} is not an action of this host.");

    // ----- Responses

    private static string BaseUrl(HttpContext c) => c.Request.Scheme + "://" + c.Request.Host.Value + c.Request.PathBase.Value;

    internal static Task ErrorAsync(HttpContext c, int status, string code, string message) => JsonAsync(c, status, w =>
    {
        w.WriteString("code", code);
        w.WriteString("message", message);
    });

    private static Task OAuthErrorAsync(HttpContext c, int status, string error, string description) => JsonAsync(c, status, w =>
    {
        w.WriteString("error", error);
        w.WriteString("error_description", description);
    });

    private static async Task JsonAsync(HttpContext c, int status, Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            write(w);
            w.WriteEndObject();
        }

        c.Response.StatusCode = status;
        c.Response.ContentType = "application/json";
        await c.Response.Body.WriteAsync(buffer.ToArray(), c.RequestAborted).ConfigureAwait(false);
    }

    private static async Task RawAsync(HttpContext c, int status, string json)
    {
        c.Response.StatusCode = status;
        c.Response.ContentType = "application/json";
        await c.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(json), c.RequestAborted).ConfigureAwait(false);
    }
}
