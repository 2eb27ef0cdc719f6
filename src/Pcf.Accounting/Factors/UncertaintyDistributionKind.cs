namespace Pcf.Accounting.Factors;

/// <summary>The shape of a factor's uncertainty distribution.</summary>
public enum UncertaintyDistributionKind
{
    /// <summary>Normal, given by a relative standard deviation.</summary>
    Normal = 1,

    /// <summary>Lognormal, given by a geometric standard deviation.</summary>
    Lognormal = 2,

    /// <summary>Triangular, given by relative minimum and maximum around the amount as mode.</summary>
    Triangular = 3,

    /// <summary>Uniform, given by relative minimum and maximum.</summary>
    Uniform = 4,
}
