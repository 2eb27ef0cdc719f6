using System.Collections.Frozen;
using System.Collections.Immutable;
using Pcf.Accounting.Templates.Cbam;
using Pcf.Accounting.Units;

namespace Pcf.Accounting.Templates.Steel;

/// <summary>A flow of the steel systems: its name, unit and tags.</summary>
internal sealed record FlowSpec(string Name, Unit Unit, ImmutableArray<string> Tags);

/// <summary>The flows of the steel systems and the factor keys of the purchased ones.</summary>
/// <remarks>Keys with embedded data (package Pcf.Accounting.Data): grid electricity (China by year and region), and the upstream
/// (well-to-tank) of coking coal, industrial coal and natural gas, which only the UK's DESNZ 2025 data cover (used for China as a
/// recorded proxy). Every other purchased item needs a factor from the user under the key named here.</remarks>
internal static class Flows
{
    public const string CokingCoalKey = "fuel-upstream/coking-coal";
    public const string CoalKey = "fuel-upstream/coal-industrial";
    public const string NaturalGasKey = "fuel-upstream/natural-gas";
    public const string IronOreKey = "material/iron-ore";
    public const string PelletsKey = "material/iron-ore-pellets";
    public const string CokeKey = "material/coke";
    public const string LimestoneKey = "material/limestone";
    public const string DolomiteKey = "material/dolomite";
    public const string OxygenKey = "material/oxygen";
    public const string BurntLimeKey = "material/burnt-lime";
    public const string FerroalloysKey = "material/ferroalloys";
    public const string ElectrodesKey = "material/graphite-electrodes";
    public const string PigIronKey = "material/pig-iron";
    public const string DriKey = "material/dri";
    public const string HydrogenKey = "material/hydrogen";
    public const string ZincKey = "material/zinc";
    public const string BfSlagCreditKey = "credit/bf-slag";
    public const string BofSlagCreditKey = "credit/bof-slag";
    public const string EafSlagCreditKey = "credit/eaf-slag";
    public const string SteamCreditKey = "credit/steam";

    /// <summary>The tag on scrap flows, which the end-of-life view sums.</summary>
    public const string ScrapTag = "steel:scrap";

