using System.Collections.Immutable;

namespace Pcf.Accounting.Reporting.Model;

/// <summary>Everything a report shows, read once from a result (<see cref="ReportModelBuilder"/>): the renderers read only this.</summary>
/// <remarks>All CO2e values are kg CO2e for the result's demand (one declared unit unless the caller asked for another).
/// The optional sections (<see cref="Template"/>, <see cref="Derivations"/>, <see cref="Uncertainty"/>, <see cref="Pact"/>)
/// are rendered only when present.</remarks>
internal sealed record ReportModel
{
    /// <summary>Gets the header: system, declared unit, rule set, GWP set, boundary.</summary>
    public required ReportHeader Header { get; init; }

    /// <summary>Gets the footprint excluding biogenic CO2 uptake.</summary>
    public required double TotalExcludingBiogenicUptake { get; init; }

    /// <summary>Gets the footprint including biogenic CO2 uptake.</summary>
    public required double TotalIncludingBiogenicUptake { get; init; }

    /// <summary>Gets the separately reported quantities, in the pcf-result/1 order.</summary>
    public required ImmutableArray<ReportedRow> Reported { get; init; }

    /// <summary>Gets the contribution of each life-cycle stage, in stage order.</summary>
    public required ImmutableArray<StageRow> ByStage { get; init; }

    /// <summary>Gets the contribution of each process, largest absolute first.</summary>
    public required ImmutableArray<ProcessRow> ByProcess { get; init; }

    /// <summary>Gets each gas, in the result's order.</summary>
    public required ImmutableArray<GasRow> ByGas { get; init; }

    /// <summary>Gets each background emission factor, largest absolute first.</summary>
    public required ImmutableArray<FactorRow> ByFactor { get; init; }

    /// <summary>Gets how multi-output processes were allocated.</summary>
    public required ImmutableArray<AllocationRow> Allocations { get; init; }

    /// <summary>Gets the data-quality figures.</summary>
    public required QualitySection Quality { get; init; }

    /// <summary>Gets what the rule set left out.</summary>
    public required CutOffSection CutOff { get; init; }

    /// <summary>Gets the warnings of the result.</summary>
    public required ImmutableArray<WarningRow> Warnings { get; init; }

    /// <summary>Gets the supply chain as a flow graph; <see langword="null"/> when not drawn.</summary>
    public SupplyChain? SupplyChain { get; init; }

    /// <summary>Gets the template that produced the system, when one did.</summary>
    public TemplateSection? Template { get; init; }

    /// <summary>Gets the derivations behind exchange amounts (sector arithmetic); empty when none.</summary>
    public ImmutableArray<DerivationRow> Derivations { get; init; } = [];

    /// <summary>Gets the Monte Carlo statistics, when the result carries them.</summary>
    public UncertaintySection? Uncertainty { get; init; }

    /// <summary>Gets the PACT footprint exported from the result, when one was.</summary>
    public PactSection? Pact { get; init; }
}

/// <summary>What was calculated and under which rules.</summary>
/// <param name="SystemName">The product system's name.</param>
/// <param name="Product">The reference product's name.</param>
/// <param name="ProductId">The reference product's flow id.</param>
/// <param name="DeclaredAmount">The declared unit's amount.</param>
/// <param name="DeclaredUnit">The declared unit's symbol.</param>
/// <param name="RuleSetId">The rule set's id, such as <c>ISO14067</c>.</param>
/// <param name="RuleSetName">The standard's name.</param>
/// <param name="Boundary">The boundary as pcf-result/1 writes it: <c>cradleToGate</c>, <c>gateToGate</c> or <c>cradleToGrave</c>.</param>
/// <param name="GwpSetId">The GWP set's id, such as <c>AR6</c>.</param>
/// <param name="GwpSetName">The GWP set's name.</param>
/// <param name="Region">The system's region, when stated.</param>
/// <param name="Year">The system's reference year, when stated.</param>
internal sealed record ReportHeader(
    string SystemName,
    string Product,
    string ProductId,
    double DeclaredAmount,
    string DeclaredUnit,
    string RuleSetId,
    string RuleSetName,
    string Boundary,
    string GwpSetId,
    string GwpSetName,
    string? Region,
    int? Year);

