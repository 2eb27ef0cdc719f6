using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using Pcf.Accounting.Model;
using Pcf.Accounting.Units;

namespace Pcf.Accounting.Templates.Electronics.Parts;

/// <summary>The parametric part models: ACT (Gupta et al., ISCA 2022) for ICs by die area and node, memory and storage by
/// capacity, PCBs, batteries, materials and capacitors; Boavizta (boaviztapi, factors of UBA Texte 94/2021) for server
/// components; and generic models for displays and parts by mass whose factors the user names.</summary>
/// <remarks>Every coefficient that is an emission factor is a factor of <see cref="ElectronicsFactors"/> (overridable by key);
/// the activity amounts (wafer area per good die, fab electricity, capacity per good die) are derivations over the part's
/// parameters, whose defaults name their source.</remarks>
internal static class PartModels
{
    private const string ActCommit = "facebookresearch/ACT commit abc9fbb7 (2025-07-21, MIT)";
    private const string ActLogic = "ACT (Gupta et al., ISCA 2022, doi:10.1145/3470496.3527408), act/core/logic_model.py get_cpa: CPA = (CI_fab x EPA + GPA + MPA) / Y, "
        + "E = area x CPA + N_ics x 150 g; " + ActCommit;
    private const string ActStorage = "ACT, act/core/storage_model.py get_carbon: E = capacity x CPS / Y + N_ics x 150 g; " + ActCommit;
    private const string ActPcb = "ACT, act/core/pcb_model.py get_carbon: area x CPA(layers), or area x layers x 0.13 kg/m2 for other layer counts; " + ActCommit;
    private const string ActBattery = "ACT, act/core/battery_model.py get_carbon: capacity x kg CO2e/kWh of the cathode chemistry; " + ActCommit;
    private const string ActMaterial = "ACT, act/core/materials_model.py get_carbon: mass x kg CO2e/kg of the material; " + ActCommit;
    private const string ActCapacitor = "ACT, act/core/capacitor_model.py get_carbon: energy per kg x mass x number x grid intensity; " + ActCommit;
    private const string Boavizta = "boaviztapi 2.4.1 (commit 15878f04), boaviztapi/compute/impacts_computation.py; factors of Umweltbundesamt Texte 94/2021";
    private const string Fab = "ACT act/core/common.py (commit abc9fbb7)";

