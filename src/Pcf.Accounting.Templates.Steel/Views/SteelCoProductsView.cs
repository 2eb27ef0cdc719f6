using System.Globalization;
using Pcf.Accounting.Results;

namespace Pcf.Accounting.Templates.Steel.Views;

/// <summary>How a steel footprint treated its co-products: under system expansion, every credit on its own signed line (the
/// exported process gas, power, steam or slag, what it displaces, and the CO2e), their sum, and the footprint before credits;
/// under allocation, each step's allocation shares.</summary>
/// <remarks>
/// <para>Lines: <c>credit:&lt;process&gt;:&lt;flow&gt;</c> (kg CO2e, negative), <c>credits</c> (their sum), <c>before-credits</c>
/// (the total without them) and <c>total</c> (the footprint, credits included, as the result reports it); under allocation
/// <c>allocation:&lt;process&gt;:&lt;flow&gt;</c> (the share, 0 to 1). The lines restate what the inventory holds: nothing is
/// computed on the side, and <c>before-credits + credits = total</c> holds exactly as the engine summed it.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed class SteelCoProductsView : IFootprintView
{
    /// <summary>The view's id.</summary>
    public const string ViewId = "steel-co-products";

    /// <inheritdoc/>
    public string Id => ViewId;

    /// <inheritdoc/>
    public string Title => "Steel co-products: credits (system expansion) or allocation shares";

    /// <inheritdoc/>
    public ViewResult Compute(FootprintResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var lines = new List<ViewLine>();
        double credits = 0;
        foreach (var process in result.Inventory.Processes.Where(p => p.IsIncluded))
        {
            foreach (var use in process.FactorUses.Where(u => u.IsCredit))
            {
                var factor = result.Inventory.Factors[use.Factor];
                string flow = result.Inventory.TryGetFlow(use.Flow, out var f) ? f.Name : use.Flow.Value;
                credits += use.Co2e;
                lines.Add(new ViewLine($"credit:{process.Id}:{use.Flow}", $"{flow} from {process.Name}, displacing {factor.Request.Key}", use.Co2e, "kg CO2e")
                {
                    Note = string.Create(CultureInfo.InvariantCulture, $"{use.Amount:G6} {factor.Request.Unit} x {factor.Co2ePerUnit:G6} kg CO2e per {factor.Request.Unit}"),
                });
            }

            foreach (var credit in process.Credits)
            {
                credits += credit.Co2e;
                lines.Add(new ViewLine($"credit:{process.Id}:{credit.Flow}", $"{credit.Flow} from {process.Name}, displacing the product of {credit.Displaced}", credit.Co2e, "kg CO2e"));
            }
        }

        double total = result.TotalExcludingBiogenicUptake.Value;
        lines.Add(new ViewLine("credits", "Credits of co-products (system expansion), never netted silently", credits, "kg CO2e"));
        lines.Add(new ViewLine("before-credits", "Footprint before the credits", total - credits, "kg CO2e"));
        lines.Add(new ViewLine("total", "Footprint (credits included), cradle to gate", total, "kg CO2e"));
        foreach (var allocation in result.Allocations)
        {
            foreach (var share in allocation.Shares)
            {
                lines.Add(new ViewLine($"allocation:{allocation.Process}:{share.Flow}", $"Share of {allocation.Process} allocated to {share.Flow} ({allocation.Method})", share.Share, "1")
                {
                    Note = allocation.Basis,
                });
            }
        }

        return new ViewResult(Id, Title, [.. lines]);
    }
}