/// <summary>One separately reported quantity.</summary>
/// <param name="Key">Its pcf-result/1 name, such as <c>fossilGhgEmissions</c>.</param>
/// <param name="Co2e">kg CO2e.</param>
/// <param name="IsPartOf">Whether it is an "of which" line (already counted in another).</param>
internal sealed record ReportedRow(string Key, double Co2e, bool IsPartOf);

/// <summary>One life-cycle stage.</summary>
/// <param name="Stage">The pcf-result/1 name of the stage, such as <c>production</c>.</param>
/// <param name="Co2e">kg CO2e.</param>
/// <param name="Share">Of the total excluding biogenic uptake.</param>
internal sealed record StageRow(string Stage, double Co2e, double Share);

/// <summary>One process.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Name">Its name.</param>
/// <param name="Stage">The pcf-result/1 name of its stage.</param>
/// <param name="Runs">Runs per demand.</param>
/// <param name="Direct">kg CO2e of its direct emissions and removals.</param>
/// <param name="Background">kg CO2e of the factors of its inputs.</param>
/// <param name="Co2e">Direct plus background.</param>
/// <param name="Share">Of the total excluding biogenic uptake.</param>
internal sealed record ProcessRow(string Id, string Name, string Stage, double Runs, double Direct, double Background, double Co2e, double Share);

/// <summary>One greenhouse gas.</summary>
/// <param name="Gas">The gas id, such as <c>CH4-fossil</c>; <see langword="null"/> for factors given only as CO2e.</param>
/// <param name="MassKg">Net kg of the gas; <see langword="null"/> for the CO2e-only line.</param>
/// <param name="Co2e">kg CO2e.</param>
/// <param name="Share">Of the total excluding biogenic uptake.</param>
internal sealed record GasRow(string? Gas, double? MassKg, double Co2e, double Share);

/// <summary>One background emission factor.</summary>
/// <param name="Key">The activity key.</param>
/// <param name="Region">The region asked for (<c>GLO</c> when none).</param>
/// <param name="Year">The year asked for; <see langword="null"/> for the latest.</param>
/// <param name="Unit">The activity unit.</param>
/// <param name="AmountUsed">The amount of the activity used.</param>
/// <param name="Co2ePerUnit">kg CO2e per unit.</param>
/// <param name="Co2e">kg CO2e.</param>
/// <param name="Share">Of the total excluding biogenic uptake.</param>
/// <param name="IsPrimaryData">Whether supplier-specific.</param>
/// <param name="Source">Where it comes from (provider, dataset, document).</param>
/// <param name="Fallbacks">The fallbacks applied to match it, such as <c>region CN-GD -> CN</c>; empty for an exact match.</param>
internal sealed record FactorRow(
    string Key,
    string Region,
    int? Year,
    string Unit,
    double AmountUsed,
    double Co2ePerUnit,
    double Co2e,
    double Share,
    bool IsPrimaryData,
    string Source,
    ImmutableArray<string> Fallbacks)
{
    /// <summary>Gets a short label: <c>electricity/grid (CN, 2023)</c>.</summary>
    public string Label => $"{Key} ({Region}{(Year is { } y ? ", " + y.ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty)})";
}

/// <summary>How one multi-output process was allocated.</summary>
/// <param name="Process">The process id.</param>
/// <param name="Method">The method as pcf-result/1 writes it, such as <c>mass</c>.</param>
/// <param name="StatedByProcess">Whether the process stated it (else the rule set chose).</param>
/// <param name="Basis">What the shares come from.</param>
/// <param name="Shares">Each output's share.</param>
internal sealed record AllocationRow(string Process, string Method, bool StatedByProcess, string Basis, ImmutableArray<AllocationShareRow> Shares);

/// <summary>One output's allocation share.</summary>
/// <param name="Flow">The output flow id.</param>
/// <param name="Weight">Its weight.</param>
/// <param name="Share">Its share, 0 to 1.</param>
internal sealed record AllocationShareRow(string Flow, double Weight, double Share);

/// <summary>Data quality: primary-data share, fallback share, pedigree scores.</summary>
/// <param name="PrimaryDataShare">Share of gross emissions from primary data.</param>
/// <param name="FallbackShare">Share of factors' gross CO2e resting on a region or year fallback.</param>
/// <param name="Scores">The weighted pedigree scores (1 best, 5 worst): technological, geographical, temporal, completeness, reliability; <see langword="null"/> when no factor has scores.</param>
/// <param name="Coverage">Share of the factors' gross CO2e the scores cover.</param>
internal sealed record QualitySection(double PrimaryDataShare, double FallbackShare, ImmutableArray<double>? Scores, double Coverage);

