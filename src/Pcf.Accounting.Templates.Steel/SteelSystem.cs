using System.Globalization;
using Pcf.Accounting.Gases;
using Pcf.Accounting.Model;
using Pcf.Accounting.Templates.Cbam;
using Pcf.Accounting.Units;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Templates.Steel;

/// <summary>One term of a carbon balance: an amount per t of product times its carbon content (or the product itself, whose
/// amount is the run: 1 t).</summary>
internal sealed record CarbonTerm(DerivationInput? Amount, DerivationInput Content);

/// <summary>The carbon balance of one step: carbon in, carbon out (absent for a step that only burns fuel), and the CO2.</summary>
/// <param name="Process">The step's process id.</param>
/// <param name="Name">The step's name.</param>
/// <param name="CarbonIn">Carbon entering per run (kg C).</param>
/// <param name="CarbonOut">Carbon leaving in products and exported gases per run (kg C), if any leaves.</param>
/// <param name="Co2">CO2 per run: (carbon in - carbon out) x 44/12 (kg).</param>
internal sealed record CarbonBalance(string Process, string Name, Derivation CarbonIn, Derivation? CarbonOut, Derivation Co2)
{
    /// <summary>Gets the CO2 per t of the step's product, in t.</summary>
    public double TonnesCo2PerTonne => Co2.Result.As(UnitExpression.Of(Unit.Tonne));
}

/// <summary>Builds a steel product system from template values: flows with their suppliers, per-run amounts and carbon balances
/// as derivations, co-products by the chosen method, CBAM tags, and the problems and warnings found on the way.</summary>
/// <remarks>Every process makes 1 t of its product per run, so every per-t parameter times one run (symbol <c>P</c>, 1 t) is the
/// amount per run; the engine scales the runs through the links. Inputs of zero are left out, so no factor is asked for them;
/// the carbon balances keep every term, zeros included, so their formulas do not change with the values.</remarks>
internal sealed class SteelSystem
{
    private static readonly UnitExpression Kg = UnitExpression.Of(Unit.Kilogram);
    private readonly TemplateValues _v;
    private readonly ProductSystemBuilder _b;
    private readonly HashSet<string> _flows = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DerivationInput> _gasContents = new(StringComparer.Ordinal);

    public SteelSystem(TemplateValues values, string name)
    {
        _v = values;
        Product = SteelProduct.Find(values.Choice("product"));
        Region = values.Choice("region").Trim();
        double year = values.Number("year");
        Year = (int)Math.Round(year);
        if (year != Year)
        {
            Problem("year", $"'year' is a whole year, not {year.ToString(CultureInfo.InvariantCulture)}.");
        }

        if (Region.Length == 0 || !Tag.TryParse("r=" + Region, out _, out _))
        {
            Problem("region", $"'region' is a region code such as CN, CN-GRID-NORTH or CN-JS, not '{Region}'.");
            Region = "CN";
        }

        SystemExpansion = values.Choice("coProductMethod") == "system-expansion";
        ElectricityKey = values.Choice("electricityBasis") == "life-cycle" ? "electricity/grid" : "electricity/grid/combustion";
        Electricity = Supply.FromFactor(ElectricityKey, Region, Year);
        Currency = values.Choice("currency").Trim();
        if (!SystemExpansion && (Currency.Length != 3 || !Currency.All(char.IsAsciiLetterUpper)))
        {
            Problem("currency", $"'currency' is an ISO 4217 code of three capital letters, such as CNY, not '{Currency}'.");
            Currency = "CNY";
        }

        _b = new ProductSystemBuilder(name).InRegion(Region);
        Flow("electricity", "Grid electricity", Unit.KilowattHour, CbamTags.Electricity);
    }

    public SteelProduct Product { get; }

    public string Region { get; }

    public int Year { get; }

    public bool SystemExpansion { get; }

    public string ElectricityKey { get; }

    public Supply Electricity { get; }

    public string Currency { get; }

    public TemplateValues Values => _v;

    public List<ValidationProblem> Problems { get; } = [];

    public List<ValidationProblem> Warnings { get; } = [];

    public List<CarbonBalance> Balances { get; } = [];

