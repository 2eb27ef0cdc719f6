using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using Pcf.Accounting.Model;

namespace Pcf.Accounting.Results;

/// <summary>What a calculation found, before any view: per process its runs, direct exchanges, factor uses, links and credits;
/// the factors used, with their provenance; and the flows they concern.</summary>
/// <remarks>
/// <para>Every number a result reports is a view over the inventory: the totals and the separately reported quantities,
/// by stage, by gas, by process, by factor, by tag, the primary-data share, the CBAM view of a sector template. A view
/// needs nothing else, so a result read back from <c>pcf-result/1</c> can be viewed and explained without the engine.</para>
/// <para>Processes are in canonical order (by id), factors in canonical request order (key, region, year, unit), flows by id.</para>
/// </remarks>
/// <threadsafety>Immutable.</threadsafety>
public sealed class FootprintInventory : IEquatable<FootprintInventory>
{
    // Indexes by id, built on the first look-up (a calculation that only writes or views its inventory needs none).
    private Dictionary<ProcessId, int>? _processIndex;
    private Dictionary<FlowId, int>? _flowIndex;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="processes">The processes, in canonical order.</param>
    /// <param name="factors">The factors used.</param>
    /// <param name="flows">The flows of the system.</param>
    public FootprintInventory(ImmutableArray<InventoryProcess> processes, ImmutableArray<InventoryFactor> factors, ImmutableArray<InventoryFlow> flows)
    {
        _processes = processes.IsDefault ? [] : ImmutableCollectionsMarshal.AsArray(processes);
        Factors = factors.IsDefault ? [] : factors;
        Flows = flows.IsDefault ? [] : flows;
    }

    /// <summary>Initializes an inventory of a calculation, whose per-process records are made on first read.</summary>
    /// <param name="solution">The calculation.</param>
    internal FootprintInventory(InventorySolution solution)
    {
        Solution = solution;
        Factors = solution.Factors;
        Flows = solution.Layout.Flows;
    }

    // The per-process records: given, or made from the solution on the first read (two threads that race make equal
    // records, and either is kept). A calculation whose caller reads only totals and views never makes them.
    private InventoryProcess[]? _processes;

    /// <summary>Gets the calculation this inventory was made by, or <see langword="null"/> for one given record by record (read from a document).</summary>
    internal InventorySolution? Solution { get; }

    /// <summary>Gets the processes, in canonical order (by id).</summary>
    public ImmutableArray<InventoryProcess> Processes
    {
        get
        {
            if (_processes is not { } made)
            {
                made = Solution!.Materialize();
                made = Interlocked.CompareExchange(ref _processes, made, null) ?? made;
            }

            return ImmutableCollectionsMarshal.AsImmutableArray(made);
        }
    }

    /// <summary>The records of <paramref name="count"/> processes from <paramref name="from"/> (made first if they were not:
    /// a writer asks only when <see cref="Unmade"/> is <see langword="null"/>, and otherwise renders from the calculation).</summary>
    internal ArraySegment<InventoryProcess> ProcessRange(int from, int count) =>
        new(ImmutableCollectionsMarshal.AsArray(Processes)!, from, count);

    /// <summary>The calculation to read processes from straight, when no per-process records have been made (a writer then
    /// renders every number from the layout and the solution, making no record at all); <see langword="null"/> otherwise.</summary>
    internal InventorySolution? Unmade => Volatile.Read(ref _processes) is null ? Solution : null;

    /// <summary>Gets the background factors used, in canonical request order; <see cref="InventoryFactorUse.Factor"/> indexes them.</summary>
    public ImmutableArray<InventoryFactor> Factors { get; }

    /// <summary>Gets the flows of the system.</summary>
    public ImmutableArray<InventoryFlow> Flows { get; }

    /// <summary>Finds a process by id.</summary>
    /// <param name="id">The id.</param>
    /// <param name="process">The process, when found.</param>
    /// <returns><see langword="true"/> when the inventory has it.</returns>
    public bool TryGetProcess(ProcessId id, [NotNullWhen(true)] out InventoryProcess? process)
    {
        process = ProcessIndex.TryGetValue(id, out int i) ? Processes[i] : null;
        return process is not null;
    }

