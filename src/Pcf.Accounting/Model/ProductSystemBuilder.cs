using System.Collections.Immutable;
using System.Globalization;
using Pcf.Accounting.Gases;
using Pcf.Accounting.Units;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Model;

/// <summary>Builds a valid <see cref="ProductSystem"/>: flows, processes, the reference product and the declared unit.</summary>
/// <remarks>
/// <para><see cref="Validate"/> checks the whole system and reports every problem at once, each with
/// a path in the shape of the <c>pcf-system/1</c> JSON format (<c>$.processes[2].inputs[0].amount</c>;
/// indices count in order of addition) and a stable code from <see cref="ProblemCodes"/>.
/// <see cref="Build"/> does the same and throws a <see cref="ValidationException"/> on failure.</para>
/// <para>Linking: an input with no stated supply is supplied by the one process in the system that
/// produces its flow (as reference product or co-product); when no process produces it, by an
/// emission factor requested under the flow's factor key, for the process's region (else the
/// system's) and the system's reference year. When several processes produce it, the input must
/// name its supplier.</para>
/// </remarks>
/// <example><code>
/// ProductSystem system = new ProductSystemBuilder("PET bottle 0.5 L")
///     .InRegion("CN").ForYear(2023)
///     .AddFlow("bottle", "PET bottle 0.5 L", Unit.Piece)
///     .AddFlow("pet-granulate", "PET granulate, bottle grade", Unit.Kilogram)
///     .AddFlow("electricity", "Electricity, grid", Unit.KilowattHour)
///     .AddProcess("blow-moulding", "Stretch blow moulding", p => p
///         .Produces("bottle", 1000, Unit.Piece)
///         .Consumes("pet-granulate", 25, Unit.Kilogram)
///         .Consumes("electricity", 120, Unit.KilowattHour))
///     .WithReferenceProduct("bottle")
///     .WithDeclaredUnit(1, Unit.Piece)
///     .Build();
/// </code></example>
public sealed class ProductSystemBuilder
{
    private readonly List<Flow> _flows = [];
    private readonly List<ProcessBuilder> _processes = [];
    private string? _description;
    private string? _region;
    private int? _year;
    private FlowId? _referenceProduct;
    private ProcessId? _referenceProcess;
    private Quantity? _declaredUnit;
    private Quantity? _productMass;
    private CarbonContent? _carbonContent;

    /// <summary>Initializes a new builder.</summary>
    /// <param name="name">The name of the product system (usually the product's name).</param>
    public ProductSystemBuilder(string name) => Name = name ?? string.Empty;

    /// <summary>Gets the name of the product system.</summary>
    public string Name { get; }

    /// <summary>Starts a builder holding everything <paramref name="system"/> holds, to derive a changed system.</summary>
    /// <param name="system">The system to start from.</param>
    /// <returns>A builder.</returns>
    public static ProductSystemBuilder From(ProductSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        var builder = new ProductSystemBuilder(system.Name)
        {
            _description = system.Description,
            _region = system.Region,
            _year = system.ReferenceYear,
            _referenceProduct = system.ReferenceProduct,
            _referenceProcess = system.ReferenceProcess,
            _declaredUnit = system.DeclaredUnit,
            _productMass = system.ProductMassPerDeclaredUnit,
            _carbonContent = system.CarbonContent,
        };
        builder._flows.AddRange(system.Flows);
        foreach (var process in system.Processes)
        {
            var p = new ProcessBuilder(process.Id, process.Name)
                .Describe(process.Description).InStage(process.Stage).InRegion(process.Region)
                .Tagged([.. process.Tags]).AsPrimaryData(process.IsPrimaryData).AllocatedBy(process.Allocation)
                .Produces(process.ReferenceOutput);
            process.CoProducts.ToList().ForEach(c => p.CoProduces(c));
            process.Inputs.ToList().ForEach(i => p.InputList.Add((i.Flow, i.Amount, i.Supply, i.Derivation)));
            process.Emissions.ToList().ForEach(e => p.Emits(e));
            builder._processes.Add(p);
        }

        return builder;
    }