    /// <summary>One run of a step: 1 t of its product.</summary>
    public static DerivationInput Run => new("P", Measure.Of(1, "t")) { Description = "one run of the step: 1 t of its product", Source = "template: every step is modelled per 1 t of its product" };

    public double Number(string name) => _v.Number(name);

    public void Problem(string parameter, string message) =>
        Problems.Add(new ValidationProblem(parameter, ProblemCodes.InconsistentParameters, message) { Subject = new ParameterSubject(parameter) });

    public void Warn(string parameter, string message) =>
        Warnings.Add(new ValidationProblem(parameter, ProblemCodes.ImplausibleValue, message) { Subject = new ParameterSubject(parameter) });

    /// <summary>Reports a parameter that the configuration needs but was not given.</summary>
    public bool Require(string parameter, string why)
    {
        if (_v.Has(parameter))
        {
            return true;
        }

        Problem(parameter, $"'{parameter}' needs a value {why}.");
        return false;
    }

    /// <summary>Gets whether every named activity parameter was given by the site (none left at a default), so the step's
    /// data are primary.</summary>
    public bool Primary(params string[] parameters) => parameters.All(p => _v.Has(p) && !_v.IsDefault(p));

    public void Flow(string id, string name, Unit unit, params string[] tags)
    {
        if (_flows.Add(id))
        {
            _b.AddFlow(new Flow(id, name, unit) { Tags = [.. tags.Select(Tag.Parse)] });
        }
    }

    public void Process(string id, string name, Action<ProcessBuilder> configure) =>
        _b.AddProcess(id, name, p => configure(p.InStage(LifeCycleStage.Production)));

    /// <summary>A factor supply in the site's region, latest year (the year applies to grid electricity only).</summary>
    public Supply Factor(string key) => Supply.FromFactor(key, Region);

    /// <summary>The amount per run of a per-t parameter: P × x.</summary>
    public Derivation PerRun(string step, string what, string parameter, string unit) =>
        Derivation.Create($"{step}: {what} per run", "P * x", [Run, _v.Input(parameter, "x")], UnitExpression.Parse(unit),
            "template: amount per t of the step's product x one run (1 t)");

    /// <summary>Adds an input of a per-t parameter, unless it is zero (then no supplier or factor is needed).</summary>
    public void Consume(ProcessBuilder p, string step, string flow, string parameter, Supply? supply = null)
    {
        if (!_v.Has(parameter) || !(_v.Number(parameter) > 0))
        {
            return;
        }

        var spec = Flows.Spec(flow);
        Flow(flow, spec.Name, spec.Unit, [.. spec.Tags]);
        p.Consumes(flow, PerRun(step, spec.Name.ToLowerInvariant(), parameter, spec.Unit.Symbol), supply);
    }

    public void ConsumeElectricity(ProcessBuilder p, string step, string parameter) => Consume(p, step, "electricity", parameter, Electricity);

    /// <summary>Declares the step's product, priced when economic allocation needs it.</summary>
    public void Produces(ProcessBuilder p, string flow, string name, string priceParameter, bool hasCoProducts, params string[] tags)
    {
        Flow(flow, name, Unit.Tonne, tags);
        var output = new ProductOutput(flow, Quantity.Of(1, Unit.Tonne));
        if (!SystemExpansion && hasCoProducts)
        {
            output = output with { PricePerUnit = Price(priceParameter, $"the step making {name.ToLowerInvariant()} has co-products to allocate") };
        }

        p.Produces(output);
    }

    /// <summary>Adds a co-product of a per-t parameter (if not zero): displacing a supply under system expansion, priced under allocation.</summary>
    public void CoProduct(ProcessBuilder p, string step, string flow, string parameter, Supply displaces, string priceParameter)
    {
        if (!(_v.Number(parameter) > 0))
        {
            return;
        }

        var spec = Flows.Spec(flow);
        Flow(flow, spec.Name, spec.Unit);
        var amount = PerRun(step, spec.Name.ToLowerInvariant(), parameter, spec.Unit.Symbol);
        var output = new ProductOutput(flow, Quantity.Of(amount.Result.Value, spec.Unit)) { Derivation = amount };
        p.CoProduces(SystemExpansion
            ? output with { Displaces = displaces }
            : output with { PricePerUnit = Price(priceParameter, $"'{parameter}' is a co-product to allocate") });
    }

