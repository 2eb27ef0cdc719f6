namespace Pcf.Accounting.Model;

/// <summary>How a multi-output process shares its inputs and emissions among its products (ISO 14044 cl. 4.3.4.2).</summary>
/// <remarks>The ISO 14044 hierarchy prefers <see cref="SystemExpansion"/> (avoiding allocation), then a
/// physical relation (<see cref="Mass"/>, <see cref="Energy"/>, <see cref="Stated"/>), then
/// <see cref="Economic"/>. A rule set chooses the method; a process may state its own.</remarks>
public enum AllocationMethod
{
    /// <summary>Avoid allocation: every co-product displaces another supply of its product, and that supply's footprint becomes a credit reported on its own line.</summary>
    SystemExpansion = 1,

    /// <summary>Partition by the mass of the outputs.</summary>
    Mass = 2,

    /// <summary>Partition by the energy content of the outputs.</summary>
    Energy = 3,

    /// <summary>Partition by the economic value of the outputs (amount × price).</summary>
    Economic = 4,

    /// <summary>Partition by shares stated on the outputs (another physical relation, such as stoichiometry).</summary>
    Stated = 5,
}
