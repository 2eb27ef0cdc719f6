namespace Pcf.Accounting.Results;

/// <summary>What a term of an explanation's product is.</summary>
public enum ExplanationTermKind
{
    /// <summary>An amount of a product or activity (the demand, an amount used, a displaced amount).</summary>
    Amount = 0,

    /// <summary>How many runs of a process.</summary>
    Runs = 1,

    /// <summary>An amount per run, as the system states it.</summary>
    AmountPerRun = 2,

    /// <summary>A unit conversion to the flow's reference unit (exact).</summary>
    Conversion = 3,

    /// <summary>An allocation share of a multi-output process.</summary>
    AllocationShare = 4,

    /// <summary>The cradle-to-gate kg CO2e of one unit of a product of the system (supply chain included).</summary>
    FootprintPerUnit = 5,

    /// <summary>An emission factor's kg CO2e per unit of activity.</summary>
    FactorPerUnit = 6,

    /// <summary>A global warming potential: kg CO2e per kg of a gas.</summary>
    Gwp = 7,

    /// <summary>kg of one gas per unit of activity, a component of an emission factor.</summary>
    GasPerUnit = 8,

    /// <summary>−1: a removal, capture or credit subtracts.</summary>
    Sign = 9,
}
