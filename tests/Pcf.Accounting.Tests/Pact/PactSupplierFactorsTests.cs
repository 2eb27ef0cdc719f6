using Pcf.Accounting.Factors;
using Pcf.Accounting.Gases;
using Pcf.Accounting.Model;
using Pcf.Accounting.Pact;
using Pcf.Accounting.Units;
using Pcf.Accounting.Tests.TestSupport;

namespace Pcf.Accounting.Tests.Pact;

public sealed class PactSupplierFactorsTests
{
    [Fact]
    public async Task ToEmissionFactor_Own12LiterFootprint_IsPerLitreAndPrimary()
    {
        var footprint = PactJson.ReadV3(PactTestData.OwnBytes("pf-3.0-bioethanol-12-liter.json")).ThrowIfInvalid();

        var factor = PactSupplierFactors.ToEmissionFactor(footprint, "chemicals/ethanol").ThrowIfInvalid();

        Assert.Equal(Unit.Litre, factor.PerUnit);
        Assert.True(factor.Provenance.IsPrimaryData);
        Assert.Equal(GwpSet.Ar6, factor.GwpBasis);
        Assert.Contains(footprint.Id.ToString(), factor.Provenance.Document, StringComparison.Ordinal);
        // fossil 3.6 less land-management fossil 0.24 = 3.36 per 12 L → 0.28 kg CO2e per litre.
        var fossil = Assert.Single(factor.Components, c => c.Kind == ElementaryExchangeKind.Emission && c.Origin == CarbonOrigin.Fossil);
        Assert.Equal(0.28, fossil.Amount, 1e-12);
        // uptake -18.7 per 12 L → 1.558333… kg CO2 per litre, subtracted.
        var uptake = Assert.Single(factor.Components, c => c.Kind == ElementaryExchangeKind.BiogenicUptake);
        Assert.Equal(-1, uptake.Sign);
        Assert.Equal(18.7 / 12, uptake.Amount, 1e-12);
        // biogenic non-CO2 0.054 kg CO2e per 12 L = 0.0045 per litre, as biogenic methane: 0.0045 / 27.0 (AR6) kg CH4 per litre.
        var methane = Assert.Single(factor.Components, c => c.Gas == GreenhouseGas.Ch4Biogenic);
        Assert.Equal(0.0045 / 27.0, methane.Amount, 1e-15);

        var provider = new InMemoryFactorProvider("supplier-pact", [factor]);
        var match = await provider.FindAsync(new FactorRequest("chemicals/ethanol", factor.Region, factor.Year, Unit.Litre));
        Assert.True(match.IsFound);
    }

    [Fact]
    public void ToEmissionFactor_OwnDeprecatedFootprint_IsRefusedUnlessAllowed()
    {
        var footprint = PactJson.ReadV3(PactTestData.OwnBytes("pf-3.0-steel-sheet-kilogram.json")).ThrowIfInvalid() with { Status = PfStatus.Deprecated };

        Assert.Equal(PactProblemCodes.DeprecatedFootprint, Assert.Single(PactSupplierFactors.ToEmissionFactor(footprint, "k").Problems).Code);
        Assert.True(PactSupplierFactors.ToEmissionFactor(footprint, "k", allowDeprecated: true).IsValid);
    }

    [ReferenceFact("pact")]
    public async Task ToEmissionFactor_12LiterFootprint_IsPerLitreAndPrimary()
    {
        var footprint = PactJson.ReadV3(PactTestData.Bytes("example-3.0-productfootprint-2.json")).ThrowIfInvalid();

        var factor = PactSupplierFactors.ToEmissionFactor(footprint, "chemicals/ethanol").ThrowIfInvalid();

        Assert.Equal(Unit.Litre, factor.PerUnit);
        Assert.True(factor.Provenance.IsPrimaryData);
        Assert.Equal(GwpSet.Ar6, factor.GwpBasis);
        Assert.Contains(footprint.Id.ToString(), factor.Provenance.Document, StringComparison.Ordinal);
        // fossil 4.78 less land-management fossil 0.36 = 4.42 per 12 L → 0.368333… kg CO2e per litre.
        var fossil = Assert.Single(factor.Components, c => c.Kind == ElementaryExchangeKind.Emission && c.Origin == CarbonOrigin.Fossil);
        Assert.Equal(4.42 / 12, fossil.Amount, 1e-12);
        // uptake -19.36 per 12 L → 1.61333… kg CO2 per litre, subtracted.
        var uptake = Assert.Single(factor.Components, c => c.Kind == ElementaryExchangeKind.BiogenicUptake);
        Assert.Equal(-1, uptake.Sign);
        Assert.Equal(19.36 / 12, uptake.Amount, 1e-12);
        // biogenic non-CO2 0.024 kg CO2e per 12 L as biogenic methane: 0.002 / 27.0 (AR6) kg CH4 per litre.
        var methane = Assert.Single(factor.Components, c => c.Gas == GreenhouseGas.Ch4Biogenic);
        Assert.Equal(0.002 / 27.0, methane.Amount, 1e-15);

        var provider = new InMemoryFactorProvider("supplier-pact", [factor]);
        var match = await provider.FindAsync(new FactorRequest("chemicals/ethanol", factor.Region, factor.Year, Unit.Litre));
        Assert.True(match.IsFound);
    }

    [ReferenceFact("pact")]
    public void ToEmissionFactor_Deprecated_IsRefusedUnlessAllowed()
    {
        var footprint = PactJson.ReadV3(PactTestData.Bytes("example-3.0-productfootprint-1.json")).ThrowIfInvalid() with { Status = PfStatus.Deprecated };

        Assert.Equal(PactProblemCodes.DeprecatedFootprint, Assert.Single(PactSupplierFactors.ToEmissionFactor(footprint, "k").Problems).Code);
        Assert.True(PactSupplierFactors.ToEmissionFactor(footprint, "k", allowDeprecated: true).IsValid);
    }

    [Fact]
    public void ToEmissionFactor_ExportedFootprint_GivesBackTheTotalPerUnit()
    {
        var result = PactTestData.Bracket();
        var footprint = PactExporter.ToV3(result, PactTestData.Metadata).ThrowIfInvalid().Value;

        var factor = PactSupplierFactors.ToEmissionFactor(footprint, "parts/bracket-400").ThrowIfInvalid();

        double total = factor.Components.Sum(c => c.Sign * (c.Gas is null ? c.Amount : c.Amount * GwpSet.Ar6.FactorOf(c.Gas)));
        Assert.Equal((double)footprint.Pcf.PcfIncludingBiogenicUptake, total, 1e-9);
        Assert.Equal(Unit.Piece, factor.PerUnit);
        Assert.Equal("CN", factor.Region);
        Assert.Equal(2023, factor.Year);
    }
}