    /// <summary>Process gas leaving the site. System expansion: the receiving power plant burns it (its CO2 in the system) and its
    /// electricity displaces grid power (a credit). Allocation: the gas is a co-product.</summary>
    public void ExportedGas(ProcessBuilder p, string step, string gas, string gasName, string parameter, DerivationInput content, string ncvParameter, string priceParameter)
    {
        if (!(_v.Number(parameter) > 0))
        {
            return;
        }

        if (!SystemExpansion)
        {
            CoProduct(p, step, gas + "-exported", parameter, Electricity, priceParameter);
            return;
        }

        if (!Require("exportPowerEfficiency", $"to credit the electricity made from the exported {gasName} ('{parameter}' > 0)"))
        {
            return;
        }

        var burned = Derivation.Create($"{step}: CO2 of exported {gasName} burned for power", "P * V * C * 44 / 12",
            [Run, _v.Input(parameter, "V"), content with { Symbol = "C" }], Kg,
            SteelSources.SystemExpansion + "; the gas's carbon, left out of the step's balance, burns in the expanded system");
        p.Emits(GreenhouseGas.Co2Fossil, burned);

        string flow = "power-from-" + gas;
        Flow(flow, $"Electricity made from exported {gasName}", Unit.KilowattHour);
        var power = Derivation.Create($"{step}: electricity from exported {gasName} per run", "P * V * NCV * eta",
            [Run, _v.Input(parameter, "V"), _v.Input(ncvParameter, "NCV"), _v.Input("exportPowerEfficiency", "eta")], UnitExpression.Of(Unit.KilowattHour),
            SteelSources.SystemExpansion + ": the gas's energy times the power plant's efficiency displaces grid electricity");
        p.CoProduces(new ProductOutput(flow, Quantity.Of(power.Result.Value, Unit.KilowattHour)) { Derivation = power, Displaces = Electricity });
    }

    /// <summary>The carbon content of a gas or coal, kg C per Nm3 (or t C per t), as its net calorific value times its carbon per energy.</summary>
    public DerivationInput FuelContent(string fuel, string name, string ncv, string perEnergy, string unit, string symbol)
    {
        if (!_gasContents.TryGetValue(fuel, out var content))
        {
            var d = Derivation.Create($"{name}: carbon content", "NCV * CC", [_v.Input(ncv, "NCV"), _v.Input(perEnergy, "CC")], UnitExpression.Parse(unit),
                "carbon content = net calorific value x carbon per energy (" + SteelSources.Ndrc + ")");
            content = new DerivationInput(symbol, d.Result)
            {
                Description = $"carbon content of {name.ToLowerInvariant()}",
                Source = d.Source,
                IsDefault = _v.IsDefault(ncv) && _v.IsDefault(perEnergy),
                DerivedFrom = d,
            };
            _gasContents[fuel] = content;
        }

        return content with { Symbol = symbol };
    }

    public DerivationInput NaturalGasContent(string symbol = "C_ng") => FuelContent("natural-gas", "Natural gas", "ncvNaturalGas", "carbonPerEnergyNaturalGas", "kg/Nm3", symbol);

    public DerivationInput CoalContent(string symbol = "C_coal") => FuelContent("coal", "Coal", "ncvCoal", "carbonPerEnergyCoal", "t/t", symbol);

    public DerivationInput CokeOvenGasContent(string symbol = "C_cog") => FuelContent("coke-oven-gas", "Coke-oven gas", "ncvCokeOvenGas", "carbonPerEnergyCokeOvenGas", "kg/Nm3", symbol);

    public DerivationInput BfGasContent(string symbol = "C_bfg") => FuelContent("bf-gas", "Blast-furnace gas", "ncvBfGas", "carbonPerEnergyBfGas", "kg/Nm3", symbol);

    public DerivationInput BofGasContent(string symbol = "C_bofg") => FuelContent("bof-gas", "Converter gas", "ncvBofGas", "carbonPerEnergyBofGas", "kg/Nm3", symbol);

    public CarbonTerm Term(string amount, string amountSymbol, DerivationInput content) => new(_v.Input(amount, amountSymbol), content);

    public CarbonTerm Term(string amount, string amountSymbol, string content, string contentSymbol) => new(_v.Input(amount, amountSymbol), _v.Input(content, contentSymbol));

