using System.Collections.Immutable;
using System.Globalization;
using Pcf.Accounting.Engine;
using Pcf.Accounting.Engine.Sparse;
using Pcf.Accounting.Factors;
using Pcf.Accounting.Gases;
using Pcf.Accounting.Model;
using Pcf.Accounting.Results;
using Pcf.Accounting.Uncertainty;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Sampling;

/// <summary>A compiled system, its factors and a demand laid out for sampling: the uncertain inputs and their parameters, and the
/// terms each draw multiplies.</summary>
/// <remarks>
/// <para>Accumulators: the ten separately reported categories of <c>FootprintViews.Category</c> (0–9), then aircraft (10),
/// packaging (11), outbound logistics (12) and system-expansion credits (13). A term adds its value to the accumulators of its
/// mask; the sixteen quantities follow from the accumulators by the sums the deterministic views use.</para>
/// <para>Fixed scaling: the scaling vector <c>s</c> is solved once, and every term is a coefficient (per-run amount × s, or × the
/// credit weight of its column) times at most two parameters, aggregated by (parameters, mask): the use of a factor by every
/// process is one coefficient. Technosphere: the terms stay per column, multiplied by each draw's own <c>s</c>.</para>
/// </remarks>
internal sealed class MonteCarloModel
{
    public const int AccumulatorCount = 14;
    public const int Credits = 13;
    public const int QuantityCount = 16;
    private const int Aircraft = 10, Packaging = 11, Outbound = 12;
    private const int UptakeBit = 1 << FootprintViews.Category.Uptake;
    private const int CategoryBits = (1 << FootprintViews.Category.Count) - 1;

    /// <summary>The category bits summed into the total excluding biogenic uptake: every category but the uptake.</summary>
    public const int ExcludingUptakeBits = CategoryBits & ~UptakeBit;

    private MonteCarloModel()
    {
    }

    public MonteCarloMode Mode { get; private init; }

    public required UncertaintyLayout Layout { get; init; }

    public ulong[] StreamIds { get; private init; } = [];

    public ImmutableArray<UncertainInput> Inputs { get; private init; } = [];

    public int[] ParamStream { get; private init; } = [];

    public UncertaintyDistribution[] ParamDistribution { get; private init; } = [];

    public int PedigreeFactorCount { get; private init; }

    public ImmutableArray<string> Notes { get; private init; } = [];

    // Fixed scaling.
    public double[] BaseAccumulators { get; private init; } = new double[AccumulatorCount];

    public Term[] Terms { get; private init; } = [];

    // Technosphere.
    public SparseLu? Lu { get; private init; }

    public double[] BaseValues { get; private init; } = [];

    public int[] UncertainSlots { get; private init; } = [];

    public int[] SlotStart { get; private init; } = [];

    public Contribution[] SlotContributions { get; private init; } = [];

    public int[] ColumnStart { get; private init; } = [];

    public ColumnTerm[] ColumnTerms { get; private init; } = [];

    public Displacement[] Displacements { get; private init; } = [];

    public int Size { get; private init; }

    public int DemandRow { get; private init; }

    public double DemandAmount { get; private init; }

    /// <summary>The streams whose draws are kept to rank against the total, by first-order importance.</summary>
    public int[] Candidates { get; private init; } = [];

