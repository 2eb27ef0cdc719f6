namespace Pcf.Accounting.Vectors;

/// <summary>How far a computed value may be from an expected one: it passes when |got − expected| ≤ max(absolute, relative × |expected|).</summary>
/// <param name="Relative">The relative tolerance; finite and non-negative.</param>
/// <param name="Absolute">The absolute tolerance; finite and non-negative.</param>
/// <threadsafety>Immutable value type.</threadsafety>
public readonly record struct VectorTolerance(double Relative, double Absolute)
{
    /// <summary>Gets the default: relative 1e-9, absolute 1e-12.</summary>
    public static VectorTolerance Default { get; } = new(1e-9, 1e-12);

    /// <summary>Gets the largest difference allowed from an expected value.</summary>
    /// <param name="expected">The expected value.</param>
    /// <returns>max(absolute, relative × |expected|).</returns>
    public double Allowed(double expected) => Math.Max(Absolute, Relative * Math.Abs(expected));
}
