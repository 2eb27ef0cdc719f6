using System.Text;
using System.Text.Json.Nodes;
using Pcf.Accounting.Pact;
using Pcf.Accounting.Units;
using Pcf.Accounting.Tests.TestSupport;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Tests.Pact;

/// <summary>Reading rules found with the official material: what is a document, which version, how exact, how strict.</summary>
public sealed class PactReadingRulesTests
{
    private static JsonObject Example(int n = 4) => JsonNode.Parse(PactTestData.Bytes($"example-3.0-productfootprint-{n}.json"))!.AsObject();

    private static byte[] Bytes(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString());

    [ReferenceFact("pact")]
    public void Read_BareFootprintWithoutPcf_ReportsPcfRequired()
    {
        var footprint = Example();
        footprint.Remove("pcf");

        var read = PactJson.Read(Bytes(footprint));

        var problem = Assert.Single(read.Problems);
        Assert.Equal(("$.pcf", ProblemCodes.Required), (problem.Path, problem.Code));
    }

    [Fact]
    public void Read_ErrorResponse_StillHoldsNoFootprint()
    {
        var read = PactJson.Read("""{ "code": "AccessDenied", "message": "no" }"""u8);

        Assert.Equal(PactProblemCodes.NoFootprint, Assert.Single(read.Problems).Code);
    }

    [ReferenceTheory("pact")]
    [InlineData("2024-01-01t00:00:00z")]
    [InlineData("2024-01-01T00:00:00z")]
    [InlineData("2024-01-01t00:00:00.5+01:00")]
    public void Read_LowerCaseTAndZ_ValidatesAndReadsAlike(string time)
    {
        // RFC 3339 section 5.6 allows lower-case "t" and "z"; the validator accepted them and the reader failed.
        var footprint = Example();
        footprint["created"] = time;

        var report = PactJson.Validate(Bytes(footprint));
        var read = PactJson.ReadV3(Bytes(footprint));

        Assert.True(report.IsValid, string.Join("; ", report.Errors));
        Assert.True(read.IsValid, string.Join("; ", read.Problems));
        Assert.Equal(DateTimeOffset.Parse(time.ToUpperInvariant(), System.Globalization.CultureInfo.InvariantCulture), read.Value.Created);
    }

    [ReferenceTheory("pact")]
    [InlineData("0.00000000000000000000000000001", "29 decimal places")] // 1e-29: decimal.Parse gives 0
    [InlineData("1.2345678901234567890123456789", "29 significant digits")]
    public void Read_DecimalBeyond28Digits_IsAnErrorNotRoundedAway(string value, string said)
    {
        var footprint = Example();
        footprint["pcf"]!["landCarbonLeakage"] = value;

        var read = PactJson.Read(Bytes(footprint));

        var problem = Assert.Single(read.Problems);
        Assert.Equal(("$.pcf.landCarbonLeakage", PactProblemCodes.InexactDecimal), (problem.Path, problem.Code));
        Assert.Contains(said.Split(' ')[0], problem.Message, StringComparison.Ordinal);
        Assert.Contains("28", problem.Message, StringComparison.Ordinal);
    }

    [ReferenceFact("pact")]
    public void Read_DecimalAboveDecimalRange_SaysSo()
    {
        var footprint = Example();
        footprint["pcf"]!["landCarbonLeakage"] = "100000000000000000000000000000"; // 1e29 > 79,228,162,514,264,337,593,543,950,335

        var problem = Assert.Single(PactJson.Read(Bytes(footprint)).Problems);

        Assert.Equal(PactProblemCodes.InexactDecimal, problem.Code);
        Assert.Contains("beyond the range", problem.Message, StringComparison.Ordinal);
        Assert.Contains("79228162514264337593543950335", problem.Message, StringComparison.Ordinal);
    }

    [ReferenceFact("pact")]
    public void Read_28SignificantDigits_IsExact()
    {
        var footprint = Example();
        footprint["pcf"]!["landCarbonLeakage"] = "1.234567890123456789012345678000"; // trailing zeros are not significant

        var read = PactJson.ReadV3(Bytes(footprint));

        Assert.True(read.IsValid, string.Join("; ", read.Problems));
        Assert.Equal(1.234567890123456789012345678m, read.Value.Pcf.LandCarbonLeakage);
    }

