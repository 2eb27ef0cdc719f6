using CsCheck;
using Pcf.Accounting.Model;
using Pcf.Accounting.Sampling;
using Pcf.Accounting.Uncertainty;

namespace Pcf.Accounting.Tests.Uncertainty;

/// <summary>The counter-based generator and the normal quantile function every draw rests on.</summary>
public sealed class RandomNumberTests
{
    [Theory]
    // Random123's published known-answer vectors for Philox4x32-10 (Salmon et al. 2011, the library's kat_vectors):
    // counter, key -> output.
    [InlineData(0u, 0u, 0u, 0u, 0u, 0u, 0x6627e8d5u, 0xe169c58du, 0xbc57ac4cu, 0x9b00dbd8u)]
    [InlineData(0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu, 0x408f276du, 0x41c83b0eu, 0xa20bc7c6u, 0x6d5451fdu)]
    [InlineData(0x243f6a88u, 0x85a308d3u, 0x13198a2eu, 0x03707344u, 0xa4093822u, 0x299f31d0u, 0xd16cfe09u, 0x94fdccebu, 0x5001e420u, 0x24126ea1u)]
    public void Philox_KnownAnswers_MatchRandom123(uint c0, uint c1, uint c2, uint c3, uint k0, uint k1, uint x0, uint x1, uint x2, uint x3) =>
        Assert.Equal((x0, x1, x2, x3), Philox.Block(c0, c1, c2, c3, k0, k1));

    [Fact]
    public void Uniform_IsStrictlyInsideTheUnitInterval_AndAPureFunctionOfItsCounter() =>
        Gen.Select(Gen.ULong, Gen.UInt, Gen.ULong, Gen.UInt[0, 20]).Sample((seed, iteration, stream, attempt) =>
        {
            double u = Philox.Uniform(seed, iteration, stream, attempt);
            Assert.InRange(u, 1.0 / (1L << 53), 1 - (1.0 / (1L << 53)));
            Assert.Equal(u, Philox.Uniform(seed, iteration, stream, attempt));
        });

    [Fact]
    public void Uniform_ExtremeBits_StayInsideTheUnitInterval()
    {
        // The largest of the 2^52 cells: (2^52 - 1/2) / 2^52 = 1 - 2^-53, exactly representable and below 1; the smallest 2^-53.
        Assert.Equal(1 - (1.0 / (1L << 53)), ((double)((1UL << 52) - 1) + 0.5) * (1.0 / (1L << 52)));
        Assert.True(((double)((1UL << 52) - 1) + 0.5) * (1.0 / (1L << 52)) < 1);
        Assert.True(double.IsFinite(StandardNormal.Quantile(1 - (1.0 / (1L << 53)))));
    }

    [Fact]
    public void Uniform_OverManyCounters_HasTheMomentsOfAUniform()
    {
        // Mean 1/2 and variance 1/12; with n = 200,000 the standard errors are 0.00065 and 0.00019: 5 of them allowed.
        const int n = 200_000;
        double sum = 0, squares = 0;
        for (uint i = 0; i < n; i++)
        {
            double u = Philox.Uniform(42, i, 7, 0);
            sum += u;
            squares += u * u;
        }

        double mean = sum / n;
        Assert.Equal(0.5, mean, 0.0033);
        Assert.Equal(1.0 / 12, (squares / n) - (mean * mean), 0.001);
    }

    [Theory]
    // Standard normal quantiles to 15 digits (the values of Abramowitz and Stegun's tables, and of R's qnorm).
    [InlineData(0.5, 0)]
    [InlineData(0.975, 1.959963984540054)]
    [InlineData(0.95, 1.6448536269514722)]
    [InlineData(0.995, 2.5758293035489004)]
    [InlineData(0.999, 3.090232306167813)]
    [InlineData(0.8413447460685429, 1.0)]
    [InlineData(0.02275013194817921, -2.0)]
    public void StandardNormalQuantile_KnownValues(double p, double z) =>
        Assert.Equal(z, StandardNormal.Quantile(p), 1e-14);

    [Fact]
    public void StandardNormalQuantile_IsAntisymmetricAndIncreasing() =>
        // p from the smallest uniform the generator gives, 2^-53 (below about 1e-16, 1 - p rounds to 1 and has no finite quantile).
        Gen.Double[1.0 / (1L << 53), 0.5].Sample(p =>
        {
            // 1 - p is rounded, but its own complement 1 - (1 - p) is exact (Sterbenz): compare those two.
            double q = 1 - p, complement = 1 - q;
            Assert.Equal(-StandardNormal.Quantile(complement), StandardNormal.Quantile(q), 1e-9 * Math.Max(1, Math.Abs(StandardNormal.Quantile(q))));
            Assert.True(StandardNormal.Quantile(p) <= StandardNormal.Quantile(Math.Min(0.5, p * 1.001)));
        });

    [Fact]
    public void StandardNormalQuantile_DeepTail_IsFinite()
    {
        // The smallest uniform the generator gives is 2^-53; its quantile is about -8.2, far from overflow.
        double u = 1.0 / (1L << 53);
        Assert.InRange(StandardNormal.Quantile(u), -8.3, -8.1);
        Assert.Equal(-StandardNormal.Quantile(u), StandardNormal.Quantile(1 - u), 1e-6);
    }
}
