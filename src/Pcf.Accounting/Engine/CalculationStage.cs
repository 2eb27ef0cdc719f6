namespace Pcf.Accounting.Engine;

/// <summary>A step of a calculation, reported to <see cref="IProgress{T}"/>.</summary>
public enum CalculationStage
{
    /// <summary>Compiling the system into matrices and factorizing the technosphere (the long step of a big system).</summary>
    Compiling = 0,

    /// <summary>Resolving the background factors (may call databases or remote providers).</summary>
    Resolving = 1,

    /// <summary>Solving and laying out the inventory.</summary>
    Computing = 2,

    /// <summary>Computing the registered views over the result.</summary>
    Views = 3,

    /// <summary>Sampling a Monte Carlo run (the count is the number of iterations).</summary>
    Sampling = 4,
}
