using System.Net;
using System.Text.Json;
using Pcf.Accounting.Pact.Events;
using Pcf.Accounting.Pact.Host.Security;
using Pcf.Accounting.Pact.Host.Store;

namespace Pcf.Accounting.Pact.Host.Tests;

/// <summary>The host's HTTP API, over real HTTPS on loopback, as the 3.0 specification asks of a host system.</summary>
public sealed class HostApiTests
{
    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return doc.RootElement.Clone();
    }

    private static async Task AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        var body = await JsonAsync(response);
        Assert.Equal(code, body.GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("message").GetString()));
        Assert.Contains(code, PactErrorCodes.All);
    }

    private static Task<StoredFootprint> PublishAsync(TestHost host, string product, params string[] share) =>
        host.Store.PublishAsync(new FootprintPublication { Footprint = Footprints.Make(product: product), ShareWith = [.. share] });

    [Fact]
    public async Task Token_ClientCredentials_GivesAnExpiringBearerToken()
    {
        await using var host = await TestHost.StartAsync();

        using var ok = await host.TokenResponseAsync("alice", TestHost.AliceSecret);
        using var wrongSecret = await host.TokenResponseAsync("alice", "nope");
        using var unknown = await host.TokenResponseAsync("mallory", "x");
        using var wrongGrant = await host.TokenResponseAsync("alice", TestHost.AliceSecret, grant: "password");

        var token = await JsonAsync(ok);
        Assert.Equal("Bearer", token.GetProperty("token_type").GetString());
        Assert.Equal(3600, token.GetProperty("expires_in").GetInt32());
        Assert.Equal("no-store", ok.Headers.CacheControl?.ToString());
        Assert.Equal(HttpStatusCode.Unauthorized, wrongSecret.StatusCode);
        Assert.Equal("invalid_client", (await JsonAsync(wrongSecret)).GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, wrongGrant.StatusCode);
        Assert.Equal("unsupported_grant_type", (await JsonAsync(wrongGrant)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task Discovery_NamesTheTokenEndpointOfThisHost()
    {
        await using var host = await TestHost.StartAsync();

        using var response = await host.GetAsync("/.well-known/openid-configuration", token: null);

        Assert.Equal(new Uri(host.Https, "/auth/token").AbsoluteUri, (await JsonAsync(response)).GetProperty("token_endpoint").GetString());
    }

    [Fact]
    public async Task EveryAction_WithoutAValidToken_Is401()
    {
        await using var host = await TestHost.StartAsync();
        var fp = await PublishAsync(host, "urn:p:1", "alice");
        var key = await host.Store.SigningKeyAsync();
        string expired = new AccessTokens(key).Issue("alice", DateTimeOffset.UtcNow.AddSeconds(-1));
        string forged = new AccessTokens(new byte[32]).Issue("alice", DateTimeOffset.UtcNow.AddHours(1));

        await AssertErrorAsync(await host.GetAsync("/3/footprints", null), HttpStatusCode.Unauthorized, PactErrorCodes.BadRequest);
        await AssertErrorAsync(await host.GetAsync("/3/footprints", "garbage"), HttpStatusCode.Unauthorized, PactErrorCodes.BadRequest);
        await AssertErrorAsync(await host.GetAsync("/3/footprints", forged), HttpStatusCode.Unauthorized, PactErrorCodes.BadRequest);
        await AssertErrorAsync(await host.GetAsync($"/3/footprints/{fp.Id}", expired), HttpStatusCode.Unauthorized, PactErrorCodes.TokenExpired);
        await AssertErrorAsync(await host.PostEventAsync("{}", "garbage"), HttpStatusCode.Unauthorized, PactErrorCodes.BadRequest);
        await AssertErrorAsync(await host.GetAsync("/2/footprints", null), HttpStatusCode.Unauthorized, PactErrorCodes.BadRequest);
    }

    [Fact]
    public async Task PlainHttp_IsRefused()
    {
        await using var host = await TestHost.StartAsync();
        string token = await host.TokenAsync();

        await AssertErrorAsync(await host.GetAsync("/3/footprints", token, host.Http), HttpStatusCode.Forbidden, PactErrorCodes.AccessDenied);
        await AssertErrorAsync(await host.TokenResponseAsync("alice", TestHost.AliceSecret, baseUrl: host.Http), HttpStatusCode.Forbidden, PactErrorCodes.AccessDenied);
    }

    [Fact]
    public async Task List_LimitGivesAnAbsoluteNextLinkThatWalksEveryFootprintOnce()
    {
        await using var host = await TestHost.StartAsync();
        var ids = new List<Guid>();
        for (int i = 0; i < 5; i++)
        {
            ids.Add((await PublishAsync(host, $"urn:p:{i}", "alice")).Id);
        }

        string token = await host.TokenAsync();
        var seen = new List<Guid>();
        string? next = "/3/footprints?limit=2&companyId=urn:pact:company:x";
        int pages = 0;
        while (next is not null)
        {
            using var response = await host.GetAsync(next, token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var data = (await JsonAsync(response)).GetProperty("data");
            Assert.True(data.GetArrayLength() <= 2);
            seen.AddRange(data.EnumerateArray().Select(f => f.GetProperty("id").GetGuid()));
            pages++;
            next = null;
            if (response.Headers.TryGetValues("Link", out var links))
            {
                string link = Assert.Single(links);
                Assert.EndsWith("; rel=\"next\"", link, StringComparison.Ordinal);
                string target = link[1..link.IndexOf('>', StringComparison.Ordinal)];
                Assert.StartsWith(host.Https.AbsoluteUri + "3/footprints?", target, StringComparison.Ordinal); // absolute, same host
                Assert.Contains("companyId=urn%3Apact%3Acompany%3Ax", target, StringComparison.Ordinal); // the filters stay
                next = new Uri(target).PathAndQuery;
            }
        }

        Assert.Equal(ids, seen);
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task List_Filters_ByEveryCriterion()
    {
        await using var host = await TestHost.StartAsync();
        var a = await PublishAsync(host, "urn:p:a", "alice");
        var b = await PublishAsync(host, "urn:p:b", "alice");
        string token = await host.TokenAsync();

        async Task<Guid[]> Ids(string query)
        {
            using var response = await host.GetAsync("/3/footprints?" + query, token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return [.. (await JsonAsync(response)).GetProperty("data").EnumerateArray().Select(f => f.GetProperty("id").GetGuid())];
        }

        Assert.Equal([a.Id], await Ids("productId=URN:P:A"));
        Assert.Equal([a.Id, b.Id], await Ids("productid=urn:p:a&productId=urn:p:b")); // OR; parameter names without case, as the spec's example
        Assert.Empty(await Ids("productId=urn:p:a&companyId=urn:other")); // AND
        Assert.Equal([a.Id, b.Id], await Ids("geography=DE&classification=urn:pact:productclassification:un-cpc:42999&status=Active"));
        Assert.Equal([a.Id, b.Id], await Ids("validOn=2024-01-01T00:00:00+00:00")); // an unencoded '+' (a space once decoded)
        Assert.Equal([a.Id, b.Id], await Ids("validAfter=2023-12-31T00:00:00Z&validBefore=2027-01-02T00:00:00Z"));
        Assert.Empty(await Ids("validBefore=1900-01-01T00:00:00Z"));
        Assert.Empty(await Ids("status=BogusStatus"));
        Assert.Equal([a.Id, b.Id], await Ids("x-acme-invoice=1")); // an extension parameter of another host is ignored
        await AssertErrorAsync(await host.GetAsync("/3/footprints?validOn=yesterday", token), HttpStatusCode.BadRequest, PactErrorCodes.BadRequest);
        await AssertErrorAsync(await host.GetAsync("/3/footprints?limit=-1", token), HttpStatusCode.BadRequest, PactErrorCodes.BadRequest);
    }

    [Fact]
    public async Task List_EmptyResult_IsAnEmptyArray()
    {
        await using var host = await TestHost.StartAsync();

        using var response = await host.GetAsync("/3/footprints", await host.TokenAsync());

        Assert.Equal("""{"data":[]}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Get_Found_NotFound_Forbidden()
    {
        await using var host = await TestHost.StartAsync();
        var mine = await PublishAsync(host, "urn:p:mine", "alice");
        var other = await PublishAsync(host, "urn:p:other", "bob");
        string token = await host.TokenAsync();

        using var ok = await host.GetAsync($"/3/footprints/{mine.Id}", token);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(mine.Id, (await JsonAsync(ok)).GetProperty("data").GetProperty("id").GetGuid());
        var read = PactJson.ReadV3(await ok.Content.ReadAsByteArrayAsync());
        Assert.True(read.IsValid, string.Join("; ", read.Problems));

        await AssertErrorAsync(await host.GetAsync("/3/footprints/00000000-0000-0000-0000-000000000000", token), HttpStatusCode.NotFound, PactErrorCodes.NotFound);
        using var forbidden = await host.GetAsync($"/3/footprints/{other.Id}", token);
        string body = await forbidden.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.DoesNotContain("urn:p:other", body, StringComparison.Ordinal); // nothing of the footprint leaks
        await AssertErrorAsync(await host.GetAsync("/3/footprints/not-a-uuid", token), HttpStatusCode.BadRequest, PactErrorCodes.BadRequest);
        await AssertErrorAsync(await host.GetAsync("/3/nothing-here", token), HttpStatusCode.NotFound, PactErrorCodes.NotFound);
    }

    [Fact]
    public async Task NoEndpoint_LeaksAnotherTenantsFootprint()
    {
        await using var bobHome = await Recipient.StartAsync();
        await using var host = await TestHost.StartAsync(bobEvents: bobHome.Url);
        var alices = await PublishAsync(host, "urn:p:secret", "alice");
        string bob = await host.TokenAsync("bob");

        using var list = await host.GetAsync("/3/footprints?productId=urn:p:secret", bob);
        using var list2 = await host.GetAsync("/2/footprints", bob);
        using var get = await host.GetAsync($"/3/footprints/{alices.Id}", bob);
        using var request = await host.PostEventAsync(RequestCreated("r-leak", bobHome.Url, "urn:p:secret"), bob);

        Assert.Equal("""{"data":[]}""", await list.Content.ReadAsStringAsync());
        Assert.Equal("""{"data":[]}""", await list2.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);
        Assert.Equal(HttpStatusCode.OK, request.StatusCode);
        var answer = await bobHome.NextAsync();
        Assert.Contains(PactEvent.TypeName(PactEventType.RequestRejected), answer.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("urn:p:secret\",", answer.Body.Replace("\"productId\"", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain(alices.Id.ToString(), answer.Body, StringComparison.Ordinal);
    }

    private static string RequestCreated(string id, Uri source, string product) => $$"""
        { "specversion": "1.0", "id": "{{id}}", "source": "{{source.AbsoluteUri.TrimEnd('/')}}", "time": "2026-01-01T00:00:00Z",
          "type": "org.wbcsd.pact.ProductFootprint.RequestCreatedEvent.3", "data": { "productId": ["{{product}}"], "comment": "please" } }
        """;

    [Fact]
    public async Task Events_Invalid_Is400_Valid_Is200WithAnEmptyBody()
    {
        await using var host = await TestHost.StartAsync();
        string token = await host.TokenAsync();

        using var malformed = await host.PostEventAsync("""{ "type": "org.wbcsd.pact.ProductFootprint.PublishedEvent.3", "specversion": "1.0", "id": "1", "source": "//x", "time": "2026-01-01T00:00:00Z", "data": { "pfIds": ["urn:gtin:4712345060507"] } }""", token);
        using var notJson = await host.PostEventAsync("{", token);
        using var published = await host.PostEventAsync("""{ "type": "org.wbcsd.pact.ProductFootprint.PublishedEvent.3", "specversion": "1.0", "id": "2", "source": "//x", "time": "2026-01-01T00:00:00Z", "data": { "pfIds": ["3a6c14a7-4deb-498a-b5ea-16ce2535b576"] } }""", token);

        await AssertErrorAsync(malformed, HttpStatusCode.BadRequest, PactErrorCodes.BadRequest);
        await AssertErrorAsync(notJson, HttpStatusCode.BadRequest, PactErrorCodes.BadRequest);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.Equal(string.Empty, await published.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Request_IsAnsweredOnceAuthenticated_AfterRetries()
    {
        await using var home = await Recipient.StartAsync(failFirst: 2);
        await using var host = await TestHost.StartAsync(aliceEvents: home.Url);
        var fp = await PublishAsync(host, "urn:p:wanted"); // shared afterwards, so no published event goes out first
        await host.Store.ShareAsync(fp.Id, "alice");
        string token = await host.TokenAsync();

        using var accepted = await host.PostEventAsync(RequestCreated("req-1", home.Url, "URN:P:WANTED"), token);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);

        var (authorization, body) = await home.NextAsync();
        Assert.Equal("Bearer recipient-token", authorization);
        var e = PactEventJson.Read(System.Text.Encoding.UTF8.GetBytes(body));
        Assert.True(e.IsValid, string.Join("; ", e.Problems));
        Assert.Equal((PactEventType.RequestFulfilled, "req-1"), (e.Value.Type, e.Value.RequestEventId));
        Assert.Equal([fp.Id], e.Value.Footprints.Select(f => f.V3!.Id).ToArray());
        Assert.Equal(host.Https.AbsoluteUri.TrimEnd('/'), e.Value.Source);
        Assert.Equal(3, home.Attempts); // two 503s, then accepted
        await Task.Delay(300);
        Assert.True(home.Received.IsEmpty); // one answer per request
        Assert.Equal(OutgoingEventState.Delivered, Assert.Single(await host.Store.OutgoingEventsAsync()).State);
    }

    [Fact]
    public async Task Request_FromAnUnregisteredSource_IsRefused()
    {
        await using var home = await Recipient.StartAsync();
        await using var host = await TestHost.StartAsync(aliceEvents: home.Url);
        string token = await host.TokenAsync();

        using var response = await host.PostEventAsync(RequestCreated("r", new Uri("https://elsewhere.example"), "urn:p:x"), token);

        await AssertErrorAsync(response, HttpStatusCode.Forbidden, PactErrorCodes.AccessDenied);
        Assert.Empty(await host.Store.OutgoingEventsAsync());
    }

    [Fact]
    public async Task Publishing_ANewVersion_SendsAPublishedEvent()
    {
        await using var home = await Recipient.StartAsync();
        await using var host = await TestHost.StartAsync(aliceEvents: home.Url);
        var first = await PublishAsync(host, "urn:p:x", "alice");
        var created = await home.NextAsync();

        var second = await host.Store.PublishAsync(new FootprintPublication { Footprint = Footprints.Make(product: "urn:p:x", fossil: 1.1m) });

        var updated = PactEventJson.Read(System.Text.Encoding.UTF8.GetBytes((await home.NextAsync()).Body)).ThrowIfInvalid();
        Assert.Equal(PactEventType.Published, updated.Type);
        Assert.Equal([second.Id], updated.PublishedIds.ToArray());
        Assert.Contains(first.Id.ToString(), created.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Version23_ServesConversionsOfTheSameStore()
    {
        await using var host = await TestHost.StartAsync();
        var fp = await PublishAsync(host, "urn:p:x", "alice");
        string token = await host.TokenAsync();

        using var list = await host.GetAsync("/2/footprints", token);
        using var get = await host.GetAsync($"/2/footprints/{fp.Id}", token);

        var read = PactJson.Read(await list.Content.ReadAsByteArrayAsync());
        Assert.True(read.IsValid, string.Join("; ", read.Problems));
        Assert.Equal(PactSpecVersion.Version23, Assert.Single(read.Value.Footprints).SpecVersion);
        Assert.Equal(fp.Id, PactJson.ReadV2(await get.Content.ReadAsByteArrayAsync()).ThrowIfInvalid().Id);
        using var missing = await host.GetAsync("/2/footprints/00000000-0000-0000-0000-000000000000", token);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("NoSuchFootprint", (await JsonAsync(missing)).GetProperty("code").GetString()); // the 2.x name of NotFound
    }

    [Fact]
    public async Task DisabledClient_GetsNoToken()
    {
        await using var host = await TestHost.StartAsync();
        var bob = (await host.Store.FindClientAsync("bob"))!;
        await host.Store.SaveClientAsync(bob with { Disabled = true });

        using var response = await host.TokenResponseAsync("bob", TestHost.BobSecret);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
