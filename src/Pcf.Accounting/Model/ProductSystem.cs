using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Pcf.Accounting.Units;

namespace Pcf.Accounting.Model;

/// <summary>A product system: flows, processes linked by their supplies, the reference product and its declared unit.</summary>
/// <remarks>
/// <para>A product system is valid by construction: it is made only by
/// <see cref="ProductSystemBuilder"/> (in code) or <see cref="Json.ProductSystemJson"/> (from the
/// <c>pcf-system/1</c> JSON format), which report every problem at once. Product systems may
/// contain cycles (a steel plant's coke oven gas heats its own coke ovens).</para>
/// <para>To change a system, start a builder from it with <see cref="ProductSystemBuilder.From"/>.</para>
/// </remarks>
/// <threadsafety>Immutable and thread-safe.</threadsafety>
public sealed class ProductSystem
{
    // Built once and never changed, so safe to read from many threads; a frozen dictionary cost more to build than a large
    // system's compilation saves on look-ups.
    private readonly Dictionary<FlowId, Flow> _flows;
    private readonly Dictionary<ProcessId, Process> _processes;

    internal ProductSystem(
        string name,
        string? description,
        ImmutableArray<Flow> flows,
        ImmutableArray<Process> processes,
        ProcessId referenceProcess,
        FlowId referenceProduct,
        Quantity declaredUnit,
        string? region,
        int? referenceYear,
        Quantity? productMassPerDeclaredUnit,
        CarbonContent? carbonContent)
    {
        Name = name;
        Description = description;
        Flows = flows;
        Processes = processes;
        ReferenceProcess = referenceProcess;
        ReferenceProduct = referenceProduct;
        DeclaredUnit = declaredUnit;
        Region = region;
        ReferenceYear = referenceYear;
        ProductMassPerDeclaredUnit = productMassPerDeclaredUnit;
        CarbonContent = carbonContent;
        _contentHash = new Lazy<string>(ComputeContentHash, LazyThreadSafetyMode.ExecutionAndPublication);
        _flows = new Dictionary<FlowId, Flow>(flows.Length);
        foreach (var f in flows)
        {
            _flows.Add(f.Id, f);
        }

        _processes = new Dictionary<ProcessId, Process>(processes.Length);
        foreach (var p in processes)
        {
            _processes.Add(p.Id, p);
        }
    }

    /// <summary>Gets the name of the product system (usually the product's name).</summary>
    public string Name { get; }

    /// <summary>Gets an optional description.</summary>
    public string? Description { get; }

    /// <summary>Gets the flows, in the order they were declared.</summary>
    public ImmutableArray<Flow> Flows { get; }

    /// <summary>Gets the processes, in the order they were declared.</summary>
    public ImmutableArray<Process> Processes { get; }

    /// <summary>Gets the process that makes the reference product.</summary>
    public ProcessId ReferenceProcess { get; }

    /// <summary>Gets the product whose footprint is computed.</summary>
    public FlowId ReferenceProduct { get; }

    /// <summary>Gets the declared unit: the amount of reference product the footprint is stated for (1 kg, 1 t, 1 piece).</summary>
    public Quantity DeclaredUnit { get; }

    /// <summary>Gets the default region of factor requests (ISO 3166, such as <c>CN</c>), if stated.</summary>
    public string? Region { get; }

    /// <summary>Gets the reference year of the data and the default year of factor requests, if stated.</summary>
    public int? ReferenceYear { get; }

    /// <summary>Gets the mass of product per declared unit (PACT <c>productMassPerDeclaredUnit</c>), if stated or implied by a mass declared unit.</summary>
    public Quantity? ProductMassPerDeclaredUnit { get; }

    /// <summary>Gets the carbon content of the product per declared unit, if stated.</summary>
    public CarbonContent? CarbonContent { get; }

    /// <summary>Gets the SHA-256 of the system's canonical content (<c>sha256:</c> and 64 hex digits): the same for the same
    /// system whatever the order of its processes, flows and exchanges, and different when any value that can change a result
    /// differs. Results carry it, so a store can tell a stored result from a stale one.</summary>
    /// <remarks>Computed on first use, then kept.</remarks>
    public string ContentHash => _contentHash.Value;

    // One computation, whichever thread asks first; a thread that asks while another computes waits for its result.
    private readonly Lazy<string> _contentHash;

