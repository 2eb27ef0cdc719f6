namespace Pcf.Accounting.Model;

/// <summary>The shape of an amount's uncertainty distribution.</summary>
public enum UncertaintyDistributionKind
{
    /// <summary>Normal, given by a relative standard deviation; the amount is the mean.</summary>
    Normal = 1,

    /// <summary>Lognormal, given by a geometric standard deviation (or its square); the amount is the geometric mean (the median).</summary>
    Lognormal = 2,

    /// <summary>Triangular, given by relative minimum and maximum around the amount as mode.</summary>
    Triangular = 3,

    /// <summary>Uniform, given by relative minimum and maximum.</summary>
    Uniform = 4,

    /// <summary>Fixed: the amount is exact; no widening from data-quality scores applies.</summary>
    Fixed = 5,
}
