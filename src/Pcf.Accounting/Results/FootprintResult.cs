using System.Collections.Immutable;
using Pcf.Accounting.Factors;
using Pcf.Accounting.Gases;
using Pcf.Accounting.Model;
using Pcf.Accounting.Rules;
using Pcf.Accounting.Sampling;
using Pcf.Accounting.Uncertainty;
using Pcf.Accounting.Units;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Results;

/// <summary>The carbon footprint of a demand (by default, one declared unit of the reference product): the inventory behind
/// it and every view over that inventory, as a value.</summary>
/// <remarks>
/// <para>A result is a value: it holds no engine. <see cref="Inventory"/> is what the calculation found (per process its runs,
/// exchanges, factor uses and links; the factors with their provenance); the totals, the separately reported quantities and
/// the contributions are views over it, computed once when the result is made; <see cref="Views"/> holds the views a caller
/// registered (such as a CBAM view). <see cref="Explain"/> and <see cref="ExplainGas"/> work from the inventory alone, so a
/// result read back from <c>pcf-result/1</c> (<see cref="Json.FootprintResultJson.Read(ReadOnlyMemory{byte}, Json.JsonReadOptions?)"/>)
/// explains itself exactly as the original does, and compares equal to it.</para>
/// <para>All CO2e values are kg CO2e for <see cref="Demand"/>, under <see cref="GwpSet"/>. The totals are exact sums of the
/// categories in <see cref="Reported"/> (see its remarks); the contributions by process, by stage, by gas and by factor each
/// sum to <see cref="TotalIncludingBiogenicUptake"/> (up to rounding).</para>
/// <para><see cref="SystemSummary.ContentHash"/> and <see cref="FactorSets"/> identify the inputs: a store recalculates, or
/// reports a stored result as stale, when either hash changes.</para>
/// </remarks>
/// <threadsafety>Immutable and thread-safe.</threadsafety>
public sealed record FootprintResult
{
    /// <summary>Gets what the result is about: the system's name, reference product, declared unit, product facts and content hash.</summary>
    public required SystemSummary System { get; init; }

    /// <summary>Gets the rule set applied.</summary>
    public required RuleSet RuleSet { get; init; }

    /// <summary>Gets the GWP set used to characterize the inventory.</summary>
    public required GwpSet GwpSet { get; init; }

    /// <summary>Gets what was calculated: an amount of a product.</summary>
    public required Demand Demand { get; init; }

    /// <summary>Gets the inventory every number of the result is a view of.</summary>
    public required FootprintInventory Inventory { get; init; }

    /// <summary>Gets how multi-output processes were allocated, in process-id order.</summary>
    public ImmutableArray<AllocationRecord> Allocations { get; init; } = [];

    /// <summary>Gets the footprint excluding the biogenic CO2 uptake into the product (PACT <c>pcfExcludingBiogenicUptake</c>).</summary>
    public required Quantity TotalExcludingBiogenicUptake { get; init; }

    /// <summary>Gets the footprint including the biogenic CO2 uptake into the product (PACT <c>pcfIncludingBiogenicUptake</c>).</summary>
    public required Quantity TotalIncludingBiogenicUptake { get; init; }

    /// <summary>Gets the separately reported quantities.</summary>
    public required ReportedQuantities Reported { get; init; }

    /// <summary>Gets the net mass and CO2e of each gas, ordered by gas id (the CO2e-only line last).</summary>
    public ImmutableArray<GasContribution> ByGas { get; init; } = [];

    /// <summary>Gets the contribution of each process, largest absolute CO2e first.</summary>
    public ImmutableArray<ProcessContribution> ByProcess { get; init; } = [];

    /// <summary>Gets the contribution of each life-cycle stage, in stage order.</summary>
    public ImmutableArray<StageContribution> ByStage { get; init; } = [];

    /// <summary>Gets the contribution of each background emission factor, largest absolute CO2e first.</summary>
    public ImmutableArray<FactorContribution> ByFactor { get; init; } = [];

    /// <summary>Gets the share of the gross emissions (positive contributions) that comes from primary data: processes marked primary (their direct emissions and the factors of their site-measured inputs, as PACT counts Scope 1 and 2) and primary-data factors (supplier footprints) wherever used.</summary>
    public double PrimaryDataShare { get; init; }

    /// <summary>Gets the data-quality scores of the background factors, averaged with their gross (positive) CO2e as weights, after fallback penalties; <see langword="null"/> when no factor used has scores.</summary>
    public DataQuality? DataQuality { get; init; }

    /// <summary>Gets the share of the background factors' gross CO2e that <see cref="DataQuality"/> covers (factors with scores), from 0 to 1.</summary>
    public double DataQualityCoverage { get; init; }

    /// <summary>Gets the share of the background factors' gross (positive) CO2e that rests on factors matched only after a
    /// region or year fallback, from 0 (none) to 1; for every factor, with or without scores.</summary>
    /// <remarks>A fallback worsens the scores of a factor that has them (<see cref="DataQuality"/>); a factor published without
    /// scores (such as the embedded default data, whose publishers give none) has nothing to worsen, and this share is then
    /// where the fallback lowers the reported quality. An exact unit conversion, or a supplier's footprint matched by key
    /// alone, is not a fallback here.</remarks>
    public double FallbackShare { get; init; }

    /// <summary>Gets what the rule set excluded.</summary>
    public required CutOffSummary CutOff { get; init; }

    /// <summary>Gets warnings: fallbacks used, negative categories, re-characterization, and the like.</summary>
    public ImmutableArray<ValidationProblem> Warnings { get; init; } = [];

