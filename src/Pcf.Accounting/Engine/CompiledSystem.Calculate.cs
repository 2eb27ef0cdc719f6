using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.InteropServices;
using Pcf.Accounting.Engine.Sparse;
using Pcf.Accounting.Factors;
using Pcf.Accounting.Gases;
using Pcf.Accounting.Model;
using Pcf.Accounting.Results;
using Pcf.Accounting.Units;
using Pcf.Accounting.Validation;
using static Pcf.Accounting.Results.InventoryLayout;

namespace Pcf.Accounting.Engine;

/// <summary>Computation: solve for the scaling vector and the per-unit footprints, then lay out the inventory; the views follow from it.</summary>
public sealed partial class CompiledSystem
{
    /// <summary>Computes the footprint of a demand with resolved background factors: the pure, synchronous step.</summary>
    /// <param name="factors">The factors of every request in <see cref="FactorRequests"/>, resolved by a <see cref="FactorResolver"/>; their GWP set characterizes the whole inventory.</param>
    /// <param name="demand">What to calculate; <see langword="null"/> for one declared unit of the reference product.</param>
    /// <param name="views">Views to compute over the result (such as a CBAM view); <see langword="null"/> for none.</param>
    /// <returns>The result, or the problems: a demand for a product the system does not make (<c>PCF0503</c>), a numerically
    /// singular system whose solution is not finite (<c>PCF0502</c>, naming the processes).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="factors"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="factors"/> lacks a request of the system (a call that skipped the resolution step).</exception>
    /// <remarks>Deterministic: the same system (in any order of processes and exchanges), factors and demand give the same bits.</remarks>
    public ValidationResult<FootprintResult> TryCalculate(FactorResolution factors, Demand? demand = null, IEnumerable<IFootprintView>? views = null)
    {
        ArgumentNullException.ThrowIfNull(factors);
        var table = FactorTable(factors);
        return Compute(table, factors.GwpSet, demand, factors.Warnings, views);
    }

    /// <summary>Computes the footprint of a demand with resolved background factors, throwing on the problems <see cref="TryCalculate"/> returns.</summary>
    /// <param name="factors">The resolved factors.</param>
    /// <param name="demand">What to calculate; <see langword="null"/> for one declared unit of the reference product.</param>
    /// <param name="views">Views to compute over the result; <see langword="null"/> for none.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="factors"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="factors"/> lacks a request of the system.</exception>
    /// <exception cref="ValidationException">The demand names a product the system does not make, or the system is numerically singular.</exception>
    public FootprintResult Calculate(FactorResolution factors, Demand? demand = null, IEnumerable<IFootprintView>? views = null) =>
        TryCalculate(factors, demand, views).ThrowIfInvalid();

    /// <summary>Lays out a factor resolution for this system's requests: per request, its components per requested unit and their CO2e.</summary>
    internal ImmutableArray<InventoryFactor> FactorTable(FactorResolution resolution) => InventoryFactors.From(FactorRequests, resolution);

    /// <summary>The pure step over a laid-out factor table.</summary>
    internal ValidationResult<FootprintResult> Compute(ImmutableArray<InventoryFactor> factors, GwpSet gwp, Demand? demand, IEnumerable<ValidationProblem> resolutionWarnings, IEnumerable<IFootprintView>? views)
    {
        ArgumentNullException.ThrowIfNull(gwp);
        demand ??= Demand.DeclaredUnitOf(System);
        if (DemandRow(demand) is not { } row)
        {
            return ValidationResult.Failure<FootprintResult>([DemandProblem(demand)]);
        }

        int n = _columns.Length;
        var f = new double[n];
        f[row] = demand.Amount.As(System.GetFlow(demand.Product).ReferenceUnit);
        var s = new double[n];
        _lu.TrySolve(f, s); // an overflow leaves non-finite entries, reported below with the processes they belong to
        var lambda = PerUnitFootprints(factors, gwp);
        if (NonFinite(s, lambda) is { } problem)
        {
            return ValidationResult.Failure<FootprintResult>([problem]);
        }

        var solution = new InventorySolution(_layout, factors, gwp, s, lambda);
        var summary = _summary ??= SystemSummary.Of(System, System.ContentHash);
        return ValidationResult.Success(FootprintViews.Build(summary, RuleSet, gwp, demand, new FootprintInventory(solution), Allocations, [.. resolutionWarnings, .. Warnings], views));
    }

    private SystemSummary? _summary;