    /// <summary>The index of a process in <see cref="Processes"/>, or −1.</summary>
    internal int IndexOf(ProcessId id) => ProcessIndex.TryGetValue(id, out int i) ? i : -1;

    /// <summary>Gets the number of processes, without making their records.</summary>
    internal int ProcessCount => Solution is { } s ? s.Layout.Processes.Length : _processes!.Length;

    // Built once and only read afterwards; two threads that race build equal indexes, and either is kept.
    private Dictionary<ProcessId, int> ProcessIndex
    {
        get
        {
            if (_processIndex is { } built)
            {
                return built;
            }

            int count = ProcessCount;
            var index = new Dictionary<ProcessId, int>(count);
            for (int i = 0; i < count; i++)
            {
                index[Solution is { } s ? s.Layout.Processes[i].Id : _processes![i].Id] = i;
            }

            return Interlocked.CompareExchange(ref _processIndex, index, null) ?? index;
        }
    }

    private Dictionary<FlowId, int> FlowIndex
    {
        get
        {
            if (_flowIndex is { } built)
            {
                return built;
            }

            var index = new Dictionary<FlowId, int>(Flows.Length);
            for (int i = 0; i < Flows.Length; i++)
            {
                index[Flows[i].Id] = i;
            }

            return Interlocked.CompareExchange(ref _flowIndex, index, null) ?? index;
        }
    }

    /// <summary>Finds a flow by id.</summary>
    /// <param name="id">The id.</param>
    /// <param name="flow">The flow, when found.</param>
    /// <returns><see langword="true"/> when the inventory has it.</returns>
    public bool TryGetFlow(FlowId id, [NotNullWhen(true)] out InventoryFlow? flow)
    {
        flow = FlowIndex.TryGetValue(id, out int i) ? Flows[i] : null;
        return flow is not null;
    }

    /// <summary>Enumerates every derivation in the inventory, nested ones included, in process order.</summary>
    /// <returns>The derivations with the process that holds them.</returns>
    public IEnumerable<(ProcessId Process, Derivation Derivation)> Derivations()
    {
        // Emissions, factor uses, links, then outputs, per process; plain loops, as most exchanges of a large inventory have none.
        // Read from the calculation's layout when the records are not made: the same derivations in the same order.
        var roots = new List<Derivation>();
        int n = ProcessCount;
        var made = Volatile.Read(ref _processes);
        for (int i = 0; i < n; i++)
        {
            ProcessId id;
            if (made is null)
            {
                var entries = Solution!.Layout.Entries[i];
                id = Solution.Layout.Processes[i].Id;
                foreach (var e in entries.Emissions)
                {
                    AddRoot(e.Derivation);
                }

                foreach (var u in entries.FactorUses)
                {
                    AddRoot(u.Derivation);
                }

                var inputs = Solution.Layout.Processes[i].Inputs;
                foreach (var l in entries.Links)
                {
                    AddRoot(inputs[l.Input].Derivation);
                }

                for (int k = 0; k < entries.ColumnCount; k++)
                {
                    AddRoot(entries.OutputDerivations[k]);
                }
            }
            else
            {
                var p = made[i];
                id = p.Id;
                foreach (var e in p.Emissions)
                {
                    AddRoot(e.Derivation);
                }

                foreach (var u in p.FactorUses)
                {
                    AddRoot(u.Derivation);
                }

                foreach (var l in p.Links)
                {
                    AddRoot(l.Derivation);
                }

                foreach (var o in p.Outputs)
                {
                    AddRoot(o.Derivation);
                }
            }

            foreach (var root in roots)
            {
                foreach (var d in root.Flatten())
                {
                    yield return (id, d);
                }
            }

            roots.Clear();
        }

        void AddRoot(Derivation? root)
        {
            if (root is not null)
            {
                roots.Add(root);
            }
        }
    }

    /// <inheritdoc/>
    public bool Equals(FootprintInventory? other) =>
        other is not null && (ReferenceEquals(this, other)
            || (Processes.SequenceEqual(other.Processes) && Factors.SequenceEqual(other.Factors) && Flows.SequenceEqual(other.Flows)));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as FootprintInventory);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Processes.Length, Factors.Length, Flows.Length);
}
