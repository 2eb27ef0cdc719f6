using System.Collections.Immutable;
using Pcf.Accounting.Engine.Sparse;
using Pcf.Accounting.Factors;
using Pcf.Accounting.Gases;
using Pcf.Accounting.Model;
using Pcf.Accounting.Results;
using Pcf.Accounting.Rules;
using Pcf.Accounting.Units;
using Pcf.Accounting.Validation;
using static Pcf.Accounting.Results.InventoryLayout;

namespace Pcf.Accounting.Engine;

/// <summary>A product system compiled into sparse matrices and factorized once: answers any demand for any of its products without recompiling.</summary>
/// <remarks>
/// <para>Compiling applies the rule set's allocation to multi-output processes, puts processes and
/// exchanges in a canonical order (so that reordering the input changes no bit of any result),
/// builds the technosphere matrix <c>A</c>, the direct-exchange matrix and the factor-use matrix
/// (Heijungs &amp; Suh 2002), and factorizes <c>A</c> (block triangular form, then sparse LU per block).</para>
/// <para>A compiled system is immutable and thread-safe: many threads may calculate with it at once.
/// The background factors are an input of <see cref="TryCalculate"/>: resolve <see cref="FactorRequests"/>
/// first (the async step), then compute (the pure, synchronous step).</para>
/// </remarks>
/// <threadsafety>Immutable and thread-safe.</threadsafety>
public sealed partial class CompiledSystem
{
    private CompiledSystem(ProductSystem system, RuleSet ruleSet)
    {
        System = system;
        RuleSet = ruleSet;
    }

    /// <summary>Gets the product system compiled.</summary>
    public ProductSystem System { get; }

    /// <summary>Gets the rule set applied.</summary>
    public RuleSet RuleSet { get; }

    /// <summary>Gets the distinct background factor requests, in canonical order (key, region, year, unit).</summary>
    public ImmutableArray<FactorRequest> FactorRequests { get; private set; }

    /// <summary>Gets how each multi-output process was allocated, in process-id order.</summary>
    public ImmutableArray<AllocationRecord> Allocations { get; private set; }

    /// <summary>Gets the problems found while compiling that do not stop the calculation (an ill-conditioned loop, with its condition estimate).</summary>
    public ImmutableArray<ValidationProblem> Warnings { get; private set; } = [];

    /// <summary>Gets the number of columns (processes, or process outputs under allocation) of the technosphere matrix.</summary>
    public int Size => _columns.Length;

    /// <summary>Gets the number of non-zero entries of the technosphere matrix.</summary>
    public int NonZeroCount => _technosphere.ColumnPointers[_technosphere.Size];

    // Canonical process order (by id) and one column per process or per allocated output.
    private Process[] _processes = [];
    private Column[] _columns = [];
    // Built once and only read afterwards (safe from many threads).
    private Dictionary<(int Process, FlowId Flow), int> _rowOf = [];
    private Dictionary<ProcessId, int> _processIndex = [];
    private Dictionary<FactorRequest, int> _requestIndex = [];
    private SparseMatrix _technosphere = null!;
    private SparseLu _lu = null!;

    // Direct exchanges per column (CSC-like): gas index, kind, kg per run after allocation.
    private GreenhouseGas[] _gases = [];
    private int[] _directPointers = [];
    private Exchange[] _direct = [];

    // Background factor uses per column: request index and amount per run (negative for displaced supplies).
    private int[] _usePointers = [];
    private Use[] _uses = [];

    // System-expansion displacements of foreground products, for the credit line.
    private Displacement[] _displacements = [];

    // The diagonal of the technosphere (each column's output per run), and the tables every inventory reads (per-process
    // entries, flows), laid out once.
    private double[] _diagonal = [];
    private InventoryLayout _layout = null!;

    /// <summary>Compiles a product system under a rule set.</summary>
    /// <param name="system">The product system.</param>
    /// <param name="ruleSet">The rule set; <see langword="null"/> for <see cref="RuleSet.Iso14067"/>.</param>
    /// <returns>The compiled system, or every problem found: processes whose co-products cannot be allocated, a singular technosphere (naming its processes).</returns>
    public static ValidationResult<CompiledSystem> Compile(ProductSystem system, RuleSet? ruleSet = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        system.PrepareContentHash(); // every result carries it: hashed on another core while this one compiles
        var compiled = new CompiledSystem(system, ruleSet ?? RuleSet.Iso14067);
        var problems = new List<ValidationProblem>();
        compiled.Build(problems);
        return problems.Count > 0 ? ValidationResult.Failure<CompiledSystem>(problems) : ValidationResult.Success(compiled);
    }

    internal readonly record struct Exchange(int Gas, ElementaryExchangeKind Kind, double Kilograms);

    internal readonly record struct Use(int Request, double Amount);

    internal readonly record struct Displacement(int Column, int Row, FlowId Flow, double Amount);
}
