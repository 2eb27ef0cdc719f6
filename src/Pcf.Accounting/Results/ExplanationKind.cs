namespace Pcf.Accounting.Results;

/// <summary>What a node of an <see cref="Explanation"/> stands for.</summary>
public enum ExplanationKind
{
    /// <summary>The demand: an amount of the reference product and its whole footprint.</summary>
    Demand = 0,

    /// <summary>A product made in the system, in the amount the parent needs, with its upstream footprint.</summary>
    Product = 1,

    /// <summary>A direct emission or removal of the process making the parent product.</summary>
    DirectExchange = 2,

    /// <summary>A background input supplied by an emission factor.</summary>
    Factor = 3,

    /// <summary>A credit of a co-product displacing another supply (system expansion).</summary>
    Credit = 4,

    /// <summary>A branch not expanded further (below the share or beyond the depth asked for); its value is exact.</summary>
    Summary = 5,

    /// <summary>One greenhouse gas of the result (<see cref="FootprintResult.ExplainGas"/>): its children are every place the gas enters the footprint.</summary>
    Gas = 6,
}
