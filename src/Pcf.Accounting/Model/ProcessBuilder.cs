using Pcf.Accounting.Factors;
using Pcf.Accounting.Gases;
using Pcf.Accounting.Units;

namespace Pcf.Accounting.Model;

/// <summary>Describes one process for <see cref="ProductSystemBuilder.AddProcess(ProcessId, string, Action{ProcessBuilder})"/>.</summary>
/// <remarks>Nothing is checked here: the system builder validates the whole system at once, with paths in the
/// shape of the JSON format (<c>$.processes[2].inputs[0].amount</c>), indices in order of addition.</remarks>
/// <example><code>
/// builder.AddProcess("blow-moulding", "Stretch blow moulding", p => p
///     .Produces("bottle", 1000, Unit.Piece)
///     .Consumes("pet-granulate", 25, Unit.Kilogram)
///     .Consumes("electricity", 120, Unit.KilowattHour, Supply.FromFactor("electricity-grid", "CN"))
///     .Emits(GreenhouseGas.Co2Fossil, 2, Unit.Kilogram)
///     .InStage(LifeCycleStage.Production));
/// </code></example>
public sealed class ProcessBuilder
{
    internal ProcessBuilder(ProcessId id, string name)
    {
        Id = id;
        Name = name;
    }

    internal ProcessId Id { get; }

    internal string Name { get; }

    internal string? DescriptionText { get; private set; }

    internal List<ProductOutput> OutputList { get; } = [];

    internal List<ProductOutput> CoProductList { get; } = [];

    internal List<(FlowId Flow, Quantity? Amount, Supply? Supply, Derivation? Derivation, UncertaintyDistribution? Uncertainty)> InputList { get; } = [];

    internal List<ElementaryExchange> EmissionList { get; } = [];

    internal LifeCycleStage StageValue { get; private set; }

    internal string? RegionValue { get; private set; }

    internal List<Tag> TagList { get; } = [];

    internal bool PrimaryData { get; private set; }

    internal AllocationMethod? AllocationValue { get; private set; }

    /// <summary>Sets the reference product and its amount per run. Call once.</summary>
    /// <param name="output">The output, with any allocation properties.</param>
    /// <returns>This builder.</returns>
    public ProcessBuilder Produces(ProductOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        OutputList.Add(output);
        return this;
    }

    /// <summary>Sets the reference product and its amount per run. Call once.</summary>
    /// <param name="flow">The flow produced.</param>
    /// <param name="amount">The amount per run.</param>
    /// <param name="unit">The unit of <paramref name="amount"/>.</param>
    /// <returns>This builder.</returns>
    public ProcessBuilder Produces(FlowId flow, double amount, Unit unit) => Produces(new ProductOutput(flow, Quantity.Of(amount, unit)));

    /// <summary>Adds a co-product.</summary>
    /// <param name="output">The co-product, with the properties its allocation needs.</param>
    /// <returns>This builder.</returns>
    public ProcessBuilder CoProduces(ProductOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        CoProductList.Add(output);
        return this;
    }

    /// <summary>Adds a co-product.</summary>
    /// <param name="flow">The flow co-produced.</param>
    /// <param name="amount">The amount per run.</param>
    /// <param name="unit">The unit of <paramref name="amount"/>.</param>
    /// <returns>This builder.</returns>
    public ProcessBuilder CoProduces(FlowId flow, double amount, Unit unit) => CoProduces(new ProductOutput(flow, Quantity.Of(amount, unit)));

    /// <summary>Adds a product input.</summary>
    /// <param name="flow">The flow consumed.</param>
    /// <param name="amount">The amount per run.</param>
    /// <param name="supply">The supplier; <see langword="null"/> links to the one process in the system that produces the flow, or else to an emission factor under the flow's factor key.</param>
    /// <returns>This builder.</returns>
    public ProcessBuilder Consumes(FlowId flow, Quantity amount, Supply? supply = null)
    {
        InputList.Add((flow, amount, supply, null, null));
        return this;
    }

    /// <summary>Adds a product input whose amount is uncertain.</summary>
    /// <param name="flow">The flow consumed.</param>
    /// <param name="amount">The amount per run.</param>
    /// <param name="supply">The supplier, or <see langword="null"/> to link automatically.</param>
    /// <param name="uncertainty">The uncertainty of the amount (relative to it), or <see langword="null"/> for none.</param>
    /// <returns>This builder.</returns>
    /// <example><code>
    /// p.Consumes("electricity", Quantity.Of(120, Unit.KilowattHour), null, UncertaintyDistribution.Normal(0.05));
    /// </code></example>
    public ProcessBuilder Consumes(FlowId flow, Quantity amount, Supply? supply, UncertaintyDistribution? uncertainty)
    {
        InputList.Add((flow, amount, supply, null, uncertainty));
        return this;
    }

    /// <summary>Adds a product input.</summary>
    /// <param name="flow">The flow consumed.</param>
    /// <param name="amount">The amount per run.</param>
    /// <param name="unit">The unit of <paramref name="amount"/>.</param>
    /// <param name="supply">The supplier, or <see langword="null"/> to link automatically.</param>
    /// <returns>This builder.</returns>
    public ProcessBuilder Consumes(FlowId flow, double amount, Unit unit, Supply? supply = null) => Consumes(flow, Quantity.Of(amount, unit), supply);

