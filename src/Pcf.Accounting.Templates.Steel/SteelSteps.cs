using Pcf.Accounting.Model;
using Pcf.Accounting.Templates.Cbam;
using Pcf.Accounting.Units;
using static Pcf.Accounting.Templates.Steel.SteelParameters;

namespace Pcf.Accounting.Templates.Steel;

/// <summary>The steps every route shares: scrap supply, casting with the site's exports, the product steps, and the CBAM roles.</summary>
internal static class SteelSteps
{
    /// <summary>The CBAM tags of the crude-steel steps (steelmaking and casting): the installation when crude steel is the
    /// declared good, else a precursor of it.</summary>
    public static string CrudeSteelRole(SteelSystem s) => s.Product.Steps == 0 ? CbamTags.Installation : CbamTags.Precursor("crude-steel");

    /// <summary>Adds the scrap supply: a factor when the site names one, else a burden-free supplier (cut-off).</summary>
    /// <returns>The supply to consume scrap from; <see langword="null"/> to link to the burden-free supplier.</returns>
    public static Supply? Scrap(SteelSystem s, string parameter)
    {
        var spec = Flows.Spec("scrap");
        s.Flow("scrap", spec.Name, spec.Unit, [.. spec.Tags]);
        if (s.Values.Has(ScrapFactorKey.Name))
        {
            string key = s.Values.Choice(ScrapFactorKey.Name).Trim();
            if (key.Length == 0)
            {
                s.Problem(ScrapFactorKey.Name, "'scrapFactorKey' is a factor key such as material/steel-scrap, not empty text.");
                return null;
            }

            return s.Factor(key);
        }

        if (s.Number(parameter) > 0)
        {
            s.Process("scrap-supply", "Steel scrap, burden-free (cut-off at the scrap yard)", p => p
                .Produces("scrap", 1, Unit.Tonne)
                .Describe("Scrap enters the system without burden (recycled-content approach); its end-of-life value is reported apart, in the steel-end-of-life view."));
        }

        return null;
    }

    /// <summary>Secondary metallurgy and continuous casting: liquid steel to crude steel, with the site's exported electricity
    /// and steam as co-products (credited per t of crude steel, or allocated).</summary>
    public static void Casting(SteelSystem s)
    {
        bool coProducts = s.Number(ExportedElectricity.Name) > 0 || s.Number(ExportedSteam.Name) > 0;
        s.Process("casting", "Secondary metallurgy and continuous casting", p =>
        {
            s.Produces(p, "crude-steel", "Crude steel", PriceCrudeSteel.Name, coProducts);
            s.Consume(p, "Casting", "liquid-steel", CastingLiquidSteel.Name);
            s.Consume(p, "Casting", "natural-gas", CastingNaturalGas.Name, s.Factor(Flows.NaturalGasKey));
            s.ConsumeElectricity(p, "Casting", CastingElectricity.Name);
            s.Balance(p, "casting", "Casting", CastingNaturalGas.Name, [s.Term(CastingNaturalGas.Name, "V_ng", s.NaturalGasContent())], []);
            s.CoProduct(p, "Casting", "electricity-exported", ExportedElectricity.Name, s.Electricity, PriceExportedElectricity.Name);
            s.CoProduct(p, "Casting", "steam-exported", ExportedSteam.Name, s.Factor(Flows.SteamCreditKey), PriceExportedSteam.Name);
            p.Tagged(CrudeSteelRole(s))
                .AsPrimaryData(s.Primary(CastingLiquidSteel.Name, CastingNaturalGas.Name, CastingElectricity.Name, ExportedElectricity.Name, ExportedSteam.Name));
        });
    }

    /// <summary>Casting, then the product steps: what every route does after its steelmaking furnace.</summary>
    /// <returns>The flow of the declared product.</returns>
    public static string CastingAndProducts(SteelSystem s)
    {
        Casting(s);
        return Products(s);
    }