    /// <summary>Sets a description.</summary>
    /// <param name="description">The description.</param>
    /// <returns>This builder.</returns>
    public ProductSystemBuilder Describe(string? description)
    {
        _description = description;
        return this;
    }

    /// <summary>Sets the default region of factor requests.</summary>
    /// <param name="region">An ISO 3166 code such as <c>CN</c>, or a grid region.</param>
    /// <returns>This builder.</returns>
    public ProductSystemBuilder InRegion(string? region)
    {
        _region = string.IsNullOrWhiteSpace(region) ? null : region;
        return this;
    }

    /// <summary>Sets the reference year of the data, the default year of factor requests.</summary>
    /// <param name="year">The year.</param>
    /// <returns>This builder.</returns>
    public ProductSystemBuilder ForYear(int? year)
    {
        _year = year;
        return this;
    }

    /// <summary>Adds a flow.</summary>
    /// <param name="flow">The flow.</param>
    /// <returns>This builder.</returns>
    public ProductSystemBuilder AddFlow(Flow flow)
    {
        ArgumentNullException.ThrowIfNull(flow);
        _flows.Add(flow);
        return this;
    }

    /// <summary>Adds a flow.</summary>
    /// <param name="id">The flow's id.</param>
    /// <param name="name">A readable name.</param>
    /// <param name="referenceUnit">The unit in which the flow is accounted.</param>
    /// <param name="kind">Product or waste.</param>
    /// <param name="factorKey">The key of its background factor, if not its id.</param>
    /// <returns>This builder.</returns>
    public ProductSystemBuilder AddFlow(FlowId id, string name, Unit referenceUnit, FlowKind kind = FlowKind.Product, string? factorKey = null) =>
        AddFlow(new Flow(id, name, referenceUnit, kind, factorKey));

    /// <summary>Adds a process.</summary>
    /// <param name="id">The process's id.</param>
    /// <param name="name">A readable name.</param>
    /// <param name="configure">Describes the process's outputs, inputs and emissions.</param>
    /// <returns>This builder.</returns>
    public ProductSystemBuilder AddProcess(ProcessId id, string name, Action<ProcessBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var process = new ProcessBuilder(id, name ?? string.Empty);
        configure(process);
        _processes.Add(process);
        return this;
    }

    /// <summary>Sets the product whose footprint is computed.</summary>
    /// <param name="flow">The reference product.</param>
    /// <param name="process">The process that makes it; <see langword="null"/> when only one process does.</param>
    /// <returns>This builder.</returns>
    public ProductSystemBuilder WithReferenceProduct(FlowId flow, ProcessId? process = null)
    {
        _referenceProduct = flow;
        _referenceProcess = process;
        return this;
    }

    /// <summary>Sets the declared unit: the amount of reference product the footprint is stated for.</summary>
    /// <param name="declaredUnit">The amount, such as 1 kg or 1 piece.</param>
    /// <returns>This builder.</returns>
    public ProductSystemBuilder WithDeclaredUnit(Quantity declaredUnit)
    {
        _declaredUnit = declaredUnit;
        return this;
    }

    /// <summary>Sets the declared unit.</summary>
    /// <param name="amount">The amount.</param>
    /// <param name="unit">The unit.</param>
    /// <returns>This builder.</returns>
    public ProductSystemBuilder WithDeclaredUnit(double amount, Unit unit) => WithDeclaredUnit(Quantity.Of(amount, unit));

    /// <summary>Sets the mass of product per declared unit (needed by PACT when the declared unit is not a mass).</summary>
    /// <param name="mass">The mass.</param>
    /// <returns>This builder.</returns>
    public ProductSystemBuilder WithProductMass(Quantity? mass)
    {
        _productMass = mass;
        return this;
    }

    /// <summary>Sets the carbon content of the product per declared unit.</summary>
    /// <param name="carbonContent">The carbon content.</param>
    /// <returns>This builder.</returns>
    public ProductSystemBuilder WithCarbonContent(CarbonContent? carbonContent)
    {
        _carbonContent = carbonContent;
        return this;
    }

