using System.Collections.Immutable;
using Pcf.Accounting.Results;
using Pcf.Accounting.Rules;

namespace Pcf.Accounting.Reporting.Model;

/// <summary>Reads a <see cref="FootprintResult"/> into a <see cref="ReportModel"/>: the one place of this package that reads a result.</summary>
internal static class ReportModelBuilder
{
    /// <summary>Builds the model.</summary>
    /// <param name="result">The result.</param>
    /// <param name="options">The options (supply-chain share).</param>
    /// <param name="supplyChain">Whether to build the supply chain (it explains the result: not needed for the CSV).</param>
    /// <returns>The model.</returns>
    public static ReportModel From(FootprintResult result, FootprintReportOptions options, bool supplyChain = true)
    {
        ArgumentNullException.ThrowIfNull(result);
        var system = result.System;
        var inventory = result.Inventory;
        var demand = result.Demand;
        string productName = inventory.TryGetFlow(demand.Product, out var flow) ? flow.Name : demand.Product.Value;
        double total = result.TotalExcludingBiogenicUptake.Value;
        var header = new ReportHeader(
            system.Name,
            productName,
            demand.Product.Value,
            demand.Amount.Value,
            demand.Amount.Unit.Symbol,
            result.RuleSet.Id,
            result.RuleSet.Name,
            Boundary(result.RuleSet.Boundary),
            result.GwpSet.Id,
            result.GwpSet.Name,
            system.Region,
            system.ReferenceYear);

        var r = result.Reported;
        ImmutableArray<ReportedRow> reported =
        [
            new("fossilGhgEmissions", r.FossilGhgEmissions.Value, false),
            new("biogenicCo2Emissions", r.BiogenicCo2Emissions.Value, false),
            new("biogenicCo2Uptake", r.BiogenicCo2Uptake.Value, false),
            new("biogenicNonCo2Emissions", r.BiogenicNonCo2Emissions.Value, false),
            new("landUseChangeEmissions", r.LandUseChangeEmissions.Value, false),
            new("landManagementFossilGhgEmissions", r.LandManagementFossilGhgEmissions.Value, true),
            new("landManagementBiogenicCo2Emissions", r.LandManagementBiogenicCo2Emissions.Value, false),
            new("landManagementBiogenicCo2Removals", r.LandManagementBiogenicCo2Removals.Value, false),
            new("technologicalCo2Removals", r.TechnologicalCo2Removals.Value, false),
            new("ccsTechnologicalCo2Capture", r.CcsTechnologicalCo2Capture.Value, false),
            new("aircraftEmissions", r.AircraftEmissions.Value, true),
            new("packagingEmissions", r.PackagingEmissions.Value, true),
            new("outboundLogisticsEmissions", r.OutboundLogisticsEmissions.Value, true),
            new("systemExpansionCredits", r.SystemExpansionCredits.Value, true),
        ];

        var quality = result.DataQuality is { } q
            ? new QualitySection(result.PrimaryDataShare, result.FallbackShare, [q.Technological, q.Geographical, q.Temporal, q.Completeness, q.Reliability], result.DataQualityCoverage)
            : new QualitySection(result.PrimaryDataShare, result.FallbackShare, null, result.DataQualityCoverage);

        return new ReportModel
        {
            Header = header,
            TotalExcludingBiogenicUptake = total,
            TotalIncludingBiogenicUptake = result.TotalIncludingBiogenicUptake.Value,
            Reported = reported,
            ByStage = [.. result.ByStage.Select(s => new StageRow(StageName(s.Stage), s.Co2e.Value, s.Share))],
            ByProcess = [.. result.ByProcess.Select(p => new ProcessRow(
                p.Process.Value,
                inventory.TryGetProcess(p.Process, out var process) ? process.Name : p.Process.Value,
                StageName(p.Stage),
                p.Runs,
                p.Direct.Value,
                p.Background.Value,
                p.Total.Value,
                p.Share))],
            ByGas = [.. result.ByGas.Select(g => new GasRow(g.Gas?.Id, g.Gas is null ? null : g.Mass.Value, g.Co2e.Value, Share(g.Co2e.Value, total)))],
            ByFactor = [.. result.ByFactor.Select(f => new FactorRow(
                f.Request.Key,
                f.Request.Region ?? "GLO",
                f.Request.Year,
                f.Request.Unit.Symbol,
                f.AmountUsed.Value,
                f.Co2ePerUnit,
                f.Co2e.Value,
                f.Share,
                f.IsPrimaryData,
                f.Source,
                Fallbacks(inventory, f.Request)))],
            Allocations = [.. result.Allocations.Select(a => new AllocationRow(
                a.Process.Value,
                MethodName(a.Method),
                a.StatedByProcess,
                a.Basis,
                [.. a.Shares.Select(s => new AllocationShareRow(s.Flow.Value, s.Weight, s.Share))]))],
            Quality = quality,
            CutOff = new CutOffSection(result.CutOff.Excluded.Value, result.CutOff.Share, result.CutOff.Rules),
            Warnings = [.. result.Warnings.Select(w => new WarningRow(w.Code, w.Path, w.Message))],
            SupplyChain = supplyChain ? SupplyChainBuilder.Build(result, options.SupplyChainMinimumShare, options.SupplyChainMaximumNodes) : null,
            Uncertainty = UncertaintyOf(result.Uncertainty),
        };
    }

    // The Monte Carlo statistics of the total excluding biogenic uptake: its percentiles with the median, ascending, and its histogram.
    private static UncertaintySection? UncertaintyOf(Accounting.Uncertainty.UncertaintyStatistics? u)
    {
        if (u is null || u.Quantities.IsEmpty)
        {
            return null;
        }

        var total = u.Total;
        return new UncertaintySection(
            u.Iterations,
            u.Seed,
            total.Mean,
            total.StandardDeviation,
            [.. total.Percentiles.Select(p => (p.Level, p.Value)).Append((50.0, total.Median)).OrderBy(p => p.Item1)],
            [.. u.Histogram.Select(b => new HistogramBin(b.Lower, b.Upper, b.Count))]);
    }

    /// <summary>The pcf-result/1 name of a stage, such as <c>rawMaterialAcquisition</c>.</summary>
    /// <param name="stage">The stage.</param>
    /// <returns>The name.</returns>
    internal static string StageName(Accounting.Model.LifeCycleStage stage)
    {
        string name = stage.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    private static string MethodName(Accounting.Model.AllocationMethod method)
    {
        string name = method.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    private static string Boundary(SystemBoundary boundary) => boundary switch
    {
        SystemBoundary.CradleToGate => "cradleToGate",
        SystemBoundary.GateToGate => "gateToGate",
        _ => "cradleToGrave",
    };

    private static double Share(double part, double total) => total == 0 ? 0 : part / total;

    // The fallbacks of a factor, as the inventory records them.
    private static ImmutableArray<string> Fallbacks(FootprintInventory inventory, Factors.FactorRequest request) =>
        inventory.Factors.FirstOrDefault(f => f.Request == request) is { } factor ? [.. factor.Fallbacks.Select(f => f.Describe())] : [];
}
