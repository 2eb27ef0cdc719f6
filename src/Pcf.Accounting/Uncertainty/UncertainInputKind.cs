namespace Pcf.Accounting.Uncertainty;

/// <summary>What an uncertain input of a Monte Carlo run is.</summary>
public enum UncertainInputKind
{
    /// <summary>A background emission factor, one draw scaling all its components (its own distribution, or one widened from its data-quality scores).</summary>
    Factor = 1,

    /// <summary>One component (one gas) of a background emission factor, with a distribution of its own.</summary>
    FactorComponent = 2,

    /// <summary>A process's product input (supplied by another process or by a factor).</summary>
    ProductInput = 3,

    /// <summary>A process's reference output or co-product.</summary>
    ProductOutput = 4,

    /// <summary>A process's direct emission or removal.</summary>
    DirectExchange = 5,
}