    [ReferenceFact("pact")]
    public void Read_SpecVersion4_IsUnsupportedNotCheckedAs23()
    {
        var footprint = Example();
        footprint["specVersion"] = "4.0.0";

        var read = PactJson.Read(Bytes(footprint));

        var problem = Assert.Single(read.Problems);
        Assert.Equal(("$.specVersion", PactProblemCodes.UnsupportedSpecVersion), (problem.Path, problem.Code));
        Assert.Contains("4.0.0", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_EmptyListResponse_IsValidWithNoFootprint()
    {
        var read = PactJson.Read("""{ "data": [] }"""u8);

        Assert.True(read.IsValid, string.Join("; ", read.Problems));
        Assert.Empty(read.Value.Footprints);
    }

    [Fact]
    public void Read_NullData_IsUndefinedSoRequired()
    {
        // The specification reads null as undefined ("null = undefined"), and a list MUST NOT be null.
        var read = PactJson.Read("""{ "data": null }"""u8);

        var problem = Assert.Single(read.Problems);
        Assert.Equal(("$.data", ProblemCodes.Required), (problem.Path, problem.Code));
    }

    [ReferenceFact("pact")]
    public void Read_NullOptionalProperty_IsUndefined()
    {
        var footprint = Example();
        footprint["comment"] = null;
        footprint["pcf"]!["landCarbonLeakage"] = null;

        var read = PactJson.ReadV3(Bytes(footprint));

        Assert.True(read.IsValid, string.Join("; ", read.Problems));
        Assert.Null(read.Value.Comment);
        Assert.Null(read.Value.Pcf.LandCarbonLeakage);
    }

    [ReferenceFact("pact")]
    public void Validate_BeyondTheText_WarnsAndStrictMakesErrors()
    {
        var footprint = Example();
        var pcf = footprint["pcf"]!.AsObject();
        footprint["updated"] = "2025-1-08T14:47:32Z"; // a removed property, malformed
        pcf["packagingEmissionsIncluded"] = false;
        pcf["packagingGhgEmissions"] = "0.1";
        pcf["ccsTechnologicalCO2CaptureIncluded"] = false;
        pcf["technologicalCO2Removals"] = "0";
        pcf["primaryDataShare"] = "120";
        pcf["referencePeriodEnd"] = "2021-01-01T00:00:00Z"; // before referencePeriodStart

        var lenient = PactJson.Validate(Bytes(footprint));
        var strict = PactJson.Validate(Bytes(footprint), new PactReadOptions { Strict = true });

        (string, string)[] beyond =
        [
            ("$.updated", PactProblemCodes.InvalidFormat),
            ("$.pcf.packagingGhgEmissions", PactProblemCodes.ConditionalRule),
            ("$.pcf.technologicalCO2Removals", PactProblemCodes.ConditionalRule),
            ("$.pcf.primaryDataShare", ProblemCodes.NumberOutOfRange),
            ("$.pcf.referencePeriodEnd", PactProblemCodes.ConditionalRule),
        ];
        Assert.True(lenient.IsValid, string.Join("; ", lenient.Errors));
        Assert.All(beyond, b => Assert.Contains(b, lenient.Warnings.Select(w => (w.Path, w.Code))));
        Assert.All(beyond, b => Assert.Contains(b, strict.Errors.Select(e => (e.Path, e.Code))));
    }

    [ReferenceTheory("pact")]
    [InlineData("geographyCountry", "XX")]
    [InlineData("geographyCountry", "UK")] // reserved, not assigned: the United Kingdom is GB
    [InlineData("geographyCountrySubdivision", "QQ-01")]
    public void Validate_UnassignedIso3166Code_IsAnError(string field, string code)
    {
        var footprint = Example();
        var pcf = footprint["pcf"]!.AsObject();
        pcf.Remove("geographyCountry");
        pcf.Remove("geographyRegionOrSubregion");
        pcf.Remove("geographyCountrySubdivision");
        pcf[field] = code;

        var report = PactJson.Validate(Bytes(footprint));

        var error = Assert.Single(report.Errors);
        Assert.Equal(($"$.pcf.{field}", PactProblemCodes.NotAllowedValue), (error.Path, error.Code));
    }

    [Fact]
    public void Iso3166_Has249AssignedCodes()
    {
        // ISO 3166-1:2020 officially assigned alpha-2 elements: 249.
        Assert.Equal(249, Pcf.Accounting.Pact.Json.Iso3166.Count);
        Assert.True(Pcf.Accounting.Pact.Json.Iso3166.IsCountry("CN"));
        Assert.False(Pcf.Accounting.Pact.Json.Iso3166.IsCountry("XK"));
    }

    [ReferenceFact("pact")]
    public void Validate_ValidityPeriodOutsideTheWindow_Warns()
    {
        // 3.0 "Validity Period": start MUST be >= referencePeriodEnd, end MUST be <= referencePeriodEnd + 3 years.
        var footprint = Example();
        footprint["pcf"]!["referencePeriodEnd"] = "2024-01-01T00:00:00Z";
        footprint["pcf"]!["referencePeriodStart"] = "2023-01-01T00:00:00Z";
        footprint["validityPeriodStart"] = "2023-12-31T00:00:00Z"; // a day early
        footprint["validityPeriodEnd"] = "2027-01-02T00:00:00Z"; // a day late (2024 + 3 = 2027-01-01)

        var report = PactJson.Validate(Bytes(footprint));

        Assert.True(report.IsValid, string.Join("; ", report.Errors));
        Assert.Contains(report.Warnings, w => w.Path == "$.validityPeriodStart" && w.Code == PactProblemCodes.ConditionalRule);
        Assert.Contains(report.Warnings, w => w.Path == "$.validityPeriodEnd" && w.Code == PactProblemCodes.ConditionalRule);
        Assert.Equal(2, PactJson.Validate(Bytes(footprint), new PactReadOptions { Strict = true }).Errors.Count(e => e.Path.StartsWith("$.validityPeriod", StringComparison.Ordinal)));
    }

    [Fact]
    public void Export_SystemExpansionCredits_AreDisclosedWithGrossAndCredit()
    {
        // Fossil 1.0 kg CO2e net of a -0.2 kg CO2e credit (a co-product displacing another supply): gross 1.0 - (-0.2) = 1.2.
        var reported = PactTestData.Reported(fossil: 1.0) with { SystemExpansionCredits = Quantity.Of(-0.2, Unit.Kilogram) };

        var export = PactExporter.Export(PactTestData.Figures(reported), PactTestData.Metadata, PactExportOptions.Default).ThrowIfInvalid();

        Assert.Equal(1.0m, export.Value.Pcf.PcfExcludingBiogenicUptake);
        var loss = Assert.Single(export.Losses, l => l.Kind == PactLossKind.Netted);
        Assert.Equal("$.pcf.pcfExcludingBiogenicUptake", loss.Path);
        Assert.Contains("-0.2", loss.Reason, StringComparison.Ordinal);
        Assert.Contains("1.2", loss.Reason, StringComparison.Ordinal);
        Assert.Contains("1.2", export.Value.Comment, StringComparison.Ordinal); // the recipient sees it too

        var refused = PactExporter.Export(PactTestData.Figures(reported), PactTestData.Metadata, new PactExportOptions { SystemExpansionCredits = PactSystemExpansionHandling.Refuse });
        Assert.Equal(("result.reported.systemExpansionCredits", PactProblemCodes.UnrepresentableValue), (Assert.Single(refused.Problems).Path, refused.Problems[0].Code));
    }

    [Fact]
    public void Export_NoCredits_AddsNoDisclosure()
    {
        var export = PactExporter.Export(PactTestData.Figures(PactTestData.Reported(fossil: 1.0)), PactTestData.Metadata, PactExportOptions.Default).ThrowIfInvalid();

        Assert.DoesNotContain(export.Losses, l => l.Kind == PactLossKind.Netted);
        Assert.Null(export.Value.Comment);
    }

    [ReferenceFact("pact")]
    public void SupplierFactor_From23Footprint_KeepsItsOwnSpecVersion()
    {
        var footprint = PactJson.ReadV2(PactTestData.Bytes("example-2.3-get-footprint-response.json")).ThrowIfInvalid();

        var factor = PactSupplierFactors.ToEmissionFactor(footprint, "k", allowDeprecated: true).ThrowIfInvalid();

        Assert.Equal("2.0.0", factor.Provenance.DatasetVersion);
        Assert.Contains("specVersion 2.0.0", factor.Provenance.Document, StringComparison.Ordinal);
    }
}
