using Pcf.Accounting.Factors;
using Pcf.Accounting.Model;
using Pcf.Accounting.Pact;
using V3 = Pcf.Accounting.Pact.V3;

namespace Pcf.Accounting.Tests.Pact;

/// <summary>A supplier footprint's data-quality ratings widened by the pedigree matrix (ecoinvent 3 values) into the factor's distribution.</summary>
public sealed class PactUncertaintyTests
{
    private static V3.ProductFootprint Ethanol(V3.DataQualityIndicators? dqi)
    {
        var footprint = PactJson.ReadV3(PactTestData.OwnBytes("pf-3.0-bioethanol-12-liter.json")).ThrowIfInvalid();
        return footprint with { Pcf = footprint.Pcf with { Dqi = dqi } };
    }

    [Fact]
    public void V3Ratings_AreThePedigreeScoresOfTheSameNames_CompletenessAndReliabilityUnrated()
    {
        var factor = PactSupplierFactors.ToEmissionFactor(Ethanol(new V3.DataQualityIndicators(2, 3, 1)), "chemicals/ethanol").ThrowIfInvalid();

        // σ² = basic 0.0006 (a CO2e amount) + technological 2: 0.0006 + geographical 3: 0.0001 + temporal 1: 0 = 0.0013;
        // GSD² = exp(2 √0.0013) = exp(0.0721110) = 1.074774.
        var d = Assert.IsType<UncertaintyDistribution>(factor.Uncertainty);
        Assert.Equal(UncertaintyDistributionKind.Lognormal, d.Kind);
        Assert.Equal(Math.Exp(2 * Math.Sqrt(0.0013)), d.GsdSquared, 1e-12);
        Assert.Equal(1.074774, d.GsdSquared, 1e-6);
    }

    [Fact]
    public void V23Ratings_AreRescaledToOneToFive_AndAllFiveCount()
    {
        var v2 = PactJson.ReadV2(PactTestData.OwnBytes("get-footprint-response-2.3.json")).ThrowIfInvalid();

        var factor = PactSupplierFactors.ToEmissionFactor(v2, "k").ThrowIfInvalid();

        // 2.3 DQRs (1 to 3) technological 1.5, temporal 2, geographical 1.2, completeness 1.4, reliability 2.2, re-scaled by
        // 1 + (r − 1) × 2: 2.0, 3.0, 1.4, 1.8, 3.4. Additional variances, linear between whole scores: technological 0.0006,
        // temporal 0.002, geographical 0.4 × 0.000025 = 0.00001, completeness 0.8 × 0.0001 = 0.00008,
        // reliability 0.002 + 0.4 × (0.008 − 0.002) = 0.0044; with the basic 0.0006: σ² = 0.00769.
        Assert.Equal(Math.Exp(2 * Math.Sqrt(0.00769)), factor.Uncertainty!.GsdSquared, 1e-12);
    }

    [Fact]
    public void NoRatings_OrARatingOutOfRange_GiveNoDistribution()
    {
        Assert.Null(PactSupplierFactors.ToEmissionFactor(Ethanol(null), "k").ThrowIfInvalid().Uncertainty);
        Assert.Null(PactSupplierFactors.ToEmissionFactor(Ethanol(new V3.DataQualityIndicators(2, 6, 1)), "k").Value?.Uncertainty);
    }
}