    /// <summary>Adds a direct emission or removal.</summary>
    /// <param name="gas">The gas.</param>
    /// <param name="amount">The mass per run.</param>
    /// <param name="unit">A mass unit.</param>
    /// <param name="kind">The kind of exchange (an emission unless stated).</param>
    /// <returns>This builder.</returns>
    public ProcessBuilder Emits(GreenhouseGas gas, double amount, Unit unit, ElementaryExchangeKind kind = ElementaryExchangeKind.Emission)
    {
        ArgumentNullException.ThrowIfNull(gas);
        EmissionList.Add(new ElementaryExchange(gas, Quantity.Of(amount, unit), kind));
        return this;
    }

    /// <summary>Adds a direct emission or removal whose mass is uncertain.</summary>
    /// <param name="gas">The gas.</param>
    /// <param name="amount">The mass per run.</param>
    /// <param name="unit">A mass unit.</param>
    /// <param name="kind">The kind of exchange.</param>
    /// <param name="uncertainty">The uncertainty of the mass (relative to it), or <see langword="null"/> for none.</param>
    /// <returns>This builder.</returns>
    public ProcessBuilder Emits(GreenhouseGas gas, double amount, Unit unit, ElementaryExchangeKind kind, UncertaintyDistribution? uncertainty)
    {
        ArgumentNullException.ThrowIfNull(gas);
        EmissionList.Add(new ElementaryExchange(gas, Quantity.Of(amount, unit), kind) { Uncertainty = uncertainty });
        return this;
    }

    /// <summary>Adds a direct exchange with the environment.</summary>
    /// <param name="exchange">The exchange.</param>
    /// <returns>This builder.</returns>
    public ProcessBuilder Emits(ElementaryExchange exchange)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        EmissionList.Add(exchange);
        return this;
    }

    /// <summary>Sets the life-cycle stage.</summary>
    /// <param name="stage">The stage.</param>
    /// <returns>This builder.</returns>
    public ProcessBuilder InStage(LifeCycleStage stage)
    {
        StageValue = stage;
        return this;
    }

    /// <summary>Sets where the process runs; factor requests of its inputs default to this region.</summary>
    /// <param name="region">An ISO 3166 code such as <c>CN-JS</c>, or a grid region.</param>
    /// <returns>This builder.</returns>
    public ProcessBuilder InRegion(string? region)
    {
        RegionValue = string.IsNullOrWhiteSpace(region) ? null : region;
        return this;
    }

    /// <summary>Adds tags: labels that views group by, such as <c>cbam:installation</c> or <see cref="Tags.Packaging"/>.</summary>
    /// <param name="tags">The tags.</param>
    /// <returns>This builder.</returns>
    public ProcessBuilder Tagged(params Tag[] tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        TagList.AddRange(tags);
        return this;
    }

    /// <summary>Adds tags given as text, such as <c>cbam:precursor=clinker</c>.</summary>
    /// <param name="tags">The tags.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="FormatException">A text is not a tag.</exception>
    public ProcessBuilder Tagged(params string[] tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        TagList.AddRange(tags.Select(Tag.Parse));
        return this;
    }

    /// <summary>Adds an input whose amount is the result of a derivation (in the flow's dimension; checked when the system is built).</summary>
    /// <param name="flow">The flow consumed.</param>
    /// <param name="derivation">How the amount per run was derived.</param>
    /// <param name="supply">The supplier; <see langword="null"/> to link it as the system builder does.</param>
    /// <returns>This builder.</returns>
    public ProcessBuilder Consumes(FlowId flow, Derivation derivation, Supply? supply = null)
    {
        ArgumentNullException.ThrowIfNull(derivation);
        InputList.Add((flow, null, supply, derivation, null));
        return this;
    }

    /// <summary>Adds a direct emission or removal whose mass is the result of a derivation, such as calcination CO2 from the clinker's composition.</summary>
    /// <param name="gas">The gas.</param>
    /// <param name="derivation">How the mass per run was derived; its result must be a mass.</param>
    /// <param name="kind">The kind of exchange.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">The derivation's result is not a mass.</exception>
    public ProcessBuilder Emits(GreenhouseGas gas, Derivation derivation, ElementaryExchangeKind kind = ElementaryExchangeKind.Emission)
    {
        ArgumentNullException.ThrowIfNull(gas);
        ArgumentNullException.ThrowIfNull(derivation);
        var kg = UnitExpression.Of(Unit.Kilogram);
        if (!derivation.Result.Unit.IsCommensurableWith(kg))
        {
            throw new ArgumentException($"The derivation '{derivation.Name}' gives {derivation.Result.Unit}, not a mass of {gas}.", nameof(derivation));
        }

        EmissionList.Add(new ElementaryExchange(gas, Quantity.Of(derivation.Result.As(kg), Unit.Kilogram), kind) { Derivation = derivation });
        return this;
    }


    /// <summary>Marks the process's own data as primary (measured at the site) or secondary.</summary>
    /// <param name="primary"><see langword="true"/> for primary data.</param>
    /// <returns>This builder.</returns>
    public ProcessBuilder AsPrimaryData(bool primary = true)
    {
        PrimaryData = primary;
        return this;
    }

    /// <summary>Requires an allocation method for this process's co-products, overriding the rule set.</summary>
    /// <param name="method">The method.</param>
    /// <returns>This builder.</returns>
    public ProcessBuilder AllocatedBy(AllocationMethod? method)
    {
        AllocationValue = method;
        return this;
    }

    /// <summary>Sets a description.</summary>
    /// <param name="description">The description.</param>
    /// <returns>This builder.</returns>
    public ProcessBuilder Describe(string? description)
    {
        DescriptionText = description;
        return this;
    }
}
