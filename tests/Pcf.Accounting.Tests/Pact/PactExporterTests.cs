using System.Text;
using CsCheck;
using NJsonSchema;
using Pcf.Accounting.Pact;
using Pcf.Accounting.Units;
using Pcf.Accounting.Tests.TestSupport;

namespace Pcf.Accounting.Tests.Pact;

public sealed class PactExporterTests
{
    [Fact]
    public void ToV3_Bracket_IsValidAndCarriesTheResult()
    {
        var result = PactTestData.Bracket();

        var export = PactExporter.ToV3(result, PactTestData.Metadata).ThrowIfInvalid();
        var pcf = export.Value.Pcf;

        // Declared unit: the system's 1 pc; product mass 0.4 kg from the system; CN and 2023 from the system.
        Assert.Equal(Pcf.Accounting.Pact.V3.DeclaredUnitOfMeasurement.Piece, pcf.DeclaredUnitOfMeasurement);
        Assert.Equal(1m, pcf.DeclaredUnitAmount);
        Assert.Equal(0.4m, pcf.ProductMassPerDeclaredUnit);
        Assert.Equal("CN", pcf.GeographyCountry);
        Assert.Equal(new DateTimeOffset(2023, 1, 1, 0, 0, 0, TimeSpan.Zero), pcf.ReferencePeriodStart);
        Assert.Equal(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), pcf.ReferencePeriodEnd);
        Assert.Equal(new[] { "AR6" }, pcf.IpccCharacterizationFactors.ToArray());
        Assert.Equal(new[] { "urn:pact:productclassification:un-cpc:42999" }, export.Value.ProductClassifications!.Value.ToArray());
        Assert.Equal(Math.Round((decimal)result.TotalExcludingBiogenicUptake.Value, 6), pcf.PcfExcludingBiogenicUptake);
        Assert.Equal(Math.Round((decimal)(result.PrimaryDataShare * 100), 4), pcf.PrimaryDataShare);
        PactTestData.AssertSumRules(pcf);
        Assert.True(export.IsLossless);
    }

    [ReferenceFact("pact")]
    public async Task ToV3_Bracket_ValidatesAgainstTheDerivedJsonSchema()
    {
        var export = PactExporter.ToV3(PactTestData.Bracket(), PactTestData.Metadata with { DataQuality = new(1.5, 2, 1, 2, 3) }).ThrowIfInvalid();
        string json = Encoding.UTF8.GetString(PactJson.Write(export.Value));

        var schema = await PactTestData.SchemaAsync("3.0");
        Assert.Empty(schema.Validate(json));

        // The same schema rejects a broken document, so the check is not vacuous.
        Assert.NotEmpty(schema.Validate(json.Replace("\"companyIds\"", "\"companyIdz\"", StringComparison.Ordinal)));
    }

    [ReferenceFact("pact")]
    public async Task ToV2_Bracket_ValidatesAgainstThe23Schema()
    {
        var export = PactExporter.ToV2(PactTestData.Bracket(), PactTestData.Metadata).ThrowIfInvalid();
        string json = Encoding.UTF8.GetString(PactJson.Write(export.Value));

        var schema = await PactTestData.SchemaAsync("2.3");
        Assert.Empty(schema.Validate(json));
        Assert.True(PactJson.ReadV2(Encoding.UTF8.GetBytes(json)).IsValid);

        // 1 piece weighs 0.4 kg, so 2.3 states the figures per kilogram: value / 0.4, and unitaryProductAmount = 0.4.
        var v3 = PactExporter.ToV3(PactTestData.Bracket(), PactTestData.Metadata).ThrowIfInvalid().Value;
        Assert.Equal(Pcf.Accounting.Pact.V2.DeclaredUnit.Kilogram, export.Value.Pcf.DeclaredUnit);
        Assert.Equal(0.4m, export.Value.Pcf.UnitaryProductAmount);
        Assert.Equal(v3.Pcf.FossilGhgEmissions / 0.4m, export.Value.Pcf.FossilGhgEmissions);
        Assert.Contains(export.Losses, l => l.Path == "$.pcf.declaredUnitOfMeasurement" && l.Kind == PactLossKind.Approximated);
    }

    [Fact]
    public void ToV3_RoundTripThroughJson_GivesTheSameValues()
    {
        var exported = PactExporter.ToV3(PactTestData.Bracket(), PactTestData.Metadata).ThrowIfInvalid().Value;

        var imported = PactJson.ReadV3(PactJson.Write(exported)).ThrowIfInvalid();

        Assert.Equal(exported.Id, imported.Id);
        Assert.Equal(exported.Created, imported.Created);
        Assert.Equal(exported.CompanyIds.ToArray(), imported.CompanyIds.ToArray());
        Assert.Equal(exported.ProductIds.ToArray(), imported.ProductIds.ToArray());
        Assert.Equal(
            exported.Pcf with { IpccCharacterizationFactors = [], CrossSectoralStandards = [] },
            imported.Pcf with { IpccCharacterizationFactors = [], CrossSectoralStandards = [] });
        Assert.Equal(exported.Pcf.CrossSectoralStandards.ToArray(), imported.Pcf.CrossSectoralStandards.ToArray());
    }

    [Fact]
    public void Export_SumRules_HoldExactlyForAnyCategories() =>
        Gen.Select(Gen.Double[0, 1e4], Gen.Double[0, 50], Gen.Double[-100, 0], Gen.Double[0, 5], Gen.Double[0, 3], Gen.Double[0, 1])
            .Select(Gen.Double[-2, 0], Gen.Double[-3, 0], Gen.Double[-1, 0], Gen.Int[0, 9], (a, lmRemovals, tech, ccs, places) => (a, lmRemovals, tech, ccs, places))
            .Sample(t =>
            {
                var ((fossil, bioCo2, uptake, bioCh4, luc, lmBio), lmRemovals, tech, ccs, places) = t;
                var reported = PactTestData.Reported(fossil: fossil, biogenicCo2: bioCo2, uptake: uptake, biogenicNonCo2: bioCh4, luc: luc,
                    lmFossil: fossil / 7, lmBiogenic: lmBio, lmRemovals: lmRemovals, technological: tech, ccs: ccs);

                var export = PactExporter.Export(PactTestData.Figures(reported), PactTestData.Metadata, new PactExportOptions { DecimalPlaces = places });

                PactTestData.AssertSumRules(export.ThrowIfInvalid().Value.Pcf);
            });

    [Fact]
    public void Export_BiogenicCo2OutsideLandManagement_IsFoldedIntoLandManagementAndListed()
    {
        // fossil 2 + biogenic CO2 0.5 + LM biogenic 0.25 = 2.75 excluding uptake; uptake -1 → 1.75 including.
        var reported = PactTestData.Reported(fossil: 2, biogenicCo2: 0.5, lmBiogenic: 0.25, uptake: -1);

        var export = PactExporter.Export(PactTestData.Figures(reported), PactTestData.Metadata, PactExportOptions.Default).ThrowIfInvalid();

        Assert.Equal(0.75m, export.Value.Pcf.LandManagementBiogenicCo2Emissions);
        Assert.Equal(2.75m, export.Value.Pcf.PcfExcludingBiogenicUptake);
        Assert.Equal(1.75m, export.Value.Pcf.PcfIncludingBiogenicUptake);
        Assert.Equal(PactLossKind.Approximated, Assert.Single(export.Losses).Kind);

        var excluded = PactExporter.Export(PactTestData.Figures(reported), PactTestData.Metadata,
            new PactExportOptions { BiogenicCo2Emissions = PactBiogenicCo2Handling.ExcludeFromTotals }).ThrowIfInvalid();
        Assert.Equal(2.25m, excluded.Value.Pcf.PcfExcludingBiogenicUptake);
    }

    [Fact]
    public void Export_TonneDemand_IsDeclaredAs1000Kilogram()
    {
        var export = PactExporter.Export(
            PactTestData.Figures(PactTestData.Reported(fossil: 1850), Quantity.Of(1, Unit.Tonne), Quantity.Of(1000, Unit.Kilogram)),
            PactTestData.Metadata, PactExportOptions.Default).ThrowIfInvalid();

        Assert.Equal(Pcf.Accounting.Pact.V3.DeclaredUnitOfMeasurement.Kilogram, export.Value.Pcf.DeclaredUnitOfMeasurement);
        Assert.Equal(1000m, export.Value.Pcf.DeclaredUnitAmount);
        Assert.Equal(1850m, export.Value.Pcf.PcfExcludingBiogenicUptake); // per the declared unit, 1000 kg
    }

    [Fact]
    public void Export_UnitPactCannotExpress_FailsNamingIt()
    {
        var export = PactExporter.Export(PactTestData.Figures(PactTestData.Reported(fossil: 1), Quantity.Of(1, Unit.Metre)), PactTestData.Metadata, PactExportOptions.Default);

        var problem = Assert.Single(export.Problems);
        Assert.Equal(("result.demand.amount", PactProblemCodes.UnsupportedDeclaredUnit), (problem.Path, problem.Code));
    }

    [Fact]
    public void Export_MissingMetadata_ReportsEveryRequiredField()
    {
        var figures = PactTestData.Figures(PactTestData.Reported(fossil: -1), mass: null) with { ProductMass = null, ReferenceYear = null };

        var export = PactExporter.Export(figures, PactTestData.Metadata with { CarbonContent = null }, PactExportOptions.Default);

        Assert.Equal(
            ["metadata.carbonContent", "metadata.productMassPerDeclaredUnit", "metadata.referencePeriodEnd", "metadata.referencePeriodStart", "result.reported.fossilGhgEmissions"],
            export.Problems.Select(p => p.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Export_MalformedMetadataUrn_IsReportedAgainstTheMetadata()
    {
        var export = PactExporter.Export(PactTestData.Figures(PactTestData.Reported(fossil: 1)), PactTestData.Metadata with { ProductIds = ["gtin:123"] }, PactExportOptions.Default);

        var problem = Assert.Single(export.Problems);
        Assert.Equal(PactProblemCodes.InvalidFormat, problem.Code);
        Assert.StartsWith("metadata.productIds[0]", problem.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void FieldsTheResultCannotGive_AreAddedByTheCaller_AndValidatedAgain()
    {
        // As docs/pact.md shows: export, set landCarbonLeakage, write, validate.
        var export = PactExporter.ToV3(PactTestData.Bracket(), PactTestData.Metadata).ThrowIfInvalid();
        Assert.Null(export.Value.Pcf.LandCarbonLeakage);
        var footprint = export.Value with { Pcf = export.Value.Pcf with { LandCarbonLeakage = 0.012m } };
        byte[] json = PactJson.Write(footprint);

        var report = PactJson.Validate(json);

        Assert.True(report.IsValid, string.Join("; ", report.Errors));
        using var written = System.Text.Json.JsonDocument.Parse(json);
        Assert.Equal("0.012", written.RootElement.GetProperty("pcf").GetProperty("landCarbonLeakage").GetString()); // a decimal string, as 3.0 requires
    }
}
