using System.Collections.Immutable;
using Pcf.Accounting.Engine;
using Pcf.Accounting.Factors;
using Pcf.Accounting.Gases;
using Pcf.Accounting.Rules;
using Pcf.Accounting.Units;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Results;

/// <summary>The carbon footprint of a demand (by default, one declared unit of the reference product) and its parts.</summary>
/// <remarks>
/// <para>All CO2e values are kg CO2e for <see cref="Demand"/>, under <see cref="GwpSet"/>. The totals
/// are exact sums of the categories in <see cref="Reported"/> (see its remarks); the contributions by
/// process, by stage, by gas and by factor each sum to <see cref="TotalExcludingBiogenicUptake"/>
/// plus <see cref="ReportedQuantities.BiogenicCo2Uptake"/> (that is, <see cref="TotalIncludingBiogenicUptake"/>).</para>
/// <para><see cref="Explain"/> computes the explanation on demand from the compiled system and the
/// solution, so that the calculation itself stays fast.</para>
/// </remarks>
/// <threadsafety>Immutable and thread-safe.</threadsafety>
public sealed class FootprintResult
{
    private readonly double[] _scaling;

    internal FootprintResult(CompiledSystem compiled, Demand demand, GwpSet gwpSet, double[] scaling)
    {
        Compiled = compiled;
        Demand = demand;
        GwpSet = gwpSet;
        _scaling = scaling;
    }

    /// <summary>Gets the compiled system the result was computed from.</summary>
    public CompiledSystem Compiled { get; }

    /// <summary>Gets the rule set applied.</summary>
    public RuleSet RuleSet => Compiled.RuleSet;

    /// <summary>Gets what was calculated: an amount of a product.</summary>
    public Demand Demand { get; }

    /// <summary>Gets the GWP set used to characterize the inventory.</summary>
    public GwpSet GwpSet { get; }

    /// <summary>Gets the footprint excluding the biogenic CO2 uptake into the product (PACT <c>pcfExcludingBiogenicUptake</c>).</summary>
    public required Quantity TotalExcludingBiogenicUptake { get; init; }

    /// <summary>Gets the footprint including the biogenic CO2 uptake into the product (PACT <c>pcfIncludingBiogenicUptake</c>).</summary>
    public required Quantity TotalIncludingBiogenicUptake { get; init; }

    /// <summary>Gets the separately reported quantities.</summary>
    public required ReportedQuantities Reported { get; init; }

    /// <summary>Gets the net mass and CO2e of each gas, ordered by gas id (the CO2e-only line last).</summary>
    public required ImmutableArray<GasContribution> ByGas { get; init; }

    /// <summary>Gets the contribution of each process, largest absolute CO2e first.</summary>
    public required ImmutableArray<ProcessContribution> ByProcess { get; init; }

    /// <summary>Gets the contribution of each life-cycle stage, in stage order.</summary>
    public required ImmutableArray<StageContribution> ByStage { get; init; }

    /// <summary>Gets the contribution of each background emission factor, largest absolute CO2e first.</summary>
    public required ImmutableArray<FactorContribution> ByFactor { get; init; }

    /// <summary>Gets how multi-output processes were allocated.</summary>
    public ImmutableArray<AllocationRecord> Allocations => Compiled.Allocations;

    /// <summary>Gets the share of the gross emissions (positive contributions) that comes from primary data: processes marked primary (their direct emissions and the factors of their site-measured inputs, as PACT counts Scope 1 and 2) and primary-data factors (supplier footprints) wherever used.</summary>
    public required double PrimaryDataShare { get; init; }

    /// <summary>Gets the data-quality scores of the background factors, averaged with their gross (positive) CO2e as weights, after fallback penalties; <see langword="null"/> when no factor used has scores.</summary>
    public DataQuality? DataQuality { get; init; }

    /// <summary>Gets the share of the background factors' gross CO2e that <see cref="DataQuality"/> covers (factors with scores), from 0 to 1.</summary>
    public double DataQualityCoverage { get; init; }

    /// <summary>Gets the share of the background factors' gross (positive) CO2e that rests on factors matched only after a
    /// region or year fallback, from 0 (none) to 1; for every factor, with or without scores.</summary>
    /// <remarks>A fallback worsens the scores of a factor that has them (<see cref="DataQuality"/>); a factor published without
    /// scores (such as the embedded default data, whose publishers give none) has nothing to worsen, and this share is then
    /// where the fallback lowers the reported quality. An exact unit conversion is not a fallback here.</remarks>
    public double FallbackShare { get; init; }

    /// <summary>Gets what the rule set excluded.</summary>
    public required CutOffSummary CutOff { get; init; }

    /// <summary>Gets warnings: fallbacks used, negative categories, re-characterization, and the like.</summary>
    public required ImmutableArray<ValidationProblem> Warnings { get; init; }

    /// <summary>Gets how many runs of each process (by id) the demand needs.</summary>
    /// <param name="process">The process.</param>
    /// <returns>The scaling factor: the sum over the process's columns.</returns>
    public double RunsOf(Model.ProcessId process) => Compiled.RunsOf(process, _scaling);

    /// <summary>Explains the result: the supply chain of the demand with the amounts, conversions, allocation shares and factors behind every number.</summary>
    /// <param name="minimumShare">Branches contributing less than this share of the total are summarized rather than expanded.</param>
    /// <param name="maximumDepth">Branches deeper than this are summarized.</param>
    /// <returns>The explanation tree; its root's value is the total including biogenic uptake.</returns>
    public Explanation Explain(double minimumShare = 0.001, int maximumDepth = 12) => Compiled.Explain(this, _scaling, minimumShare, maximumDepth);

    /// <summary>Explains one greenhouse gas of the result: every place it enters the footprint, so that an auditor can see where its <see cref="ByGas"/> line comes from.</summary>
    /// <param name="gas">The gas, such as <see cref="GreenhouseGas.Co2Fossil"/>.</param>
    /// <returns>A node of kind <see cref="ExplanationKind.Gas"/> whose value is the gas's CO2e in <see cref="ByGas"/> (zero when the gas does not occur).
    /// Its children are the direct exchanges of the gas, one per process and kind over all the runs the demand needs, and the
    /// per-gas components of background factors that include the gas, each with its arithmetic; their values sum to the node's (up to rounding).
    /// Factors given in CO2e only follow as zero-valued nodes saying they carry no per-gas split: their CO2e is in the CO2e-only line of
    /// <see cref="ByGas"/> and cannot be attributed to any gas.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="gas"/> is <see langword="null"/>.</exception>
    /// <example><code>
    /// var co2 = result.ExplainGas(GreenhouseGas.Co2Fossil);
    /// foreach (var part in co2.Children) Console.WriteLine($"{part.Label}: {part.Co2e}"); // CO2-fossil Emission via electricity/grid (CN, 2023) per kWh: 0.108 kg
    /// </code></example>
    public Explanation ExplainGas(GreenhouseGas gas) => Compiled.ExplainGas(this, _scaling, gas);

    internal BackgroundTable Background { get; init; } = null!;
}