    /// <summary>The product steps on top of crude steel: hot rolling, then cold rolling, then coating, as the product needs.</summary>
    /// <returns>The flow of the declared product.</returns>
    public static string Products(SteelSystem s)
    {
        var product = s.Product;
        if (product.Steps == 0)
        {
            return "crude-steel";
        }

        string why = $"for the product '{product.Id}'";
        bool ok = s.Require(HotRollingYield.Name, why) & s.Require(HotRollingElectricity.Name, why);
        if (product.Steps >= 2)
        {
            ok &= s.Require(ColdRollingYield.Name, why) & s.Require(ColdRollingElectricity.Name, why);
        }

        if (product.Steps >= 3)
        {
            ok &= s.Require(CoatingYield.Name, why) & s.Require(CoatingZinc.Name, why) & s.Require(CoatingElectricity.Name, why);
        }

        if (!ok)
        {
            return "crude-steel";
        }

        string hotName = product.Steps == 1 ? product.Name : SteelProduct.HotRolledCoil.Name;
        s.Process("hot-rolling", $"Hot rolling: {hotName.ToLowerInvariant()}", p =>
        {
            s.Produces(p, "hot-rolled", hotName, string.Empty, hasCoProducts: false);
            s.Consume(p, "Hot rolling", "crude-steel", HotRollingYield.Name);
            s.Consume(p, "Hot rolling", "natural-gas", HotRollingNaturalGas.Name, s.Factor(Flows.NaturalGasKey));
            s.ConsumeElectricity(p, "Hot rolling", HotRollingElectricity.Name);
            s.Balance(p, "hot-rolling", "Hot rolling", HotRollingNaturalGas.Name, [s.Term(HotRollingNaturalGas.Name, "V_ng", s.NaturalGasContent())], []);
            p.Tagged(product.Steps == 1 ? CbamTags.Installation : CbamTags.Precursor("hot-rolled-steel"))
                .AsPrimaryData(s.Primary(HotRollingYield.Name, HotRollingNaturalGas.Name, HotRollingElectricity.Name));
        });
        if (product.Steps == 1)
        {
            return "hot-rolled";
        }

        s.Process("cold-rolling", "Pickling, cold rolling and annealing", p =>
        {
            s.Produces(p, "cold-rolled", SteelProduct.ColdRolledCoil.Name, string.Empty, hasCoProducts: false);
            s.Consume(p, "Cold rolling", "hot-rolled", ColdRollingYield.Name);
            s.Consume(p, "Cold rolling", "natural-gas", ColdRollingNaturalGas.Name, s.Factor(Flows.NaturalGasKey));
            s.ConsumeElectricity(p, "Cold rolling", ColdRollingElectricity.Name);
            s.Balance(p, "cold-rolling", "Cold rolling", ColdRollingNaturalGas.Name, [s.Term(ColdRollingNaturalGas.Name, "V_ng", s.NaturalGasContent())], []);
            p.Tagged(product.Steps == 2 ? CbamTags.Installation : CbamTags.Precursor("cold-rolled-steel"))
                .AsPrimaryData(s.Primary(ColdRollingYield.Name, ColdRollingNaturalGas.Name, ColdRollingElectricity.Name));
        });
        if (product.Steps == 2)
        {
            return "cold-rolled";
        }

        s.Process("coating", "Hot-dip coating", p =>
        {
            s.Produces(p, "coated", SteelProduct.CoatedCoil.Name, string.Empty, hasCoProducts: false);
            s.Consume(p, "Coating", "cold-rolled", CoatingYield.Name);
            s.Consume(p, "Coating", "zinc", CoatingZinc.Name, s.Factor(Flows.ZincKey));
            s.Consume(p, "Coating", "natural-gas", CoatingNaturalGas.Name, s.Factor(Flows.NaturalGasKey));
            s.ConsumeElectricity(p, "Coating", CoatingElectricity.Name);
            s.Balance(p, "coating", "Coating", CoatingNaturalGas.Name, [s.Term(CoatingNaturalGas.Name, "V_ng", s.NaturalGasContent())], []);
            p.Tagged(CbamTags.Installation)
                .AsPrimaryData(s.Primary(CoatingYield.Name, CoatingZinc.Name, CoatingNaturalGas.Name, CoatingElectricity.Name));
        });
        return "coated";
    }
}
