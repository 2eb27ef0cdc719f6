using System.Collections.Immutable;
using System.Globalization;
using Pcf.Accounting.Gases;
using Pcf.Accounting.Model;
using Pcf.Accounting.Templates.Cbam;
using Pcf.Accounting.Units;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Templates.Cement;

/// <summary>The cement method shared by <see cref="ClinkerTemplate"/> and <see cref="CementTemplate"/>: the parameters of clinker
/// production and electricity, their cross-checks, and the clinker process built through derivations.</summary>
/// <remarks>Every constant names its source with a confidence mark: [V] read in the cited source or a faithful transcription,
/// [S] seen only in a third-party transcription, usable but to be checked against the primary document before release.</remarks>
internal static class CementMethod
{
    // Calcination routes.
    public const string CsiDefault = "csi-default";
    public const string Composition = "composition";
    public const string IpccTier1 = "ipcc-tier1";

    // Electricity factor choices.
    public const string GridLifeCycle = "grid-life-cycle";
    public const string GridCombustion = "grid-combustion";
    public const string Supplier = "supplier";

    // Derivation names: vectors and views find them by these.
    public const string CalcinationFactorName = "calcination CO2 factor";
    public const string ClinkerCalcinationName = "clinker calcination CO2";
    public const string BypassDustName = "bypass dust CO2";
    public const string KilnDustFactorName = "kiln dust CO2 factor";
    public const string KilnDustName = "kiln dust CO2";
    public const string OrganicCarbonName = "raw meal organic carbon CO2";

    public const string ClinkerFlow = "clinker";
    public const string ClinkerProcess = "clinker-production";
    public const string ElectricityFlow = "electricity";
    public const string ElectricitySupplier = "electricity-supplier";

    public const string CsiSource = "CSI Cement CO2 and Energy Protocol v3 (WBCSD, 2011), output method B1: default 525 kg CO2/t clinker where the composition is unknown [V]";
    public const string Ipcc2006 = "IPCC 2006 Guidelines, Vol. 3, Ch. 2 (Mineral industry)";
    public const string Stoichiometry = "stoichiometry: CO2/CaO = 44.01/56.08, CO2/MgO = 44.01/40.30, CO2/C = 44/12 (molar masses)";
    public const string GbT32151 = "GB/T 32151.8-2015 (GHG accounting for cement enterprises): calcination CO2 from the clinker's CaO and MgO less non-carbonate sources [V: structure]; IPCC 2006 Vol. 3 Ch. 2 Tier 2";
    public const string LifeCycleSource = "MEE, NBS and NEA announcement of 2025-01-17: China's 2023 electricity carbon-footprint factor, national average 0.6205 kg CO2e/kWh [V]; embedded data set pcf-accounting/china-electricity-lifecycle-2023";
    public const string CombustionSource = "MEE and NBS announcements: China's grid CO2 emission factors (combustion only) by year and grid region; 2023 national 0.5306 and regional values [V], 2022 regional and 2021 values [S]; embedded data set pcf-accounting/china-grid-combustion";
    public const string NoneUnlessStated = "none unless stated (a quantity the plant measures; no published default)";

    private static readonly string[] CompositionParameters = ["cao", "caoNonCarbonate", "mgo", "mgoNonCarbonate"];
    private static readonly string[] OtherFuelFields = ["ncv", "carbonContent", "oxidation"];
    private static readonly UnitExpression KgPerTonne = UnitExpression.Parse("kg/t");
    private static readonly UnitExpression Kilogram = UnitExpression.Of(Unit.Kilogram);

    /// <summary>The grid regions of the embedded China combustion factors: the national average and the seven regional grids.</summary>
    public static readonly string[] GridRegions = ["CN", "CN-GRID-NORTH", "CN-GRID-NORTHEAST", "CN-GRID-EAST", "CN-GRID-CENTRAL", "CN-GRID-NORTHWEST", "CN-GRID-SOUTH", "CN-GRID-SOUTHWEST"];

