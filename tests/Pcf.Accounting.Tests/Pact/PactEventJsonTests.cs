using System.Text;
using System.Text.Json.Nodes;
using Pcf.Accounting.Pact;
using Pcf.Accounting.Pact.Events;
using Pcf.Accounting.Tests.TestSupport;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Tests.Pact;

public sealed class PactEventJsonTests
{
    private static JsonObject FulfilledExample() => JsonNode.Parse(PactTestData.Bytes("example-3.0-request-fulfilled-event.json"))!.AsObject();

    private static byte[] Bytes(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString());

    [ReferenceFact("pact")]
    public void Read_ReferenceFulfilledEvent_ReadsEnvelopeAndFootprints()
    {
        var read = PactEventJson.Read(PactTestData.Bytes("example-3.0-request-fulfilled-event.json"));

        Assert.True(read.IsValid, string.Join("; ", read.Problems));
        Assert.Equal(PactEventType.RequestFulfilled, read.Value.Type);
        Assert.Equal(PactSpecVersion.Version30, read.Value.SpecVersion);
        Assert.Equal("5afe8fbf-0ea9-477c-a1df-2d3c95f7eec0", read.Value.Id);
        Assert.NotEmpty(read.Value.Footprints);
        Assert.NotNull(read.Value.RequestEventId);
    }

    [ReferenceFact("pact")]
    public void Read_Reference23FulfilledEvent_Is23()
    {
        var read = PactEventJson.Read(PactTestData.Bytes("example-2.3-request-fulfilled-event.json"));

        Assert.True(read.IsValid, string.Join("; ", read.Problems));
        Assert.Equal(PactSpecVersion.Version23, read.Value.SpecVersion);
        Assert.All(read.Value.Footprints, f => Assert.NotNull(f.V2));
    }

    [ReferenceFact("pact")]
    public void Read_BrokenEnvelope_ReportsEveryProblem()
    {
        var e = FulfilledExample();
        e["specversion"] = "0.3";
        e["id"] = "";
        e["time"] = "yesterday";
        e["type"] = "org.example.Other";

        var read = PactEventJson.Read(Bytes(e));

        Assert.Equal(
            new[] { ("$.id", PactProblemCodes.InvalidEvent), ("$.specversion", PactProblemCodes.InvalidEvent), ("$.time", PactProblemCodes.InvalidFormat), ("$.type", PactProblemCodes.NotAllowedValue) },
            read.Problems.Select(p => (p.Path, p.Code)).OrderBy(p => p.Path));
    }

    [ReferenceFact("pact")]
    public void PactJsonRead_OfAnEvent_ChecksTheEnvelopeToo()
    {
        var e = FulfilledExample();
        e.Remove("time");

        var read = PactJson.Read(Bytes(e));

        Assert.Equal(("$.time", ProblemCodes.Required), (Assert.Single(read.Problems).Path, read.Problems[0].Code));
    }

    [ReferenceFact("pact")]
    public void Read_FulfilledWithoutFootprints_IsAnError()
    {
        var e = FulfilledExample();
        e["data"]!["pfs"] = new JsonArray();

        Assert.Equal(("$.data.pfs", PactProblemCodes.EmptyArray), (Assert.Single(PactEventJson.Read(Bytes(e)).Problems).Path, PactEventJson.Read(Bytes(e)).Problems[0].Code));
    }

