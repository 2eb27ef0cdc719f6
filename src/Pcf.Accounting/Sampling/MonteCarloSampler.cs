using System.Collections.Immutable;
using System.Globalization;
using System.Numerics;
using Pcf.Accounting.Engine.Sparse;
using Pcf.Accounting.Model;
using Pcf.Accounting.Uncertainty;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Sampling;

/// <summary>Runs the iterations of a <see cref="MonteCarloModel"/> on a number of threads, each with its own workspace, and reduces
/// their results in iteration order.</summary>
/// <remarks>Iteration i's numbers are <c>Philox(seed; i, input, attempt)</c>, so what a thread computes for i does not depend on which
/// thread it is, on the threads' count or on their order; results are stored by iteration and every statistic is computed after the
/// run from those arrays in index order. A draw that makes the technosphere singular (or any result not finite) is drawn again with
/// the next attempt's numbers of the same iteration, at most <see cref="MonteCarloOptions.MaxRedraws"/> times; then the run fails
/// with the lowest such iteration, so the outcome is as reproducible as the draws.</remarks>
internal sealed class MonteCarloSampler
{
    private readonly MonteCarloModel _model;
    private readonly MonteCarloOptions _options;
    private readonly ulong _seed;
    private readonly double[][] _quantities;
    private readonly double[][] _candidates;
    private readonly int[] _attempts;
    private readonly SingularBlock?[] _singular;

    public MonteCarloSampler(MonteCarloModel model, MonteCarloOptions options)
    {
        _model = model;
        _options = options;
        _seed = unchecked((ulong)options.Seed);
        int n = options.Iterations;
        _quantities = new double[MonteCarloModel.QuantityCount][];
        for (int q = 0; q < _quantities.Length; q++)
        {
            _quantities[q] = new double[n];
        }

        _candidates = new double[model.Candidates.Length][];
        for (int k = 0; k < _candidates.Length; k++)
        {
            _candidates[k] = new double[n];
        }

        _attempts = new int[n];
        _singular = new SingularBlock?[n];
    }

    public ValidationResult<MonteCarloRun> Run(CancellationToken cancellationToken)
    {
        int total = _options.Iterations, interval = _options.CheckpointInterval;
        int threads = Math.Max(1, _options.MaxDegreeOfParallelism ?? Environment.ProcessorCount);
        var workspaces = new Workspace?[threads];
        var convergence = ImmutableArray.CreateBuilder<ConvergencePoint>();
        var headline = _quantities[0];
        long count = 0;
        double mean = 0, m2 = 0;
        int done = 0;
        while (done < total)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int end = Math.Min(total, done + interval);
            RunBlock(done, end, workspaces, cancellationToken);
            for (int i = done; i < end; i++)
            {
                if (_attempts[i] < 0)
                {
                    return ValidationResult.Failure<MonteCarloRun>([Failure(i)]);
                }
            }

            // Welford's running mean and variance of the total, in iteration order.
            for (int i = done; i < end; i++)
            {
                count++;
                double delta = headline[i] - mean;
                mean += delta / count;
                m2 += delta * (headline[i] - mean);
            }

            done = end;
            double standardError = count > 1 ? Math.Sqrt(m2 / (count - 1) / count) : 0;
            var point = new ConvergencePoint(done, mean, standardError);
            convergence.Add(point);
            if (_options.TargetRelativeStandardError is { } target && point.RelativeStandardError is { } rse && rse <= target && done < total)
            {
                break;
            }
        }