    /// <summary>The parameters of clinker production (per t clinker).</summary>
    /// <param name="electricity">The name of the kiln line's electricity parameter.</param>
    public static IEnumerable<TemplateParameter> ClinkerParameters(string electricity) =>
    [
        TemplateParameter.Choice("calcinationRoute", "How the calcination CO2 per t clinker is worked out: 'csi-default' (a plant or default factor, calcinationFactor), 'composition' (the clinker's CaO and MgO less non-carbonate sources; IPCC Tier 2, GB/T 32151.8), or 'ipcc-tier1' (65 % CaO with the 1.02 kiln-dust correction: a coarse check).",
                CsiDefault, Composition, IpccTier1)
            .WithDefault(CsiDefault, CsiSource),
        TemplateParameter.Number("calcinationFactor", "kg/t", "Calcination CO2 per t clinker, for the 'csi-default' route: the plant's own factor, or the CSI default.", min: 0, max: 1000)
            .WithDefault(525.0, CsiSource) with { IsSiteData = true },
        TemplateParameter.Number("cao", "%", "CaO content of the clinker (mass), for the 'composition' route.", min: 0, max: 100) with { IsSiteData = true, IsOptional = true },
        TemplateParameter.Number("caoNonCarbonate", "%", "CaO of the clinker from non-carbonate sources (slag, fly ash, carbide sludge in the raw meal), for the 'composition' route.", min: 0, max: 100)
            .WithDefault(0.0, "none unless stated: all CaO from carbonates, as IPCC 2006 Vol. 3 Ch. 2 Eq. 2.4 assumes [V]") with { IsSiteData = true },
        TemplateParameter.Number("mgo", "%", "MgO content of the clinker (mass), for the 'composition' route.", min: 0, max: 100)
            .WithDefault(0.0, "none unless stated: IPCC 2006 Vol. 3 Ch. 2 Eq. 2.4 counts CaO only [V]; give the clinker's MgO (the CSI default 525 kg/t allows for typical MgO [V])") with { IsSiteData = true },
        TemplateParameter.Number("mgoNonCarbonate", "%", "MgO of the clinker from non-carbonate sources, for the 'composition' route.", min: 0, max: 100)
            .WithDefault(0.0, "none unless stated: all MgO from carbonates") with { IsSiteData = true },
        TemplateParameter.Number("bypassDust", "kg/t", "Bypass dust leaving the kiln system per t clinker (fully calcined: counted at the clinker's calcination factor, CSI v3).", min: 0, max: 500)
            .WithDefault(0.0, NoneUnlessStated) with { IsSiteData = true },
        TemplateParameter.Number("kilnDust", "kg/t", "Cement kiln dust (CKD) leaving the kiln system per t clinker (dust returned to the kiln is not counted).", min: 0, max: 500)
            .WithDefault(0.0, NoneUnlessStated) with { IsSiteData = true },
        TemplateParameter.Number("kilnDustCalcination", "%", "Calcination rate d of the kiln dust leaving the system. CSI v3: 0 for dry-process kilns without data, 100 % for semi-dry, semi-wet and wet kilns without data.", min: 0, max: 100)
            .WithDefault(0.0, "CSI Cement CO2 and Energy Protocol v3 (2011), calcination B1 and FAQ: d = 0 for dry-process kilns when no data [V]") with { IsSiteData = true },
        TemplateParameter.Number("organicCarbon", "%", "Total organic carbon (TOC) of the raw meal, dry basis.", min: 0, max: 5)
            .WithDefault(0.2, "CSI Cement CO2 and Energy Protocol v3 (2011), default TOC of raw meal 0.2 % [S: CSI tool defaults as transcribed in mamhoff/datasets cement/csi/itemdef.csv]") with { IsSiteData = true },
        TemplateParameter.Number("rawMealRatio", "t/t", "Raw meal per t clinker, dry basis.", min: 1, max: 3)
            .WithDefault(1.55, "CSI Cement CO2 and Energy Protocol v3 (2011), default raw meal : clinker 1.55 [S: CSI tool defaults as transcribed in mamhoff/datasets cement/csi/itemdef.csv]") with { IsSiteData = true },
        TemplateParameter.List("fuels", "Kiln and non-kiln fuels burnt per t clinker: CO2 = amount × NCV × carbon content × oxidation × 44/12; the biomass share of the carbon is reported as biogenic CO2, outside the fossil total (CSI v3).",
            TemplateParameter.Choice("fuel", "The fuel; 'other' needs its ncv, carbonContent and oxidation.", CementFuels.Choices),
            TemplateParameter.Number("amount", "kg/t", "Fuel burnt per t clinker.", min: 0, max: 1000) with { IsSiteData = true },
            TemplateParameter.Number("ncv", "GJ/t", "Net calorific value; the China default of the fuel when not given.", min: 0, max: 60) with { IsSiteData = true, IsOptional = true },
            TemplateParameter.Number("carbonContent", "t/GJ", "Carbon per GJ (t C/GJ, NCV basis); the China default of the fuel when not given.", min: 0, max: 0.1) with { IsSiteData = true, IsOptional = true },
            TemplateParameter.Number("oxidation", "%", "Oxidation rate; the China default of the fuel when not given.", min: 0, max: 100) with { IsSiteData = true, IsOptional = true },
            TemplateParameter.Number("biomassShare", "%", "Share of the fuel's carbon that is biomass (alternative fuels).", min: 0, max: 100)
                .WithDefault(0.0, "none unless stated: a fossil fuel") with { IsSiteData = true }),
        TemplateParameter.Number(electricity, "kWh/t", "Electricity used per t clinker (raw meal preparation, kiln, clinker cooling).", min: 0, max: 500) with { IsSiteData = true },
    ];