    /// <summary>Starts computing <see cref="ContentHash"/> on the thread pool when the system is large enough for it to pay:
    /// compiling a large system then hashes it on another core, and the result takes the hash when ready.</summary>
    internal void PrepareContentHash()
    {
        if (!_contentHash.IsValueCreated && Processes.Length >= BackgroundHashProcesses)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static system => _ = system.ContentHash, this, preferLocal: false);
        }
    }

    /// <summary>The processes from which the content hash is computed beside compilation rather than after it.</summary>
    internal const int BackgroundHashProcesses = 2000;

    private string ComputeContentHash()
    {
        using var h = new ContentHasher();
        h.Add("pcf-system/1").Add(Name).Add(Description).Add(Region).Add(ReferenceYear).Add(ReferenceProduct.Value).Add(ReferenceProcess.Value)
            .Add(DeclaredUnit).Add(ProductMassPerDeclaredUnit);
        h.Add(CarbonContent is null ? 0 : 1);
        if (CarbonContent is { } c)
        {
            h.Add(c.Fossil).Add(c.Biogenic).Add(c.Recycled).Add(c.PackagingBiogenic);
        }

        var ordinal = StringComparer.Ordinal;
        var flows = Flows.OrderBy(f => f.Id.Value, ordinal).ToList();
        h.Add(flows.Count);
        foreach (var f in flows)
        {
            h.Add(f.Id.Value).Add(f.Name).Add(f.ReferenceUnit.Symbol).Add((int)f.Kind).Add(f.FactorKey).Add(f.Tags.Length);
            foreach (var t in f.Tags)
            {
                h.Add(t.Text);
            }
        }

        var processes = Processes.OrderBy(p => p.Id.Value, ordinal).ToList();
        h.Add(processes.Count);
        foreach (var p in processes)
        {
            h.Add(p.Id.Value).Add(p.Name).Add(p.Description).Add((int)p.Stage).Add(p.Region).Add(p.IsPrimaryData).Add(p.Allocation is { } a ? (int)a : -1).Add(p.Tags.Length);
            foreach (var t in p.Tags)
            {
                h.Add(t.Text);
            }

            AddOutput(h, p.ReferenceOutput);
            if (!p.CoProducts.IsEmpty)
            {
                foreach (var o in p.CoProducts.OrderBy(o => o.Flow.Value, ordinal))
                {
                    AddOutput(h, o);
                }
            }

            h.Add(p.Inputs.Length);
            foreach (int k in p.CanonicalInputOrder)
            {
                var i = p.Inputs[k];
                h.Add(i.Flow.Value).Add(i.Amount).Add(i.Supply).Add(i.Derivation);
            }

            h.Add(p.Emissions.Length);
            foreach (int k in p.CanonicalEmissionOrder)
            {
                var e = p.Emissions[k];
                h.Add(e.Gas.Id).Add((int)e.Kind).Add(e.Amount).Add(e.Derivation);
            }
        }

        AddDistributions(h, processes);
        return h.Finish();
    }

    private static void AddOutput(ContentHasher h, ProductOutput o) =>
        h.Add(o.Flow.Value).Add(o.Amount).Add(o.MassPerUnit).Add(o.EnergyPerUnit).Add(o.PricePerUnit).Add(o.Share).Add(o.Displaces?.ToString()).Add(o.Derivation);

    // Distributions change a Monte Carlo result only. They are hashed after everything else and only when there are any, so that a
    // system without them keeps the hash it had before amounts could carry them.
    private static void AddDistributions(ContentHasher h, List<Process> processes)
    {
        if (!processes.Exists(HasDistribution))
        {
            return; // as when none is stated below, without ordering and naming every exchange of a large system
        }

        var ordinal = StringComparer.Ordinal;
        var stated = new List<(string Where, Model.UncertaintyDistribution Distribution)>();
        foreach (var p in processes)
        {
            int k = 0;
            foreach (var o in p.CoProducts.OrderBy(o => o.Flow.Value, ordinal).Prepend(p.ReferenceOutput))
            {
                Add($"{p.Id.Value}\u001foutput\u001f{k++}", o.Uncertainty);
            }

            k = 0;
            foreach (var i in p.Inputs.OrderBy(i => i.Flow.Value, ordinal).ThenBy(i => i.Supply.ToString(), ordinal).ThenBy(i => i.Amount.Value))
            {
                Add($"{p.Id.Value}\u001finput\u001f{k++}", i.Uncertainty);
            }

            k = 0;
            foreach (var e in p.Emissions.OrderBy(e => e.Gas.Id, ordinal).ThenBy(e => e.Kind).ThenBy(e => e.Amount.As(Units.Unit.Kilogram)))
            {
                Add($"{p.Id.Value}\u001femission\u001f{k++}", e.Uncertainty);
            }
        }

        if (stated.Count == 0)
        {
            return;
        }

        h.Add("uncertainty").Add(stated.Count);
        foreach (var (where, d) in stated)
        {
            h.Add(where).Add((int)d.Kind).Add(d.Spread).Add(d.Minimum).Add(d.Maximum);
        }

        static bool HasDistribution(Process p) =>
            p.ReferenceOutput.Uncertainty is not null || p.CoProducts.Any(o => o.Uncertainty is not null)
            || p.Inputs.Any(i => i.Uncertainty is not null) || p.Emissions.Any(e => e.Uncertainty is not null);

        void Add(string where, Model.UncertaintyDistribution? distribution)
        {
            if (distribution is not null)
            {
                stated.Add((where, distribution));
            }
        }
    }

    /// <summary>Finds a flow by id.</summary>
    /// <param name="id">The flow's id.</param>
    /// <param name="flow">The flow, when found.</param>
    /// <returns><see langword="true"/> when the system has the flow.</returns>
    public bool TryGetFlow(FlowId id, [NotNullWhen(true)] out Flow? flow) => _flows.TryGetValue(id, out flow);

    /// <summary>Finds a process by id.</summary>
    /// <param name="id">The process's id.</param>
    /// <param name="process">The process, when found.</param>
    /// <returns><see langword="true"/> when the system has the process.</returns>
    public bool TryGetProcess(ProcessId id, [NotNullWhen(true)] out Process? process) => _processes.TryGetValue(id, out process);

    /// <summary>Gets a flow by id.</summary>
    /// <param name="id">The flow's id.</param>
    /// <returns>The flow.</returns>
    /// <exception cref="KeyNotFoundException">The system has no such flow.</exception>
    public Flow GetFlow(FlowId id) => TryGetFlow(id, out var flow) ? flow : throw new KeyNotFoundException($"The product system has no flow '{id}'.");

    /// <summary>Gets a process by id.</summary>
    /// <param name="id">The process's id.</param>
    /// <returns>The process.</returns>
    /// <exception cref="KeyNotFoundException">The system has no such process.</exception>
    public Process GetProcess(ProcessId id) => TryGetProcess(id, out var process) ? process : throw new KeyNotFoundException($"The product system has no process '{id}'.");

    /// <summary>Returns the name.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => Name;
}
