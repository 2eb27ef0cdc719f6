using System.Text;
using Pcf.Accounting.Pact;
using Pcf.Accounting.Tests.TestSupport;

namespace Pcf.Accounting.Tests.Pact;

public sealed class PactConverterTests
{
    [Fact]
    public void ToV3_Own23_ScalesPerDeclaredUnitAndListsLosses()
    {
        var v2 = PactJson.ReadV2(PactTestData.OwnBytes("get-footprint-response-2.3.json")).ThrowIfInvalid();

        var converted = PactConverter.ToV3(v2, productMassPerDeclaredUnit: 0.9m).ThrowIfInvalid(); // the caller states 0.9 kg per litre
        var p = converted.Value.Pcf;

        // unitaryProductAmount 1 liter: figures unchanged. 3.0 totals by the sum rule:
        // excluding = fossil 2.1 + dLUC 0.3 + land management 0.2 + other biogenic 0.1 = 2.7; including = 2.7 + withdrawal (-0.9) = 1.8.
        Assert.Equal(2.7m, p.PcfExcludingBiogenicUptake);
        Assert.Equal(1.8m, p.PcfIncludingBiogenicUptake);
        Assert.Equal(0.3m, p.LandUseChangeGhgEmissions);
        Assert.Equal(0.2m, p.LandManagementBiogenicCo2Emissions);
        Assert.Equal(0.1m, p.BiogenicNonCo2Emissions);
        Assert.Equal(-0.9m, p.BiogenicCo2Uptake);
        Assert.Equal(0.9m, p.ProductMassPerDeclaredUnit);
        Assert.Equal(new[] { "urn:pact:productclassification:un-cpc:34170" }, converted.Value.ProductClassifications!.Value.ToArray());
        Assert.Equal(new[] { CrossSectoralStandard.GhgpProduct, CrossSectoralStandard.Iso14067 }, p.CrossSectoralStandards.ToArray());
        // 2.3 dqi 1.5 → 1 + 0.5 × 2 = 2.0 on the 3.0 scale; 2.3 geographical 1.2 → 1.4.
        Assert.Equal(2.0m, p.Dqi!.TechnologicalDqr);
        Assert.Equal(1.4m, p.Dqi!.GeographicalDqr);
        // 2.3 stated 1.8 for pCfIncludingBiogenic, which the 3.0 sum rule gives too: nothing approximated there.
        Assert.DoesNotContain(converted.Losses, l => l.Path == "$.pcf.pCfIncludingBiogenic");
        Assert.Contains(converted.Losses, l => l.Path == "$.pcf.landManagementGhgEmissions" && l.Kind == PactLossKind.Approximated);
        Assert.Contains(converted.Losses, l => l.Path == "$.pcf.biogenicAccountingMethodology" && l.Kind == PactLossKind.Dropped);
        Assert.Contains(converted.Losses, l => l.Path == "$.pcf.uncertaintyAssessmentDescription" && l.Kind == PactLossKind.Dropped);
        Assert.Contains(converted.Losses, l => l.Path == "$.version");
        Assert.Contains(converted.Losses, l => l.Path == "$.updated");
        Assert.True(PactJson.Validate(PactJson.Write(converted.Value), new PactReadOptions { SumRulesAreErrors = true }).IsValid);
    }