    [Fact]
    public void Read_RequestCreated_ReadsTheCriteria()
    {
        var read = PactEventJson.Read("""
            { "type": "org.wbcsd.pact.ProductFootprint.RequestCreatedEvent.3", "specversion": "1.0", "id": "r-1",
              "source": "//api.example.com/3/events", "time": "2025-03-05T17:31:00Z",
              "data": { "productId": ["urn:pact:x:1", "urn:pact:x:2"], "geography": ["DE"], "validAfter": "2025-01-01T00:00:00Z", "status": "active", "comment": "c" } }
            """u8);

        Assert.True(read.IsValid, string.Join("; ", read.Problems));
        var c = read.Value.Criteria!;
        Assert.Equal(new[] { "urn:pact:x:1", "urn:pact:x:2" }, c.ProductIds.ToArray());
        Assert.Equal(new[] { "DE" }, c.Geographies.ToArray());
        Assert.Equal(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), c.ValidAfter);
        Assert.Equal("active", c.Status);
    }

    [Theory]
    [InlineData("""{ "pfIds": ["urn:gtin:4712345060507"] }""", "$.data.pfIds[0]", PactProblemCodes.InvalidFormat)]
    [InlineData("""{ "pfIds": [] }""", "$.data.pfIds", PactProblemCodes.EmptyArray)]
    [InlineData("""{ }""", "$.data.pfIds", ProblemCodes.Required)]
    public void Read_PublishedWithBadIds_IsAnError(string data, string path, string code)
    {
        string json = """{ "type": "org.wbcsd.pact.ProductFootprint.PublishedEvent.3", "specversion": "1.0", "id": "p", "source": "//h", "time": "2025-03-05T17:31:00Z", "data": DATA }""".Replace("DATA", data, StringComparison.Ordinal);

        var read = PactEventJson.Read(Encoding.UTF8.GetBytes(json));

        Assert.Equal((path, code), (Assert.Single(read.Problems).Path, read.Problems[0].Code));
    }

    [Fact]
    public void Read_RejectedWithUnknownCode_IsAnError()
    {
        var read = PactEventJson.Read("""
            { "type": "org.wbcsd.pact.ProductFootprint.RequestRejectedEvent.3", "specversion": "1.0", "id": "x", "source": "//h",
              "time": "2025-03-05T17:31:00Z", "data": { "requestEventId": "r-1", "error": { "code": "Nope", "message": "m" } } }
            """u8);

        Assert.Equal(("$.data.error.code", PactProblemCodes.NotAllowedValue), (Assert.Single(read.Problems).Path, read.Problems[0].Code));
    }

    [ReferenceFact("pact")]
    public void WriteThenRead_EveryType_RoundTrips()
    {
        var footprint = PactJson.ReadV3(PactTestData.Bytes("example-3.0-productfootprint-4.json")).ThrowIfInvalid();
        var time = new DateTimeOffset(2025, 3, 5, 17, 31, 0, TimeSpan.Zero);
        PactEvent[] events =
        [
            new() { Type = PactEventType.RequestCreated, SpecVersion = PactSpecVersion.Version30, Id = "1", Source = "https://a.example/3/events", Time = time, Criteria = new PactRequestCriteria { ProductIds = ["urn:x"], ValidOn = time } },
            new() { Type = PactEventType.RequestFulfilled, SpecVersion = PactSpecVersion.Version30, Id = "2", Source = "https://b.example", Time = time, RequestEventId = "1", Footprints = PactJson.Read(PactJson.Write(footprint)).Value.Footprints },
            new() { Type = PactEventType.RequestRejected, SpecVersion = PactSpecVersion.Version30, Id = "3", Source = "https://b.example", Time = time, RequestEventId = "1", Error = new PactError(PactErrorCodes.NotFound, "none") },
            new() { Type = PactEventType.Published, SpecVersion = PactSpecVersion.Version30, Id = "4", Source = "https://b.example", Time = time, PublishedIds = [footprint.Id] },
        ];

        foreach (var e in events)
        {
            var read = PactEventJson.Read(PactEventJson.Write(e));
            Assert.True(read.IsValid, e.Type + ": " + string.Join("; ", read.Problems));
            Assert.Equal((e.Type, e.Id, e.Source, e.Time, e.RequestEventId, e.Error), (read.Value.Type, read.Value.Id, read.Value.Source, read.Value.Time, read.Value.RequestEventId, read.Value.Error));
            Assert.Equal(e.PublishedIds.ToArray(), read.Value.PublishedIds.ToArray());
            Assert.Equal(e.Footprints.Select(f => f.V3!.Id), read.Value.Footprints.Select(f => f.V3!.Id));
            Assert.Equal((e.Criteria?.ProductIds ?? []).ToArray(), (read.Value.Criteria?.ProductIds ?? []).ToArray());
        }
    }

    [ReferenceFact("pact")]
    public void Criteria_ValidityFallsBackToReferencePeriodEndPlusThreeYears()
    {
        var footprint = PactJson.ReadV3(PactTestData.Bytes("example-3.0-productfootprint-4.json")).ThrowIfInvalid() with { ValidityPeriodStart = null, ValidityPeriodEnd = null };
        var end = footprint.Pcf.ReferencePeriodEnd;

        Assert.True(new PactRequestCriteria { ValidOn = end.AddYears(3) }.Matches(footprint));
        Assert.False(new PactRequestCriteria { ValidOn = end.AddYears(3).AddSeconds(1) }.Matches(footprint));
        Assert.False(new PactRequestCriteria { ValidOn = end.AddSeconds(-1) }.Matches(footprint));
        Assert.True(new PactRequestCriteria { ValidAfter = end.AddSeconds(-1) }.Matches(footprint));
        Assert.False(new PactRequestCriteria { ValidAfter = end }.Matches(footprint));
        Assert.True(new PactRequestCriteria { ValidBefore = end.AddYears(3).AddSeconds(1) }.Matches(footprint));
        Assert.False(new PactRequestCriteria { ValidBefore = end.AddYears(3) }.Matches(footprint));
    }

    [ReferenceFact("pact")]
    public void Criteria_OrWithinAndAcross_CaseInsensitive()
    {
        var footprint = PactJson.ReadV3(PactTestData.Bytes("example-3.0-productfootprint-4.json")).ThrowIfInvalid();
        string product = footprint.ProductIds[0].ToUpperInvariant();

        Assert.True(new PactRequestCriteria { ProductIds = ["urn:other", product] }.Matches(footprint));
        Assert.False(new PactRequestCriteria { ProductIds = [product], CompanyIds = ["urn:other"] }.Matches(footprint));
        Assert.True(new PactRequestCriteria { ProductIds = [product], Status = "ACTIVE" }.Matches(footprint));
    }
}
