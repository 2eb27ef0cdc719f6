using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pcf.Accounting.Pact.Host.Security;
using Pcf.Accounting.Pact.Host.Store;

namespace Pcf.Accounting.Pact.Host.Tests;

/// <summary>A real PACT host on loopback: Kestrel over HTTPS (development certificate) and, to show it is refused, plain HTTP;
/// a SQLite store in a temporary folder; clients alice and bob.</summary>
internal sealed class TestHost : IAsyncDisposable
{
    public const string AliceSecret = "alice-secret-0123456789";
    public const string BobSecret = "bob-secret-0123456789";
    private readonly string _folder = Directory.CreateTempSubdirectory("pcf-host-").FullName;
    private WebApplication? _app;

    public SqliteFootprintStore Store { get; private set; } = null!;

    public Uri Https { get; private set; } = null!;

    public Uri Http { get; private set; } = null!;

    // Trusts the host's own development certificate (self-signed), nothing else.
    public HttpClient Client { get; } = new(new SocketsHttpHandler
    {
        SslOptions = { RemoteCertificateValidationCallback = (_, certificate, _, errors) => errors == System.Net.Security.SslPolicyErrors.None || certificate?.Subject.Contains("Pcf.Accounting PACT host", StringComparison.Ordinal) == true },
    });

    public static async Task<TestHost> StartAsync(Uri? aliceEvents = null, Uri? bobEvents = null)
    {
        var host = new TestHost();
        host.Store = new SqliteFootprintStore(Path.Combine(host._folder, "footprints.db"));
        await host.Store.MigrateAsync();
        await host.Store.SaveClientAsync(new PactClient { ClientId = "alice", Name = "Alice", SecretHash = ClientSecrets.Hash(AliceSecret), EventsBaseUrl = aliceEvents, EventsClientId = "owner", EventsClientSecret = "pw" });
        await host.Store.SaveClientAsync(new PactClient { ClientId = "bob", Name = "Bob", SecretHash = ClientSecrets.Hash(BobSecret), EventsBaseUrl = bobEvents, EventsClientId = "owner", EventsClientSecret = "pw" });

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var certificate = DevelopmentCertificate.Create();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, 0, l => l.UseHttps(certificate));
            k.Listen(IPAddress.Loopback, 0);
        });
        builder.Services.AddSingleton<IFootprintStore>(host.Store);
        builder.Services.AddPactHost(o =>
        {
            o.AllowInsecureLoopbackEvents = true;
            o.EventRetryDelay = TimeSpan.FromMilliseconds(100);
            o.EventPollInterval = TimeSpan.FromMilliseconds(100);
        });
        host._app = builder.Build();
        host._app.MapPactEndpoints();
        await host._app.StartAsync();
        var addresses = host._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        host.Https = new Uri(addresses.First(a => a.StartsWith("https:", StringComparison.Ordinal)));
        host.Http = new Uri(addresses.First(a => a.StartsWith("http:", StringComparison.Ordinal)));
        return host;
    }

    public async Task<string> TokenAsync(string clientId = "alice", string? secret = null)
    {
        using var response = await TokenResponseAsync(clientId, secret ?? (clientId == "alice" ? AliceSecret : BobSecret));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("access_token").GetString()!;
    }

    public async Task<HttpResponseMessage> TokenResponseAsync(string clientId, string secret, string grant = "client_credentials", Uri? baseUrl = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseUrl ?? Https, "/auth/token"))
        {
            Content = new FormUrlEncodedContent([new("grant_type", grant)]),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(clientId + ":" + secret)));
        return await Client.SendAsync(request);
    }

    public async Task<HttpResponseMessage> GetAsync(string pathAndQuery, string? token, Uri? baseUrl = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(baseUrl ?? Https, pathAndQuery));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await Client.SendAsync(request);
    }

    public async Task<HttpResponseMessage> PostEventAsync(string json, string? token, string path = "/3/events")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Https, path)) { Content = new StringContent(json, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/cloudevents+json; charset=UTF-8");
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        Client.Dispose();
        await Store.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}

/// <summary>Another company's PACT host, as far as events go: a token endpoint (client "owner", secret "pw") and an events endpoint that records what it gets (and fails the first few).</summary>
internal sealed class Recipient : IAsyncDisposable
{
    private WebApplication? _app;
    private int _failures;

    public ConcurrentQueue<(string? Authorization, string Body)> Received { get; } = new();

    public int Attempts;

    public Uri Url { get; private set; } = null!;

    public static async Task<Recipient> StartAsync(int failFirst = 0)
    {
        var recipient = new Recipient { _failures = failFirst };
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        recipient._app = builder.Build();
        recipient._app.MapPost("/auth/token", (HttpContext c) =>
        {
            bool ok = c.Request.Headers.Authorization.ToString() == "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("owner:pw"));
            c.Response.StatusCode = ok ? 200 : 401;
            c.Response.ContentType = "application/json";
            return c.Response.WriteAsync(ok ? """{"access_token":"recipient-token","token_type":"Bearer","expires_in":3600}""" : """{"error":"invalid_client"}""");
        });
        recipient._app.MapPost("/3/events", async (HttpContext c) =>
        {
            Interlocked.Increment(ref recipient.Attempts);
            if (Interlocked.Decrement(ref recipient._failures) >= 0)
            {
                c.Response.StatusCode = 503;
                return;
            }

            using var reader = new StreamReader(c.Request.Body);
            recipient.Received.Enqueue((c.Request.Headers.Authorization.ToString(), await reader.ReadToEndAsync()));
            c.Response.StatusCode = c.Request.Headers.Authorization == "Bearer recipient-token" ? 200 : 401;
        });
        await recipient._app.StartAsync();
        recipient.Url = new Uri(recipient._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return recipient;
    }

    public async Task<(string? Authorization, string Body)> NextAsync(TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (DateTime.UtcNow < until)
        {
            if (Received.TryDequeue(out var item))
            {
                return item;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("No event arrived.");
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