    private static readonly FrozenDictionary<string, FlowSpec> Specs = new Dictionary<string, FlowSpec>(StringComparer.Ordinal)
    {
        ["coking-coal"] = new("Coking coal", Unit.Tonne, []),
        ["coal"] = new("Coal", Unit.Tonne, []),
        ["natural-gas"] = new("Natural gas", Unit.NormalCubicMetre, []),
        ["limestone"] = new("Limestone", Unit.Tonne, []),
        ["dolomite"] = new("Dolomite", Unit.Tonne, []),
        ["iron-ore"] = new("Iron ore", Unit.Tonne, []),
        ["pellets"] = new("Iron ore pellets", Unit.Tonne, [CbamTags.Precursor("pellets")]),
        ["coke"] = new("Coke", Unit.Tonne, [CbamTags.Precursor("coke")]),
        ["sinter"] = new("Sinter", Unit.Tonne, []),
        ["hot-metal"] = new("Hot metal", Unit.Tonne, []),
        ["scrap"] = new("Steel scrap", Unit.Tonne, [ScrapTag]),
        ["liquid-steel"] = new("Liquid steel", Unit.Tonne, []),
        ["crude-steel"] = new("Crude steel", Unit.Tonne, []),
        ["oxygen"] = new("Oxygen", Unit.NormalCubicMetre, []),
        ["burnt-lime"] = new("Burnt lime", Unit.Tonne, []),
        ["ferroalloys"] = new("Ferroalloys", Unit.Tonne, [CbamTags.Precursor("ferroalloys")]),
        ["electrodes"] = new("Graphite electrodes", Unit.Kilogram, []),
        ["charge-carbon"] = new("Charge carbon", Unit.Kilogram, []),
        ["pig-iron"] = new("Pig iron", Unit.Tonne, [CbamTags.Precursor("pig-iron")]),
        ["dri"] = new("Direct reduced iron", Unit.Tonne, [CbamTags.Precursor("dri")]),
        ["hydrogen"] = new("Hydrogen", Unit.Kilogram, [CbamTags.Precursor("hydrogen")]),
        ["zinc"] = new("Zinc", Unit.Kilogram, []),
        ["hot-rolled"] = new("Hot-rolled steel", Unit.Tonne, []),
        ["cold-rolled"] = new("Cold-rolled coil", Unit.Tonne, []),
        ["electricity"] = new("Grid electricity", Unit.KilowattHour, [CbamTags.Electricity]),
        ["bf-slag"] = new("Blast-furnace slag sold", Unit.Tonne, []),
        ["bof-slag"] = new("Converter slag sold", Unit.Tonne, []),
        ["eaf-slag"] = new("EAF slag sold", Unit.Tonne, []),
        ["electricity-exported"] = new("Electricity exported", Unit.KilowattHour, []),
        ["steam-exported"] = new("Steam exported", Unit.Gigajoule, []),
        ["coke-oven-gas-exported"] = new("Coke-oven gas exported", Unit.NormalCubicMetre, []),
        ["bf-gas-exported"] = new("Blast-furnace gas exported", Unit.NormalCubicMetre, []),
        ["bof-gas-exported"] = new("Converter gas exported", Unit.NormalCubicMetre, []),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static FlowSpec Spec(string flow) => Specs[flow];

    /// <summary>Every factor key the templates may ask for, with what it is: the list of data a user supplies.</summary>
    public static ImmutableArray<(string Key, string What, bool Embedded)> FactorKeys { get; } =
    [
        ("electricity/grid", "grid electricity, life cycle, per kWh (China 2023, national)", true),
        ("electricity/grid/combustion", "grid electricity, combustion CO2, per kWh (China 2021-2023, national, regional grids, provinces)", true),
        (CokingCoalKey, "coking coal upstream (mining, transport), per t: UK DESNZ 2025 well-to-tank as a proxy", true),
        (CoalKey, "coal upstream (PCI, fired coal, EAF charge carbon), per t: UK DESNZ 2025 well-to-tank as a proxy", true),
        (NaturalGasKey, "natural gas upstream, per m3: UK DESNZ 2025 well-to-tank as a proxy", true),
        (IronOreKey, "iron ore (fines, lump, concentrate), cradle to gate, per t", false),
        (PelletsKey, "iron ore pellets bought, cradle to gate, per t", false),
        (CokeKey, "coke bought, cradle to gate, per t (its carbon still counts in the blast furnace)", false),
        (LimestoneKey, "limestone quarried, per t (its carbon counts where it is charged)", false),
        (DolomiteKey, "dolomite quarried, per t", false),
        (OxygenKey, "oxygen bought, per Nm3", false),
        (BurntLimeKey, "burnt lime bought, cradle to gate including calcination, per t", false),
        (FerroalloysKey, "ferroalloys, cradle to gate, per t", false),
        (ElectrodesKey, "graphite electrodes, cradle to gate, per kg (their carbon counts in the EAF)", false),
        (PigIronKey, "pig iron bought, cradle to gate, per t", false),
        (DriKey, "DRI or HBI bought, cradle to gate, per t", false),
        (HydrogenKey, "hydrogen, cradle to gate, per kg", false),
        (ZincKey, "zinc for coating, cradle to gate, per kg", false),
        (BfSlagCreditKey, "what a t of blast-furnace slag sold displaces (such as Portland cement clinker), kg CO2e per t of slag", false),
        (BofSlagCreditKey, "what a t of converter slag sold displaces, kg CO2e per t of slag", false),
        (EafSlagCreditKey, "what a t of EAF slag sold displaces, kg CO2e per t of slag", false),
        (SteamCreditKey, "steam or heat displaced by the site's export, kg CO2e per GJ", false),
    ];
}