    /// <summary>Validates the system and returns it, or every problem found.</summary>
    /// <returns>The product system, or the problems and no system.</returns>
    public ValidationResult<ProductSystem> Validate()
    {
        var problems = new List<ValidationProblem>();
        var system = Check(problems);
        return problems.Count == 0 && system is not null
            ? ValidationResult.Success(system)
            : ValidationResult.Failure<ProductSystem>(problems);
    }

    /// <summary>Validates the system and returns it.</summary>
    /// <returns>The product system.</returns>
    /// <exception cref="ValidationException">The system is invalid; the exception lists every problem.</exception>
    public ProductSystem Build() => Validate().ThrowIfInvalid();

    private ProductSystem? Check(List<ValidationProblem> problems)
    {
        void Problem(string path, string code, string message) => problems.Add(new(path, code, message));

        if (string.IsNullOrWhiteSpace(Name))
        {
            Problem("$.name", ProblemCodes.Required, "The product system needs a name.");
        }

        CheckYear("$.referenceYear", _year, Problem);

        // Flows: ids unique and non-empty.
        var flows = new Dictionary<FlowId, Flow>();
        for (int i = 0; i < _flows.Count; i++)
        {
            var flow = _flows[i];
            string path = $"$.flows[{i}]";
            if (string.IsNullOrWhiteSpace(flow.Id.Value))
            {
                Problem(path + ".id", ProblemCodes.InvalidId, "A flow needs a non-empty id.");
            }
            else if (!flows.TryAdd(flow.Id, flow))
            {
                Problem(path + ".id", ProblemCodes.DuplicateId, $"Flow id '{flow.Id}' is used twice.");
            }

            if (flow.FactorKey is { } key && string.IsNullOrWhiteSpace(key))
            {
                // A factor is requested under this key: an empty one names nothing (leave it out to use the flow's id).
                Problem(path + ".factorKey", ProblemCodes.Required, "'factorKey' must not be empty; leave it out to look the factor up under the flow's id.");
            }

            if (string.IsNullOrWhiteSpace(flow.Name))
            {
                Problem(path + ".name", ProblemCodes.Required, $"Flow '{flow.Id}' needs a name.");
            }

            if (flow.ReferenceUnit is null)
            {
                Problem(path + ".unit", ProblemCodes.Required, $"Flow '{flow.Id}' needs a unit.");
            }
            else if (flow.ReferenceUnit.Dimension.Kind == DimensionKind.Currency)
            {
                Problem(path + ".unit", ProblemCodes.WrongDimension, $"Flow '{flow.Id}' cannot be measured in a currency ('{flow.ReferenceUnit}').");
            }
        }

        // Processes: ids unique; who produces which flow.
        var processIds = new Dictionary<ProcessId, int>();
        var producers = new Dictionary<FlowId, List<ProcessId>>();
        for (int i = 0; i < _processes.Count; i++)
        {
            var p = _processes[i];
            string path = $"$.processes[{i}]";
            if (string.IsNullOrWhiteSpace(p.Id.Value))
            {
                Problem(path + ".id", ProblemCodes.InvalidId, "A process needs a non-empty id.");
            }
            else if (!processIds.TryAdd(p.Id, i))
            {
                Problem(path + ".id", ProblemCodes.DuplicateId, $"Process id '{p.Id}' is used twice.");
            }

            foreach (var output in p.OutputList.Concat(p.CoProductList))
            {
                if (!producers.TryGetValue(output.Flow, out var list))
                {
                    producers[output.Flow] = list = [];
                }

                if (!list.Contains(p.Id))
                {
                    list.Add(p.Id);
                }
            }
        }

        if (_processes.Count == 0)
        {
            Problem("$.processes", ProblemCodes.Required, "A product system needs at least one process.");
        }

        var processes = ImmutableArray.CreateBuilder<Process>(_processes.Count);
        for (int i = 0; i < _processes.Count; i++)
        {
            var process = CheckProcess(_processes[i], $"$.processes[{i}]", flows, processIds, producers, Problem);
            if (process is not null)
            {
                processes.Add(process);
            }
        }

        // Reference product, its process and the declared unit.
        ProcessId referenceProcess = default;
        Flow? referenceFlow = null;
        if (_referenceProduct is not { } product || string.IsNullOrWhiteSpace(product.Value))
        {
            Problem("$.referenceProduct.flow", ProblemCodes.InvalidReferenceProduct, "The product system needs a reference product.");
        }
        else if (!flows.TryGetValue(product, out referenceFlow))
        {
            Problem("$.referenceProduct.flow", ProblemCodes.UnknownReference, $"The reference product '{product}' is not a flow of the system.");
        }
        else if (_referenceProcess is { } named)
        {
            if (!processIds.ContainsKey(named))
            {
                Problem("$.referenceProduct.process", ProblemCodes.UnknownReference, $"The reference process '{named}' is not a process of the system.");
            }
            else if (!producers.TryGetValue(product, out var makers) || !makers.Contains(named))
            {
                Problem("$.referenceProduct.process", ProblemCodes.InvalidReferenceProduct, $"Process '{named}' does not produce the reference product '{product}'.");
            }
            else
            {
                referenceProcess = named;
            }
        }
        else if (!producers.TryGetValue(product, out var makers) || makers.Count == 0)
        {
            Problem("$.referenceProduct.flow", ProblemCodes.InvalidReferenceProduct, $"No process produces the reference product '{product}'.");
        }
        else if (makers.Count > 1)
        {
            Problem("$.referenceProduct.process", ProblemCodes.InvalidReferenceProduct,
                $"The reference product '{product}' is produced by {string.Join(", ", makers.Select(m => $"'{m}'"))}: name the reference process.");
        }
        else
        {
            referenceProcess = makers[0];
        }

        if (_declaredUnit is not { } declared)
        {
            Problem("$.declaredUnit", ProblemCodes.Required, "The product system needs a declared unit (such as 1 kg or 1 piece).");
        }
        else
        {
            if (!(declared.Value > 0))
            {
                Problem("$.declaredUnit.amount", ProblemCodes.NumberOutOfRange, $"The declared unit must be a positive amount; it is {Format(declared.Value)}.");
            }

            if (referenceFlow?.ReferenceUnit is { } flowUnit && !declared.Unit.CanConvertTo(flowUnit))
            {
                Problem("$.declaredUnit.unit", ProblemCodes.WrongDimension,
                    $"The declared unit '{declared.Unit}' ({declared.Dimension}) does not measure the reference product '{referenceFlow.Id}' ({flowUnit.Dimension}).");
            }
        }

        var productMass = _productMass;
        if (productMass is { } mass)
        {
            CheckMass("$.productMassPerDeclaredUnit", mass, positive: true, Problem);
        }
        else if (_declaredUnit is { } du && du.Dimension == Dimension.Mass)
        {
            productMass = du; // a mass declared unit is its own product mass
        }

        if (_carbonContent is { } carbon)
        {
            CheckMass("$.carbonContent.fossil", carbon.Fossil, positive: false, Problem);
            CheckMass("$.carbonContent.biogenic", carbon.Biogenic, positive: false, Problem);
            if (carbon.Recycled is { } recycled)
            {
                CheckMass("$.carbonContent.recycled", recycled, positive: false, Problem);
            }

            if (carbon.PackagingBiogenic is { } packaging)
            {
                CheckMass("$.carbonContent.packagingBiogenic", packaging, positive: false, Problem);
            }
        }

        return problems.Count > 0
            ? null
            : new ProductSystem(Name, _description, [.. flows.Values.OrderBy(f => _flows.IndexOf(f))], processes.ToImmutable(),
                referenceProcess, _referenceProduct!.Value, _declaredUnit!.Value, _region, _year, productMass, _carbonContent);
    }

