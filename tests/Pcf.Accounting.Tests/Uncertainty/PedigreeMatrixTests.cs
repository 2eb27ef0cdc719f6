using Pcf.Accounting.Factors;
using Pcf.Accounting.Gases;
using Pcf.Accounting.Model;
using Pcf.Accounting.Sampling;
using Pcf.Accounting.Uncertainty;

namespace Pcf.Accounting.Tests.Uncertainty;

/// <summary>The pedigree matrix (ecoinvent 3, Weidema et al. 2013): variances add, scores between whole ones interpolate.</summary>
public sealed class PedigreeMatrixTests
{
    private static readonly PedigreeMatrix Matrix = PedigreeMatrix.Ecoinvent3;

    [Fact]
    public void Widen_AddsTheBasicAndTheFiveAdditionalVariances()
    {
        // Technological 2 (0.0006), geographical 3 (0.0001), temporal 1 (0), completeness 2 (0.0001), reliability 2 (0.0006),
        // basic CO2 0.0006: σ² = 0.002, GSD² = exp(2 √0.002) = exp(0.0894427) = 1.0935648.
        var d = Matrix.Widen(new DataQuality(2, 3, 1, 2, 2), GreenhouseGas.Co2Fossil);

        Assert.Equal(UncertaintyDistributionKind.Lognormal, d.Kind);
        Assert.Equal(1.0935648, d.GsdSquared, 6);
        Assert.Equal(0.002, Matrix.AdditionalVariance(new DataQuality(2, 3, 1, 2, 2)) + Matrix.BasicVariance(GreenhouseGas.Co2Fossil), 15);
    }

    [Fact]
    public void Widen_TheWorstScores_OfMethane()
    {
        // All 5: 0.12 + 0.002 + 0.04 + 0.008 + 0.04 = 0.21, plus CH4's basic 0.04 = 0.25; σ = 0.5, GSD² = e = 2.7182818.
        var d = Matrix.Widen(new DataQuality(5, 5, 5, 5, 5), GreenhouseGas.Ch4Fossil);

        Assert.Equal(Math.E, d.GsdSquared, 12);
    }

    [Fact]
    public void AdditionalVariance_BetweenWholeScores_Interpolates()
    {
        // Reliability 2.5: halfway between 0.0006 and 0.002 = 0.0013; a fallback penalty can give such scores.
        Assert.Equal(0.0013, Matrix.AdditionalVariance(null, null, null, null, 2.5), 15);
        Assert.Equal(0, Matrix.AdditionalVariance(null, null, null, null, null));
        Assert.Throws<ArgumentOutOfRangeException>(() => Matrix.AdditionalVariance(0.5, null, null, null, null));
    }

    [Fact]
    public void BasicVariance_ByGas_DefaultForTheRest()
    {
        Assert.Equal(0.0006, Matrix.BasicVariance(GreenhouseGas.Co2Biogenic));
        Assert.Equal(0.04, Matrix.BasicVariance(GreenhouseGas.N2O));
        Assert.Equal(0.0006, Matrix.BasicVariance(null));
        Assert.Equal(0.0006, Matrix.BasicVariance(GreenhouseGas.Sf6));
    }

    [Fact]
    public void Constructor_RefusesARowOfTheWrongLength() =>
        Assert.Throws<ArgumentException>(() => new PedigreeMatrix([0, 1], [0, 0, 0, 0, 0], [0, 0, 0, 0, 0], [0, 0, 0, 0, 0], [0, 0, 0, 0, 0], 0));
}