    // Fab electricity per cm2 of wafer by node: ACT act/models/logic/epa.yaml, "as per Table 1 in ACT paper" (commit abc9fbb7).
    private static readonly FrozenDictionary<string, double> EnergyPerArea = new Dictionary<string, double>
    {
        ["28nm"] = 0.90, ["20nm"] = 1.200, ["14nm"] = 1.200, ["10nm"] = 1.475, ["8nm"] = 1.520, ["7nm"] = 2.150, ["5nm"] = 2.750, ["3nm"] = 3.250,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // Capacitor manufacturing energy, MJ per kg: ACT act/models/passives/capacitors.yaml (from the White Rose eprint 130419 LCA of capacitors).
    private static readonly FrozenDictionary<string, double> CapacitorEnergy = new Dictionary<string, double>
    {
        ["mlcc"] = 6862, ["tantalum"] = 5567,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly Lazy<FrozenDictionary<string, PartModel>> LazyAll = new(() => Create().ToFrozenDictionary(m => m.Id, StringComparer.Ordinal));

    /// <summary>Gets the models by id.</summary>
    public static FrozenDictionary<string, PartModel> All => LazyAll.Value;

    /// <summary>Gets the model ids, in order.</summary>
    public static IEnumerable<string> Ids => All.Keys.Order(StringComparer.Ordinal);

    private static TemplateParameter Yield(string source) =>
        TemplateParameter.Number("fabYield", "1", "Fab yield: good dies per die made (0 to 1].", min: 0.01, max: 1).WithDefault(0.875, source);

    private static TemplateParameter Packages(double value, string source) =>
        TemplateParameter.Number("packages", "pc", "IC packages of the part (N_ics), each 150 g CO2e in ACT.", min: 0, max: 10_000).WithDefault(value, source);

    private static TemplateParameter Region(string description) =>
        TemplateParameter.Text("fabRegion", description) with { IsOptional = true };

    private static DerivationInput Table(string symbol, double value, string unit, string description, string source) =>
        new(symbol, Measure.Of(value, unit)) { Description = description, Source = source, IsDefault = true };

    private static string RegionOf(PartContext c, TemplateValues v) => v.Has("fabRegion") ? v.Choice("fabRegion") : c.Settings.FabRegion;

    private static void Packaged(PartContext c, TemplateValues v, string source)
    {
        if (v.Number("packages") > 0)
        {
            var n = c.Derive("IC packages", "N", [v.Input("packages", "N")], Unit.Piece, source);
            c.Use("electronics/act/ic-package", "IC package (ACT K_r)", Unit.Piece, n);
        }
    }

    private static (string, string)? WholeNumber(TemplateValues v, string name) =>
        v.Number(name) == Math.Floor(v.Number(name)) ? null : (name, string.Create(CultureInfo.InvariantCulture, $"'{name}' is a whole number, not {v.Number(name)}."));

    private static IEnumerable<PartModel> Create()
    {
        var nodes = ElectronicsFactors.Names("electronics/act/logic/", "/materials");
        if (nodes.Any(n => !EnergyPerArea.ContainsKey(n)))
        {
            throw new InvalidOperationException("A logic node of the ACT dataset has no fab energy per area.");
        }

        yield return new PartModel("act-logic", "ic-logic", "Logic die (SoC, CPU, GPU, ASIC) by die area and technology node", ActLogic,
            "Nodes 28 nm to 3 nm as in ACT Table 1; die area of the packaged part (sum the dies of a multi-die package).",
            [
                TemplateParameter.Number("dieArea", "mm2", "Die area of the part (all its dies).", min: 0.001, max: 100_000),
                TemplateParameter.Choice("node", "Technology node.", [.. nodes]),
                Yield(Fab + " DEFAULT_FAB_YIELD = 0.875"),
                TemplateParameter.Choice("abatement", "Abatement of the fab's process gases, %: 95, 99, or 97 (their mean).", "95", "97", "99")
                    .WithDefault("97", "ACT act/core/logic_model.py get_cpa default AbatementLevel.GPA97 (commit abc9fbb7)"),
                TemplateParameter.Number("energyPerArea", "kWh/cm2", "Fab electricity per cm2 of wafer; by node from ACT epa.yaml when left out.", min: 0, max: 100)
                    with { IsOptional = true },
                Region("Region of the fab's grid (such as TW, KR, CN-JS); the product's fabRegion when left out."),
                Packages(1, "template default: one package per IC part (ACT: E_CF = N_r x K_r + sum of E_r, K_r = 150 g)"),
            ],
            (c, v) =>
            {
                string node = v.Choice("node");
                var area = v.Input("dieArea", "A");
                var yield = v.Input("fabYield", "Y");
                var epa = v.Has("energyPerArea") ? v.Input("energyPerArea", "EPA")
                    : Table("EPA", EnergyPerArea[node], "kWh/cm2", $"Fab electricity per cm2 at {node}", "ACT act/models/logic/epa.yaml, Table 1 of the ACT paper (commit abc9fbb7)");
                var wafer = c.Derive("wafer area per good die", "A / Y", [area, yield], Unit.SquareCentimetre, ActLogic);
                var energy = c.Derive("fab electricity", "A * EPA / Y", [area, epa, yield], Unit.KilowattHour, ActLogic);
                c.UseElectricity(energy, RegionOf(c, v));
                string abatement = v.Choice("abatement");
                c.Use($"electronics/act/logic/{node}/gases-abatement-{abatement}", $"Fab process gases, {node}, {abatement} % abatement (ACT GPA)", Unit.SquareCentimetre, wafer);
                c.Use($"electronics/act/logic/{node}/materials", $"Fab raw materials, {node} (ACT MPA)", Unit.SquareCentimetre, wafer);
                Packaged(c, v, ActLogic);
            });

        foreach (var (kind, type, title) in new[] { ("dram", "dram", "DRAM"), ("ssd", "ssd", "NAND flash (SSD)"), ("hdd", "hdd", "Hard disk drive") })
        {
            yield return new PartModel($"act-{kind}", type, $"{title} by capacity and process", ActStorage,
                $"The {kind.ToUpperInvariant()} processes of ACT's data; capacity in GB (a unit of information).",
                [
                    TemplateParameter.Number("capacity", "GB", "Capacity.", min: 1e-6, max: 1e7),
                    TemplateParameter.Choice("process", "Process or product line of ACT's data.", [.. ElectronicsFactors.Names($"electronics/act/{kind}/")]),
                    Yield(Fab + " DEFAULT_FAB_YIELD = 0.875, which act/core/storage_model.py divides by"),
                    Packages(0, "ACT act/core/storage_model.py get_carbon default n_ics = 0 (commit abc9fbb7)"),
                ],
                (c, v) =>
                {
                    var capacity = c.Derive("capacity per good die", "C / Y", [v.Input("capacity", "C"), v.Input("fabYield", "Y")], Unit.Gigabyte, ActStorage);
                    string process = v.Choice("process");
                    c.Use($"electronics/act/{kind}/{process}", $"{title}, {process}, per GB (ACT)", Unit.Gigabyte, capacity);
                    Packaged(c, v, ActStorage);
                });
        }

        var layerCounts = ElectronicsFactors.Names("electronics/act/pcb/", "-layer");
        yield return new PartModel("act-pcb", "pcb", "Printed circuit board by area and layer count", ActPcb,
            $"Layer counts {string.Join(", ", layerCounts)} from the ACT data; others by the per-layer fit, which the ACT file calls best effort.",
            [
                TemplateParameter.Number("area", "cm2", "Board area.", min: 1e-6, max: 1e7),
                TemplateParameter.Number("layers", "1", "Copper layers.", min: 1, max: 100),
            ],
            (c, v) =>
            {
                string layers = v.Number("layers").ToString(CultureInfo.InvariantCulture);
                if (layerCounts.Contains(layers))
                {
                    var area = c.Derive("board area", "a", [v.Input("area", "a")], Unit.SquareMetre, ActPcb);
                    c.Use($"electronics/act/pcb/{layers}-layer", $"PCB, {layers} layers, per m2 (ACT)", Unit.SquareMetre, area);
                }
                else
                {
                    var area = c.Derive("board area times layers", "a * n", [v.Input("area", "a"), v.Input("layers", "n")], Unit.SquareMetre, ActPcb);
                    c.Use("electronics/act/pcb/per-layer", "PCB, per m2 and layer (ACT)", Unit.SquareMetre, area);
                }
            })
        { Check = v => WholeNumber(v, "layers") };

        yield return new PartModel("act-battery", "battery", "Lithium-ion battery by capacity and cathode chemistry", ActBattery,
            "NMC and LFP cells; the middle of the ranges of Nature Communications 2024 (doi:10.1038/s41467-024-54634-y).",
            [
                TemplateParameter.Number("capacity", "kWh", "Rated energy.", min: 1e-9, max: 10_000),
                TemplateParameter.Choice("chemistry", "Cathode chemistry.", "nmc", "lfp")
                    .WithDefault("nmc", "ACT act/core/battery_model.py get_carbon default CathodeType.NMC (commit abc9fbb7)"),
            ],
            (c, v) =>
            {
                var capacity = c.Derive("battery capacity", "E", [v.Input("capacity", "E")], Unit.KilowattHour, ActBattery);
                string chemistry = v.Choice("chemistry");
                c.Use($"electronics/act/battery/{chemistry}", $"Li-ion battery, {chemistry.ToUpperInvariant()}, per kWh (ACT)", Unit.KilowattHour, capacity);
            });

        yield return new PartModel("act-material", "mechanical", "Mechanical part (frame, enclosure, fasteners) by material and mass", ActMaterial,
            "Steel (worldsteel) and aluminium (International Aluminium Institute) as in ACT; other materials with the by-mass model and a factor key.",
            [
                TemplateParameter.Choice("material", "Material.", "steel", "aluminium"),
                TemplateParameter.Number("mass", "kg", "Mass of the part.", min: 1e-9, max: 100_000),
            ],
            (c, v) =>
            {
                var mass = c.Derive("material mass", "m", [v.Input("mass", "m")], Unit.Kilogram, ActMaterial);
                string material = v.Choice("material");
                c.Use($"electronics/act/material/{material}", $"{material}, per kg (ACT)", Unit.Kilogram, mass);
            });

        yield return new PartModel("act-capacitor", "passive", "Capacitor by type and mass, from its manufacturing energy", ActCapacitor,
            "MLCC and tantalum electrolytic capacitors; the energy is taken as grid electricity of the fab region (ACT's default region for passives is Japan).",
            [
                TemplateParameter.Choice("type", "Capacitor type.", [.. CapacitorEnergy.Keys.Order(StringComparer.Ordinal)]),
                TemplateParameter.Number("mass", "g", "Mass of one capacitor.", min: 1e-9, max: 10_000)
                    .WithDefault(0.03, "ACT act/core/capacitor_model.py DEFAULT_CAPACITOR_WEIGHT = 0.03 g (commit abc9fbb7)"),
                TemplateParameter.Number("energyPerMass", "MJ/kg", "Manufacturing energy per kg; by type from ACT capacitors.yaml when left out.", min: 0, max: 1e6)
                    with { IsOptional = true },
                Region("Region of the grid of the capacitor maker; the product's fabRegion when left out."),
            ],
            (c, v) =>
            {
                string type = v.Choice("type");
                var e = v.Has("energyPerMass") ? v.Input("energyPerMass", "e")
                    : Table("e", CapacitorEnergy[type], "MJ/kg", $"Manufacturing energy per kg, {type}", "ACT act/models/passives/capacitors.yaml (commit abc9fbb7)");
                var energy = c.Derive("capacitor manufacturing energy", "m * e", [v.Input("mass", "m"), e], Unit.KilowattHour, ActCapacitor);
                c.UseElectricity(energy, RegionOf(c, v));
            });

        yield return new PartModel("boavizta-cpu", "cpu", "CPU by die area", Boavizta + ", cpu_impact_embedded: die_size x die_impact + impact",
            "Server and desktop CPUs; die area in mm2 (Boavizta completes it from core count x die size per core).",
            [TemplateParameter.Number("dieArea", "mm2", "Die area of the CPU.", min: 0.001, max: 100_000)],
            (c, v) =>
            {
                var die = c.Derive("CPU die area", "A", [v.Input("dieArea", "A")], Unit.SquareMillimetre, Boavizta + ", cpu_impact_embedded");
                c.Use("electronics/boavizta/cpu/die", "CPU die, per mm2 (Boavizta)", Unit.SquareMillimetre, die);
                c.Use("electronics/boavizta/cpu/base", "CPU besides the die, per CPU (Boavizta)", Unit.Piece, 1);
            });

        foreach (var (kind, type, title) in new[] { ("ram", "ram", "RAM module"), ("ssd", "ssd", "SSD") })
        {
            string method = $"{Boavizta}, {kind}_impact_embedded: (capacity / density) x die_impact + impact";
            yield return new PartModel($"boavizta-{kind}", type, $"{title} by capacity and die density", method,
                "Capacity in GB and density in GB per cm2 of die (Boavizta's crowd-sourced manufacturer data give densities).",
                [
                    TemplateParameter.Number("capacity", "GB", "Capacity.", min: 1e-6, max: 1e7),
                    TemplateParameter.Number("density", "GB/cm2", "Capacity per cm2 of memory die.", min: 1e-6, max: 1e6),
                ],
                (c, v) =>
                {
                    var area = c.Derive("memory die area", "C / d", [v.Input("capacity", "C"), v.Input("density", "d")], Unit.SquareCentimetre, method);
                    c.Use($"electronics/boavizta/{kind}/die", $"{title} die, per cm2 (Boavizta)", Unit.SquareCentimetre, area);
                    c.Use($"electronics/boavizta/{kind}/base", $"{title} besides the dies (Boavizta)", Unit.Piece, 1);
                });
        }

        foreach (var (kind, type, title) in new[] { ("hdd", "hdd", "Hard disk drive"), ("motherboard", "motherboard", "Server motherboard"), ("assembly", "assembly", "Server assembly") })
        {
            yield return new PartModel($"boavizta-{kind}", type, $"{title}, per piece", $"{Boavizta}, {kind}_impact_embedded: impact x units",
                "A constant per piece from UBA Texte 94/2021 (server components).", [],
                (c, _) => c.Use($"electronics/boavizta/{kind}", $"{title} (Boavizta)", Unit.Piece, 1));
        }

        yield return new PartModel("boavizta-psu", "psu", "Power supply by mass", $"{Boavizta}, server_power_supply_impact_embedded: unit_weight x impact x units",
            "Server power supplies; mass in kg.",
            [
                TemplateParameter.Number("mass", "kg", "Mass of the power supply.", min: 1e-6, max: 1_000)
                    .WithDefault(2.99, "boaviztapi data/archetypes/components/power_supply.csv, DEFAULT unit_weight 2.99 kg (range 1 to 5; commit 15878f04)"),
            ],
            (c, v) =>
            {
                var mass = c.Derive("power supply mass", "m", [v.Input("mass", "m")], Unit.Kilogram, $"{Boavizta}, server_power_supply_impact_embedded");
                c.Use("electronics/boavizta/power-supply", "Power supply, per kg (Boavizta)", Unit.Kilogram, mass);
            });

        yield return new PartModel("boavizta-case", "case", "Server case, rack or blade", $"{Boavizta}, casing_impact_embedded: rack, or blade server + 16-slot enclosure / 16",
            "Rack cases and blade servers.",
            [
                TemplateParameter.Choice("caseType", "Case type.", "rack", "blade")
                    .WithDefault("rack", "boaviztapi casing_impact_embedded: a case is a rack case unless it is a blade (commit 15878f04)"),
            ],
            (c, v) =>
            {
                if (v.Choice("caseType") == "rack")
                {
                    c.Use("electronics/boavizta/case/rack", "Rack server case (Boavizta)", Unit.Piece, 1);
                    return;
                }

                c.Use("electronics/boavizta/case/blade-server", "Blade server (Boavizta)", Unit.Piece, 1);
                var share = c.Derive("share of a 16-slot blade enclosure", "E / S",
                    [Table("E", 1, "pc", "One enclosure", "boaviztapi compute_impact_manufacture_blade"), Table("S", 16, "1", "Slots per enclosure", "boaviztapi compute_impact_manufacture_blade: impact_blade_16_slots / 16")],
                    Unit.Piece, $"{Boavizta}, compute_impact_manufacture_blade");
                c.Use("electronics/boavizta/case/blade-enclosure-16", "Blade enclosure, 16 slots (Boavizta)", Unit.Piece, share);
            });

        yield return new PartModel("display", "display", "Display panel by area and technology",
            "This library: area x a per-m2 factor of the technology (electronics/display/<technology>), which the user supplies",
            "No per-m2 display factor is embedded (neither ACT nor Boavizta publishes one): give the factor in a factor file.",
            [
                TemplateParameter.Number("area", "cm2", "Active area of the panel.", min: 1e-6, max: 1e7),
                TemplateParameter.Choice("technology", "Panel technology.", "lcd", "oled", "micro-led", "e-paper"),
            ],
            (c, v) =>
            {
                var area = c.Derive("display area", "a", [v.Input("area", "a")], Unit.SquareMetre, "this library: panel area");
                string technology = v.Choice("technology");
                c.Use($"electronics/display/{technology}", $"Display panel, {technology}, per m2", Unit.SquareMetre, area, region: null);
            });

        yield return new PartModel("by-mass", "other", "Any part by mass and a per-kg factor (a supplier's per-kg footprint, a material)",
            "This library: mass x the factor named by factorKey",
            "Any part whose footprint per kg is known; the default factor is DESNZ's IT electrical items (a coarse proxy).",
            [
                TemplateParameter.Number("mass", "kg", "Mass of the part.", min: 1e-9, max: 100_000),
                TemplateParameter.Text("factorKey", "Key of a per-kg factor (a factor file's, or an embedded one such as material/plastic/average-plastic-rigid/primary).")
                    .WithDefault("material/electrical/electrical-items-it/primary", "DESNZ 2025 conversion factors, material use, electrical items - IT (Pcf.Accounting.Data): a coarse proxy"),
            ],
            (c, v) =>
            {
                var mass = c.Derive("part mass", "m", [v.Input("mass", "m")], Unit.Kilogram, "this library: part mass");
                c.Use(v.Choice("factorKey"), $"{v.Choice("factorKey")} (per kg)", Unit.Kilogram, mass, region: null);
            });
    }
}