    private Process? CheckProcess(
        ProcessBuilder p,
        string path,
        Dictionary<FlowId, Flow> flows,
        Dictionary<ProcessId, int> processIds,
        Dictionary<FlowId, List<ProcessId>> producers,
        Action<string, string, string> problem)
    {
        int before = ProblemCount;
        if (string.IsNullOrWhiteSpace(p.Name))
        {
            Report(path + ".name", ProblemCodes.Required, $"Process '{p.Id}' needs a name.");
        }

        if (p.OutputList.Count == 0)
        {
            Report(path + ".output", ProblemCodes.InvalidOutputs, $"Process '{p.Id}' needs a reference output.");
        }
        else if (p.OutputList.Count > 1)
        {
            Report(path + ".output", ProblemCodes.InvalidOutputs,
                $"Process '{p.Id}' has {p.OutputList.Count} reference outputs; it has one, and the others are co-products.");
        }

        if (p.OutputList.Count > 0)
        {
            CheckOutput(p.OutputList[0], path + ".output", isCoProduct: false);
        }

        var seenOutputs = new HashSet<FlowId>();
        foreach (var output in p.OutputList.Take(1).Concat(p.CoProductList))
        {
            if (!seenOutputs.Add(output.Flow))
            {
                Report(path + ".coProducts", ProblemCodes.InvalidOutputs, $"Process '{p.Id}' produces '{output.Flow}' more than once; state it once.");
            }
        }

        for (int k = 0; k < p.CoProductList.Count; k++)
        {
            CheckOutput(p.CoProductList[k], $"{path}.coProducts[{k}]", isCoProduct: true);
        }

        var inputs = ImmutableArray.CreateBuilder<ProductInput>(p.InputList.Count);
        for (int k = 0; k < p.InputList.Count; k++)
        {
            var (flowId, stated, supply, derivation) = p.InputList[k];
            string at = $"{path}.inputs[{k}]";
            var amount = AmountOf(flowId, stated, derivation, at);
            var flow = amount is { } a0 ? CheckAmount(flowId, a0, at, allowZero: true) : null;
            Supply? linked = supply is null ? null : CheckSupply(supply, flowId, at + ".from");
            if (supply is null && flow is not null)
            {
                if (string.IsNullOrWhiteSpace(flow.EffectiveFactorKey))
                {
                    // A blank factor key or flow id: reported on the flow, nothing to look up.
                }
                else if (!producers.TryGetValue(flowId, out var makers) || makers.Count == 0)
                {
                    linked = Supply.FromFactor(flow.EffectiveFactorKey, p.RegionValue ?? _region, _year);
                }
                else if (makers.Count == 1)
                {
                    linked = Supply.FromProcess(makers[0]);
                }
                else
                {
                    Report(at + ".from", ProblemCodes.UnlinkedInput,
                        $"'{flowId}' is produced by {string.Join(", ", makers.Select(m => $"'{m}'"))}: name the supplier of this input.");
                }
            }

            if (linked is not null && flow is not null && amount is { } a1)
            {
                inputs.Add(new ProductInput(flowId, a1, linked) { Derivation = derivation });
            }
        }

        for (int k = 0; k < p.EmissionList.Count; k++)
        {
            CheckExchange(p.EmissionList[k], $"{path}.emissions[{k}]");
        }

        CheckAllocation();

        return ProblemCount > before || p.OutputList.Count != 1
            ? null
            : new Process(p.Id, p.Name, p.OutputList[0], [.. p.CoProductList], inputs.ToImmutable(), [.. p.EmissionList],
                p.StageValue, p.RegionValue, Tag.Canonical(p.TagList), p.PrimaryData, p.AllocationValue, p.DescriptionText);

        // Local helpers share the process's context.
        void Report(string at, string code, string message)
        {
            ProblemCount++;
            problem(at, code, message);
        }

        // The amount of an input: as stated, or the derivation's result in the flow's reference unit; both must agree when both are given.
        Quantity? AmountOf(FlowId flowId, Quantity? stated, Derivation? derivation, string at)
        {
            if (derivation is null)
            {
                return stated;
            }

            if (!flows.TryGetValue(flowId, out var flow) || flow.ReferenceUnit is null)
            {
                return stated ?? Quantity.Of(derivation.Result.Value, Unit.One);
            }

            var reference = UnitExpression.Of(flow.ReferenceUnit);
            if (!derivation.Result.Unit.IsCommensurableWith(reference))
            {
                Report(at + ".derivation.result", ProblemCodes.WrongDimension,
                    $"The derivation '{derivation.Name}' gives {derivation.Result.Unit}, which does not measure '{flowId}' ({flow.Dimension}).");
                return null;
            }

            var derived = Quantity.Of(derivation.Result.As(reference), flow.ReferenceUnit);
            if (stated is { } s && (!s.Unit.CanConvertTo(flow.ReferenceUnit) || !Derivation.Same(derived.Value, s.As(flow.ReferenceUnit))))
            {
                Report(at + ".amount", ProblemCodes.DerivationMismatch,
                    $"The amount {s} differs from the result of its derivation '{derivation.Name}' ({derived}).");
                return null;
            }

            return stated ?? derived;
        }

        void CheckDerived(Quantity amount, Derivation? derivation, string at)
        {
            if (derivation is null)
            {
                return;
            }

            var unit = UnitExpression.Of(amount.Unit);
            if (!derivation.Result.Unit.IsCommensurableWith(unit))
            {
                Report(at + ".derivation.result", ProblemCodes.WrongDimension,
                    $"The derivation '{derivation.Name}' gives {derivation.Result.Unit}, which does not measure an amount in {amount.Unit} ({amount.Dimension}).");
            }
            else if (!Derivation.Same(derivation.Result.As(unit), amount.Value))
            {
                Report(at + ".amount", ProblemCodes.DerivationMismatch,
                    $"The amount {amount} differs from the result of its derivation '{derivation.Name}' ({derivation.Result}).");
            }
        }

        Flow? CheckAmount(FlowId flowId, Quantity amount, string at, bool allowZero)
        {
            if (!flows.TryGetValue(flowId, out var flow))
            {
                Report(at + ".flow", ProblemCodes.UnknownReference, $"'{flowId}' is not a flow of the system.");
                return null;
            }

            if (flow.ReferenceUnit is not null && !amount.Unit.CanConvertTo(flow.ReferenceUnit))
            {
                Report(at + ".unit", ProblemCodes.WrongDimension,
                    $"'{amount.Unit}' ({amount.Dimension}) does not measure '{flowId}', which is measured in '{flow.ReferenceUnit}' ({flow.Dimension}).");
            }

            if (allowZero ? amount.Value < 0 : !(amount.Value > 0))
            {
                Report(at + ".amount", ProblemCodes.NumberOutOfRange,
                    $"The amount of '{flowId}' must be {(allowZero ? "zero or positive" : "positive")}; it is {Format(amount.Value)}.");
            }

            return flow;
        }

        void CheckOutput(ProductOutput output, string at, bool isCoProduct)
        {
            var flow = CheckAmount(output.Flow, output.Amount, at, allowZero: false);
            CheckDerived(output.Amount, output.Derivation, at);
            if (output.MassPerUnit is { } mass)
            {
                CheckMass(at + ".massPerUnit", mass, positive: false, problem);
            }

            if (output.EnergyPerUnit is { } energy && (energy.Dimension != Dimension.Energy || energy.Value < 0))
            {
                Report(at + ".energyPerUnit", energy.Dimension != Dimension.Energy ? ProblemCodes.WrongDimension : ProblemCodes.NumberOutOfRange,
                    $"The energy per unit of '{output.Flow}' must be a non-negative energy; it is {energy}.");
            }

            if (output.PricePerUnit is { } price && (price.Dimension.Kind != DimensionKind.Currency || price.Value < 0))
            {
                Report(at + ".pricePerUnit", price.Dimension.Kind != DimensionKind.Currency ? ProblemCodes.WrongDimension : ProblemCodes.NumberOutOfRange,
                    $"The price per unit of '{output.Flow}' must be a non-negative amount of a currency; it is {price}.");
            }

            if (output.Share is { } share && !(share >= 0 && share <= 1))
            {
                Report(at + ".share", ProblemCodes.NumberOutOfRange, $"An allocation share must lie in [0, 1]; it is {Format(share)}.");
            }

            if (output.Displaces is { } displaced)
            {
                if (!isCoProduct)
                {
                    Report(at + ".displaces", ProblemCodes.InvalidAllocation, "Only a co-product can displace another supply.");
                }
                else
                {
                    CheckSupply(displaced, output.Flow, at + ".displaces", excludeProcess: p.Id);
                }
            }

            _ = flow;
        }

        Supply? CheckSupply(Supply supply, FlowId flowId, string at, ProcessId? excludeProcess = null)
        {
            if (supply.Kind == SupplyKind.Factor)
            {
                CheckYear(at + ".year", supply.Year, problem);
                return supply.Region is null && (p.RegionValue ?? _region) is { } region
                    ? Supply.FromFactor(supply.FactorKey!, region, supply.Year ?? _year)
                    : supply.Year is null && _year is not null ? Supply.FromFactor(supply.FactorKey!, supply.Region, _year) : supply;
            }

            var supplier = supply.Process!.Value;
            if (!processIds.ContainsKey(supplier))
            {
                Report(at + ".process", ProblemCodes.UnknownReference, $"'{supplier}' is not a process of the system.");
                return null;
            }

            if (supplier == excludeProcess)
            {
                Report(at + ".process", ProblemCodes.InvalidAllocation, $"Process '{supplier}' cannot displace its own co-product '{flowId}'.");
                return null;
            }

            if (!producers.TryGetValue(flowId, out var makers) || !makers.Contains(supplier))
            {
                Report(at + ".process", ProblemCodes.UnlinkedInput, $"Process '{supplier}' does not produce '{flowId}'.");
                return null;
            }

            return supply;
        }

        void CheckExchange(ElementaryExchange exchange, string at)
        {
            if (exchange.Gas is null)
            {
                Report(at + ".gas", ProblemCodes.Required, "An emission needs a gas.");
                return;
            }

            if (exchange.Amount.Dimension != Dimension.Mass)
            {
                Report(at + ".unit", ProblemCodes.WrongDimension, $"An amount of {exchange.Gas} must be a mass; '{exchange.Amount.Unit}' measures {exchange.Amount.Dimension}.");
            }

            CheckDerived(exchange.Amount, exchange.Derivation, at);
            if (exchange.Amount.Value < 0)
            {
                Report(at + ".amount", ProblemCodes.NumberOutOfRange,
                    $"The amount of {exchange.Gas} must be zero or positive (the kind says whether it is a removal); it is {Format(exchange.Amount.Value)}.");
            }

            bool isCo2 = exchange.Gas == GreenhouseGas.Co2Fossil || exchange.Gas == GreenhouseGas.Co2Biogenic;
            string? rule = exchange.Kind switch
            {
                ElementaryExchangeKind.BiogenicUptake or ElementaryExchangeKind.LandManagementRemoval when exchange.Gas != GreenhouseGas.Co2Biogenic
                    => $"'{exchange.Kind}' takes up biogenic CO2 only; the gas is {exchange.Gas}.",
                ElementaryExchangeKind.TechnologicalRemoval or ElementaryExchangeKind.CcsCapture when !isCo2
                    => $"'{exchange.Kind}' applies to CO2 only; the gas is {exchange.Gas}.",
                _ when !Enum.IsDefined(exchange.Kind) => $"'{(int)exchange.Kind}' is not an exchange kind.",
                _ => null,
            };
            if (rule is not null)
            {
                Report(at + ".kind", ProblemCodes.UnknownValue, rule);
            }
        }

        void CheckAllocation()
        {
            if (p.AllocationValue is not { } method || p.OutputList.Count != 1)
            {
                return;
            }

            var outputs = p.OutputList.Take(1).Concat(p.CoProductList).ToList();
            string at = path + ".allocation";
            switch (method)
            {
                case AllocationMethod.SystemExpansion:
                    if (p.CoProductList.Any(c => c.Displaces is null))
                    {
                        Report(at, ProblemCodes.InvalidAllocation,
                            $"System expansion needs every co-product of '{p.Id}' to name the supply it displaces ({string.Join(", ", p.CoProductList.Where(c => c.Displaces is null).Select(c => $"'{c.Flow}'"))} do not).");
                    }

                    break;
                case AllocationMethod.Mass:
                    var noMass = outputs.Where(o => o.MassPerUnit is null && !(flows.TryGetValue(o.Flow, out var f) && f.Dimension == Dimension.Mass)).ToList();
                    if (noMass.Count > 0)
                    {
                        Report(at, ProblemCodes.InvalidAllocation,
                            $"Mass allocation needs the mass per unit of {string.Join(", ", noMass.Select(o => $"'{o.Flow}'"))}, which are not measured in mass.");
                    }

                    break;
                case AllocationMethod.Energy:
                    var noEnergy = outputs.Where(o => o.EnergyPerUnit is null && !(flows.TryGetValue(o.Flow, out var f) && f.Dimension == Dimension.Energy)).ToList();
                    if (noEnergy.Count > 0)
                    {
                        Report(at, ProblemCodes.InvalidAllocation,
                            $"Energy allocation needs the energy per unit of {string.Join(", ", noEnergy.Select(o => $"'{o.Flow}'"))}.");
                    }

                    break;
                case AllocationMethod.Economic:
                    var noPrice = outputs.Where(o => o.PricePerUnit is null).ToList();
                    var currencies = outputs.Where(o => o.PricePerUnit is not null).Select(o => o.PricePerUnit!.Value.Unit).Distinct().ToList();
                    if (noPrice.Count > 0)
                    {
                        Report(at, ProblemCodes.InvalidAllocation, $"Economic allocation needs the price per unit of {string.Join(", ", noPrice.Select(o => $"'{o.Flow}'"))}.");
                    }
                    else if (currencies.Count > 1)
                    {
                        Report(at, ProblemCodes.InvalidAllocation,
                            $"Economic allocation needs every price in one currency; '{p.Id}' uses {string.Join(", ", currencies)}. Currencies are never converted implicitly.");
                    }

                    break;
                case AllocationMethod.Stated:
                    if (outputs.Any(o => o.Share is null))
                    {
                        Report(at, ProblemCodes.InvalidAllocation, $"Stated allocation needs a share on every output of '{p.Id}'.");
                    }
                    else
                    {
                        double sum = outputs.Sum(o => o.Share!.Value);
                        if (Math.Abs(sum - 1) > 1e-9)
                        {
                            Report(at, ProblemCodes.InvalidAllocation, $"The stated allocation shares of '{p.Id}' must sum to 1; they sum to {Format(sum)}.");
                        }
                    }

                    break;
                default:
                    Report(at, ProblemCodes.UnknownValue, $"'{(int)method}' is not an allocation method.");
                    break;
            }
        }
    }

    private int ProblemCount { get; set; }

    private static void CheckMass(string path, Quantity mass, bool positive, Action<string, string, string> problem)
    {
        if (mass.Dimension != Dimension.Mass)
        {
            problem(path + ".unit", ProblemCodes.WrongDimension, $"'{mass.Unit}' ({mass.Dimension}) is not a unit of mass.");
        }
        else if (positive ? !(mass.Value > 0) : mass.Value < 0)
        {
            problem(path + ".amount", ProblemCodes.NumberOutOfRange, $"The mass must be {(positive ? "positive" : "zero or positive")}; it is {Format(mass.Value)}.");
        }
    }

    private static void CheckYear(string path, int? year, Action<string, string, string> problem)
    {
        // Years outside 1900-2200 are typing mistakes, not data.
        if (year is { } y && (y < 1900 || y > 2200))
        {
            problem(path, ProblemCodes.NumberOutOfRange, $"A year must lie between 1900 and 2200; it is {y}.");
        }
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
