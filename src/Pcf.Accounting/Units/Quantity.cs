using System.Globalization;

namespace Pcf.Accounting.Units;

/// <summary>An amount with a unit, such as 12.5 kWh.</summary>
/// <remarks>
/// <para>Conversion within a dimension is exact (see <see cref="Unit"/>); across dimensions it throws
/// <see cref="IncompatibleUnitsException"/>. The value is always finite: no operation returns NaN or
/// infinity, it throws instead.</para>
/// <para>Equality (<see cref="Equals(Quantity)"/>, <c>==</c>) is structural: same value and same unit,
/// so 1 t != 1000 kg. Ordering (<see cref="CompareTo(Quantity)"/>, <c>&lt;</c>) converts, so 1 t is
/// neither less nor greater than 1000 kg. <c>default</c> is a dimensionless zero.</para>
/// </remarks>
/// <example><code>
/// var energy = Quantity.Of(12.5, Unit.KilowattHour);
/// double mj = energy.As(Unit.Megajoule); // 12.5 × 3.6 = 45
/// </code></example>
/// <threadsafety>Immutable value type.</threadsafety>
public readonly partial struct Quantity : IEquatable<Quantity>, IComparable<Quantity>, ISpanFormattable
{
    private readonly Unit? _unit;

    private Quantity(double value, Unit unit)
    {
        Value = value;
        _unit = unit;
    }

    /// <summary>Gets the number of <see cref="Unit"/>s; always finite.</summary>
    public double Value { get; }

    /// <summary>Gets the unit; <see cref="Unit.One"/> for <c>default(Quantity)</c>.</summary>
    public Unit Unit => _unit ?? Unit.One;

    /// <summary>Gets the dimension of <see cref="Unit"/>.</summary>
    public Dimension Dimension => Unit.Dimension;

    /// <summary>Creates a quantity.</summary>
    /// <param name="value">The number of units; finite.</param>
    /// <param name="unit">The unit.</param>
    /// <returns>The quantity <paramref name="value"/> <paramref name="unit"/>.</returns>
    /// <example><code>var fuel = Quantity.Of(250, Unit.Litre);</code></example>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN or infinite.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="unit"/> is <see langword="null"/>.</exception>
    public static Quantity Of(double value, Unit unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return double.IsFinite(value)
            ? new(value, unit)
            : throw new ArgumentOutOfRangeException(nameof(value), value, "A quantity must be finite.");
    }

    /// <summary>Creates a zero quantity in a unit.</summary>
    /// <param name="unit">The unit.</param>
    /// <returns>0 <paramref name="unit"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="unit"/> is <see langword="null"/>.</exception>
    public static Quantity Zero(Unit unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return new(0, unit);
    }

    /// <summary>Gets the number of <paramref name="unit"/>s in this quantity.</summary>
    /// <param name="unit">A unit of the same dimension.</param>
    /// <returns>The value converted exactly (one or two correctly rounded steps).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="unit"/> is <see langword="null"/>.</exception>
    /// <exception cref="IncompatibleUnitsException"><paramref name="unit"/> measures another dimension.</exception>
    /// <exception cref="OverflowException">The converted value is beyond the range of a <see cref="double"/>.</exception>
    public double As(Unit unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return Unit.Convert(Value, Unit, unit);
    }

    /// <summary>Converts this quantity to another unit of the same dimension.</summary>
    /// <param name="unit">A unit of the same dimension.</param>
    /// <returns>The same amount expressed in <paramref name="unit"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="unit"/> is <see langword="null"/>.</exception>
    /// <exception cref="IncompatibleUnitsException"><paramref name="unit"/> measures another dimension.</exception>
    /// <exception cref="OverflowException">The converted value is beyond the range of a <see cref="double"/>.</exception>
    public Quantity ConvertTo(Unit unit) => new(As(unit), unit);

    /// <inheritdoc/>
    public bool Equals(Quantity other) => Value.Equals(other.Value) && Unit.Equals(other.Unit);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Quantity other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Value, Unit);

    /// <summary>Compares with a quantity of the same dimension, converting it to this quantity's unit.</summary>
    /// <param name="other">A quantity of the same dimension.</param>
    /// <returns>Negative, zero or positive as this is less than, equal to or greater than <paramref name="other"/>.</returns>
    /// <exception cref="IncompatibleUnitsException">The dimensions differ.</exception>
    /// <exception cref="OverflowException"><paramref name="other"/> in this quantity's unit is beyond the range of a <see cref="double"/>.</exception>
    public int CompareTo(Quantity other) => Value.CompareTo(other.As(Unit));

    /// <summary>Tells whether two quantities have the same value and the same unit.</summary>
    /// <param name="left">The first quantity.</param>
    /// <param name="right">The second quantity.</param>
    /// <returns><see langword="true"/> when structurally equal; 1 t == 1000 kg is <see langword="false"/>.</returns>
    public static bool operator ==(Quantity left, Quantity right) => left.Equals(right);

    /// <summary>Tells whether two quantities differ in value or unit.</summary>
    /// <param name="left">The first quantity.</param>
    /// <param name="right">The second quantity.</param>
    /// <returns><see langword="true"/> when not structurally equal.</returns>
    public static bool operator !=(Quantity left, Quantity right) => !left.Equals(right);

    /// <summary>Tells whether one quantity is less than another of the same dimension.</summary>
    /// <param name="left">The first quantity.</param>
    /// <param name="right">The second quantity, converted to the first's unit.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> is less.</returns>
    /// <exception cref="IncompatibleUnitsException">The dimensions differ.</exception>
    public static bool operator <(Quantity left, Quantity right) => left.CompareTo(right) < 0;

    /// <summary>Tells whether one quantity is less than or equal to another of the same dimension.</summary>
    /// <param name="left">The first quantity.</param>
    /// <param name="right">The second quantity, converted to the first's unit.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> is less or equal.</returns>
    /// <exception cref="IncompatibleUnitsException">The dimensions differ.</exception>
    public static bool operator <=(Quantity left, Quantity right) => left.CompareTo(right) <= 0;

    /// <summary>Tells whether one quantity is greater than another of the same dimension.</summary>
    /// <param name="left">The first quantity.</param>
    /// <param name="right">The second quantity, converted to the first's unit.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> is greater.</returns>
    /// <exception cref="IncompatibleUnitsException">The dimensions differ.</exception>
    public static bool operator >(Quantity left, Quantity right) => left.CompareTo(right) > 0;

    /// <summary>Tells whether one quantity is greater than or equal to another of the same dimension.</summary>
    /// <param name="left">The first quantity.</param>
    /// <param name="right">The second quantity, converted to the first's unit.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> is greater or equal.</returns>
    /// <exception cref="IncompatibleUnitsException">The dimensions differ.</exception>
    public static bool operator >=(Quantity left, Quantity right) => left.CompareTo(right) >= 0;
}
