using System.Globalization;
using Pcf.Accounting.Model;
using Pcf.Accounting.Results;
using Pcf.Accounting.Units;

namespace Pcf.Accounting.Templates.Steel.Views;

/// <summary>The end-of-life recycling of a steel product by the worldsteel "value of scrap" approach, reported apart from the
/// cradle-to-gate footprint and never added into it.</summary>
/// <remarks>
/// <para>The net scrap of the product is its end-of-life recovery RR less the scrap S that went into making it (kg per kg of
/// product); each kg of net scrap is worth the value of scrap VoS = Y(X_pr − X_re) in kg CO2e. The end-of-life credit is
/// −(RR − S) × VoS × the product's mass: a credit when the product returns more scrap than it took, a burden when it took more
/// (worldsteel LCI methodology report 2017, Appendix 10; Broadbent, Int J LCA 21:1658–1665, 2016).</para>
/// <para>S is read from the inventory: the scrap flows (tag <c>steel:scrap</c>) that every process of the system takes for the
/// demand, so it follows the yields and the routes the system holds. Under economic allocation S is the physical scrap, each
/// process at its physical runs (the slag that takes 1 % of the EAF's burden by revenue takes none of its scrap: the value of
/// scrap is a metal balance, and the scrap's iron leaves in the steel). The result's totals are not touched: the line
/// <c>cradle-to-gate-with-end-of-life</c> states the worldsteel sum beside them.</para>
/// <para>Lines: <c>cradle-to-gate</c>, <c>product-mass</c>, <c>scrap-input</c> (kg for the demand), <c>scrap-input-per-kg</c>
/// (S), <c>recovery-rate</c> (RR), <c>net-scrap</c> (RR − S), <c>value-of-scrap</c>, <c>end-of-life-credit</c>,
/// <c>cradle-to-gate-with-end-of-life</c>.</para>
/// <para>The product's mass comes from the system (<c>productMassPerDeclaredUnit</c>, or a declared unit that is a mass).</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed class SteelEndOfLifeView : IFootprintView
{
    /// <summary>The view's id.</summary>
    public const string ViewId = "steel-end-of-life";

    /// <summary>The tag that marks scrap flows.</summary>
    public const string ScrapTag = Flows.ScrapTag;

    private static readonly Tag Scrap = Tag.Parse(ScrapTag);
    private readonly double _recoveryRate;
    private readonly double _valueOfScrap;
    private readonly string _note;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="recoveryRate">The end-of-life recovery rate RR, 0 to 1.</param>
    /// <param name="valueOfScrap">The value of scrap VoS, kg CO2e per kg of scrap.</param>
    /// <param name="sources">Where RR and VoS come from, for the lines' notes.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of its range or not finite.</exception>
    public SteelEndOfLifeView(double recoveryRate, double valueOfScrap, string? sources = null)
    {
        if (!(recoveryRate >= 0 && recoveryRate <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(recoveryRate), recoveryRate, "The recovery rate is between 0 and 1.");
        }

        if (!(valueOfScrap >= 0 && double.IsFinite(valueOfScrap)))
        {
            throw new ArgumentOutOfRangeException(nameof(valueOfScrap), valueOfScrap, "The value of scrap is a finite, non-negative kg CO2e per kg.");
        }

        _recoveryRate = recoveryRate;
        _valueOfScrap = valueOfScrap;
        _note = sources ?? "worldsteel LCI methodology report 2017, Appendix 10";
    }

    /// <inheritdoc/>
    public string Id => ViewId;

    /// <inheritdoc/>
    public string Title => "Steel end-of-life recycling (worldsteel value of scrap), reported apart from the cradle-to-gate footprint";

    /// <inheritdoc/>
    public ViewResult Compute(FootprintResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var inventory = Unallocated.Of(result).Inventory; // the scrap a product takes is a mass: physical runs, not allocated ones
        double scrapKg = 0;
        foreach (var process in inventory.Processes)
        {
            foreach (var link in process.Links)
            {
                scrapKg += ScrapKilograms(inventory, link.Flow, link.Amount);
            }

            foreach (var use in process.FactorUses.Where(u => !u.IsCredit))
            {
                scrapKg += ScrapKilograms(inventory, use.Flow, use.Amount);
            }
        }

        double mass = ProductMass(result);
        if (!(mass > 0))
        {
            return new ViewResult(Id, Title, [])
            {
                Warnings = [new Validation.ValidationProblem("$.productMassPerDeclaredUnit", Validation.ProblemCodes.ImplausibleValue,
                    "The system states no product mass per declared unit, so the scrap per kg of product cannot be worked out.")],
            };
        }

        double s = scrapKg / mass;
        double net = _recoveryRate - s;
        double credit = -net * _valueOfScrap * mass;
        double total = result.TotalExcludingBiogenicUptake.Value;
        string Fmt(double x) => x.ToString("G6", CultureInfo.InvariantCulture);
        return new ViewResult(Id, Title,
        [
            new ViewLine("cradle-to-gate", "Cradle-to-gate footprint (the result's total, unchanged)", total, "kg CO2e"),
            new ViewLine("product-mass", "Mass of product for the demand", mass, "kg"),
            new ViewLine("scrap-input", "Scrap taken to make it (all steps, for the demand)", scrapKg, "kg"),
            new ViewLine("scrap-input-per-kg", "S: scrap input per kg of product", s, "kg/kg") { Note = $"{Fmt(scrapKg)} kg / {Fmt(mass)} kg" },
            new ViewLine("recovery-rate", "RR: end-of-life recovery rate", _recoveryRate, "kg/kg") { Note = _note },
            new ViewLine("net-scrap", "Net scrap RR - S", net, "kg/kg") { Note = $"{Fmt(_recoveryRate)} - {Fmt(s)}" },
            new ViewLine("value-of-scrap", "Value of scrap Y(X_pr - X_re)", _valueOfScrap, "kg CO2e/kg") { Note = _note },
            new ViewLine("end-of-life-credit", "End-of-life recycling: -(RR - S) x VoS x mass (negative: a credit)", credit, "kg CO2e")
            {
                Note = $"-({Fmt(_recoveryRate)} - {Fmt(s)}) x {Fmt(_valueOfScrap)} x {Fmt(mass)} kg; reported apart, not in the cradle-to-gate total",
            },
            new ViewLine("cradle-to-gate-with-end-of-life", "Cradle to gate including end-of-life recycling (worldsteel), beside the footprint", total + credit, "kg CO2e"),
        ]);
    }

    /// <summary>The product's mass for the demand, kg: the mass per declared unit times the declared units demanded.</summary>
    private static double ProductMass(FootprintResult result)
    {
        var declared = result.System.DeclaredUnit;
        var perDeclared = result.System.ProductMassPerDeclaredUnit ?? (declared.Dimension == Dimension.Mass ? declared : (Quantity?)null);
        if (perDeclared is not { } m || result.Demand.Product != result.System.ReferenceProduct || !declared.Unit.CanConvertTo(result.Demand.Amount.Unit))
        {
            return 0;
        }

        return m.As(Unit.Kilogram) * result.Demand.Amount.Value / declared.ConvertTo(result.Demand.Amount.Unit).Value;
    }

    private static double ScrapKilograms(FootprintInventory inventory, FlowId flow, double amount) =>
        inventory.TryGetFlow(flow, out var f) && f.Tags.Contains(Scrap) && f.ReferenceUnit.Dimension == Dimension.Mass
            ? Quantity.Of(amount, f.ReferenceUnit).As(Unit.Kilogram)
            : 0;
}