    /// <summary>The problem of a solution that is not finite (overflow in a numerically singular system), naming the processes whose runs or footprints overflowed.</summary>
    private ValidationProblem? NonFinite(double[] s, double[] lambda)
    {
        var bad = new SortedSet<string>(StringComparer.Ordinal);
        for (int c = 0; c < s.Length; c++)
        {
            if (!double.IsFinite(s[c]) || !double.IsFinite(lambda[c]))
            {
                bad.Add(_processes[_columns[c].Process].Id.Value);
            }
        }

        if (bad.Count == 0)
        {
            return null;
        }

        // Overflow in a well-conditioned system is the amounts' doing, not a singularity: say which it is.
        string names = string.Join(", ", bad.Take(20).Select(id => $"'{id}'")) + (bad.Count > 20 ? $" and {bad.Count - 20} more" : string.Empty);
        double condition = _lu.Condition.Value;
        string message = condition > SparseLu.IllConditionedThreshold
            ? string.Create(CultureInfo.InvariantCulture, $"The result overflows: the runs or footprints of processes {names} pass the largest number a double holds (about 1.8E+308), because a loop of the system nearly makes no net output (condition estimate ≈ {condition:G3}).")
            : string.Create(CultureInfo.InvariantCulture, $"The result overflows: the runs or footprints of processes {names} pass the largest number a double holds (about 1.8E+308). The amounts multiplied along the supply chain are too large (the system is not singular: its condition estimate is ≈ {condition:G3}); check the amounts and units of these processes' inputs and outputs.");
        return new ValidationProblem("$.processes", ProblemCodes.NonFiniteResult, message)
        {
            Subject = new ProcessSubject([.. bad.Select(id => new ProcessId(id))]),
        };
    }

    /// <summary>The row of the technosphere that makes the demanded product, or <see langword="null"/> when the system does not make it (or several processes do and the demand names none).</summary>
    internal int? DemandRow(Demand demand)
    {
        if (demand.Process is { } named)
        {
            return _processIndex.TryGetValue(named, out int p) && _rowOf.TryGetValue((p, demand.Product), out int row) ? row : null;
        }

        int found = -1;
        foreach (var (key, row) in _rowOf)
        {
            if (key.Flow == demand.Product)
            {
                if (found >= 0)
                {
                    return null;
                }

                found = row;
            }
        }

        return found >= 0 ? found : null;
    }

    private ValidationProblem DemandProblem(Demand demand)
    {
        string message;
        if (demand.Process is { } named)
        {
            message = $"Process '{named}' does not make '{demand.Product}' as a product of the system.";
        }
        else
        {
            int makers = _rowOf.Keys.Count(k => k.Flow == demand.Product);
            message = makers == 0 ? $"No process of the system makes '{demand.Product}'." : $"Several processes make '{demand.Product}': name the process in the demand.";
        }

        return new ValidationProblem("demand", ProblemCodes.UnknownDemand, message);
    }

    /// <summary>The footprint per unit of every product (column), solving Aᵀ λ = g with g the CO2e per run of each column.</summary>
    internal double[] PerUnitFootprints(ImmutableArray<InventoryFactor> factors, GwpSet gwp)
    {
        var g = Co2ePerRun(factors, gwp);
        var lambda = new double[g.Length];
        _lu.TrySolveTransposed(g, lambda); // non-finite entries are reported by the caller
        return lambda;
    }

    /// <summary>The technosphere matrix (for tests and benchmarks).</summary>
    internal Sparse.SparseMatrix Technosphere => _technosphere;

    /// <summary>The net CO2e of one run of each column (direct exchanges and background factors; zero outside the boundary).</summary>
    internal double[] Co2ePerRun(ImmutableArray<InventoryFactor> factors, GwpSet gwp)
    {
        int n = _columns.Length;
        var g = new double[n];
        var gwpOf = _gases.Select(gwp.FactorOf).ToArray();
        for (int c = 0; c < n; c++)
        {
            if (!_columns[c].Included)
            {
                continue;
            }

            double sum = 0;
            for (int k = _directPointers[c]; k < _directPointers[c + 1]; k++)
            {
                sum += FootprintViews.Sign(_direct[k].Kind) * _direct[k].Kilograms * gwpOf[_direct[k].Gas];
            }

            for (int k = _usePointers[c]; k < _usePointers[c + 1]; k++)
            {
                sum += _uses[k].Amount * factors[_uses[k].Request].Co2ePerUnit;
            }

            g[c] = sum;
        }

        return g;
    }
}
