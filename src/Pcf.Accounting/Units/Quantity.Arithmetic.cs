namespace Pcf.Accounting.Units;

/// <content>Arithmetic: sums and differences within a dimension, scaling, ratios and negation.</content>
public readonly partial struct Quantity
{
    /// <summary>Adds two quantities of the same dimension; the result is in the left operand's unit.</summary>
    /// <param name="left">The first quantity; its unit is the result's.</param>
    /// <param name="right">The second quantity, converted to the first's unit.</param>
    /// <returns>The sum.</returns>
    /// <exception cref="IncompatibleUnitsException">The dimensions differ.</exception>
    /// <exception cref="OverflowException">The sum is beyond the range of a <see cref="double"/>.</exception>
    public static Quantity operator +(Quantity left, Quantity right) =>
        Result(left.Value + right.As(left.Unit), left.Unit, "sum");

    /// <summary>Subtracts a quantity of the same dimension; the result is in the left operand's unit.</summary>
    /// <param name="left">The minuend; its unit is the result's.</param>
    /// <param name="right">The subtrahend, converted to the minuend's unit.</param>
    /// <returns>The difference.</returns>
    /// <exception cref="IncompatibleUnitsException">The dimensions differ.</exception>
    /// <exception cref="OverflowException">The difference is beyond the range of a <see cref="double"/>.</exception>
    public static Quantity operator -(Quantity left, Quantity right) =>
        Result(left.Value - right.As(left.Unit), left.Unit, "difference");

    /// <summary>Negates a quantity.</summary>
    /// <param name="quantity">The quantity.</param>
    /// <returns>The quantity with the opposite sign, in the same unit.</returns>
    public static Quantity operator -(Quantity quantity) => new(-quantity.Value, quantity.Unit);

    /// <summary>Scales a quantity by a number.</summary>
    /// <param name="quantity">The quantity.</param>
    /// <param name="factor">The factor; finite.</param>
    /// <returns>The scaled quantity, in the same unit.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="factor"/> is NaN or infinite.</exception>
    /// <exception cref="OverflowException">The product is beyond the range of a <see cref="double"/>.</exception>
    public static Quantity operator *(Quantity quantity, double factor) =>
        Result(quantity.Value * CheckFinite(factor, nameof(factor)), quantity.Unit, "product");

    /// <summary>Scales a quantity by a number.</summary>
    /// <param name="factor">The factor; finite.</param>
    /// <param name="quantity">The quantity.</param>
    /// <returns>The scaled quantity, in the same unit.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="factor"/> is NaN or infinite.</exception>
    /// <exception cref="OverflowException">The product is beyond the range of a <see cref="double"/>.</exception>
    public static Quantity operator *(double factor, Quantity quantity) => quantity * factor;

    /// <summary>Divides a quantity by a number.</summary>
    /// <param name="quantity">The quantity.</param>
    /// <param name="divisor">The divisor; finite and not zero.</param>
    /// <returns>The quotient, in the same unit.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="divisor"/> is NaN or infinite.</exception>
    /// <exception cref="DivideByZeroException"><paramref name="divisor"/> is zero.</exception>
    /// <exception cref="OverflowException">The quotient is beyond the range of a <see cref="double"/>.</exception>
    public static Quantity operator /(Quantity quantity, double divisor)
    {
        if (CheckFinite(divisor, nameof(divisor)) == 0)
        {
            throw new DivideByZeroException("A quantity cannot be divided by zero.");
        }

        return Result(quantity.Value / divisor, quantity.Unit, "quotient");
    }

    /// <summary>Divides two quantities of the same dimension, giving their ratio as a pure number.</summary>
    /// <param name="left">The dividend.</param>
    /// <param name="right">The divisor, converted to the dividend's unit; not zero.</param>
    /// <returns>The ratio, such as 0.25 for 250 kg / 1 t.</returns>
    /// <exception cref="IncompatibleUnitsException">The dimensions differ.</exception>
    /// <exception cref="DivideByZeroException"><paramref name="right"/> is zero.</exception>
    /// <exception cref="OverflowException">The ratio is beyond the range of a <see cref="double"/>.</exception>
    public static double operator /(Quantity left, Quantity right)
    {
        double divisor = right.As(left.Unit);
        if (divisor == 0)
        {
            throw new DivideByZeroException("A quantity cannot be divided by a zero quantity.");
        }

        double ratio = left.Value / divisor;
        return double.IsFinite(ratio) ? ratio : throw new OverflowException("The ratio is beyond the range of a double.");
    }

    private static double CheckFinite(double number, string paramName) => double.IsFinite(number)
        ? number
        : throw new ArgumentOutOfRangeException(paramName, number, "The number must be finite.");

    private static Quantity Result(double value, Unit unit, string what) => double.IsFinite(value)
        ? new(value, unit)
        : throw new OverflowException($"The {what} is beyond the range of a double ({unit.Symbol}).");
}