    /// <summary>Lays out a compiled system for sampling, or says why it cannot be (a demand the system does not make, a singular or
    /// overflowing solution of the stated amounts).</summary>
    public static ValidationResult<MonteCarloModel> Build(CompiledSystem compiled, FactorResolution resolution, Demand? demand, MonteCarloOptions options)
    {
        var layout = compiled.UncertaintyLayout();
        var table = compiled.FactorTable(resolution);
        var gwp = resolution.GwpSet;
        demand ??= Demand.DeclaredUnitOf(compiled.System);
        if (compiled.DemandRow(demand) is not { } demandRow)
        {
            return ValidationResult.Failure<MonteCarloModel>([new("demand", ProblemCodes.UnknownDemand,
                $"The system does not make '{demand.Product}'{(demand.Process is { } p ? $" in process '{p}'" : string.Empty)} as one of its products.")]);
        }

        double demandAmount = demand.Amount.As(compiled.System.GetFlow(demand.Product).ReferenceUnit);
        int n = layout.Size;
        var registry = new InputRegistry();
        var notes = new List<string>();
        var keys = new ExchangeKeys(layout);

        // The mode: the technosphere is sampled when one of its stored entries has a distribution.
        bool technosphereUncertain = layout.TechnosphereSources.Any(t => t.Slot >= 0 && t.Amount != 0 && Varies(t.Source.Uncertainty));
        var mode = options.Mode == MonteCarloMode.Automatic
            ? (technosphereUncertain ? MonteCarloMode.Technosphere : MonteCarloMode.FixedScaling)
            : options.Mode;
        if (mode == MonteCarloMode.FixedScaling && technosphereUncertain)
        {
            int held = layout.TechnosphereSources.Where(t => t.Slot >= 0 && t.Amount != 0 && Varies(t.Source.Uncertainty)).Select(t => t.Source).Distinct().Count();
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"{held} product amount(s) between processes have a distribution but were held at their stated amounts: the run kept the scaling vector fixed (mode fixedScaling)."));
        }

        int cancelled = layout.TechnosphereSources.Where(t => t.Slot < 0 && t.Amount != 0 && Varies(t.Source.Uncertainty)).Select(t => t.Source).Distinct().Count();
        if (cancelled > 0 && mode == MonteCarloMode.Technosphere)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"{cancelled} uncertain product amount(s) fall on technosphere entries whose stated contributions cancel exactly; those entries stay zero in every draw."));
        }

        // Factors: per request and component, its parameter (a component's own distribution, else the factor's, else the pedigree widening).
        var factorParams = new int[table.Length][];
        var pedigreeFactors = new HashSet<string>(StringComparer.Ordinal);
        for (int r = 0; r < table.Length; r++)
        {
            var inventory = table[r];
            var resolved = resolution.Factors[inventory.Request];
            var factor = inventory.Factor;
            string identity = FactorKey(factor);
            factorParams[r] = new int[inventory.Components.Length];
            for (int k = 0; k < inventory.Components.Length; k++)
            {
                var component = inventory.Components[k];
                var own = k < resolved.Components.Length ? resolved.Components[k].Uncertainty : null;
                if (own is not null && own.Kind != UncertaintyDistributionKind.Fixed)
                {
                    string gas = component.Gas?.Id ?? "CO2e";
                    factorParams[r][k] = registry.Param($"{identity}|component|{k}|{gas}|{component.Kind}", own,
                        d => new UncertainInput($"{identity}|component|{k}|{gas}|{component.Kind}", $"{FactorLabel(factor)}, {gas}{KindLabel(component.Kind)}", UncertainInputKind.FactorComponent, d, false));
                    continue;
                }

                if (own is not null || factor.Uncertainty is { Kind: UncertaintyDistributionKind.Fixed })
                {
                    continue; // stated exact
                }

                if (factor.Uncertainty is { } stated)
                {
                    factorParams[r][k] = registry.Param(identity, stated, d => new UncertainInput(identity, FactorLabel(factor), UncertainInputKind.Factor, d, false));
                }
                else if (inventory.DataQuality is { } quality && options.Pedigree is { } pedigree)
                {
                    var widened = pedigree.Widen(quality, component.Gas);
                    factorParams[r][k] = registry.Param(identity, widened, d => new UncertainInput(identity, FactorLabel(factor), UncertainInputKind.Factor, d, true));
                    if (factorParams[r][k] != 0)
                    {
                        pedigreeFactors.Add(identity);
                    }
                }
            }
        }

        // Per column: direct exchanges and factor uses of the included columns, each a per-run CO2e times at most two parameters.
        var columnStart = new int[n + 1];
        var columnTerms = new List<ColumnTerm>();
        for (int c = 0; c < n; c++)
        {
            columnStart[c] = columnTerms.Count;
            if (!layout.Included[c])
            {
                continue;
            }

            var process = layout.Processes[layout.ColumnProcess[c]];
            int tags = (process.HasTag(Tags.AircraftTransport) ? 1 << Aircraft : 0) | (process.HasTag(Tags.Packaging) ? 1 << Packaging : 0)
                | (process.HasTag(Tags.OutboundLogistics) ? 1 << Outbound : 0);
            for (int k = layout.DirectPointers[c]; k < layout.DirectPointers[c + 1]; k++)
            {
                var d = layout.Direct[k];
                var gas = layout.Gases[d.Gas];
                double perRun = FootprintViews.Sign(d.Kind) * d.Kilograms * gwp.FactorOf(gas);
                int mask = (1 << FootprintViews.Category.Of(gas, d.Kind, CarbonOrigin.NotApplicable)) | (d.Kind == ElementaryExchangeKind.BiogenicUptake ? 0 : tags);
                int p = keys.Param(registry, d.Source);
                if (perRun != 0)
                {
                    columnTerms.Add(new ColumnTerm(p, 0, perRun, mask));
                }
            }

            for (int k = layout.UsePointers[c]; k < layout.UsePointers[c + 1]; k++)
            {
                var u = layout.Uses[k];
                int p = keys.Param(registry, u.Source);
                var components = table[u.Request].Components;
                for (int j = 0; j < components.Length; j++)
                {
                    var component = components[j];
                    double perRun = u.Amount * component.Co2ePerUnit;
                    int mask = (1 << FootprintViews.Category.Of(component.Gas, component.Kind, component.Origin))
                        | (component.Kind == ElementaryExchangeKind.BiogenicUptake ? 0 : tags) | (u.IsCredit ? 1 << Credits : 0);
                    if (perRun != 0)
                    {
                        columnTerms.Add(Ordered(p, factorParams[u.Request][j], perRun, mask));
                    }
                }
            }
        }

        columnStart[n] = columnTerms.Count;

        // The stated amounts' solution: the scaling of fixed-scaling runs, and the weights of the first-order importance.
        var lu = layout.Lu;
        var f = new double[n];
        f[demandRow] = demandAmount;
        var s = new double[n];
        var work = new double[n];
        if (!lu.TrySolve(f, s, work))
        {
            // The calculation before it reports the same with its condition estimate; name the processes here too, never a column.
            var bad = Enumerable.Range(0, n).Where(c => !double.IsFinite(s[c])).Select(c => layout.Processes[layout.ColumnProcess[c]].Id).Distinct().ToList();
            string names = string.Join(", ", bad.Take(20).Select(id => $"'{id}'")) + (bad.Count > 20 ? $" and {bad.Count - 20} more" : string.Empty);
            return ValidationResult.Failure<MonteCarloModel>([new("$.processes", ProblemCodes.NonFiniteResult,
                bad.Count == 0 ? "The runs of the stated amounts overflow: they pass the largest number a double holds (about 1.8E+308)."
                    : $"The runs of the stated amounts overflow for processes {names}: they pass the largest number a double holds (about 1.8E+308).")
            {
                Subject = bad.Count == 0 ? null : new ProcessSubject([.. bad]),
            }]);
        }

        // Per-unit footprints (excluding uptake) of the stated amounts: the derivative of the total with respect to a technosphere entry.
        var gExcluding = new double[n];
        for (int c = 0; c < n; c++)
        {
            for (int t = columnStart[c]; t < columnStart[c + 1]; t++)
            {
                if ((columnTerms[t].Mask & ExcludingUptakeBits) != 0)
                {
                    gExcluding[c] += columnTerms[t].PerRun;
                }
            }
        }

        var lambda = new double[n];
        lu.TrySolveTransposed(gExcluding, lambda, work);

        var displacements = layout.Displacements.Select(d => new Displacement(d.Column, d.Row, d.Amount,
            mode == MonteCarloMode.Technosphere ? keys.Param(registry, d.Source) : 0)).ToArray();

        // Technosphere entries: the stored entries one of whose contributions is drawn, with all their contributions.
        var uncertainSlots = new List<int>();
        var slotStart = new List<int>();
        var contributions = new List<Contribution>();
        if (mode == MonteCarloMode.Technosphere)
        {
            foreach (var group in layout.TechnosphereSources.Where(t => t.Slot >= 0).GroupBy(t => t.Slot).OrderBy(g => g.Key))
            {
                var parts = group.Select(t => new Contribution(t.Amount, t.Amount == 0 ? 0 : keys.Param(registry, t.Source))).ToList();
                if (parts.All(x => x.Param == 0))
                {
                    continue;
                }

                uncertainSlots.Add(group.Key);
                slotStart.Add(contributions.Count);
                contributions.AddRange(parts);
            }
        }

        slotStart.Add(contributions.Count);

        // First-order importance of each parameter: the derivative of the total excluding uptake with respect to its multiplier.
        var derivative = new double[registry.ParamStream.Count];
        for (int c = 0; c < n; c++)
        {
            for (int t = columnStart[c]; t < columnStart[c + 1]; t++)
            {
                var term = columnTerms[t];
                if ((term.Mask & ExcludingUptakeBits) != 0)
                {
                    derivative[term.P1] += term.PerRun * s[c];
                    derivative[term.P2] += term.PerRun * s[c];
                }
            }
        }

        for (int i = 0; i < uncertainSlots.Count; i++)
        {
            int slot = uncertainSlots[i];
            int row = layout.Technosphere.RowIndices[slot];
            int column = ColumnOf(layout.Technosphere, slot);
            for (int k = slotStart[i]; k < slotStart[i + 1]; k++)
            {
                // d(total)/d(a_ij) = −λ_i s_j for A s = f and total = λᵀ f.
                derivative[contributions[k].Param] -= lambda[row] * s[column] * contributions[k].Amount;
            }
        }

        var importance = new double[registry.StreamIds.Count];
        for (int p = 1; p < derivative.Length; p++)
        {
            importance[registry.ParamStream[p]] += derivative[p] * registry.ParamDistribution[p].RelativeStandardDeviation;
        }

        for (int j = 0; j < importance.Length; j++)
        {
            importance[j] = double.IsFinite(importance[j]) ? importance[j] : 0;
        }

        var (fixedBase, fixedTerms) = mode == MonteCarloMode.FixedScaling
            ? FixedScaling(layout, s, columnStart, columnTerms)
            : (new double[AccumulatorCount], []);

        int candidateCount = options.ContributionCount == 0 ? 0 : Math.Min(importance.Length, Math.Max(3 * options.ContributionCount, 20));
        var candidates = Enumerable.Range(0, importance.Length)
            .Where(j => importance[j] != 0)
            .OrderByDescending(j => Math.Abs(importance[j])).ThenBy(j => j)
            .Take(candidateCount).ToArray();

        var model = new MonteCarloModel
        {
            Layout = layout,
            Mode = mode,
            StreamIds = [.. registry.StreamIds],
            Inputs = [.. registry.Inputs],
            ParamStream = [.. registry.ParamStream],
            ParamDistribution = [.. registry.ParamDistribution],
            PedigreeFactorCount = pedigreeFactors.Count,
            Notes = [.. notes],
            Lu = lu,
            Size = n,
            DemandRow = demandRow,
            DemandAmount = demandAmount,
            Displacements = displacements,
            Candidates = candidates,
            BaseAccumulators = mode == MonteCarloMode.FixedScaling ? fixedBase : new double[AccumulatorCount],
            Terms = mode == MonteCarloMode.FixedScaling ? fixedTerms : [],
            BaseValues = mode == MonteCarloMode.Technosphere ? (double[])layout.Technosphere.Values.Clone() : [],
            UncertainSlots = [.. uncertainSlots],
            SlotStart = [.. slotStart],
            SlotContributions = [.. contributions],
            ColumnStart = columnStart,
            ColumnTerms = [.. columnTerms],
        };

        return ValidationResult.Success(model);
    }

    /// <summary>Whether a distribution draws anything (not absent, not fixed, not degenerate).</summary>
    private static bool Varies(UncertaintyDistribution? d) => d is not null && d.Kind != UncertaintyDistributionKind.Fixed && d.RelativeStandardDeviation > 0;

    /// <summary>A term with its drawn parameter first (the constant 1 last).</summary>
    private static ColumnTerm Ordered(int p1, int p2, double perRun, int mask) => p1 == 0 ? new(p2, 0, perRun, mask) : new(p1, p2, perRun, mask);

    private static int ColumnOf(SparseMatrix m, int slot)
    {
        int lo = 0, hi = m.Size - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) >>> 1;
            if (m.ColumnPointers[mid] <= slot)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return lo;
    }

    /// <summary>The fixed-scaling model: every term times its column's scaling (and its column's credit weight), aggregated by
    /// (parameters, mask) in a canonical order; terms without a drawn parameter go into the base accumulators.</summary>
    private static (double[] Base, Term[] Terms) FixedScaling(UncertaintyLayout layout, double[] s, int[] columnStart, List<ColumnTerm> columnTerms)
    {
        int n = layout.Size;

        // Credit weights: a displacement d of row r by column c_d credits −amount_d · s[c_d] · λ_r, and λ_r = Σ_c w_r[c] g_c with
        // A w_r = e_r; so a term of column c adds its per-run value times κ[c] = −Σ_d amount_d s[c_d] w_{r_d}[c] to the credits.
        var kappa = new double[n];
        if (!layout.Displacements.IsEmpty)
        {
            var e = new double[n];
            var w = new double[n];
            var work = new double[n];
            foreach (var group in layout.Displacements.GroupBy(d => d.Row).OrderBy(g => g.Key))
            {
                e[group.Key] = 1;
                layout.Lu.TrySolve(e, w, work);
                e[group.Key] = 0;
                foreach (var d in group)
                {
                    double weight = -d.Amount * s[d.Column];
                    for (int c = 0; c < n; c++)
                    {
                        kappa[c] += weight * w[c];
                    }
                }
            }
        }

        var baseAccumulators = new double[AccumulatorCount];
        var aggregated = new Dictionary<(int P1, int P2, int Mask), double>();
        for (int c = 0; c < n; c++)
        {
            for (int t = columnStart[c]; t < columnStart[c + 1]; t++)
            {
                var term = columnTerms[t];
                Add(term.P1, term.P2, term.Mask, term.PerRun * s[c]);
                if (kappa[c] != 0)
                {
                    Add(term.P1, term.P2, 1 << Credits, term.PerRun * kappa[c]);
                }
            }
        }

        var terms = aggregated.Where(kv => kv.Value != 0).Select(kv => new Term(kv.Key.P1, kv.Key.P2, kv.Value, kv.Key.Mask))
            .OrderBy(t => t.P1).ThenBy(t => t.P2).ThenBy(t => t.Mask).ToArray();
        return (baseAccumulators, terms);

        void Add(int p1, int p2, int mask, double coefficient)
        {
            if (coefficient == 0)
            {
                return;
            }

            if (p1 == 0 && p2 == 0)
            {
                for (int bits = mask; bits != 0; bits &= bits - 1)
                {
                    baseAccumulators[System.Numerics.BitOperations.TrailingZeroCount(bits)] += coefficient;
                }

                return;
            }

            aggregated[(p1, p2, mask)] = aggregated.GetValueOrDefault((p1, p2, mask)) + coefficient;
        }
    }

    private static string FactorKey(EmissionFactor f) => string.Create(CultureInfo.InvariantCulture,
        $"factor|{f.Key}|{f.Region}|{f.Year?.ToString(CultureInfo.InvariantCulture) ?? "any"}|{f.PerUnit.Symbol}|{f.Provenance.Dataset}|{f.Provenance.DatasetVersion}");

    private static string FactorLabel(EmissionFactor f) => string.Create(CultureInfo.InvariantCulture,
        $"factor {f.Key} ({f.Region}{(f.Year is { } y ? $" {y}" : string.Empty)}, per {f.PerUnit.Symbol})");

    private static string KindLabel(ElementaryExchangeKind kind) => kind == ElementaryExchangeKind.Emission ? string.Empty : $" ({kind})";

    /// <summary>A term of the fixed-scaling model: coefficient × m[P1] × m[P2] into the accumulators of <see cref="Mask"/>.</summary>
    internal readonly record struct Term(int P1, int P2, double Coefficient, int Mask);

    /// <summary>A term of a column: per-run CO2e × m[P1] × m[P2], times the column's scaling, into the accumulators of <see cref="Mask"/>.</summary>
    internal readonly record struct ColumnTerm(int P1, int P2, double PerRun, int Mask);

    /// <summary>A contribution to a drawn technosphere entry: amount × m[Param].</summary>
    internal readonly record struct Contribution(double Amount, int Param);

    /// <summary>A co-product displacing a foreground product: credits −amount × m[Param] × s[Column] × λ[Row].</summary>
    internal readonly record struct Displacement(int Column, int Row, double Amount, int Param);

    /// <summary>Stable keys and labels of foreground exchanges: process, role, flow or gas, supply or kind, and the ordinal among
    /// the process's exchanges of the same role, flow and supply (or gas and kind) in their declared order.</summary>
    private sealed class ExchangeKeys(UncertaintyLayout layout)
    {
        public int Param(InputRegistry registry, ExchangeSource source)
        {
            if (!Varies(source.Uncertainty))
            {
                return 0;
            }

            var process = layout.Processes[source.Process];
            string id = process.Id.Value;
            (string key, string label, UncertainInputKind kind) = source.Role switch
            {
                ExchangeRole.Output => ($"process|{id}|output|{source.Subject}", $"{id}: output {source.Subject}", UncertainInputKind.ProductOutput),
                ExchangeRole.CoProduct => ($"process|{id}|coProduct|{source.Subject}", $"{id}: co-product {source.Subject}", UncertainInputKind.ProductOutput),
                ExchangeRole.Input => ($"process|{id}|input|{source.Subject}|{source.Detail}|{InputOrdinal(process, source)}",
                    $"{id}: input {source.Subject} from {source.Detail}", UncertainInputKind.ProductInput),
                _ => ($"process|{id}|emission|{source.Subject}|{source.Detail}|{EmissionOrdinal(process, source)}",
                    $"{id}: {source.Subject}{KindLabel(process.Emissions[source.Index].Kind)}", UncertainInputKind.DirectExchange),
            };
            return registry.Param(key, source.Uncertainty, d => new UncertainInput(key, label, kind, d, false));
        }

        private static int InputOrdinal(Process process, ExchangeSource source)
        {
            var me = process.Inputs[source.Index];
            string supply = me.Supply.ToString();
            int ordinal = 0;
            for (int i = 0; i < source.Index; i++)
            {
                ordinal += process.Inputs[i].Flow == me.Flow && process.Inputs[i].Supply.ToString() == supply ? 1 : 0;
            }

            return ordinal;
        }

        private static int EmissionOrdinal(Process process, ExchangeSource source)
        {
            var me = process.Emissions[source.Index];
            int ordinal = 0;
            for (int i = 0; i < source.Index; i++)
            {
                ordinal += process.Emissions[i].Gas == me.Gas && process.Emissions[i].Kind == me.Kind ? 1 : 0;
            }

            return ordinal;
        }
    }
}
