using System.Collections.Immutable;
using System.Globalization;
using Pcf.Accounting.Gases;
using Pcf.Accounting.Json;
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
public sealed partial class ProductSystemBuilder
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
            process.Inputs.ToList().ForEach(i => p.InputList.Add((i.Flow, i.Amount, i.Supply, i.Derivation, i.Uncertainty)));
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

    /// <summary>Adds a process and returns its builder, for a reader that fills it without a callback.</summary>
    internal ProcessBuilder AddProcess(ProcessId id, string name)
    {
        var process = new ProcessBuilder(id, name ?? string.Empty);
        _processes.Add(process);
        return process;
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
}
