using System.Collections.Immutable;
using Pcf.Accounting.Model;
using Pcf.Accounting.Pact;
using Pcf.Accounting.Results;
using Pcf.Accounting.Tests.TestSupport;
using Pcf.Accounting.Units;

namespace Pcf.Accounting.Tests.Pact;

/// <summary>Inputs for the PACT tests: the repository's own PACT documents, the official examples (optional) and a computed bracket result.</summary>
internal static class PactTestData
{
    /// <summary>A document of the repository written from the specification (<c>TestData/pact</c>, see its README).</summary>
    public static string Own(string file) => Paths.TestData(Path.Combine("pact", file));

    public static byte[] OwnBytes(string file) => File.ReadAllBytes(Own(file));

    /// <summary>An official WBCSD file in <c>../shared/reference/pact</c>: only in tests marked <c>[ReferenceFact("pact")]</c>.</summary>
    public static string Reference(string file) => Paths.Shared(Path.Combine("pact", file));

    /// <summary>The bytes of an official WBCSD file: only in tests marked <c>[ReferenceFact("pact")]</c>.</summary>
    public static byte[] Bytes(string file) => File.ReadAllBytes(Reference(file));

    /// <summary>Loads a JSON Schema derived from the official OpenAPI file (only in tests marked <c>[ReferenceFact("pact")]</c>) for NJsonSchema, which resolves draft-07 "definitions": the 2020-12 "$defs" are renamed and
    /// the root "$ref" to ProductFootprint is inlined (the same schema, in the dialect the validator reads).</summary>
    public static Task<NJsonSchema.JsonSchema> SchemaAsync(string version)
    {
        string text = File.ReadAllText(Reference($"derived/productfootprint-{version}.schema.json")).Replace("#/$defs/", "#/definitions/", StringComparison.Ordinal);
        var root = System.Text.Json.Nodes.JsonNode.Parse(text)!.AsObject();
        var definitions = root["$defs"]!.DeepClone().AsObject();
        var schema = definitions["ProductFootprint"]!.DeepClone().AsObject();
        schema["definitions"] = definitions;
        return NJsonSchema.JsonSchema.FromJsonAsync(schema.ToJsonString());
    }

    public static PactProductMetadata Metadata => new()
    {
        Id = Guid.Parse("4b1e9a3c-77a0-4c3e-9a51-2f5d6c1d0e11"),
        Created = new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero),
        CompanyName = "Example Brackets Ltd",
        CompanyIds = ["urn:pact:company:example-brackets"],
        ProductIds = ["urn:pact:product:bracket-400"],
        ProductNameCompany = "Bracket 400",
        ProductDescription = "Steel bracket, 0.4 kg, cut and bent from cold-rolled sheet",
        ProductCategoryCpc = "42999",
        CarbonContent = new CarbonContent(Quantity.Of(0.0008, Unit.Kilogram), Quantity.Zero(Unit.Kilogram)),
        CrossSectoralStandards = [CrossSectoralStandard.Iso14067, CrossSectoralStandard.Pact30],
    };

    /// <summary>The bracket of <see cref="Systems.BracketBuilder"/>: coil 1900 kg CO2 per tonne, grid 0.581 kg CO2 per kWh.</summary>
    public static FootprintResult Bracket() => TestSupport.Engine.Calculate(
        Systems.BracketBuilder().Build(),
        TestSupport.Engine.Co2(("steel/hot-rolled-coil", 1900), ("electricity/grid", 0.5810)));

    public static ReportedQuantities Reported(
        double fossil = 0, double biogenicCo2 = 0, double uptake = 0, double biogenicNonCo2 = 0, double luc = 0, double lmFossil = 0,
        double lmBiogenic = 0, double lmRemovals = 0, double technological = 0, double ccs = 0, double aircraft = 0, double packaging = 0, double outbound = 0)
    {
        static Quantity Kg(double v) => Quantity.Of(v, Unit.Kilogram);
        return new ReportedQuantities
        {
            FossilGhgEmissions = Kg(fossil), BiogenicCo2Emissions = Kg(biogenicCo2), BiogenicCo2Uptake = Kg(uptake),
            BiogenicNonCo2Emissions = Kg(biogenicNonCo2), LandUseChangeEmissions = Kg(luc), LandManagementFossilGhgEmissions = Kg(lmFossil),
            LandManagementBiogenicCo2Emissions = Kg(lmBiogenic), LandManagementBiogenicCo2Removals = Kg(lmRemovals),
            TechnologicalCo2Removals = Kg(technological), CcsTechnologicalCo2Capture = Kg(ccs), AircraftEmissions = Kg(aircraft),
            PackagingEmissions = Kg(packaging), OutboundLogisticsEmissions = Kg(outbound), SystemExpansionCredits = Kg(0),
        };
    }

    public static PactExporter.Figures Figures(ReportedQuantities reported, Quantity? declared = null, Quantity? mass = null) => new(
        reported, declared ?? Quantity.Of(1, Unit.Kilogram), Pcf.Accounting.Gases.GwpSet.Ar6, 0.25, 0.01, ImmutableArray<string>.Empty,
        mass ?? Quantity.Of(1, Unit.Kilogram), null, "CN", 2024, null);

    /// <summary>Checks the 3.0 sum rules in decimal arithmetic, as a recipient would.</summary>
    public static void AssertSumRules(Pcf.Accounting.Pact.V3.CarbonFootprint p)
    {
        decimal excluding = p.FossilGhgEmissions + (p.LandUseChangeGhgEmissions ?? 0) + (p.LandManagementBiogenicCo2Emissions ?? 0)
            + (p.LandManagementBiogenicCo2Removals ?? 0) + (p.TechnologicalCo2Removals ?? 0) + (p.CcsTechnologicalCo2Capture ?? 0)
            + (p.BiogenicNonCo2Emissions ?? 0);
        Assert.Equal(excluding, p.PcfExcludingBiogenicUptake);
        Assert.Equal(excluding + (p.BiogenicCo2Uptake ?? 0), p.PcfIncludingBiogenicUptake);
    }
}