    /// <summary>Gets the content hashes of the factors used, by dataset.</summary>
    public ImmutableArray<FactorSetHash> FactorSets { get; init; } = [];

    /// <summary>Gets the licences of the data the result rests on (its factors' datasets), distinct, in order.</summary>
    public ImmutableArray<string> Licences { get; init; } = [];

    /// <summary>Gets the outputs of the views registered by the caller (such as a CBAM view), in registration order.</summary>
    public ImmutableArray<ViewResult> Views { get; init; } = [];

    /// <summary>Gets the statistics of a Monte Carlo run of the same system, factors and demand, when one was made
    /// (<see cref="IUncertaintyCalculator"/>, <c>pcf calculate --monte-carlo</c>); <see langword="null"/> otherwise.</summary>
    /// <remarks>A typed member rather than a registered view: the statistics are structured (per-quantity percentiles, a histogram,
    /// a convergence trace, ranked inputs with their distributions) and a report reads them as such; a view's lines of key, label
    /// and value would flatten them. <c>pcf-result/1</c> carries them as its optional <c>uncertainty</c> member.</remarks>
    public UncertaintyStatistics? Uncertainty { get; init; }

    /// <summary>Gets how many runs of a process the demand needs.</summary>
    /// <param name="process">The process.</param>
    /// <returns>The runs: the sum over the process's outputs of runs × allocation share.</returns>
    /// <exception cref="KeyNotFoundException">The system has no such process.</exception>
    public double RunsOf(ProcessId process) =>
        Inventory.TryGetProcess(process, out var p) ? p.Runs : throw new KeyNotFoundException($"The system has no process '{process}'.");

    /// <summary>Finds the output of a registered view.</summary>
    /// <param name="id">The view's id.</param>
    /// <returns>The view's numbers, or <see langword="null"/> when no view of that id ran.</returns>
    public ViewResult? View(string id) => Views.FirstOrDefault(v => string.Equals(v.Id, id, StringComparison.Ordinal));

    /// <summary>Groups the processes' CO2e by the values of one tag name: the footprint by supplier, by installation, by precursor.</summary>
    /// <param name="name">The tag name, such as <c>supplier</c> or <c>cbam:precursor</c>.</param>
    /// <returns>One line per value (in ordinal order), then one for the processes without the tag; a process with several values counts in each.</returns>
    public ImmutableArray<TagContribution> ByTagName(string name) => FootprintViews.ByTagName(this, name);

    /// <summary>Explains the result: the supply chain of the demand with the amounts, conversions, allocation shares, factors and derivations behind every number.</summary>
    /// <param name="minimumShare">Branches contributing less than this share of the total are summarized rather than expanded.</param>
    /// <param name="maximumDepth">Branches deeper than this are summarized.</param>
    /// <param name="maximumNodes">At most this many nodes; branches beyond the budget are summarized (their values stay exact).</param>
    /// <returns>The explanation tree; its root's value is the total including biogenic uptake.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A limit is negative, or the node budget is below 1.</exception>
    public Explanation Explain(double minimumShare = 0.001, int maximumDepth = 12, int maximumNodes = Explainer.DefaultMaximumNodes) =>
        Explainer.Explain(this, minimumShare, maximumDepth, maximumNodes);

    /// <summary>Explains one greenhouse gas of the result: every place it enters the footprint, so that an auditor can see where its <see cref="ByGas"/> line comes from.</summary>
    /// <param name="gas">The gas, such as <see cref="GreenhouseGas.Co2Fossil"/>.</param>
    /// <returns>A node of kind <see cref="ExplanationKind.Gas"/> whose value is the gas's CO2e in <see cref="ByGas"/> (zero when the gas does not occur).
    /// Its children are the direct exchanges of the gas, one per process and kind, and the per-gas components of background factors that
    /// include the gas, each with its arithmetic; their values sum to the node's (up to rounding). Factors given in CO2e only follow as
    /// zero-valued nodes saying they carry no per-gas split.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="gas"/> is <see langword="null"/>.</exception>
    /// <example><code>
    /// var co2 = result.ExplainGas(GreenhouseGas.Co2Fossil);
    /// foreach (var part in co2.Children) Console.WriteLine($"{part.Label}: {part.Co2e}");
    /// </code></example>
    public Explanation ExplainGas(GreenhouseGas gas) => Explainer.ExplainGas(this, gas);

    /// <inheritdoc/>
    public bool Equals(FootprintResult? other) =>
        other is not null && (ReferenceEquals(this, other)
            || (System == other.System && RuleSet == other.RuleSet && GwpSet == other.GwpSet && Demand == other.Demand
                && Inventory.Equals(other.Inventory) && Allocations.SequenceEqual(other.Allocations)
                && TotalExcludingBiogenicUptake == other.TotalExcludingBiogenicUptake && TotalIncludingBiogenicUptake == other.TotalIncludingBiogenicUptake
                && Reported == other.Reported && ByGas.SequenceEqual(other.ByGas) && ByProcess.SequenceEqual(other.ByProcess)
                && ByStage.SequenceEqual(other.ByStage) && ByFactor.SequenceEqual(other.ByFactor)
                && PrimaryDataShare.Equals(other.PrimaryDataShare) && DataQuality == other.DataQuality
                && DataQualityCoverage.Equals(other.DataQualityCoverage) && FallbackShare.Equals(other.FallbackShare)
                && CutOff == other.CutOff && Warnings.SequenceEqual(other.Warnings) && FactorSets.SequenceEqual(other.FactorSets)
                && Licences.SequenceEqual(other.Licences) && Views.SequenceEqual(other.Views) && Equals(Uncertainty, other.Uncertainty)));

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(System.ContentHash, Demand, TotalIncludingBiogenicUptake);
}