    [Fact]
    public void ToV3_Stated23TotalDiffersFromTheSumRule_IsApproximated()
    {
        var v2 = PactJson.ReadV2(PactTestData.OwnBytes("get-footprint-response-2.3.json")).ThrowIfInvalid();
        var stated = v2 with { Pcf = v2.Pcf with { PcfIncludingBiogenic = 1.85m } };

        var converted = PactConverter.ToV3(stated, productMassPerDeclaredUnit: 0.9m).ThrowIfInvalid();

        // The 3.0 total is recomputed (1.8, as above); the 2.3 figure 1.85 is reported as approximated, not carried.
        Assert.Equal(1.8m, converted.Value.Pcf.PcfIncludingBiogenicUptake);
        var loss = Assert.Single(converted.Losses, l => l.Path == "$.pcf.pCfIncludingBiogenic");
        Assert.Equal(PactLossKind.Approximated, loss.Kind);
        Assert.Contains("1.85", loss.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ToV3_Own23UnitaryAmount12Point5Liter_MultipliesEveryFigure()
    {
        var v2 = PactJson.ReadV2(PactTestData.OwnBytes("get-footprint-response-2.3.json")).ThrowIfInvalid();
        var drum = v2 with { Pcf = v2.Pcf with { UnitaryProductAmount = 12.5m, ProductMassPerDeclaredUnit = 0.9m } };

        var p = PactConverter.ToV3(drum).ThrowIfInvalid().Value.Pcf;

        // 2.3: per 1 liter, 12.5 liters in the product. 3.0: per 12.5 liter.
        Assert.Equal(12.5m, p.DeclaredUnitAmount);
        Assert.Equal(26.25m, p.FossilGhgEmissions);            // 2.1 × 12.5
        Assert.Equal(33.75m, p.PcfExcludingBiogenicUptake);    // 2.7 × 12.5
        Assert.Equal(22.5m, p.PcfIncludingBiogenicUptake);     // 33.75 + (-0.9 × 12.5 = -11.25)
        Assert.Equal(3.125m, p.BiogenicCarbonContent);         // 0.25 kg C × 12.5
        Assert.Equal(11.25m, p.ProductMassPerDeclaredUnit);    // 0.9 kg × 12.5
    }

    [Fact]
    public void ToV2_Own12Liter_DividesEveryFigure()
    {
        var v3 = PactJson.ReadV3(PactTestData.OwnBytes("pf-3.0-bioethanol-12-liter.json")).ThrowIfInvalid();

        var converted = PactConverter.ToV2(v3).ThrowIfInvalid();
        var p = converted.Value.Pcf;

        // 3.0: per 12 liter. 2.3: per 1 liter, unitaryProductAmount 12.
        Assert.Equal(Pcf.Accounting.Pact.V2.DeclaredUnit.Liter, p.DeclaredUnit);
        Assert.Equal(12m, p.UnitaryProductAmount);
        Assert.Equal(0.3m, p.FossilGhgEmissions);                    // 3.6 / 12
        Assert.Equal(0.79m, p.ProductMassPerDeclaredUnit);           // 9.48 / 12
        Assert.Equal(-1.253833333333m, p.PcfIncludingBiogenic);       // -15.046 / 12 = -1.2538333…, rounded to 12 places
        Assert.Equal(-1.558333333333m, p.BiogenicCarbonWithdrawal);   // -18.7 / 12 = -1.5583333…, rounded to 12 places
        Assert.Contains(converted.Losses, l => l.Path == "$.pcf.biogenicCO2Uptake" && l.Kind == PactLossKind.Approximated);
        Assert.Contains(converted.Losses, l => l.Path == "$.pcf.landManagementFossilGhgEmissions" && l.Kind == PactLossKind.Dropped);
        Assert.True(PactJson.ReadV2(PactJson.Write(converted.Value)).IsValid);
    }

    [Fact]
    public void ToV2_OwnPiece_IsExpressedPerKilogramThroughTheProductMass()
    {
        var v3 = PactJson.ReadV3(PactTestData.OwnBytes("pf-3.0-bracket-piece.json")).ThrowIfInvalid();
        var piece = v3 with { Pcf = v3.Pcf with { DeclaredUnitAmount = 2, ProductMassPerDeclaredUnit = 0.5m } };

        var converted = PactConverter.ToV2(piece).ThrowIfInvalid().Value.Pcf;

        // 2 pieces weigh 0.5 kg: per kg = value / 0.5, so fossil 0.98 / 0.5 = 1.96.
        Assert.Equal(Pcf.Accounting.Pact.V2.DeclaredUnit.Kilogram, converted.DeclaredUnit);
        Assert.Equal(0.5m, converted.UnitaryProductAmount);
        Assert.Equal(1.96m, converted.FossilGhgEmissions);
        Assert.Equal(1m, converted.ProductMassPerDeclaredUnit);
    }

    [Fact]
    public void ToV2_OwnFootprintWithHourUnit_FailsWithTheUnitNamed()
    {
        var v3 = PactJson.ReadV3(PactTestData.OwnBytes("pf-3.0-steel-sheet-kilogram.json")).ThrowIfInvalid();

        var converted = PactConverter.ToV2(v3 with { Pcf = v3.Pcf with { DeclaredUnitOfMeasurement = Pcf.Accounting.Pact.V3.DeclaredUnitOfMeasurement.Hour } });

        Assert.Contains(converted.Problems, p => p.Path == "$.pcf.declaredUnitOfMeasurement" && p.Code == PactProblemCodes.UnsupportedDeclaredUnit);
    }

    [ReferenceFact("pact")]
    public void ToV3_Example23_ScalesPerDeclaredUnitAndListsLosses()
    {
        var v2 = PactJson.ReadV2(PactTestData.Bytes("example-2.3-get-footprint-response.json")).ThrowIfInvalid();

        var converted = PactConverter.ToV3(v2, productMassPerDeclaredUnit: 0.789m).ThrowIfInvalid(); // ethanol, 0.789 kg per litre
        var p = converted.Value.Pcf;

        // unitaryProductAmount 1 liter: figures unchanged. 3.0 totals by the sum rule:
        // excluding = fossil 1.5 + dLUC 0.8 + land management 0.6 + other biogenic 0.4 = 3.3; including = 3.3 + withdrawal (-1.5) = 1.8.
        Assert.Equal(3.3m, p.PcfExcludingBiogenicUptake);
        Assert.Equal(1.8m, p.PcfIncludingBiogenicUptake);
        Assert.Equal(0.8m, p.LandUseChangeGhgEmissions);
        Assert.Equal(-1.5m, p.BiogenicCo2Uptake);
        Assert.Equal(new[] { "urn:pact:productclassification:un-cpc:6398" }, converted.Value.ProductClassifications!.Value.ToArray());
        Assert.Equal(new[] { CrossSectoralStandard.GhgpProduct, CrossSectoralStandard.Iso14067 }, p.CrossSectoralStandards.ToArray());
        // 2.3 dqi 1.6 → 1 + 0.6 × 2 = 2.2 on the 3.0 scale.
        Assert.Equal(2.2m, p.Dqi!.TechnologicalDqr);
        Assert.Contains(converted.Losses, l => l.Path == "$.pcf.pCfIncludingBiogenic" && l.Kind == PactLossKind.Approximated); // 2.3 said 1.85
        Assert.Contains(converted.Losses, l => l.Path == "$.pcf.biogenicAccountingMethodology" && l.Kind == PactLossKind.Dropped);
        Assert.Contains(converted.Losses, l => l.Path == "$.version");
        Assert.True(PactJson.Validate(PactJson.Write(converted.Value), new PactReadOptions { SumRulesAreErrors = true }).IsValid);
    }

    [ReferenceFact("pact")]
    public void ToV3_UnitaryAmount12Point5Liter_MultipliesEveryFigure()
    {
        var v2 = PactJson.ReadV2(PactTestData.Bytes("example-2.3-get-footprint-response.json")).ThrowIfInvalid();
        var bottle = v2 with { Pcf = v2.Pcf with { UnitaryProductAmount = 12.5m, ProductMassPerDeclaredUnit = 0.789m } };

        var p = PactConverter.ToV3(bottle).ThrowIfInvalid().Value.Pcf;

        // 2.3: per 1 liter, 12.5 liters in the product. 3.0: per 12.5 liter.
        Assert.Equal(12.5m, p.DeclaredUnitAmount);
        Assert.Equal(18.75m, p.FossilGhgEmissions);            // 1.5 × 12.5
        Assert.Equal(41.25m, p.PcfExcludingBiogenicUptake);    // 3.3 × 12.5
        Assert.Equal(22.5m, p.PcfIncludingBiogenicUptake);     // 41.25 + (-1.5 × 12.5 = -18.75)
        Assert.Equal(5.125m, p.BiogenicCarbonContent);         // 0.41 kg C × 12.5
        Assert.Equal(9.8625m, p.ProductMassPerDeclaredUnit);   // 0.789 kg × 12.5
    }

    [ReferenceFact("pact")]
    public void ToV2_12Liter_DividesEveryFigure()
    {
        var v3 = PactJson.ReadV3(PactTestData.Bytes("example-3.0-productfootprint-2.json")).ThrowIfInvalid();

        var converted = PactConverter.ToV2(v3).ThrowIfInvalid();
        var p = converted.Value.Pcf;

        // 3.0: per 12 liter. 2.3: per 1 liter, unitaryProductAmount 12.
        Assert.Equal(Pcf.Accounting.Pact.V2.DeclaredUnit.Liter, p.DeclaredUnit);
        Assert.Equal(12m, p.UnitaryProductAmount);
        Assert.Equal(-1.185m, p.PcfIncludingBiogenic);   // -14.22 / 12
        Assert.Equal(-1.613333333333m, p.BiogenicCarbonWithdrawal); // -19.36 / 12 = -1.61333…, rounded to 12 places
        Assert.Contains(converted.Losses, l => l.Path == "$.pcf.biogenicCO2Uptake" && l.Kind == PactLossKind.Approximated);
        Assert.Contains(converted.Losses, l => l.Path == "$.pcf.landManagementFossilGhgEmissions" && l.Kind == PactLossKind.Dropped);
        Assert.True(PactJson.ReadV2(PactJson.Write(converted.Value)).IsValid);
    }

    [ReferenceFact("pact")]
    public void ToV2_Piece_IsExpressedPerKilogramThroughTheProductMass()
    {
        var v3 = PactJson.ReadV3(PactTestData.Bytes("example-3.0-productfootprint-3.json")).ThrowIfInvalid();
        var piece = v3 with { Pcf = v3.Pcf with { DeclaredUnitAmount = 2, ProductMassPerDeclaredUnit = 0.5m } };

        var converted = PactConverter.ToV2(piece).ThrowIfInvalid().Value.Pcf;

        // 2 pieces weigh 0.5 kg: per kg = value / 0.5.
        Assert.Equal(Pcf.Accounting.Pact.V2.DeclaredUnit.Kilogram, converted.DeclaredUnit);
        Assert.Equal(0.5m, converted.UnitaryProductAmount);
        Assert.Equal(piece.Pcf.FossilGhgEmissions * 2, converted.FossilGhgEmissions);
        Assert.Equal(1m, converted.ProductMassPerDeclaredUnit);
    }

    [ReferenceFact("pact")]
    public void ToV2_HourUnit_FailsWithTheUnitNamed()
    {
        var v3 = PactJson.ReadV3(PactTestData.Bytes("example-3.0-productfootprint-1.json")).ThrowIfInvalid();

        var converted = PactConverter.ToV2(v3 with { Pcf = v3.Pcf with { DeclaredUnitOfMeasurement = Pcf.Accounting.Pact.V3.DeclaredUnitOfMeasurement.Hour } });

        Assert.Contains(converted.Problems, p => p.Path == "$.pcf.declaredUnitOfMeasurement" && p.Code == PactProblemCodes.UnsupportedDeclaredUnit);
    }

    [Fact]
    public void RoundTrip_30To23To30_KeepsTheMappedValues()
    {
        var original = PactExporter.ToV3(PactTestData.Bracket(), PactTestData.Metadata with
        {
            DeclaredUnitOfMeasurement = null,
            ProductMassPerDeclaredUnit = Pcf.Accounting.Units.Quantity.Of(0.4, Pcf.Accounting.Units.Unit.Kilogram),
        }).ThrowIfInvalid().Value;

        var back = PactConverter.ToV3(PactConverter.ToV2(original).ThrowIfInvalid().Value).ThrowIfInvalid().Value;

        // piece → kilogram (per 0.4 kg) → kilogram × 0.4: the same figures per the same product, now declared as 0.4 kilogram.
        Assert.Equal(0.4m, back.Pcf.DeclaredUnitAmount);
        Assert.Equal(original.Pcf.FossilGhgEmissions, back.Pcf.FossilGhgEmissions);
        Assert.Equal(original.Pcf.PcfIncludingBiogenicUptake, back.Pcf.PcfIncludingBiogenicUptake);
        Assert.Contains("\"declaredUnitAmount\": \"0.4\"", Encoding.UTF8.GetString(PactJson.Write(back)), StringComparison.Ordinal);
    }
}
