using System.Globalization;
using Pcf.Accounting.Results;
using Pcf.Accounting.Templates.Cbam;

namespace Pcf.Accounting.Templates.Steel.Views;

/// <summary>The CBAM view of a steel result: the shared <see cref="CbamView"/> over the inventory at physical runs, so that under
/// economic allocation a good still carries every direct emission of the processes that make it.</summary>
/// <remarks>
/// <para>Implementing Regulation (EU) 2023/1773 Annex III (and (EU) 2025/2547 Annex III for the definitive period) attributes an
/// installation's emissions to goods by production process: the attributed emissions of a production process are all of its
/// direct emissions, and a by-product that is not a CBAM good (slag, exported gas, power, steam) takes none of them. Economic
/// allocation is a footprint rule (EN 15804), not a CBAM one, so this view reads <see cref="Unallocated"/>. Under system expansion
/// nothing is allocated and the lines are exactly the shared view's. Exported process gases burned for power under system
/// expansion are emissions of the expanded system, tagged with the step that exports them, as the shared view reads them.</para>
/// <para>Under allocation it adds the line <c>allocation-restored-direct</c>: the direct emissions (t CO2e) the co-products carried
/// and this view gives back to the goods.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
internal sealed class SteelCbamView(CbamGood good) : IFootprintView
{
    private readonly CbamView _inner = new(good);

    public string Id => CbamView.ViewId;

    public string Title => _inner.Title;

    public ViewResult Compute(FootprintResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var physical = Unallocated.Of(result);
        var view = _inner.Compute(physical);
        if (ReferenceEquals(physical, result))
        {
            return view;
        }

        double restored = 0;
        foreach (var (allocated, whole) in result.Inventory.Processes.Zip(physical.Inventory.Processes))
        {
            if (allocated.IsIncluded)
            {
                restored += (whole.Emissions.Sum(e => e.Co2e) - allocated.Emissions.Sum(e => e.Co2e)) / 1000;
            }
        }

        return view with
        {
            Lines =
            [
                .. view.Lines,
                new ViewLine("allocation-restored-direct", "Direct emissions the co-products carried under economic allocation, given back to the goods", restored, "t CO2e")
                {
                    Note = string.Create(CultureInfo.InvariantCulture,
                        $"CBAM attributes a production process's direct emissions to the goods it makes, not by economic value (Implementing Regulation (EU) 2023/1773 Annex III); the footprint's totals stay allocated ({result.RuleSet.Id})."),
                },
            ],
        };
    }
}
