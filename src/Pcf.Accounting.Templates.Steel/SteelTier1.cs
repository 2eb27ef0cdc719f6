namespace Pcf.Accounting.Templates.Steel;

/// <summary>The IPCC Tier 1 CO2 emission factors for iron and steel, t CO2 per t of product.</summary>
/// <remarks>IPCC 2006 Guidelines, Vol. 3 Ch. 4, Table 4.1. Marks as in the project's sector-methods notes: sinter, coke, pig iron,
/// DRI, BOF and EAF read from the parsed PDF [V]; open hearth and pellets from earlier notes [U]. They cover a step's process
/// and on-site combustion emissions for a national inventory, not a cradle-to-gate footprint: the templates use them as a
/// screening estimate and to flag site figures far from them. Licence: the IPCC Guidelines are a public document, free to download;
/// the factors are cited as facts with their source.</remarks>
internal static class SteelTier1
{
    public const string Source = SteelSources.IpccTier1;

    /// <summary>Sinter production, 0.20 t CO2/t sinter [V].</summary>
    public const double Sinter = 0.20;

    /// <summary>Metallurgical coke, 0.56 t CO2/t coke [V].</summary>
    public const double Coke = 0.56;

    /// <summary>Pig iron not converted to steel (blast furnace), 1.35 t CO2/t [V].</summary>
    public const double PigIron = 1.35;

    /// <summary>Direct reduced iron (natural gas), 0.70 t CO2/t [V].</summary>
    public const double Dri = 0.70;

    /// <summary>Basic oxygen furnace steel (iron and steel making), 1.46 t CO2/t [V].</summary>
    public const double Bof = 1.46;

    /// <summary>Electric arc furnace steel, 0.08 t CO2/t [V].</summary>
    public const double Eaf = 0.08;

    /// <summary>Open hearth furnace steel, 1.72 t CO2/t [U].</summary>
    public const double Ohf = 1.72;

    /// <summary>Pellet production, 0.03 t CO2/t [U].</summary>
    public const double Pellet = 0.03;
}
