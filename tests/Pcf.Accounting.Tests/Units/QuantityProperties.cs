using CsCheck;
using Pcf.Accounting.Tests.TestSupport;
using Pcf.Accounting.Units;

namespace Pcf.Accounting.Tests.Units;

/// <summary>Laws of conversion, parsing and arithmetic, checked on random quantities.</summary>
public sealed class QuantityProperties
{
    // Conversions are at most two correctly rounded steps each (relative error ≤ 2 × 2^-53 ≈ 2.2e-16),
    // so a round trip or a two-step chain stays well within 1e-15.
    private const double Tolerance = 1e-15;

    private static readonly Unit[][] Dimensions = Unit.All.GroupBy(u => u.Dimension).Select(g => g.ToArray()).ToArray();

    private static readonly Gen<Unit> AnyUnit = Compat.OneOfValues(Unit.All.ToArray());

    // Magnitudes from 1e-30 to 1e30, either sign: far from subnormals and overflow, where relative error is meaningless.
    private static readonly Gen<double> Value =
        Gen.Select(Gen.Double[1, 10], Gen.Int[-30, 30], Gen.Bool, (m, e, negative) => (negative ? -m : m) * Math.Pow(10, e));

    private static readonly Gen<double> PositiveValue = Value.Select(Math.Abs);

    private static readonly Gen<Unit[]> SameDimension = Compat.OneOfValues(Dimensions)
        .SelectMany(units => Compat.OneOfValues(units).Array[3]);

    private static void AssertClose(double expected, double actual, double relative = Tolerance) =>
        Assert.True(
            Math.Abs(expected - actual) <= relative * Math.Abs(expected),
            $"expected {expected:R}, got {actual:R} (relative error {Math.Abs(expected - actual) / Math.Abs(expected):E2})");

    [Fact]
    public void ConvertTo_RoundTripThroughAnyUnitOfTheDimension_ReturnsTheValue() =>
        Gen.Select(Value, SameDimension).Sample(t =>
        {
            var (value, units) = t;
            var q = Quantity.Of(value, units[0]);
            AssertClose(value, q.ConvertTo(units[1]).As(units[0]));
        });

    [Fact]
    public void ConvertTo_EveryPairOfUnits_RoundTrips()
    {
        foreach (var units in Dimensions)
        {
            foreach (var a in units)
            {
                foreach (var b in units)
                {
                    Value.Sample(value => AssertClose(value, Quantity.Of(value, a).ConvertTo(b).As(a)), iter: 200);
                }
            }
        }
    }

    [Fact]
    public void ConvertTo_Chain_AssociatesWithDirectConversion() =>
        Gen.Select(Value, SameDimension).Sample(t =>
        {
            var (value, u) = t;
            var q = Quantity.Of(value, u[0]);
            AssertClose(q.As(u[2]), q.ConvertTo(u[1]).As(u[2]));
        });

    [Fact]
    public void ConvertTo_IsLinear() =>
        Gen.Select(Value, Gen.Double[-1e6, 1e6], SameDimension).Sample(t =>
        {
            var (value, k, u) = t;
            var q = Quantity.Of(value, u[0]);
            double scaledThenConverted = (q * k).As(u[1]);
            double convertedThenScaled = k * q.As(u[1]);
            if (k == 0)
            {
                Assert.Equal(0.0, scaledThenConverted);
                return;
            }

            AssertClose(convertedThenScaled, scaledThenConverted);
        });

    [Fact]
    public void Parse_OfToString_GivesTheSameQuantity() =>
        Gen.Select(Gen.Double.Where(double.IsFinite), AnyUnit).Sample(t =>
        {
            var (value, unit) = t;
            var q = Quantity.Of(value, unit);
            Assert.Equal(q, Quantity.Parse(q.ToString()));
            Assert.True(Quantity.TryParse(q.ToString(), out var parsed));
            Assert.Equal(q, parsed);
        });

    [Fact]
    public void TryFormat_MatchesToString() =>
        Gen.Select(Gen.Double.Where(double.IsFinite), AnyUnit).Sample(t =>
        {
            var q = Quantity.Of(t.Item1, t.Item2);
            Span<char> buffer = stackalloc char[64];
            Assert.True(q.TryFormat(buffer, out int written, default, null));
            Assert.Equal(q.ToString(), buffer[..written].ToString());
        });

    [Fact]
    public void Plus_AcrossUnitsOfADimension_CommutesInValue() =>
        // Same signs, so no cancellation: each side is about five rounded steps, hence 4e-15.
        Gen.Select(PositiveValue, PositiveValue, SameDimension).Sample(t =>
        {
            var (x, y, u) = t;
            var a = Quantity.Of(x, u[0]);
            var b = Quantity.Of(y, u[1]);
            AssertClose((a + b).As(u[2]), (b + a).As(u[2]), relative: 4e-15);
        });

    [Fact]
    public void Minus_Self_IsZero() =>
        Gen.Select(Value, AnyUnit).Sample(t =>
        {
            var q = Quantity.Of(t.Item1, t.Item2);
            Assert.Equal(Quantity.Zero(t.Item2), q - q);
        });

    [Fact]
    public void CompareTo_AgreesWithBaseUnitValues() =>
        Gen.Select(Value, Value, SameDimension).Sample(t =>
        {
            var (x, y, u) = t;
            var a = Quantity.Of(x, u[0]);
            var b = Quantity.Of(y, u[1]);
            var baseUnit = Unit.BaseUnitOf(u[0].Dimension);
            double ax = a.As(baseUnit), bx = b.As(baseUnit);
            if (Math.Abs(ax - bx) > 1e-14 * Math.Max(Math.Abs(ax), Math.Abs(bx)))
            {
                Assert.Equal(Math.Sign(ax.CompareTo(bx)), Math.Sign(a.CompareTo(b)));
            }
        });
}
