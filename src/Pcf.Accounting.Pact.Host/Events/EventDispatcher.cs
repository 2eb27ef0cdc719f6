using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pcf.Accounting.Pact.Host.Store;

namespace Pcf.Accounting.Pact.Host.Events;

/// <summary>Sends queued events to other hosts: authenticates at the recipient (OAuth2 client credentials, its OpenID
/// configuration's token endpoint or <c>/auth/token</c>), posts each event, and retries with exponential back-off until the
/// recipient accepts it or the retry period ends.</summary>
/// <remarks>The queue is in the store, so events survive a restart and hosts sharing a PostgreSQL store share the work
/// (each event is leased by one). Delivery is at least once: an event whose acceptance was not recorded is sent again.</remarks>
internal sealed partial class EventDispatcher(
    IFootprintStore store, IHttpClientFactory http, IOptions<PactHostOptions> options, TimeProvider time, IServer server, ILogger<EventDispatcher> logger)
    : BackgroundService
{
    public const string HttpClientName = "pact-events";
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private readonly ConcurrentDictionary<string, (string Token, DateTimeOffset Until)> _tokens = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _wake = new(0);

    /// <summary>Wakes the loop (a request just queued an answer).</summary>
    public void Wake()
    {
        if (_wake.CurrentCount == 0)
        {
            _wake.Release();
        }
    }

    public static HttpMessageHandler CreateHandler(PactHostOptions options) => new SocketsHttpHandler
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectTimeout = TimeSpan.FromSeconds(10),
        SslOptions =
        {
            RemoteCertificateValidationCallback = (sender, certificate, chain, errors) =>
                errors == System.Net.Security.SslPolicyErrors.None
                || (options.AllowInsecureLoopbackEvents && sender is HttpRequestMessage { RequestUri: { IsLoopback: true } }),
        },
    };

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                int sent = await RunOnceAsync(stoppingToken).ConfigureAwait(false);
                if (sent == 0)
                {
                    await _wake.WaitAsync(options.Value.EventPollInterval, stoppingToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
#pragma warning disable CA1031 // The loop must survive a store outage; it logs and tries again.
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogLoopFailed(logger, e);
                await Task.Delay(options.Value.EventPollInterval, time, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Claims the due events and attempts each once; returns how many were attempted.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var due = await store.ClaimDueEventsAsync(time.GetUtcNow(), Lease, 20, cancellationToken).ConfigureAwait(false);
        foreach (var e in due)
        {
            await AttemptAsync(e, cancellationToken).ConfigureAwait(false);
        }

        return due.Length;
    }

    private async Task AttemptAsync(OutgoingEvent e, CancellationToken cancellationToken)
    {
        var o = options.Value;
        string? error;
        bool permanent = false;
        try
        {
            var client = await store.FindClientAsync(e.ClientId, cancellationToken).ConfigureAwait(false);
            if (client is null || client.Disabled)
            {
                await store.CompleteEventAsync(e.Sequence, OutgoingEventState.Abandoned, null, "The client was removed or disabled.", cancellationToken).ConfigureAwait(false);
                return;
            }

            if (!o.AllowInsecureLoopbackEvents && e.Target.Scheme != Uri.UriSchemeHttps)
            {
                await store.CompleteEventAsync(e.Sequence, OutgoingEventState.Abandoned, null, "Events are sent over HTTPS only.", cancellationToken).ConfigureAwait(false);
                return;
            }

            using var response = await PostAsync(client, e, retryOnUnauthorized: true, cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                await store.CompleteEventAsync(e.Sequence, OutgoingEventState.Delivered, null, null, cancellationToken).ConfigureAwait(false);
                LogDelivered(logger, e.EventId, e.Target);
                return;
            }

            error = $"HTTP {(int)response.StatusCode} from {e.Target}: {Truncate(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false))}";
            permanent = (int)response.StatusCode is >= 400 and < 500 and not 401 and not 408 and not 429;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException or InvalidOperationException or JsonException)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            error = ex.Message;
        }

        var now = time.GetUtcNow();
        if (permanent || now - e.CreatedAt >= o.EventGiveUpAfter)
        {
            await store.CompleteEventAsync(e.Sequence, OutgoingEventState.Abandoned, null, error, cancellationToken).ConfigureAwait(false);
            LogAbandoned(logger, e.EventId, e.Target, error);
            return;
        }

        // Exponential back-off: delay × 2^attempts, at most the maximum, with up to 10 % jitter so hosts do not retry in step.
        double factor = Math.Pow(2, Math.Min(e.Attempts, 30));
        var delay = TimeSpan.FromTicks((long)Math.Min(o.EventRetryDelay.Ticks * factor, o.EventRetryMaxDelay.Ticks));
        delay += TimeSpan.FromTicks((long)(delay.Ticks * 0.1 * Random.Shared.NextDouble()));
        await store.CompleteEventAsync(e.Sequence, OutgoingEventState.Pending, now + delay, error, cancellationToken).ConfigureAwait(false);
        LogRetry(logger, e.EventId, e.Target, delay, error);
    }

    private async Task<HttpResponseMessage> PostAsync(PactClient client, OutgoingEvent e, bool retryOnUnauthorized, CancellationToken cancellationToken)
    {
        var httpClient = http.CreateClient(HttpClientName);
        httpClient.Timeout = TimeSpan.FromSeconds(30);
        using var request = new HttpRequestMessage(HttpMethod.Post, e.Target)
        {
            Content = new ByteArrayContent(WithSource(e.Payload)),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/cloudevents+json; charset=UTF-8");
        if (client.EventsClientId is { } id && client.EventsClientSecret is { } secret)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(httpClient, client, id, secret, cancellationToken).ConfigureAwait(false));
        }

        var response = await httpClient.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Unauthorized && retryOnUnauthorized)
        {
            response.Dispose();
            _tokens.TryRemove(client.ClientId, out _);
            return await PostAsync(client, e, retryOnUnauthorized: false, cancellationToken).ConfigureAwait(false);
        }

        return response;
    }

    /// <summary>The event with this host as its <c>source</c>.</summary>
    private byte[] WithSource(string payload)
    {
        var node = JsonNode.Parse(payload)!.AsObject();
        node["source"] = Source();
        return Encoding.UTF8.GetBytes(node.ToJsonString());
    }

    private string Source()
    {
        if (options.Value.PublicBaseUrl is { } configured)
        {
            return configured.AbsoluteUri.TrimEnd('/');
        }

        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses;
        return addresses?.FirstOrDefault(a => a.StartsWith("https:", StringComparison.OrdinalIgnoreCase)) ?? addresses?.FirstOrDefault() ?? "urn:pcf-accounting:pact-host";
    }

    private async Task<string> TokenAsync(HttpClient httpClient, PactClient client, string id, string secret, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_tokens.TryGetValue(client.ClientId, out var cached) && cached.Until > now)
        {
            return cached.Token;
        }

        var baseUrl = client.EventsBaseUrl!;
        string root = baseUrl.AbsoluteUri.TrimEnd('/');
        if (root.EndsWith("/3/events", StringComparison.Ordinal))
        {
            root = root[..^"/3/events".Length];
        }

        // The recipient's OpenID configuration names its token endpoint; without one, $base/auth/token (3.0, Authentication Flow).
        Uri tokenEndpoint = new(root + "/auth/token");
        try
        {
            using var discovery = await httpClient.GetAsync(new Uri(root + "/.well-known/openid-configuration"), cancellationToken).ConfigureAwait(false);
            if (discovery.IsSuccessStatusCode)
            {
                using var doc = JsonDocument.Parse(await discovery.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false));
                if (doc.RootElement.TryGetProperty("token_endpoint", out var te) && Uri.TryCreate(te.GetString(), UriKind.Absolute, out var endpoint))
                {
                    tokenEndpoint = endpoint;
                }
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException)
        {
            // No discovery document: the default endpoint.
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, tokenEndpoint)
        {
            Content = new FormUrlEncodedContent([new("grant_type", "client_credentials")]),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(id + ":" + secret)));
        using var response = await httpClient.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"The recipient's token endpoint {tokenEndpoint} answered HTTP {(int)response.StatusCode}.");
        }

        using var body = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false));
        string token = body.RootElement.GetProperty("access_token").GetString() ?? throw new JsonException("access_token is missing.");
        int expiresIn = body.RootElement.TryGetProperty("expires_in", out var e) && e.TryGetInt32(out int s) ? s : 300;
        _tokens[client.ClientId] = (token, now + TimeSpan.FromSeconds(Math.Max(expiresIn - 30, 10)));
        return token;
    }

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300] + "…";

    [LoggerMessage(Level = LogLevel.Information, Message = "Event {EventId} delivered to {Target}.")]
    private static partial void LogDelivered(ILogger logger, string eventId, Uri target);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event {EventId} to {Target} failed; next attempt in {Delay}: {Error}")]
    private static partial void LogRetry(ILogger logger, string eventId, Uri target, TimeSpan delay, string? error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event {EventId} to {Target} abandoned: {Error}")]
    private static partial void LogAbandoned(ILogger logger, string eventId, Uri target, string? error);

    [LoggerMessage(Level = LogLevel.Error, Message = "The event loop failed; it will try again.")]
    private static partial void LogLoopFailed(ILogger logger, Exception exception);
}
