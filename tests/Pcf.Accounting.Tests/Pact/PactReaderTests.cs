using System.Text;
using System.Text.Json.Nodes;
using Pcf.Accounting.Json;
using Pcf.Accounting.Pact;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Tests.Pact;

/// <summary>PACT documents are read with the walker of every format: its limits, its messages, one report per fault.</summary>
public sealed class PactReaderTests
{
    private static JsonObject Own(string file = "pf-3.0-steel-sheet-kilogram.json") => JsonNode.Parse(PactTestData.OwnBytes(file))!.AsObject();

    private static byte[] Bytes(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString());

    [Fact]
    public void Options_AreTheCoreLimitsWithPactDefaultsAndSwitches()
    {
        JsonReadOptions options = PactReadOptions.Default;

        // 64 MiB = 64 × 1024 × 1024 = 67,108,864 bytes; nesting up to 64 (an extension's data is its own); the core's array limit.
        Assert.Equal((67_108_864L, 64, JsonReadOptions.Default.MaxArrayLength), (options.MaxDocumentBytes, options.MaxDepth, options.MaxArrayLength));
        Assert.Equal(new PactReadOptions { Strict = true }, PactReadOptions.Default with { Strict = true });
    }

    [Fact]
    public void Read_Comment_IsNotJson()
    {
        // PACT documents travel between systems as RFC 8259 JSON, which has no comments (the project's own formats allow them).
        byte[] bytes = [.. "// a comment\n"u8, .. PactTestData.OwnBytes("pf-3.0-steel-sheet-kilogram.json")];

        var problem = Assert.Single(PactJson.Read(bytes).Problems);

        Assert.Equal(("$", ProblemCodes.MalformedJson), (problem.Path, problem.Code));
        Assert.StartsWith("The document is not valid JSON: line 1, byte 1: ", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ListLongerThanTheArrayLimit_IsTooMany()
    {
        var read = PactJson.Read(PactTestData.OwnBytes("list-footprints-response-3.0.json"), new PactReadOptions { MaxArrayLength = 1 });

        var problem = Assert.Single(read.Problems);
        Assert.Equal(("$.data", ProblemCodes.TooMany, "'data' has 2 items; the limit is 1."), (problem.Path, problem.Code, problem.Message));
    }

    [Fact]
    public void Read_FulfilledEventWithMoreFootprintsThanTheLimit_IsTooMany()
    {
        var e = JsonNode.Parse(PactTestData.OwnBytes("request-fulfilled-event-3.0.json"))!;
        e["data"]!["pfs"]!.AsArray().Add(e["data"]!["pfs"]![0]!.DeepClone());

        var problem = Assert.Single(Pcf.Accounting.Pact.Events.PactEventJson.Read(Bytes(e), new PactReadOptions { MaxArrayLength = 1 }).Problems);

        Assert.Equal(("$.data.pfs", ProblemCodes.TooMany), (problem.Path, problem.Code));
    }

    [Theory]
    [InlineData("dqi")]
    [InlineData("verification")]
    public void Read_NullObject_IsUndefined(string member)
    {
        // The specification reads null as undefined: an optional object that is null is absent, not an object of the wrong type.
        var footprint = Own();
        footprint["pcf"]![member] = null;

        var read = PactJson.ReadV3(Bytes(footprint));

        Assert.True(read.IsValid, string.Join("; ", read.Problems));
    }

    [Fact]
    public void Read_NullAssurance23_IsUndefined()
    {
        var response = Own("get-footprint-response-2.3.json");
        response["data"]!["pcf"]!["assurance"] = null;

        Assert.True(PactJson.ReadV2(Bytes(response)).IsValid);
    }

    [Theory]
    [InlineData("extensions")]
    [InlineData("pcf.productOrSectorSpecificRules")]
    [InlineData("pcf.secondaryEmissionFactorSources")]
    public void Validate_ItemThatIsNoObject_IsReportedOnce(string array)
    {
        // Before, the array's check and the object's check both reported it.
        var footprint = Own();
        JsonNode parent = array.StartsWith("pcf.", StringComparison.Ordinal) ? footprint["pcf"]! : footprint;
        string name = array.Split('.')[^1];
        parent[name] = new JsonArray(42);

        var report = PactJson.Validate(Bytes(footprint));

        var error = Assert.Single(report.Errors);
        Assert.Equal(($"$.{array}[0]", ProblemCodes.WrongType, "Expected an object, found the number 42."), (error.Path, error.Code, error.Message));
    }

    [Fact]
    public void Validate_UnknownMember_WarnsWithTheNearestNameAndIsIgnored()
    {
        var footprint = Own();
        footprint["pcf"]!["fosilGhgEmissions"] = "1";

        var read = PactJson.Read(Bytes(footprint));

        Assert.True(read.IsValid, string.Join("; ", read.Problems));
        var warning = Assert.Single(read.Value.Warnings);
        Assert.Equal(("$.pcf.fosilGhgEmissions", ProblemCodes.UnknownMember), (warning.Path, warning.Code));
        Assert.StartsWith("'fosilGhgEmissions' is not a member here; did you mean 'fossilGhgEmissions'? Allowed: declaredUnitOfMeasurement, ", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnknownMemberWithNoNearName_ListsTheAllowedOnes()
    {
        var footprint = Own();
        footprint["pcf"]!["dqi"] = JsonNode.Parse("""{ "technologicalDQR": "1", "geographicalDQR": "1", "temporalDQR": "1", "colour": "red" }""");

        var warning = Assert.Single(PactJson.Validate(Bytes(footprint)).Warnings);

        Assert.Equal(("$.pcf.dqi.colour", ProblemCodes.UnknownMember, "'colour' is not a member here. Allowed: technologicalDQR, geographicalDQR, temporalDQR."),
            (warning.Path, warning.Code, warning.Message));
    }

    [Fact]
    public void Validate_RequestCriterionUnknown_WarnsWithTheNearestName()
    {
        var read = PactJson.Validate("""
            { "type": "org.wbcsd.pact.ProductFootprint.RequestCreatedEvent.3", "specversion": "1.0", "id": "r-1",
              "source": "//api.example.com/3/events", "time": "2025-03-05T17:31:00Z", "data": { "productIds": ["urn:x"] } }
            """u8);

        Assert.True(read.IsValid, string.Join("; ", read.Errors));
        var warning = Assert.Single(read.Warnings);
        Assert.Equal(("$.data.productIds", ProblemCodes.UnknownMember), (warning.Path, warning.Code));
        Assert.StartsWith("'productIds' is not a member here; did you mean 'productId'? Allowed: productId, companyId, ", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_RequestCriteriaItemOfTheWrongType_IsReportedAtTheItem()
    {
        var read = Pcf.Accounting.Pact.Events.PactEventJson.Read("""
            { "type": "org.wbcsd.pact.ProductFootprint.RequestCreatedEvent.3", "specversion": "1.0", "id": "r-1",
              "source": "//api.example.com/3/events", "time": "2025-03-05T17:31:00Z", "data": { "productId": ["urn:x", 5] } }
            """u8);

        var problem = Assert.Single(read.Problems);
        Assert.Equal(("$.data.productId[1]", ProblemCodes.WrongType, "Each item of 'productId' must be a string, found the number 5."), (problem.Path, problem.Code, problem.Message));
    }
}
