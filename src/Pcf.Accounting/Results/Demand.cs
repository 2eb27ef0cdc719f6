using Pcf.Accounting.Model;
using Pcf.Accounting.Units;

namespace Pcf.Accounting.Results;

/// <summary>What a calculation asks for: an amount of a product of the system.</summary>
/// <param name="Product">The product flow.</param>
/// <param name="Amount">The amount, in a unit of the flow's dimension.</param>
/// <param name="Process">The process that makes it, when several do.</param>
/// <threadsafety>Immutable.</threadsafety>
public sealed record Demand(FlowId Product, Quantity Amount, ProcessId? Process = null)
{
    /// <summary>Gets the system's own demand: its declared unit of its reference product.</summary>
    /// <param name="system">The product system.</param>
    /// <returns>The demand.</returns>
    public static Demand DeclaredUnitOf(ProductSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return new(system.ReferenceProduct, system.DeclaredUnit, system.ReferenceProcess);
    }
}