    /// <summary>The parameters of the electricity factor.</summary>
    public static IEnumerable<TemplateParameter> ElectricityParameters() =>
    [
        TemplateParameter.Choice("electricityFactor", "Which factor the grid electricity carries: 'grid-life-cycle' (China 2023 national electricity carbon-footprint factor, cradle-to-gate, for GB/T 24067), 'grid-combustion' (MEE/NBS grid CO2 by region and year: the factor for CBAM indirect emissions and enterprise inventories), or 'supplier' (supplierElectricityFactor).",
                GridLifeCycle, GridCombustion, Supplier)
            .WithDefault(GridLifeCycle, "GB/T 24067-2024 is cradle-to-gate, so purchased electricity carries a life-cycle factor; " + LifeCycleSource),
        TemplateParameter.Choice("gridRegion", "The grid of the 'grid-combustion' factor: CN (national average) or a regional grid.", GridRegions)
            .WithDefault("CN", CombustionSource),
        TemplateParameter.Choice("gridYear", "The year of the 'grid-combustion' factor.", "2021", "2022", "2023")
            .WithDefault("2023", CombustionSource + "; 2023 is the latest year published"),
        TemplateParameter.Number("supplierElectricityFactor", "kg/kWh", "CO2 per kWh of the electricity supplier (a contract or the plant's own generation), for 'supplier'.", min: 0, max: 2)
            with { IsSiteData = true, IsOptional = true },
    ];

    /// <summary>Checks the rules between clinker and electricity parameters.</summary>
    public static void Check(TemplateValues values, List<ValidationProblem> problems)
    {
        string route = values.Choice("calcinationRoute");
        if (route == Composition && !values.Has("cao"))
        {
            problems.Add(Inconsistent("cao", "The 'composition' route needs the clinker's CaO content ('cao', %)."));
        }

        if (route == Composition && values.Has("cao") && values.Number("caoNonCarbonate") > values.Number("cao"))
        {
            problems.Add(Inconsistent("caoNonCarbonate", "The non-carbonate CaO is more than the clinker's CaO."));
        }

        if (route == Composition && values.Number("mgoNonCarbonate") > values.Number("mgo"))
        {
            problems.Add(Inconsistent("mgoNonCarbonate", "The non-carbonate MgO is more than the clinker's MgO."));
        }

        if (route != Composition)
        {
            foreach (string name in CompositionParameters.Where(n => values.Has(n) && !values.IsDefault(n)))
            {
                problems.Add(Inconsistent(name, $"'{name}' is used by the 'composition' route only, but calcinationRoute is '{route}'."));
            }
        }

        if (route != CsiDefault && !values.IsDefault("calcinationFactor"))
        {
            problems.Add(Inconsistent("calcinationFactor", $"'calcinationFactor' is used by the 'csi-default' route only, but calcinationRoute is '{route}'."));
        }

        if (route == IpccTier1 && (values.Number("kilnDust") > 0 || values.Number("bypassDust") > 0))
        {
            problems.Add(Inconsistent(values.Number("kilnDust") > 0 ? "kilnDust" : "bypassDust",
                "The 'ipcc-tier1' route already includes kiln dust (the 1.02 correction, IPCC 2006 Vol. 3 Ch. 2 Eq. 2.4); give no kilnDust or bypassDust with it."));
        }

        var fuels = values.Items("fuels");
        for (int i = 0; i < fuels.Length; i++)
        {
            if (fuels[i].Choice("fuel") == CementFuels.Other)
            {
                foreach (string field in OtherFuelFields.Where(f => !fuels[i].Has(f)))
                {
                    problems.Add(Inconsistent($"fuels[{i}].{field}", $"The fuel 'other' has no default: give its '{field}'."));
                }
            }
        }

        string factor = values.Choice("electricityFactor");
        if (factor == Supplier && !values.Has("supplierElectricityFactor"))
        {
            problems.Add(Inconsistent("supplierElectricityFactor", "The 'supplier' electricity factor needs 'supplierElectricityFactor' (kg/kWh)."));
        }

        if (factor != Supplier && values.Has("supplierElectricityFactor"))
        {
            problems.Add(Inconsistent("supplierElectricityFactor", $"'supplierElectricityFactor' is used only when electricityFactor is 'supplier', not '{factor}'."));
        }

        if (factor != GridCombustion && (!values.IsDefault("gridRegion") || !values.IsDefault("gridYear")))
        {
            problems.Add(Inconsistent(!values.IsDefault("gridRegion") ? "gridRegion" : "gridYear",
                $"'gridRegion' and 'gridYear' choose a 'grid-combustion' factor, but electricityFactor is '{factor}' (the life-cycle factor is national, 2023)."));
        }
    }

