namespace Pcf.Accounting.Uncertainty;

/// <summary>What a Monte Carlo run samples, and so how much each draw costs.</summary>
public enum MonteCarloMode
{
    /// <summary><see cref="Technosphere"/> when a product exchange between processes (an output, or an input supplied by a process)
    /// carries a distribution, else <see cref="FixedScaling"/>.</summary>
    Automatic = 0,

    /// <summary>The scaling vector stays: emission factors, direct emissions and the amounts of factor-supplied inputs are sampled;
    /// every draw is a dot product over the factors' total use, with no solve. Distributions on product exchanges between
    /// processes are held at their stated amounts (the run says how many).</summary>
    FixedScaling = 1,

    /// <summary>Everything with a distribution is sampled, the technosphere included: every draw refactorizes the matrix on its fixed
    /// pattern (no new ordering, no allocation) and solves it.</summary>
    Technosphere = 2,
}
