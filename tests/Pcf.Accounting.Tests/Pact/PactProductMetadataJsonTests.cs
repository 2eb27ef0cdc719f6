using System.Text;
using Pcf.Accounting.Factors;
using Pcf.Accounting.Json;
using Pcf.Accounting.Model;
using Pcf.Accounting.Pact;
using Pcf.Accounting.Units;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Tests.Pact;

/// <summary>The product metadata file of <c>pcf export --product</c>, read by the library as the CLI reads it.</summary>
public sealed class PactProductMetadataJsonTests
{
    // Every member the file has, with invented values.
    private const string Full = """
        // The metadata of the sample bracket (comments are allowed, as in pcf-system/1).
        { "companyName": "Example Steel", "companyIds": ["urn:pact:company:example"], "productIds": ["urn:pact:product:bracket-400", "urn:gtin:4712345060507"],
          "productNameCompany": "Bracket 400", "productDescription": "Steel bracket, 0.4 kg", "productCategoryCpc": "42999",
          "id": "3fa85f64-5717-4562-b3fc-2c963f66afa6", "created": "2025-01-01T00:00:00Z",
          "productClassifications": ["urn:pact:productclassification:un-cpc:42999"], "comment": "Invented.",
          "precedingPfIds": ["3fa85f64-5717-4562-b3fc-2c963f66afa7"],
          "validityPeriodStart": "2025-01-01T00:00:00Z", "validityPeriodEnd": "2026-01-01T00:00:00+08:00",
          "referencePeriodStart": "2024-01-01t00:00:00z", "referencePeriodEnd": "2025-01-01T00:00:00Z",
          "geographyCountrySubdivision": "CN-JS", "productMassPerDeclaredUnit": { "amount": 400, "unit": "g" },
          "carbonContent": { "fossil": { "amount": 0.0008, "unit": "kg" }, "biogenic": { "amount": 0, "unit": "kg" },
                             "recycled": { "amount": 0.1, "unit": "g" }, "packagingBiogenic": { "amount": 0.002, "unit": "kg" } },
          "crossSectoralStandards": ["ISO14067", "PACT-3.0"], "boundaryProcessesDescription": "Cradle to gate.",
          "allocationRulesDescription": "Mass.", "exemptedEmissionsDescription": "None.",
          "secondaryEmissionFactorSources": [{ "name": "ecoinvent", "version": "3.10" }],
          "packagingEmissionsIncluded": true, "packagingGhgEmissions": 0.01, "outboundLogisticsGhgEmissions": 0.02,
          "dataQuality": { "technological": 2, "geographical": 1.5, "temporal": 3 } }
        """;