    /// <summary>Adds the clinker production process: calcination, kiln dust, organic carbon and fuel CO2 as derivations, and its electricity.</summary>
    /// <param name="system">The system being built.</param>
    /// <param name="values">The values.</param>
    /// <param name="electricity">The name of the kiln line's electricity parameter.</param>
    /// <param name="cbamTag">The CBAM process tag: the installation (clinker is the good) or the clinker precursor.</param>
    /// <param name="warnings">Where plausibility warnings go.</param>
    /// <param name="supply">The electricity's supplier, from <see cref="AddElectricity"/>.</param>
    public static void AddClinker(ProductSystemBuilder system, TemplateValues values, string electricity, string cbamTag, Supply supply, List<ValidationProblem> warnings)
    {
        var q = new DerivationInput("Q_cli", Measure.Of(1, "t")) { Description = "clinker made per run of the process", Source = "the process's reference output" };
        var factor = CalcinationFactor(values, warnings);
        var efInput = new DerivationInput("EF_cli", factor.Result) { Description = "calcination CO2 per t clinker", Source = "derived: " + CalcinationFactorName, IsDefault = factor.Inputs.All(i => i.IsDefault), DerivedFrom = factor };
        string route = values.Choice("calcinationRoute");
        var emissions = new List<(GreenhouseGas Gas, Derivation Derivation)>
        {
            (GreenhouseGas.Co2Fossil, Derivation.Create(ClinkerCalcinationName, "Q_cli * EF_cli", [q, efInput], Kilogram,
                "CSI Cement CO2 and Energy Protocol v3 (2011): E = Q_cli × EF_cli [S]; IPCC 2006 Vol. 3 Ch. 2 Eq. 2.2 (Tier 2) [S]")
                .WithNote($"calcination route: {route}")),
        };

        if (values.Number("bypassDust") > 0)
        {
            emissions.Add((GreenhouseGas.Co2Fossil, Derivation.Create(BypassDustName, "bp * Q_cli * EF_cli", [values.Input("bypassDust", "bp"), q, efInput], Kilogram,
                "CSI Cement CO2 and Energy Protocol v3 (2011): bypass dust is fully calcined, E = Q_bp × EF_cli [S]; GB/T 32151.8-2015 counts clinker + kiln-stack dust + bypass dust [V: concept]")));
        }

        if (values.Number("kilnDust") > 0)
        {
            var efT = new DerivationInput("EF_cli", Measure.Of(factor.Result.Value / 1000, "t/t")) { Description = "calcination CO2 per t clinker", Source = "derived: " + CalcinationFactorName, IsDefault = factor.Inputs.All(i => i.IsDefault), DerivedFrom = factor };
            var ckdFactor = Derivation.Create(KilnDustFactorName, "EF_cli / (1 + EF_cli) * d / (1 - EF_cli / (1 + EF_cli) * d)", [efT, values.Input("kilnDustCalcination", "d")], KgPerTonne,
                "CSI Cement CO2 and Energy Protocol v3 (2011), kiln dust: EF_CKD = [EF_cli/(1+EF_cli) × d] / [1 − EF_cli/(1+EF_cli) × d] [S]");
            var ckdInput = new DerivationInput("EF_ckd", ckdFactor.Result) { Description = "calcination CO2 per t of kiln dust leaving the system", Source = "derived: " + KilnDustFactorName, IsDefault = ckdFactor.Inputs.All(i => i.IsDefault), DerivedFrom = ckdFactor };
            emissions.Add((GreenhouseGas.Co2Fossil, Derivation.Create(KilnDustName, "ckd * Q_cli * EF_ckd", [values.Input("kilnDust", "ckd"), q, ckdInput], Kilogram,
                "CSI Cement CO2 and Energy Protocol v3 (2011): E_CKD = Q_CKD × EF_CKD [S]")));
        }

        if (values.Number("organicCarbon") > 0)
        {
            emissions.Add((GreenhouseGas.Co2Fossil, Derivation.Create(OrganicCarbonName, "TOC * RM * Q_cli * 44 / 12", [values.Input("organicCarbon", "TOC"), values.Input("rawMealRatio", "RM"), q], Kilogram,
                "CSI Cement CO2 and Energy Protocol v3 (2011): E_TOC = TOC_RM × (raw meal : clinker) × Q_cli × 44/12 [S]; " + Stoichiometry)));
        }

        var fuels = values.Items("fuels");
        for (int i = 0; i < fuels.Length; i++)
        {
            emissions.AddRange(Fuel(fuels[i], i, q));
        }

        double kwh = values.Number(electricity);
        bool primary = IsPrimary(values);
        system.AddProcess(ClinkerProcess, "Clinker production (raw meal, kiln, cooler)", p =>
        {
            p.Produces(ClinkerFlow, 1, Unit.Tonne).InStage(LifeCycleStage.Production).Tagged(cbamTag).AsPrimaryData(primary)
                .Describe($"Calcination route '{route}'; {fuels.Length} fuel(s); {kwh.ToString("R", CultureInfo.InvariantCulture)} kWh/t clinker.");
            foreach (var (gas, derivation) in emissions)
            {
                p.Emits(gas, derivation);
            }

            if (kwh > 0)
            {
                p.Consumes(ElectricityFlow, kwh, Unit.KilowattHour, supply);
            }
        });
    }

