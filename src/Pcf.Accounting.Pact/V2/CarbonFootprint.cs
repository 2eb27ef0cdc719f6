using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace Pcf.Accounting.Pact.V2;

/// <summary>The carbon footprint of a product under PACT 2.3 (<c>CarbonFootprint</c>, the <c>pcf</c> of a <see cref="ProductFootprint"/>).</summary>
/// <remarks>
/// <para>Figures are per one <see cref="DeclaredUnit"/>; <see cref="UnitaryProductAmount"/> says how many of them the product holds.
/// (PACT 3.0 instead states figures per <c>declaredUnitAmount</c> units; <see cref="PactConverter"/> does the arithmetic.)</para>
/// <para>Decimals are <see cref="decimal"/>: the kgCO2e and kgC figures are JSON strings, <see cref="ExemptedEmissionsPercent"/>,
/// <see cref="PrimaryDataShare"/> and the DQI are JSON numbers, as 2.3 requires.</para>
/// </remarks>
/// <threadsafety>Immutable.</threadsafety>
[JsonNumberHandling(JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.WriteAsString)]
public sealed record CarbonFootprint
{
    /// <summary>Gets the declared unit (<c>declaredUnit</c>, required).</summary>
    [JsonPropertyName("declaredUnit")]
    public required DeclaredUnit DeclaredUnit { get; init; }

    /// <summary>Gets how many declared units the product holds (&gt; 0); unlike 3.0, the figures below are per one declared unit (<c>unitaryProductAmount</c>, required).</summary>
    [JsonPropertyName("unitaryProductAmount")]
    public required decimal UnitaryProductAmount { get; init; }

    /// <summary>Gets the product mass in kg per declared unit (<c>productMassPerDeclaredUnit</c>).</summary>
    [JsonPropertyName("productMassPerDeclaredUnit")]
    public decimal? ProductMassPerDeclaredUnit { get; init; }

    /// <summary>Gets the footprint excluding biogenic CO2 emissions and withdrawal, kgCO2e per declared unit (&gt;= 0) (<c>pCfExcludingBiogenic</c>, required).</summary>
    [JsonPropertyName("pCfExcludingBiogenic")]
    public required decimal PcfExcludingBiogenic { get; init; }

    /// <summary>Gets the footprint including all biogenic emissions and the withdrawal, kgCO2e per declared unit (<c>pCfIncludingBiogenic</c>).</summary>
    [JsonPropertyName("pCfIncludingBiogenic")]
    public decimal? PcfIncludingBiogenic { get; init; }

    /// <summary>Gets fossil emissions (&gt;= 0) (<c>fossilGhgEmissions</c>, required).</summary>
    [JsonPropertyName("fossilGhgEmissions")]
    public required decimal FossilGhgEmissions { get; init; }

    /// <summary>Gets the fossil carbon content, kgC per declared unit (&gt;= 0) (<c>fossilCarbonContent</c>, required).</summary>
    [JsonPropertyName("fossilCarbonContent")]
    public required decimal FossilCarbonContent { get; init; }

    /// <summary>Gets the biogenic carbon content, kgC per declared unit (&gt;= 0) (<c>biogenicCarbonContent</c>, required).</summary>
    [JsonPropertyName("biogenicCarbonContent")]
    public required decimal BiogenicCarbonContent { get; init; }

    /// <summary>Gets emissions from direct land-use change (&gt;= 0) (<c>dLucGhgEmissions</c>).</summary>
    [JsonPropertyName("dLucGhgEmissions")]
    public decimal? DLucGhgEmissions { get; init; }

    /// <summary>Gets emissions and removals of land management, net (<c>landManagementGhgEmissions</c>).</summary>
    [JsonPropertyName("landManagementGhgEmissions")]
    public decimal? LandManagementGhgEmissions { get; init; }

    /// <summary>Gets all other biogenic emissions (&gt;= 0) (<c>otherBiogenicGhgEmissions</c>).</summary>
    [JsonPropertyName("otherBiogenicGhgEmissions")]
    public decimal? OtherBiogenicGhgEmissions { get; init; }

    /// <summary>Gets emissions from indirect land-use change (&gt;= 0) (<c>iLucGhgEmissions</c>).</summary>
    [JsonPropertyName("iLucGhgEmissions")]
    public decimal? ILucGhgEmissions { get; init; }

    /// <summary>Gets the biogenic carbon in the product as kgCO2e (&lt;= 0) (<c>biogenicCarbonWithdrawal</c>).</summary>
    [JsonPropertyName("biogenicCarbonWithdrawal")]
    public decimal? BiogenicCarbonWithdrawal { get; init; }

    /// <summary>Gets emissions of aircraft transport (&gt;= 0) (<c>aircraftGhgEmissions</c>).</summary>
    [JsonPropertyName("aircraftGhgEmissions")]
    public decimal? AircraftGhgEmissions { get; init; }

    /// <summary>Gets whether packaging emissions are included (<c>packagingEmissionsIncluded</c>, required).</summary>
    [JsonPropertyName("packagingEmissionsIncluded")]
    public required bool PackagingEmissionsIncluded { get; init; }

    /// <summary>Gets emissions of packaging (&gt;= 0); absent unless <see cref="PackagingEmissionsIncluded"/> (<c>packagingGhgEmissions</c>).</summary>
    [JsonPropertyName("packagingGhgEmissions")]
    public decimal? PackagingGhgEmissions { get; init; }

