using Pcf.Accounting.Factors;
using Pcf.Accounting.Model;

namespace Pcf.Accounting.Tests.Uncertainty;

/// <summary>Each distribution's quantiles and moments, worked by hand.</summary>
public sealed class UncertaintyDistributionTests
{
    [Fact]
    public void Lognormal_FromGsdSquared_HasTheGeometricMeanAtTheAmount_AndGsdSquaredAt97Point7()
    {
        var d = UncertaintyDistribution.LognormalFromGsdSquared(1.21);

        // GSD = √1.21 = 1.1; the median is the amount (multiplier 1); Φ(2) = 0.97725 gives GSD² exactly.
        Assert.Equal(1.1, d.Spread, 15);
        Assert.Equal(1.21, d.GsdSquared, 14);
        Assert.Equal(1, d.Quantile(0.5), 15);
        Assert.Equal(1.21, d.Quantile(0.9772498680518208), 12);
        // P97.5: 1.1^1.959964 = exp(0.0953102 × 1.959964) = exp(0.186805) = 1.205388.
        Assert.Equal(1.205388, d.Quantile(0.975), 5);
        // Mean exp(σ²/2) = exp(0.0953102² / 2) = exp(0.00454202) = 1.0045523.
        Assert.Equal(1.0045523, d.RelativeMean, 6);
    }

    [Fact]
    public void Normal_QuantilesAreOnePlusSpreadTimesZ()
    {
        var d = UncertaintyDistribution.Normal(0.1);

        // 1 + 0.1 × 1.959964 = 1.1959964.
        Assert.Equal(1.1959963984540054, d.Quantile(0.975), 14);
        Assert.Equal(0.1, d.RelativeStandardDeviation);
        Assert.Equal(1, d.RelativeMean);
    }

    [Fact]
    public void Triangular_InverseDistributionFunction_HandWorked()
    {
        var d = UncertaintyDistribution.Triangular(0.5, 2);

        // F(1) = (1 − 0.5)/(2 − 0.5) = 1/3, the mode; above it x = 2 − √((1 − u)(b − a)(b − c)).
        Assert.Equal(1, d.Quantile(1.0 / 3), 14);
        Assert.Equal(2 - Math.Sqrt(0.5 * 1.5 * 1), d.Quantile(0.5), 14);                  // 1.1339746
        Assert.Equal(0.5 + Math.Sqrt(0.1 * 1.5 * 0.5), d.Quantile(0.1), 14);              // 0.7738613
        // Mean (0.5 + 1 + 2)/3 = 7/6; variance (a² + b² + c² − ab − ac − bc)/18 = (0.25 + 4 + 1 − 1 − 0.5 − 2)/18 = 1.75/18.
        Assert.Equal(7.0 / 6, d.RelativeMean, 15);
        Assert.Equal(Math.Sqrt(1.75 / 18), d.RelativeStandardDeviation, 15);
    }

    [Fact]
    public void Uniform_IsLinearBetweenItsBounds()
    {
        var d = UncertaintyDistribution.Uniform(0.8, 1.2);

        Assert.Equal(0.9, d.Quantile(0.25), 15);
        Assert.Equal(0.4 / Math.Sqrt(12), d.RelativeStandardDeviation, 15);
    }

    [Fact]
    public void Fixed_IsAlwaysOne()
    {
        Assert.Equal(1, UncertaintyDistribution.Fixed.Quantile(0.001));
        Assert.Equal(0, UncertaintyDistribution.Fixed.RelativeStandardDeviation);
        Assert.Equal("fixed", UncertaintyDistribution.Fixed.ToString());
    }

    [Fact]
    public void Factories_RefuseParametersOutOfRange()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => UncertaintyDistribution.LognormalFromGsdSquared(0.9));
        Assert.Throws<ArgumentOutOfRangeException>(() => UncertaintyDistribution.LognormalFromGsdSquared(double.PositiveInfinity));
        Assert.Throws<ArgumentOutOfRangeException>(() => UncertaintyDistribution.Normal(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => UncertaintyDistribution.Triangular(1.1, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => UncertaintyDistribution.LognormalFromSigma(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => UncertaintyDistribution.Normal(0.1).Quantile(1));
    }
}