/// <summary>What the rule set excluded.</summary>
/// <param name="Excluded">kg CO2e excluded.</param>
/// <param name="Share">Of total plus excluded.</param>
/// <param name="Rules">The rules that excluded it.</param>
internal sealed record CutOffSection(double Excluded, double Share, ImmutableArray<string> Rules);

/// <summary>One warning.</summary>
/// <param name="Code">The stable code, such as <c>PCF0406</c>.</param>
/// <param name="Path">Where it applies.</param>
/// <param name="Message">What it says.</param>
internal sealed record WarningRow(string Code, string Path, string Message);

/// <summary>The template that built the product system, with its parameters.</summary>
/// <param name="Id">The template id, such as <c>cement</c>.</param>
/// <param name="Title">Its title.</param>
/// <param name="Version">Its version.</param>
/// <param name="Standards">The standards and clauses it follows.</param>
/// <param name="Parameters">The parameters as given or defaulted.</param>
internal sealed record TemplateSection(string Id, string Title, string Version, ImmutableArray<string> Standards, ImmutableArray<TemplateParameterRow> Parameters);

/// <summary>One template parameter.</summary>
/// <param name="Name">The parameter name.</param>
/// <param name="Value">Its value as text (numbers in invariant form).</param>
/// <param name="Unit">Its unit, when it has one.</param>
/// <param name="IsDefault">Whether the template's default was used (not site data).</param>
/// <param name="Source">Where the default comes from, when it is one.</param>
internal sealed record TemplateParameterRow(string Name, string Value, string? Unit, bool IsDefault, string? Source);

/// <summary>A named formula behind an exchange amount.</summary>
/// <param name="Target">What the formula gives, such as <c>clinker: CO2-fossil emission</c>.</param>
/// <param name="Formula">The formula in words and symbols.</param>
/// <param name="Inputs">Its inputs.</param>
/// <param name="Result">Its result.</param>
/// <param name="Unit">The result's unit.</param>
/// <param name="Source">The document, clause or table.</param>
internal sealed record DerivationRow(string Target, string Formula, ImmutableArray<DerivationInputRow> Inputs, double Result, string Unit, string Source);

/// <summary>One input of a derivation.</summary>
/// <param name="Name">The symbol or name.</param>
/// <param name="Value">The value.</param>
/// <param name="Unit">The unit.</param>
internal sealed record DerivationInputRow(string Name, double Value, string Unit);

/// <summary>Monte Carlo statistics of the total (kg CO2e).</summary>
/// <param name="Iterations">How many draws.</param>
/// <param name="Seed">The seed, for reproduction.</param>
/// <param name="Mean">The mean.</param>
/// <param name="StandardDeviation">The standard deviation.</param>
/// <param name="Percentiles">Percentile (0 to 100) and value, ascending.</param>
/// <param name="Histogram">Bins: lower bound, upper bound, count; contiguous and ascending.</param>
internal sealed record UncertaintySection(int Iterations, long Seed, double Mean, double StandardDeviation, ImmutableArray<(double Percentile, double Value)> Percentiles, ImmutableArray<HistogramBin> Histogram);

/// <summary>One histogram bin.</summary>
/// <param name="Lower">Lower bound (inclusive).</param>
/// <param name="Upper">Upper bound.</param>
/// <param name="Count">Draws in the bin.</param>
internal sealed record HistogramBin(double Lower, double Upper, int Count);

/// <summary>The PACT ProductFootprint exported from the result.</summary>
/// <param name="SpecVersion">The PACT Technical Specifications version, such as <c>3.0.0</c>.</param>
/// <param name="Id">The footprint id.</param>
/// <param name="CompanyName">The company.</param>
/// <param name="ProductName">The product as the company names it.</param>
/// <param name="ProductIds">The product ids (URNs).</param>
/// <param name="DeclaredUnit">The declared unit as PACT writes it.</param>
/// <param name="Fields">The PACT field names and their values as written (decimal strings), in document order.</param>
internal sealed record PactSection(string SpecVersion, string Id, string CompanyName, string ProductName, ImmutableArray<string> ProductIds, string DeclaredUnit, ImmutableArray<(string Field, string Value)> Fields);
