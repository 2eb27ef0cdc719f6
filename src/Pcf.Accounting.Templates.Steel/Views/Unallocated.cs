using System.Collections.Immutable;
using Pcf.Accounting.Results;

namespace Pcf.Accounting.Templates.Steel.Views;

/// <summary>The result's inventory with economic allocation taken back out: each allocated process's exchanges for the demand
/// at its physical runs (how often it actually runs to make what the demand takes of it), not its allocated runs.</summary>
/// <remarks>
/// <para>Under allocation the inventory's <see cref="InventoryProcess.Runs"/> is the sum over the process's outputs of each output
/// column's runs times its share (the EAF making 1.05 t of liquid steel with 1 % of its burden on the slag runs 0.99 × 1.05 =
/// 1.0395 allocated times), and every amount for the demand is per run times those runs. The physical runs are the runs of the
/// column that runs most (the steel's: 1.05; no column of a sold co-product runs within a steel system); this restates each
/// emission, factor use and link of the process at them, so the process carries its whole burden again.</para>
/// <para>The CBAM and end-of-life views read it: CBAM attributes a production process's emissions to the goods it makes, not by
/// economic value, and the scrap a product takes is a mass, not a share of revenue. The footprint's totals and lines are not
/// touched: they stay allocated. Under system expansion there is no allocation and the inventory is returned unchanged.</para>
/// </remarks>
internal static class Unallocated
{
    /// <summary>Gets the result with its inventory at physical runs (the same result when nothing was allocated).</summary>
    public static FootprintResult Of(FootprintResult result)
    {
        var allocated = result.Allocations.Where(a => !a.Shares.IsDefaultOrEmpty).Select(a => a.Process).ToHashSet();
        if (allocated.Count == 0)
        {
            return result;
        }

        var processes = result.Inventory.Processes.Select(p => allocated.Contains(p.Id) ? Physical(p) : p).ToImmutableArray();
        return result with { Inventory = new FootprintInventory(processes, result.Inventory.Factors, result.Inventory.Flows) };
    }

    /// <summary>Gets the physical runs over the allocated runs of a process (1 when it does not run).</summary>
    public static double Scale(InventoryProcess process)
    {
        double physical = process.Outputs.IsDefaultOrEmpty ? 0 : process.Outputs.Max(o => o.Runs);
        return process.Runs > 0 && physical > 0 ? physical / process.Runs : 1;
    }

    private static InventoryProcess Physical(InventoryProcess p)
    {
        double k = Scale(p);
        return p with
        {
            Runs = p.Runs * k,
            Emissions = [.. p.Emissions.Select(e => e with { Kilograms = e.Kilograms * k, Co2e = e.Co2e * k })],
            FactorUses = [.. p.FactorUses.Select(u => u with { Amount = u.Amount * k, Co2e = u.Co2e * k })],
            Links = [.. p.Links.Select(l => l with { Amount = l.Amount * k, Co2e = l.Co2e * k })],
        };
    }
}
