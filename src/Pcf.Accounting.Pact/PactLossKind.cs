namespace Pcf.Accounting.Pact;

/// <summary>How a value fared in a conversion or an export.</summary>
public enum PactLossKind
{
    /// <summary>The target has no place for the value; it is left out.</summary>
    Dropped = 0,

    /// <summary>The value is carried, but its meaning, precision or unit changed (a re-scaled rating, a rounded quotient, a category folded into another).</summary>
    Approximated = 1,

    /// <summary>The target requires a value the source does not have; a stated default was used.</summary>
    Defaulted = 2,

    /// <summary>The value is a net of two quantities the target cannot keep apart (system-expansion credits inside the emissions); the gross value and the credit are stated.</summary>
    Netted = 3,
}
