using System.Globalization;

namespace Pcf.Accounting.Units;

/// <summary>A number with a unit that may be compound, such as 94.6 t/TJ or 65 %: the operands of sector formulas.</summary>
/// <remarks>A <see cref="Quantity"/> has one dimension; a measure's unit is a <see cref="UnitExpression"/>, so it can
/// also be an emission factor, a calorific value or a ratio. <c>default</c> has no unit: use <see cref="Of(double, UnitExpression)"/>.</remarks>
/// <threadsafety>Immutable value type.</threadsafety>
public readonly record struct Measure
{
    private Measure(double value, UnitExpression unit)
    {
        Value = value;
        Unit = unit;
    }

    /// <summary>Gets the number.</summary>
    public double Value { get; }

    /// <summary>Gets the unit.</summary>
    public UnitExpression Unit { get; }

    /// <summary>Creates a measure.</summary>
    /// <param name="value">The number; finite.</param>
    /// <param name="unit">The unit.</param>
    /// <returns>The measure.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN or infinite.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="unit"/> is <see langword="null"/>.</exception>
    public static Measure Of(double value, UnitExpression unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return double.IsFinite(value) ? new(value, unit) : throw new ArgumentOutOfRangeException(nameof(value), value, "A measure must be finite.");
    }

    /// <summary>Creates a measure in a unit given as text, such as <c>t/TJ</c>.</summary>
    /// <param name="value">The number; finite.</param>
    /// <param name="unit">The unit expression.</param>
    /// <returns>The measure.</returns>
    /// <exception cref="FormatException"><paramref name="unit"/> is not a unit expression.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN or infinite.</exception>
    public static Measure Of(double value, string unit) => Of(value, UnitExpression.Parse(unit));

    /// <summary>Creates a measure from a quantity.</summary>
    /// <param name="quantity">The quantity.</param>
    /// <returns>The same amount as a measure.</returns>
    public static Measure From(Quantity quantity) => new(quantity.Value, UnitExpression.Of(quantity.Unit));

    /// <summary>Gets the value in another unit of the same dimensions.</summary>
    /// <param name="unit">The unit.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentException">The units measure different things.</exception>
    public double As(UnitExpression unit) => (Unit ?? UnitExpression.One).ConvertTo(Value, unit);

    /// <summary>Returns the value and unit, such as <c>94.6 t/TJ</c>.</summary>
    /// <returns>The text, the value in its shortest round-trip form.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Value:R} {Unit?.Text ?? "1"}");
}