    private static ValidationResult<PactProductMetadata> Read(string json) => PactProductMetadataJson.Read(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void Read_EveryMember_IsRead()
    {
        var m = Read(Full).ThrowIfInvalid();

        Assert.Equal(("Example Steel", "Bracket 400", "Steel bracket, 0.4 kg", "42999"), (m.CompanyName, m.ProductNameCompany, m.ProductDescription, m.ProductCategoryCpc));
        Assert.Equal(["urn:pact:company:example"], m.CompanyIds.ToArray());
        Assert.Equal(["urn:pact:product:bracket-400", "urn:gtin:4712345060507"], m.ProductIds.ToArray());
        Assert.Equal(Guid.Parse("3fa85f64-5717-4562-b3fc-2c963f66afa6"), m.Id);
        Assert.Equal(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), m.Created);
        Assert.Equal(["urn:pact:productclassification:un-cpc:42999"], m.ProductClassifications.ToArray());
        Assert.Equal("Invented.", m.Comment);
        Assert.Equal([Guid.Parse("3fa85f64-5717-4562-b3fc-2c963f66afa7")], m.PrecedingPfIds.ToArray());
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.FromHours(8)), m.ValidityPeriodEnd);
        Assert.Equal(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), m.ReferencePeriodStart); // RFC 3339 5.6: lower-case t and z
        Assert.Equal("CN-JS", m.GeographyCountrySubdivision);
        Assert.Equal(Quantity.Of(400, Unit.Gram), m.ProductMassPerDeclaredUnit);
        Assert.Equal(new CarbonContent(Quantity.Of(0.0008, Unit.Kilogram), Quantity.Zero(Unit.Kilogram), Quantity.Of(0.1, Unit.Gram), Quantity.Of(0.002, Unit.Kilogram)), m.CarbonContent);
        Assert.Equal([CrossSectoralStandard.Iso14067, CrossSectoralStandard.Pact30], m.CrossSectoralStandards.ToArray());
        Assert.Equal(("Cradle to gate.", "Mass.", "None."), (m.BoundaryProcessesDescription, m.AllocationRulesDescription, m.ExemptedEmissionsDescription));
        Assert.Equal([new EmissionFactorSource("ecoinvent", "3.10")], m.SecondaryEmissionFactorSources.ToArray());
        Assert.True(m.PackagingEmissionsIncluded);
        Assert.Equal(Quantity.Of(0.01, Unit.Kilogram), m.PackagingGhgEmissions);
        Assert.Equal(Quantity.Of(0.02, Unit.Kilogram), m.OutboundLogisticsGhgEmissions);
        // Completeness and reliability are left out: 1, the best rating.
        Assert.Equal(new DataQuality(2, 1.5, 3, 1, 1), m.DataQuality);
    }

    [Fact]
    public void Read_RequiredOnly_LeavesTheRestForTheExporter()
    {
        var m = Read("""{ "companyName": "C", "companyIds": ["urn:c"], "productIds": ["urn:p"], "productNameCompany": "P", "productDescription": "D" }""").ThrowIfInvalid();

        Assert.Null(m.Id);
        Assert.Null(m.Created);
        Assert.Null(m.CarbonContent);
        Assert.Null(m.DataQuality);
        Assert.Empty(m.PrecedingPfIds);
        Assert.Empty(m.CrossSectoralStandards);
    }

    [Fact]
    public void Read_BadFile_ReportsEveryProblemOnceWithItsPath()
    {
        // The file of docs/cli.md's example, and more: each fault once, a member in error not reported again as missing.
        var read = Read("""
            { "companyName": 42, "companyIds": ["urn:pact:company:example", 5], "productIds": "urn:pact:product:p",
              "productNameCompanyy": "P", "productDescription": "Test product P", "created": "yesterday", "id": "42",
              "productMassPerDeclaredUnit": { "amount": "0.4", "unit": "kg" }, "dataQuality": { "technological": 7 },
              "carbonContent": { "fossil": { "amount": 1, "unit": "kWh" }, "biogenic": { "amount": -1, "unit": "kg" } },
              "secondaryEmissionFactorSources": [{ "name": "ecoinvent" }] }
            """);

        Assert.Equal(
            [
                ("$.productNameCompanyy", ProblemCodes.UnknownMember),
                ("$.companyName", ProblemCodes.WrongType),
                ("$.companyIds[1]", ProblemCodes.WrongType),
                ("$.productIds", ProblemCodes.WrongType),
                ("$.productNameCompany", ProblemCodes.Required),
                ("$.id", ProblemCodes.WrongType),
                ("$.created", ProblemCodes.WrongType),
                ("$.productMassPerDeclaredUnit.amount", ProblemCodes.WrongType),
                ("$.carbonContent.fossil.unit", ProblemCodes.WrongDimension),
                ("$.carbonContent.biogenic.amount", ProblemCodes.NumberOutOfRange),
                ("$.secondaryEmissionFactorSources[0].version", ProblemCodes.Required),
                ("$.dataQuality.technological", ProblemCodes.NumberOutOfRange),
                ("$.dataQuality.geographical", ProblemCodes.Required),
                ("$.dataQuality.temporal", ProblemCodes.Required),
            ],
            read.Problems.Select(p => (p.Path, p.Code)));
        Assert.Equal(
            [
                "'productNameCompanyy' is not a member here; did you mean 'productNameCompany'? Allowed: companyName, companyIds, productIds, productNameCompany, "
                    + "productDescription, id, created, productCategoryCpc, productClassifications, comment, precedingPfIds, validityPeriodStart, validityPeriodEnd, "
                    + "referencePeriodStart, referencePeriodEnd, geographyRegionOrSubregion, geographyCountry, geographyCountrySubdivision, productMassPerDeclaredUnit, "
                    + "carbonContent, crossSectoralStandards, boundaryProcessesDescription, allocationRulesDescription, exemptedEmissionsDescription, "
                    + "secondaryEmissionFactorSources, packagingEmissionsIncluded, packagingGhgEmissions, outboundLogisticsGhgEmissions, dataQuality.",
                "'companyName' must be a string, found the number 42.",
                "Each item of 'companyIds' must be a string, found the number 5.",
                "'productIds' must be an array, found the string \"urn:pact:product:p\".",
                "'productNameCompany' is required.",
                "'id' must be a UUID such as \"3fa85f64-5717-4562-b3fc-2c963f66afa6\", found the string \"42\".",
                "'created' must be an RFC 3339 date-time such as \"2025-01-08T14:47:32Z\", found the string \"yesterday\".",
                "'amount' must be a finite number, found the string \"0.4\".",
                "'kWh' (energy) is not a unit of mass.",
                "The mass must be zero or positive; it is -1.",
                "'version' is required.",
                "'technological' must be from 1 (best) to 5 (worst), found 7.",
                "'geographical' is required.",
                "'temporal' is required.",
            ],
            read.Problems.Select(p => p.Message));
    }

    [Fact]
    public void Read_EmptyIds_SaysWhatAnItemIs()
    {
        var read = Read("""{ "companyName": "C", "companyIds": [], "productIds": [], "productNameCompany": "P", "productDescription": "D" }""");

        Assert.Equal(
            [
                ("$.companyIds", ProblemCodes.Required, "'companyIds' must have at least one item: a company URN, such as urn:pact:company:customcode:buyer-assigned:4321."),
                ("$.productIds", ProblemCodes.Required, "'productIds' must have at least one item: a product URN, such as urn:gtin:4712345060507."),
            ],
            read.Problems.Select(p => (p.Path, p.Code, p.Message)));
    }

    [Fact]
    public void Read_InvalidUtf8_IsAProblemNotACrash()
    {
        // The CLI's own reader threw here (a JsonNode cannot make a string of 0xC3 0x28).
        byte[] bytes = [.. "{\"companyName\": \""u8, 0xC3, 0x28, .. "\"}"u8];

        var read = PactProductMetadataJson.Read(bytes);

        var problem = Assert.Single(read.Problems);
        Assert.Equal(("$", ProblemCodes.InvalidEncoding), (problem.Path, problem.Code));
    }

    [Fact]
    public void Read_NotAnObject_SaysWhatWasFound()
    {
        var problem = Assert.Single(Read("[]").Problems);

        Assert.Equal(("$", ProblemCodes.WrongType, "Expected an object, found an array."), (problem.Path, problem.Code, problem.Message));
    }

    [Fact]
    public void Read_Limits_AreTheCoreOnes()
    {
        var read = PactProductMetadataJson.Read(Encoding.UTF8.GetBytes(Full), new JsonReadOptions { MaxArrayLength = 1 });

        Assert.Equal(
            [
                ("$.productIds", ProblemCodes.TooMany, "'productIds' has 2 items; the limit is 1."),
                ("$.crossSectoralStandards", ProblemCodes.TooMany, "'crossSectoralStandards' has 2 items; the limit is 1."),
            ],
            read.Problems.Select(p => (p.Path, p.Code, p.Message)));
    }

    [Fact]
    public void Read_ThenExport_GivesTheMetadataFields()
    {
        var metadata = Read(Full).ThrowIfInvalid() with { ProductMassPerDeclaredUnit = Quantity.Of(0.4, Unit.Kilogram) };

        var export = PactExporter.Export(PactTestData.Figures(PactTestData.Reported(fossil: 1.0)), metadata, PactExportOptions.Default).ThrowIfInvalid();

        Assert.Equal(Guid.Parse("3fa85f64-5717-4562-b3fc-2c963f66afa6"), export.Value.Id);
        Assert.Equal("CN-JS", export.Value.Pcf.GeographyCountrySubdivision);
        Assert.Equal(0.0008m, export.Value.Pcf.FossilCarbonContent);
    }
}
