using System.Collections.Immutable;

namespace Pcf.Accounting.Model;

/// <summary>A unit process (an activity): per run, its reference product and co-products, the products it consumes, and its direct emissions and removals.</summary>
/// <remarks>
/// Processes are made by <see cref="ProductSystemBuilder"/>, which validates them within their
/// system: every amount has a unit of its flow's dimension, every input names its supplier.
/// All amounts are per run; the size of a run is arbitrary (scaling a run changes no result).
/// </remarks>
/// <threadsafety>Immutable.</threadsafety>
public sealed class Process
{
    internal Process(
        ProcessId id,
        string name,
        ProductOutput referenceOutput,
        ImmutableArray<ProductOutput> coProducts,
        ImmutableArray<ProductInput> inputs,
        ImmutableArray<ElementaryExchange> emissions,
        LifeCycleStage stage,
        string? region,
        ImmutableArray<Tag> tags,
        bool isPrimaryData,
        AllocationMethod? allocation,
        string? description)
    {
        Id = id;
        Name = name;
        ReferenceOutput = referenceOutput;
        CoProducts = coProducts.IsDefault ? [] : coProducts;
        Inputs = inputs.IsDefault ? [] : inputs;
        Emissions = emissions.IsDefault ? [] : emissions;
        Stage = stage;
        Region = region;
        Tags = tags.IsDefault ? [] : tags;
        IsPrimaryData = isPrimaryData;
        Allocation = allocation;
        Description = description;
    }

    /// <summary>Gets the identifier, unique in the system.</summary>
    public ProcessId Id { get; }

    /// <summary>Gets a readable name.</summary>
    public string Name { get; }

    /// <summary>Gets an optional description (technology, data sources).</summary>
    public string? Description { get; }

    /// <summary>Gets the reference product and its amount per run.</summary>
    public ProductOutput ReferenceOutput { get; }

    /// <summary>Gets the co-products per run, in order; empty for a single-output process.</summary>
    public ImmutableArray<ProductOutput> CoProducts { get; }

    /// <summary>Gets every output: the reference output first, then the co-products.</summary>
    public IEnumerable<ProductOutput> Outputs => CoProducts.Prepend(ReferenceOutput);

    /// <summary>Gets the product inputs per run, in order.</summary>
    public ImmutableArray<ProductInput> Inputs { get; }

    /// <summary>Gets the direct emissions and removals per run, in order.</summary>
    public ImmutableArray<ElementaryExchange> Emissions { get; }

    /// <summary>Gets the life-cycle stage.</summary>
    public LifeCycleStage Stage { get; }

    /// <summary>Gets where the process runs (an ISO 3166 code such as <c>CN-JS</c>), if stated; factor requests of its inputs default to it.</summary>
    public string? Region { get; }

    /// <summary>Gets the tags, sorted and distinct: labels that views group by, such as <c>cbam:installation</c>; the ones in
    /// <see cref="Model.Tags"/> mark emissions reported separately (aircraft transport, packaging, outbound logistics).</summary>
    public ImmutableArray<Tag> Tags { get; }

    /// <summary>Gets a value indicating whether the process carries a tag.</summary>
    /// <param name="tag">The tag.</param>
    /// <returns><see langword="true"/> when <see cref="Tags"/> holds it.</returns>
    public bool HasTag(Tag tag) => Tags.BinarySearch(tag) >= 0;

    /// <summary>Gets a value indicating whether the process's own data are primary (measured at the site), for the primary-data share.</summary>
    public bool IsPrimaryData { get; }

    /// <summary>Gets the allocation method this process requires, or <see langword="null"/> to follow the rule set.</summary>
    public AllocationMethod? Allocation { get; }

    /// <summary>The indices of <see cref="Inputs"/> in canonical order: by flow id (ordinal), then supply (as text, ordinal), then amount;
    /// equal keys keep their order. Computed on first use, then kept.</summary>
    /// <remarks>The engine and the content hash read inputs in this order, so that the order in which a system states them changes nothing.</remarks>
    internal int[] CanonicalInputOrder => _inputOrder ??= CanonicalOrder.Trivial(Inputs.Length) ?? CanonicalOrder.Of(Inputs.Length, new InputOrder(this));

    /// <summary>The indices of <see cref="Emissions"/> in canonical order: by gas id (ordinal), kind, then mass in kilograms; equal keys keep their order.</summary>
    internal int[] CanonicalEmissionOrder => _emissionOrder ??= CanonicalOrder.Trivial(Emissions.Length) ?? CanonicalOrder.Of(Emissions.Length, new EmissionOrder(this));

    private int[]? _inputOrder;
    private int[]? _emissionOrder;

    private int CompareInputs(int a, int b)
    {
        ProductInput x = Inputs[a], y = Inputs[b];
        int c = string.CompareOrdinal(x.Flow.Value, y.Flow.Value);
        if (c == 0 && !ReferenceEquals(x.Supply, y.Supply))
        {
            // Rare (one flow from two supplies, or the same flow twice): the text is made only then.
            c = string.CompareOrdinal(x.Supply.ToString(), y.Supply.ToString());
        }

        return c != 0 ? c : x.Amount.Value.CompareTo(y.Amount.Value);
    }

    private int CompareEmissions(int a, int b)
    {
        ElementaryExchange x = Emissions[a], y = Emissions[b];
        int c = string.CompareOrdinal(x.Gas.Id, y.Gas.Id);
        if (c == 0)
        {
            c = x.Kind.CompareTo(y.Kind);
        }

        return c != 0 ? c : x.Amount.As(Units.Unit.Kilogram).CompareTo(y.Amount.As(Units.Unit.Kilogram));
    }

    private readonly struct InputOrder(Process process) : CanonicalOrder.IPositionComparer
    {
        public int Compare(int a, int b) => process.CompareInputs(a, b);
    }

    private readonly struct EmissionOrder(Process process) : CanonicalOrder.IPositionComparer
    {
        public int Compare(int a, int b) => process.CompareEmissions(a, b);
    }

    /// <summary>Returns the id and name.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() => $"{Id} ({Name})";
}