    /// <summary>Gets the IPCC report of the GWPs (deprecated): <c>AR5</c> or <c>AR6</c> (<c>characterizationFactors</c>, required).</summary>
    [JsonPropertyName("characterizationFactors")]
    public required string CharacterizationFactors { get; init; }

    /// <summary>Gets the IPCC reports whose GWPs were used, such as <c>AR6</c> (<c>ipccCharacterizationFactorsSources</c>, required).</summary>
    [JsonPropertyName("ipccCharacterizationFactorsSources")]
    public required ImmutableArray<string> IpccCharacterizationFactorsSources { get; init; }

    /// <summary>Gets the standards used (deprecated): <c>GHG Protocol Product standard</c>, <c>ISO Standard 14067</c>, <c>ISO Standard 14044</c> (<c>crossSectoralStandardsUsed</c>, required).</summary>
    [JsonPropertyName("crossSectoralStandardsUsed")]
    public required ImmutableArray<string> CrossSectoralStandardsUsed { get; init; }

    /// <summary>Gets the standards used, in 3.0 spelling (<c>crossSectoralStandards</c>).</summary>
    [JsonPropertyName("crossSectoralStandards")]
    public ImmutableArray<CrossSectoralStandard>? CrossSectoralStandards { get; init; }

    /// <summary>Gets the product- or sector-specific rules applied (<c>productOrSectorSpecificRules</c>).</summary>
    [JsonPropertyName("productOrSectorSpecificRules")]
    public ImmutableArray<ProductOrSectorSpecificRule>? ProductOrSectorSpecificRules { get; init; }

    /// <summary>Gets the standard followed for biogenic accounting: <c>PEF</c>, <c>ISO</c>, <c>GHGP</c> or <c>Quantis</c> (<c>biogenicAccountingMethodology</c>).</summary>
    [JsonPropertyName("biogenicAccountingMethodology")]
    public string? BiogenicAccountingMethodology { get; init; }

    /// <summary>Gets the processes included per life-cycle stage (<c>boundaryProcessesDescription</c>, required).</summary>
    [JsonPropertyName("boundaryProcessesDescription")]
    public required string BoundaryProcessesDescription { get; init; }

    /// <summary>Gets the start of the reference period (<c>referencePeriodStart</c>, required).</summary>
    [JsonPropertyName("referencePeriodStart")]
    public required DateTimeOffset ReferencePeriodStart { get; init; }

    /// <summary>Gets the end of the reference period (<c>referencePeriodEnd</c>, required).</summary>
    [JsonPropertyName("referencePeriodEnd")]
    public required DateTimeOffset ReferencePeriodEnd { get; init; }

    /// <summary>Gets the UN region or subregion (<c>geographyRegionOrSubregion</c>).</summary>
    [JsonPropertyName("geographyRegionOrSubregion")]
    public string? GeographyRegionOrSubregion { get; init; }

    /// <summary>Gets the ISO 3166-1 alpha-2 country (<c>geographyCountry</c>).</summary>
    [JsonPropertyName("geographyCountry")]
    public string? GeographyCountry { get; init; }

    /// <summary>Gets the ISO 3166-2 subdivision (<c>geographyCountrySubdivision</c>).</summary>
    [JsonPropertyName("geographyCountrySubdivision")]
    public string? GeographyCountrySubdivision { get; init; }

    /// <summary>Gets the secondary databases used (<c>secondaryEmissionFactorSources</c>).</summary>
    [JsonPropertyName("secondaryEmissionFactorSources")]
    public ImmutableArray<EmissionFactorSource>? SecondaryEmissionFactorSources { get; init; }

    /// <summary>Gets the percentage of emissions excluded, 0 to 100 (a JSON number in 2.3) (<c>exemptedEmissionsPercent</c>, required).</summary>
    [JsonPropertyName("exemptedEmissionsPercent")]
    [JsonNumberHandling(JsonNumberHandling.Strict)]
    public required decimal ExemptedEmissionsPercent { get; init; }

    /// <summary>Gets why emissions were excluded (may be empty) (<c>exemptedEmissionsDescription</c>, required).</summary>
    [JsonPropertyName("exemptedEmissionsDescription")]
    public required string ExemptedEmissionsDescription { get; init; }

    /// <summary>Gets the allocation rules applied (<c>allocationRulesDescription</c>).</summary>
    [JsonPropertyName("allocationRulesDescription")]
    public string? AllocationRulesDescription { get; init; }

    /// <summary>Gets the uncertainty assessment (<c>uncertaintyAssessmentDescription</c>).</summary>
    [JsonPropertyName("uncertaintyAssessmentDescription")]
    public string? UncertaintyAssessmentDescription { get; init; }

    /// <summary>Gets the share of primary data in percent, 0 to 100 (a JSON number in 2.3) (<c>primaryDataShare</c>).</summary>
    [JsonPropertyName("primaryDataShare")]
    [JsonNumberHandling(JsonNumberHandling.Strict)]
    public decimal? PrimaryDataShare { get; init; }

    /// <summary>Gets data-quality ratings (<c>dqi</c>).</summary>
    [JsonPropertyName("dqi")]
    public DataQualityIndicators? Dqi { get; init; }

    /// <summary>Gets assurance information (<c>assurance</c>).</summary>
    [JsonPropertyName("assurance")]
    public Assurance? Assurance { get; init; }
}