    /// <summary>Gets whether the clinker process's data are the plant's own: its calcination factor comes from the plant
    /// (composition or a plant factor) rather than a default.</summary>
    public static bool IsPrimary(TemplateValues values) => values.Choice("calcinationRoute") switch
    {
        Composition => true,
        CsiDefault => !values.IsDefault("calcinationFactor"),
        _ => false,
    };

    /// <summary>Adds the electricity flow (tagged <see cref="CbamTags.Electricity"/>) and, for a supplier's factor, its supplier process,
    /// when electricity is used.</summary>
    public static Supply AddElectricity(ProductSystemBuilder system, TemplateValues values, bool used)
    {
        string choice = values.Choice("electricityFactor");
        if (!used)
        {
            return SupplyOf(choice, values);
        }

        system.AddFlow(new Flow(ElectricityFlow, "Electricity", Unit.KilowattHour) { Tags = [Tag.Parse(CbamTags.Electricity)] });
        if (choice == Supplier)
        {
            var derivation = Derivation.Create("supplier electricity CO2", "E * EF_el", [new DerivationInput("E", Measure.Of(1, "kWh")) { Description = "electricity supplied per run", Source = "the process's reference output" },
                values.Input("supplierElectricityFactor", "EF_el")], Kilogram, "supplier-specific emission factor (site data): E × EF");
            system.AddProcess(ElectricitySupplier, "Electricity supplier (supplier-specific factor)", p => p
                .Produces(ElectricityFlow, 1, Unit.KilowattHour).InStage(LifeCycleStage.RawMaterialAcquisition)
                .Emits(GreenhouseGas.Co2Fossil, derivation).AsPrimaryData());
        }

        return SupplyOf(choice, values);
    }

    private static Supply SupplyOf(string choice, TemplateValues values) => choice switch
    {
        GridLifeCycle => Model.Supply.FromFactor("electricity/grid", "CN", 2023),
        GridCombustion => Model.Supply.FromFactor("electricity/grid/combustion", values.Choice("gridRegion"), int.Parse(values.Choice("gridYear"), CultureInfo.InvariantCulture)),
        _ => Model.Supply.FromProcess(ElectricitySupplier),
    };

