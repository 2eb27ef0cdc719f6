using Pcf.Accounting.Model;
using static Pcf.Accounting.Templates.Steel.SteelParameters;

namespace Pcf.Accounting.Templates.Steel;

/// <summary>The electric arc furnace step shared by the scrap-EAF and DRI-EAF routes.</summary>
internal static class EafRoute
{
    /// <summary>Adds the EAF (per t liquid steel): scrap, pig iron, DRI, electrodes, charge carbon, gas and fluxes in; liquid steel out.</summary>
    /// <param name="s">The system.</param>
    /// <param name="dri">The DRI supply: <see langword="null"/> for the site's own DRI plant, else a factor.</param>
    /// <returns>The EAF's carbon balance, if it could be made.</returns>
    public static CarbonBalance? Add(SteelSystem s, Supply? dri)
    {
        var scrap = SteelSteps.Scrap(s, EafScrap.Name);
        var ng = s.Factor(Flows.NaturalGasKey);
        CarbonBalance? balance = null;
        bool coProducts = s.Number(EafSlagSold.Name) > 0;
        s.Process("eaf", "Electric arc furnace", p =>
        {
            s.Produces(p, "liquid-steel", "Liquid steel", PriceLiquidSteel.Name, coProducts);
            s.Consume(p, "EAF", "scrap", EafScrap.Name, scrap);
            s.Consume(p, "EAF", "pig-iron", EafPigIron.Name, s.Factor(Flows.PigIronKey));
            s.Consume(p, "EAF", "dri", "eafDri", dri);
            s.Consume(p, "EAF", "electrodes", EafElectrodes.Name, s.Factor(Flows.ElectrodesKey));
            s.Consume(p, "EAF", "charge-carbon", EafChargeCarbon.Name, s.Factor(Flows.CoalKey));
            s.Consume(p, "EAF", "natural-gas", EafNaturalGas.Name, ng);
            s.Consume(p, "EAF", "limestone", EafLimestone.Name, s.Factor(Flows.LimestoneKey));
            s.Consume(p, "EAF", "dolomite", EafDolomite.Name, s.Factor(Flows.DolomiteKey));
            s.Consume(p, "EAF", "burnt-lime", EafBurntLime.Name, s.Factor(Flows.BurntLimeKey));
            s.Consume(p, "EAF", "ferroalloys", EafFerroalloys.Name, s.Factor(Flows.FerroalloysKey));
            s.Consume(p, "EAF", "oxygen", EafOxygen.Name, s.Factor(Flows.OxygenKey));
            s.ConsumeElectricity(p, "EAF", EafElectricity.Name);
            balance = s.Balance(p, "eaf", "EAF", EafChargeCarbon.Name,
            [
                s.Term(EafScrap.Name, "m_scrap", CarbonScrap.Name, "C_scrap"), s.Term(EafPigIron.Name, "m_pig", CarbonHotMetal.Name, "C_pig"),
                s.Term("eafDri", "m_dri", CarbonDri.Name, "C_dri"), s.Term(EafElectrodes.Name, "m_el", CarbonElectrodes.Name, "C_el"),
                s.Term(EafChargeCarbon.Name, "m_cc", CarbonChargeCarbon.Name, "C_cc"), s.Term(EafNaturalGas.Name, "V_ng", s.NaturalGasContent()),
                s.Term(EafLimestone.Name, "m_L", CarbonLimestone.Name, "C_L"), s.Term(EafDolomite.Name, "m_D", CarbonDolomite.Name, "C_D"),
            ],
            [s.ProductTerm(CarbonCrudeSteel.Name, "C_steel")]);
            s.CoProduct(p, "EAF", "eaf-slag", EafSlagSold.Name, s.Factor(Flows.EafSlagCreditKey), PriceEafSlag.Name);
            p.Tagged(SteelSteps.CrudeSteelRole(s)).AsPrimaryData(s.Primary(EafScrap.Name, EafPigIron.Name, "eafDri", EafElectrodes.Name, EafChargeCarbon.Name,
                EafNaturalGas.Name, EafLimestone.Name, EafDolomite.Name, EafBurntLime.Name, EafFerroalloys.Name, EafOxygen.Name, EafElectricity.Name, EafSlagSold.Name));
        });
        if (balance is not null)
        {
            s.Plausible(EafElectricity.Name, "EAF", balance.TonnesCo2PerTonne, SteelTier1.Eaf, SteelTier1.Source);
        }

        return balance;
    }
}