        return ValidationResult.Success(Statistics(done, convergence.ToImmutable()));
    }

    private void RunBlock(int start, int end, Workspace?[] workspaces, CancellationToken cancellationToken)
    {
        int threads = workspaces.Length;
        if (threads == 1 || end - start == 1)
        {
            var ws = workspaces[0] ??= new Workspace(_model);
            for (int i = start; i < end; i++)
            {
                Iterate(i, ws);
            }

            return;
        }

        int chunk = _model.Mode == MonteCarloMode.Technosphere ? 1 : 64;
        int next = start;
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken }, w =>
        {
            var ws = workspaces[w] ??= new Workspace(_model);
            while (!cancellationToken.IsCancellationRequested)
            {
                int from = Interlocked.Add(ref next, chunk) - chunk;
                if (from >= end)
                {
                    break;
                }

                int to = Math.Min(end, from + chunk);
                for (int i = from; i < to; i++)
                {
                    Iterate(i, ws);
                }
            }
        });
        cancellationToken.ThrowIfCancellationRequested();
    }

    private void Iterate(int iteration, Workspace ws)
    {
        SingularBlock? singular = null;
        for (int attempt = 0; attempt <= _options.MaxRedraws; attempt++)
        {
            Draw(iteration, attempt, ws);
            if (Evaluate(ws, out singular))
            {
                for (int q = 0; q < _quantities.Length; q++)
                {
                    _quantities[q][iteration] = ws.Quantities[q];
                }

                var candidates = _model.Candidates;
                for (int k = 0; k < candidates.Length; k++)
                {
                    _candidates[k][iteration] = ws.U[candidates[k]];
                }

                _attempts[iteration] = attempt;
                return;
            }
        }

        _attempts[iteration] = -1;
        _singular[iteration] = singular;
    }

    private void Draw(int iteration, int attempt, Workspace ws)
    {
        var ids = _model.StreamIds;
        var u = ws.U;
        for (int j = 0; j < ids.Length; j++)
        {
            u[j] = Philox.Uniform(_seed, (uint)iteration, ids[j], (uint)attempt);
        }

        var stream = _model.ParamStream;
        var distribution = _model.ParamDistribution;
        var m = ws.M;
        m[0] = 1;
        for (int p = 1; p < m.Length; p++)
        {
            m[p] = distribution[p].Sample(u[stream[p]]);
        }
    }

    private bool Evaluate(Workspace ws, out SingularBlock? singular)
    {
        singular = null;
        var acc = ws.Accumulators;
        var m = ws.M;
        if (_model.Mode == MonteCarloMode.FixedScaling)
        {
            Array.Copy(_model.BaseAccumulators, acc, acc.Length);
            foreach (var t in _model.Terms)
            {
                double v = t.Coefficient * m[t.P1] * m[t.P2];
                for (int bits = t.Mask; bits != 0; bits &= bits - 1)
                {
                    acc[BitOperations.TrailingZeroCount(bits)] += v;
                }
            }

            return Quantities(acc, ws.Quantities);
        }

        // Technosphere: the drawn entries, refactorized on the fixed pattern, solved; then the terms per column times the draw's scaling.
        var values = ws.Values;
        Array.Copy(_model.BaseValues, values, values.Length);
        var slots = _model.UncertainSlots;
        var start = _model.SlotStart;
        var parts = _model.SlotContributions;
        for (int i = 0; i < slots.Length; i++)
        {
            double v = 0;
            for (int k = start[i]; k < start[i + 1]; k++)
            {
                v += parts[k].Amount * m[parts[k].Param];
            }

            if (!double.IsFinite(v))
            {
                return false;
            }

            values[slots[i]] = v;
        }

        if (!ws.Numeric!.TryRefactor(values, out _, out singular) || !ws.Numeric.TrySolve(ws.F, ws.S, ws.Work))
        {
            return false;
        }

        Array.Clear(acc);
        var s = ws.S;
        var g = ws.G;
        bool credits = _model.Displacements.Length > 0;
        var columnStart = _model.ColumnStart;
        var terms = _model.ColumnTerms;
        for (int c = 0; c < s.Length; c++)
        {
            double sc = s[c], gc = 0;
            for (int t = columnStart[c]; t < columnStart[c + 1]; t++)
            {
                var term = terms[t];
                double v = term.PerRun * m[term.P1] * m[term.P2];
                gc += v;
                double x = v * sc;
                for (int bits = term.Mask; bits != 0; bits &= bits - 1)
                {
                    acc[BitOperations.TrailingZeroCount(bits)] += x;
                }
            }

            if (credits)
            {
                g[c] = gc;
            }
        }

        if (credits)
        {
            // Displaced foreground products: −amount · s[column] · λ[row], with Aᵀ λ = g of this draw.
            if (!ws.Numeric.TrySolveTransposed(g, ws.Lambda, ws.Work))
            {
                return false;
            }

            foreach (var d in _model.Displacements)
            {
                acc[MonteCarloModel.Credits] -= d.Amount * m[d.Param] * s[d.Column] * ws.Lambda[d.Row];
            }
        }

        return Quantities(acc, ws.Quantities);
    }

    /// <summary>The sixteen quantities from the accumulators, by the sums of the deterministic views; false when one is not finite.</summary>
    private static bool Quantities(double[] a, double[] q)
    {
        double fossil = a[0] + a[5];
        double excluding = fossil + a[1] + a[3] + a[4] + a[6] + a[7] + a[8] + a[9];
        q[0] = excluding;
        q[1] = excluding + a[2];
        q[2] = fossil;
        for (int k = 1; k < MonteCarloModel.AccumulatorCount; k++)
        {
            q[k + 2] = a[k];
        }

        bool finite = true;
        foreach (double v in q)
        {
            finite &= double.IsFinite(v);
        }

        return finite;
    }

    private ValidationProblem Failure(int iteration)
    {
        var singular = _singular[iteration];
        var layout = _model.Layout;
        string seed = _options.Seed.ToString(CultureInfo.InvariantCulture);
        if (singular is null)
        {
            return new ValidationProblem("monteCarlo", ProblemCodes.MonteCarloDrawFailed,
                $"Iteration {iteration} (seed {seed}) gave a result that is not finite in each of its {_options.MaxRedraws + 1} draws: a distribution is too wide for the amounts it scales.");
        }

        var processes = singular.Columns.Select(c => layout.Processes[layout.ColumnProcess[c]].Id).Distinct().ToList();
        return new ValidationProblem("monteCarlo", ProblemCodes.MonteCarloDrawFailed,
            $"Iteration {iteration} (seed {seed}) made the technosphere singular in each of its {_options.MaxRedraws + 1} draws, in the loop of processes "
            + $"{string.Join(", ", processes.Take(20).Select(p => $"'{p}'"))}{(processes.Count > 20 ? $" and {processes.Count - 20} more" : string.Empty)}: "
            + "their amounts' distributions let the loop make no net output. Narrow them, or sample with mode fixedScaling.")
        {
            Subject = new ProcessSubject([.. processes]),
        };
    }

    private MonteCarloRun Statistics(int n, ImmutableArray<ConvergencePoint> convergence)
    {
        var quantities = ImmutableArray.CreateBuilder<QuantityStatistics>(_quantities.Length);
        for (int q = 0; q < _quantities.Length; q++)
        {
            quantities.Add(SampleStatistics.Describe(UncertaintyStatistics.QuantityNames[q], _quantities[q].AsSpan(0, n), _options.Percentiles));
        }

        int redrawn = 0;
        for (int i = 0; i < n; i++)
        {
            redrawn += _attempts[i];
        }

        var notes = _model.Notes;
        if (_model.Inputs.IsEmpty)
        {
            notes = notes.Add("No amount or factor carries a distribution or data-quality scores to widen: every draw equals the stated result.");
        }

        var statistics = new UncertaintyStatistics
        {
            Iterations = n,
            RequestedIterations = _options.Iterations,
            Seed = _options.Seed,
            Mode = _model.Mode,
            UncertainInputCount = _model.Inputs.Length,
            PedigreeFactorCount = _model.PedigreeFactorCount,
            RedrawnCount = redrawn,
            Quantities = quantities.MoveToImmutable(),
            Histogram = SampleStatistics.Histogram(_quantities[0].AsSpan(0, n), _options.HistogramBins),
            Convergence = convergence,
            TargetRelativeStandardError = _options.TargetRelativeStandardError,
            Contributions = Contributions(n),
            Notes = notes,
        };

        MonteCarloSamples? samples = null;
        if (_options.KeepSamples)
        {
            samples = new MonteCarloSamples(UncertaintyStatistics.QuantityNames, _quantities, n);
        }

        return new MonteCarloRun(statistics, samples);
    }

    private ImmutableArray<VarianceContribution> Contributions(int n)
    {
        if (_candidates.Length == 0 || n < 3)
        {
            return [];
        }

        var totalRanks = SampleStatistics.Ranks(_quantities[0].AsSpan(0, n));
        var rho = new double[_candidates.Length];
        for (int k = 0; k < rho.Length; k++)
        {
            rho[k] = SampleStatistics.Correlation(totalRanks, SampleStatistics.Ranks(_candidates[k].AsSpan(0, n)));
        }

        double sum = rho.Sum(r => r * r);
        if (!(sum > 0))
        {
            return [];
        }

        return [.. Enumerable.Range(0, rho.Length)
            .OrderByDescending(k => rho[k] * rho[k]).ThenBy(k => _model.Inputs[_model.Candidates[k]].Key, StringComparer.Ordinal)
            .Take(_options.ContributionCount)
            .Select(k => new VarianceContribution(_model.Inputs[_model.Candidates[k]], rho[k], rho[k] * rho[k] / sum))];
    }

    /// <summary>One thread's arrays: the draws, the parameters, the accumulators, and for the technosphere its own numeric LU.</summary>
    private sealed class Workspace
    {
        public Workspace(MonteCarloModel model)
        {
            U = new double[model.StreamIds.Length];
            M = new double[model.ParamDistribution.Length];
            if (model.Mode == MonteCarloMode.Technosphere)
            {
                int n = model.Size;
                Numeric = model.Lu!.CreateNumeric();
                Values = new double[model.BaseValues.Length];
                F = new double[n];
                F[model.DemandRow] = model.DemandAmount;
                S = new double[n];
                Work = new double[n];
                G = new double[n];
                Lambda = new double[n];
            }
        }

        public double[] U { get; }

        public double[] M { get; }

        public double[] Accumulators { get; } = new double[MonteCarloModel.AccumulatorCount];

        public double[] Quantities { get; } = new double[MonteCarloModel.QuantityCount];

        public NumericLu? Numeric { get; }

        public double[] Values { get; } = [];

        public double[] F { get; } = [];

        public double[] S { get; } = [];

        public double[] Work { get; } = [];

        public double[] G { get; } = [];

        public double[] Lambda { get; } = [];
    }
}