    private static Derivation CalcinationFactor(TemplateValues values, List<ValidationProblem> warnings)
    {
        switch (values.Choice("calcinationRoute"))
        {
            case Composition:
                double cao = values.Number("cao") - values.Number("caoNonCarbonate");
                if (cao < 60 || cao > 67)
                {
                    warnings.Add(new ValidationProblem("cao", ProblemCodes.ImplausibleValue, string.Create(CultureInfo.InvariantCulture,
                        $"The clinker's carbonate CaO is {cao:0.##} %, outside the 60-67 % for which IPCC 2006 Vol. 3 Ch. 2 (Eq. 2.4) quotes 0.47-0.53 t CO2/t clinker; check the analysis."))
                    { Subject = new ParameterSubject("cao") });
                }

                return Derivation.Create(CalcinationFactorName, "(CaO - CaO_nc) * 44.01 / 56.08 + (MgO - MgO_nc) * 44.01 / 40.30",
                    [values.Input("cao", "CaO"), values.Input("caoNonCarbonate", "CaO_nc"), values.Input("mgo", "MgO"), values.Input("mgoNonCarbonate", "MgO_nc")], KgPerTonne,
                    GbT32151 + "; " + Stoichiometry);
            case IpccTier1:
                return Derivation.Create(CalcinationFactorName, "CaO * 44.01 / 56.08 * CF_ckd",
                    [new DerivationInput("CaO", Measure.Of(65, "%")) { Description = "default CaO content of clinker, all from carbonates", Source = Ipcc2006 + ", Eq. 2.4: 65 % CaO [V]", IsDefault = true },
                     new DerivationInput("CF_ckd", Measure.Of(1.02, UnitExpression.One)) { Description = "kiln dust correction", Source = Ipcc2006 + ", Eq. 2.4: CKD correction 1.02 [V]", IsDefault = true }],
                    KgPerTonne, Ipcc2006 + ", Eq. 2.4 (Tier 1 default: 0.51 × 1.02 = 0.52 t CO2/t clinker) [V]; " + Stoichiometry)
                    .WithNote("IPCC Tier 1: a coarse default, not a plant's figure.");
            default:
                double ef = values.Number("calcinationFactor");
                if (ef < 470 || ef > 530)
                {
                    warnings.Add(new ValidationProblem("calcinationFactor", ProblemCodes.ImplausibleValue, string.Create(CultureInfo.InvariantCulture,
                        $"{ef:0.##} kg CO2/t clinker is outside the 470-530 kg/t that IPCC 2006 Vol. 3 Ch. 2 (Eq. 2.4) quotes for 60-67 % CaO; MgO adds up to 1.09 kg/t per 0.1 % MgO. Check the factor."))
                    { Subject = new ParameterSubject("calcinationFactor") });
                }

                return Derivation.Create(CalcinationFactorName, "EF", [values.Input("calcinationFactor", "EF")], KgPerTonne,
                    values.IsDefault("calcinationFactor") ? CsiSource : "plant-specific calcination factor (site data), CSI v3 output method B1");
        }
    }

    private static IEnumerable<(GreenhouseGas, Derivation)> Fuel(TemplateValues fuel, int index, DerivationInput q)
    {
        string name = fuel.Choice("fuel");
        CementFuels.Defaults.TryGetValue(name, out var d);
        DerivationInput Field(string field, string symbol, double fallback, string unit) => fuel.Has(field)
            ? fuel.Input(field, symbol)
            : new DerivationInput(symbol, Measure.Of(fallback, unit)) { Description = $"{field} of {name} (China default)", Source = CementFuels.Source, IsDefault = true };
        DerivationInput[] inputs = [fuel.Input("amount", "m"), Field("ncv", "NCV", d.Ncv, "GJ/t"), Field("carbonContent", "CC", d.CarbonContent, "t/GJ"),
            Field("oxidation", "OF", d.Oxidation, "%"), fuel.Input("biomassShare", "b"), q];
        string label = string.Create(CultureInfo.InvariantCulture, $"fuel {index + 1} ({name})");
        const string Source = "GB/T 32151.8-2015 and GB/T 32150-2015: fuel combustion CO2 = activity × NCV × carbon content × oxidation × 44/12 [V: structure]; biomass carbon reported as biogenic CO2, outside the fossil total (CSI v3) [V]";
        yield return (GreenhouseGas.Co2Fossil, Derivation.Create($"{label} fossil CO2", "m * Q_cli * NCV * CC * OF * 44 / 12 * (1 - b)", inputs, Kilogram, Source));
        if (fuel.Number("biomassShare") > 0)
        {
            yield return (GreenhouseGas.Co2Biogenic, Derivation.Create($"{label} biogenic CO2", "m * Q_cli * NCV * CC * OF * 44 / 12 * b", inputs, Kilogram, Source));
        }
    }

    internal static ValidationProblem Inconsistent(string parameter, string message) =>
        new(parameter, ProblemCodes.InconsistentParameters, message) { Subject = new ParameterSubject(parameter) };
}