    /// <summary>The step's own product leaving with its carbon: 1 t per run times its content.</summary>
    public CarbonTerm ProductTerm(string content, string contentSymbol) => new(null, _v.Input(content, contentSymbol));

    /// <summary>The step's carbon mass balance (IPCC Tier 2): carbon in and out as derivations, the CO2 as their difference × 44/12,
    /// emitted by the process. Carbon out above carbon in is a problem naming <paramref name="parameter"/>.</summary>
    public CarbonBalance? Balance(ProcessBuilder p, string process, string step, string parameter, IReadOnlyList<CarbonTerm> inputs, IReadOnlyList<CarbonTerm> outputs)
    {
        var carbonIn = Sum($"{step}: carbon in", inputs);
        var carbonOut = outputs.Count == 0 ? null : Sum($"{step}: carbon out", outputs);
        var cin = new DerivationInput("C_in", carbonIn.Result) { Description = "carbon in", Source = "derived: " + carbonIn.Name, DerivedFrom = carbonIn };
        Derivation co2;
        if (carbonOut is null)
        {
            co2 = Derivation.Create($"{step}: CO2 by carbon mass balance", "C_in * 44 / 12", [cin], Kg, SteelSources.IpccTier2);
        }
        else
        {
            if (carbonOut.Result.Value > carbonIn.Result.Value)
            {
                Problem(parameter, string.Create(CultureInfo.InvariantCulture,
                    $"{step}: the carbon leaving ({carbonOut.Result.Value:G6} kg per t of product: {carbonOut.Formula}) exceeds the carbon entering ({carbonIn.Result.Value:G6} kg: {carbonIn.Formula}); check the amounts and carbon contents of this step."));
                return null;
            }

            var cout = new DerivationInput("C_out", carbonOut.Result) { Description = "carbon out", Source = "derived: " + carbonOut.Name, DerivedFrom = carbonOut };
            co2 = Derivation.Create($"{step}: CO2 by carbon mass balance", "(C_in - C_out) * 44 / 12", [cin, cout], Kg, SteelSources.IpccTier2);
        }

        p.Emits(GreenhouseGas.Co2Fossil, co2);
        var balance = new CarbonBalance(process, step, carbonIn, carbonOut, co2);
        Balances.Add(balance);
        return balance;
    }

    private static Derivation Sum(string name, IReadOnlyList<CarbonTerm> terms)
    {
        var inputs = new List<DerivationInput> { Run };
        var parts = new List<string>();
        foreach (var t in terms)
        {
            if (t.Amount is { } amount)
            {
                inputs.Add(amount);
                parts.Add($"{amount.Symbol} * {t.Content.Symbol}");
            }
            else
            {
                parts.Add(t.Content.Symbol);
            }

            inputs.Add(t.Content);
        }

        return Derivation.Create(name, parts.Count == 0 ? "P * 0" : $"P * ({string.Join(" + ", parts)})", inputs, Kg, SteelSources.IpccTier2);
    }

    /// <summary>Compares a step's CO2 per t with its IPCC Tier 1 factor; a figure outside half to twice it is a warning.</summary>
    public void Plausible(string parameter, string what, double tonnesPerTonne, double tier1, string tier1Source)
    {
        if (tier1 <= 0)
        {
            return;
        }

        double ratio = tonnesPerTonne / tier1;
        if (ratio < 0.5 || ratio > 2)
        {
            Warn(parameter, string.Create(CultureInfo.InvariantCulture,
                $"{what}: {tonnesPerTonne:0.###} t CO2/t by the site's mass balance is {ratio:0.##} times the IPCC Tier 1 factor {tier1} t CO2/t ({tier1Source}); check the data. ({SteelSources.Plausibility})"));
        }
    }

    private Quantity? Price(string parameter, string why)
    {
        if (!Require(parameter, $"for economic allocation: {why}"))
        {
            return null;
        }

        return Quantity.Of(_v.Number(parameter), Unit.Currency(Currency));
    }

    public ValidationResult<ProductSystem> Build(string referenceProduct) =>
        _b.WithReferenceProduct(referenceProduct).WithDeclaredUnit(1, Unit.Tonne).WithProductMass(Quantity.Of(1, Unit.Tonne)).Validate();
}
