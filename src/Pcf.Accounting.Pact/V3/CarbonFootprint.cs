using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace Pcf.Accounting.Pact.V3;

/// <summary>The carbon footprint of a product under PACT 3.0 (<c>CarbonFootprint</c>, the <c>pcf</c> of a <see cref="ProductFootprint"/>).</summary>
/// <remarks>
/// <para>Every kgCO2e and kgC figure is per declared unit: <see cref="DeclaredUnitAmount"/> times
/// <see cref="DeclaredUnitOfMeasurement"/> (for "12 liter", per 12 litres). Decimals are <see cref="decimal"/>
/// values written as JSON strings, as the specification requires: no binary floating point touches them.</para>
/// <para>Property names follow the specification; the JSON names are exactly its names (<c>biogenicCO2Uptake</c>).</para>
/// </remarks>
/// <threadsafety>Immutable.</threadsafety>
[JsonNumberHandling(JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.WriteAsString)]
public sealed record CarbonFootprint
{
    /// <summary>Gets the unit of the declared unit (<c>declaredUnitOfMeasurement</c>, required).</summary>
    [JsonPropertyName("declaredUnitOfMeasurement")]
    public required DeclaredUnitOfMeasurement DeclaredUnitOfMeasurement { get; init; }

    /// <summary>Gets how many <see cref="DeclaredUnitOfMeasurement"/> the declared unit holds (&gt; 0); every kgCO2e and kgC figure is per this whole amount (<c>declaredUnitAmount</c>, required).</summary>
    [JsonPropertyName("declaredUnitAmount")]
    public required decimal DeclaredUnitAmount { get; init; }

    /// <summary>Gets the mass in kg of one declared unit of product without packaging; 0 where mass is not relevant (energy, transport, services) (<c>productMassPerDeclaredUnit</c>, required).</summary>
    [JsonPropertyName("productMassPerDeclaredUnit")]
    public required decimal ProductMassPerDeclaredUnit { get; init; }

    /// <summary>Gets the start (inclusive) of the period the activity data represent (<c>referencePeriodStart</c>, required).</summary>
    [JsonPropertyName("referencePeriodStart")]
    public required DateTimeOffset ReferencePeriodStart { get; init; }

    /// <summary>Gets the end (exclusive) of the period the activity data represent (<c>referencePeriodEnd</c>, required).</summary>
    [JsonPropertyName("referencePeriodEnd")]
    public required DateTimeOffset ReferencePeriodEnd { get; init; }

    /// <summary>Gets the UN region or subregion, such as <c>Eastern Asia</c>; at most one of the three geography fields is set (<c>geographyRegionOrSubregion</c>).</summary>
    [JsonPropertyName("geographyRegionOrSubregion")]
    public string? GeographyRegionOrSubregion { get; init; }

    /// <summary>Gets the ISO 3166-1 alpha-2 country (<c>geographyCountry</c>).</summary>
    [JsonPropertyName("geographyCountry")]
    public string? GeographyCountry { get; init; }

    /// <summary>Gets the ISO 3166-2 subdivision, such as <c>CN-JS</c> (<c>geographyCountrySubdivision</c>).</summary>
    [JsonPropertyName("geographyCountrySubdivision")]
    public string? GeographyCountrySubdivision { get; init; }

    /// <summary>Gets the processes included per life-cycle stage (<c>boundaryProcessesDescription</c>).</summary>
    [JsonPropertyName("boundaryProcessesDescription")]
    public string? BoundaryProcessesDescription { get; init; }

    /// <summary>Gets the footprint excluding biogenic CO2 uptake, kgCO2e per declared unit: fossil + land-use change + land-management biogenic CO2 emissions + land-management removals + technological removals + CCS capture + biogenic non-CO2 (<c>pcfExcludingBiogenicUptake</c>, required).</summary>
    [JsonPropertyName("pcfExcludingBiogenicUptake")]
    public required decimal PcfExcludingBiogenicUptake { get; init; }

    /// <summary>Gets the footprint including biogenic CO2 uptake: <see cref="PcfExcludingBiogenicUptake"/> + <see cref="BiogenicCo2Uptake"/> (<c>pcfIncludingBiogenicUptake</c>, required).</summary>
    [JsonPropertyName("pcfIncludingBiogenicUptake")]
    public required decimal PcfIncludingBiogenicUptake { get; init; }

    /// <summary>Gets the fossil carbon content, kgC per declared unit (&gt;= 0) (<c>fossilCarbonContent</c>, required).</summary>
    [JsonPropertyName("fossilCarbonContent")]
    public required decimal FossilCarbonContent { get; init; }

    /// <summary>Gets the biogenic carbon content, kgC per declared unit (&gt;= 0) (<c>biogenicCarbonContent</c>).</summary>
    [JsonPropertyName("biogenicCarbonContent")]
    public decimal? BiogenicCarbonContent { get; init; }

    /// <summary>Gets the carbon from recycled material, kgC per declared unit (&gt;= 0) (<c>recycledCarbonContent</c>).</summary>
    [JsonPropertyName("recycledCarbonContent")]
    public decimal? RecycledCarbonContent { get; init; }

    /// <summary>Gets fossil emissions, land-management fossil emissions included, kgCO2e per declared unit (&gt;= 0) (<c>fossilGhgEmissions</c>, required).</summary>
    [JsonPropertyName("fossilGhgEmissions")]
    public required decimal FossilGhgEmissions { get; init; }

    /// <summary>Gets emissions from land-use change (&gt;= 0; 2.3 <c>dLucGhgEmissions</c>) (<c>landUseChangeGhgEmissions</c>).</summary>
    [JsonPropertyName("landUseChangeGhgEmissions")]
    public decimal? LandUseChangeGhgEmissions { get; init; }

    /// <summary>Gets indirect land-use change (a placeholder in 3.0, outside the totals; 2.3 <c>iLucGhgEmissions</c>) (<c>landCarbonLeakage</c>).</summary>
    [JsonPropertyName("landCarbonLeakage")]
    public decimal? LandCarbonLeakage { get; init; }

    /// <summary>Gets fossil emissions from land management, already part of <see cref="FossilGhgEmissions"/> (&gt;= 0) (<c>landManagementFossilGhgEmissions</c>).</summary>
    [JsonPropertyName("landManagementFossilGhgEmissions")]
    public decimal? LandManagementFossilGhgEmissions { get; init; }

    /// <summary>Gets biogenic CO2 emissions from land management (&gt;= 0) (<c>landManagementBiogenicCO2Emissions</c>).</summary>
    [JsonPropertyName("landManagementBiogenicCO2Emissions")]
    public decimal? LandManagementBiogenicCo2Emissions { get; init; }

    /// <summary>Gets biogenic CO2 removals into land carbon pools (&lt;= 0) (<c>landManagementBiogenicCO2Removals</c>).</summary>
    [JsonPropertyName("landManagementBiogenicCO2Removals")]
    public decimal? LandManagementBiogenicCo2Removals { get; init; }

    /// <summary>Gets biogenic CO2 in the product at the gate (&lt;= 0; 2.3 <c>biogenicCarbonWithdrawal</c>) (<c>biogenicCO2Uptake</c>).</summary>
    [JsonPropertyName("biogenicCO2Uptake")]
    public decimal? BiogenicCo2Uptake { get; init; }

    /// <summary>Gets biogenic methane emissions (&gt;= 0) (<c>biogenicNonCO2Emissions</c>).</summary>
    [JsonPropertyName("biogenicNonCO2Emissions")]
    public decimal? BiogenicNonCo2Emissions { get; init; }

    /// <summary>Gets agricultural land occupied, m2 year per declared unit (&gt;= 0) (<c>landAreaOccupation</c>).</summary>
    [JsonPropertyName("landAreaOccupation")]
    public decimal? LandAreaOccupation { get; init; }

    /// <summary>Gets emissions of aircraft transport, part of the totals (&gt;= 0) (<c>aircraftGhgEmissions</c>).</summary>
    [JsonPropertyName("aircraftGhgEmissions")]
    public decimal? AircraftGhgEmissions { get; init; }

    /// <summary>Gets whether packaging is inside the boundary; <see cref="PackagingGhgEmissions"/> must be absent unless <see langword="true"/> (<c>packagingEmissionsIncluded</c>).</summary>
    [JsonPropertyName("packagingEmissionsIncluded")]
    public bool? PackagingEmissionsIncluded { get; init; }

    /// <summary>Gets emissions of packaging, part of the totals (&gt;= 0) (<c>packagingGhgEmissions</c>).</summary>
    [JsonPropertyName("packagingGhgEmissions")]
    public decimal? PackagingGhgEmissions { get; init; }

    /// <summary>Gets the biogenic carbon in the packaging, kgC per declared unit (&gt;= 0) (<c>packagingBiogenicCarbonContent</c>).</summary>
    [JsonPropertyName("packagingBiogenicCarbonContent")]
    public decimal? PackagingBiogenicCarbonContent { get; init; }

    /// <summary>Gets emissions of outbound logistics the data owner is responsible for (&gt;= 0) (<c>outboundLogisticsGhgEmissions</c>).</summary>
    [JsonPropertyName("outboundLogisticsGhgEmissions")]
    public decimal? OutboundLogisticsGhgEmissions { get; init; }

    /// <summary>Gets whether CCS takes place within the boundary (<c>ccsTechnologicalCO2CaptureIncluded</c>).</summary>
    [JsonPropertyName("ccsTechnologicalCO2CaptureIncluded")]
    public bool? CcsTechnologicalCo2CaptureIncluded { get; init; }

    /// <summary>Gets CO2 captured and stored geologically (&lt;= 0) (<c>ccsTechnologicalCO2Capture</c>).</summary>
    [JsonPropertyName("ccsTechnologicalCO2Capture")]
    public decimal? CcsTechnologicalCo2Capture { get; init; }

    /// <summary>Gets traceability of captured CO2 (<c>technologicalCO2CaptureOrigin</c>).</summary>
    [JsonPropertyName("technologicalCO2CaptureOrigin")]
    public string? TechnologicalCo2CaptureOrigin { get; init; }

    /// <summary>Gets CO2 removed from the atmosphere by technology (&lt;= 0) (<c>technologicalCO2Removals</c>).</summary>
    [JsonPropertyName("technologicalCO2Removals")]
    public decimal? TechnologicalCo2Removals { get; init; }

    /// <summary>Gets captured carbon used in the product, kgC per declared unit (&gt;= 0) (<c>ccuCarbonContent</c>).</summary>
    [JsonPropertyName("ccuCarbonContent")]
    public decimal? CcuCarbonContent { get; init; }

    /// <summary>Gets the CCU approach: <c>Cut-off</c> or <c>Credit</c> (<c>ccuCalculationApproach</c>).</summary>
    [JsonPropertyName("ccuCalculationApproach")]
    public string? CcuCalculationApproach { get; init; }

    /// <summary>Gets a URL certifying a CCU credit (<c>ccuCreditCertification</c>).</summary>
    [JsonPropertyName("ccuCreditCertification")]
    public string? CcuCreditCertification { get; init; }

    /// <summary>Gets the IPCC reports whose GWPs were used, such as <c>AR6</c>; at least one (<c>ipccCharacterizationFactors</c>, required).</summary>
    [JsonPropertyName("ipccCharacterizationFactors")]
    public required ImmutableArray<string> IpccCharacterizationFactors { get; init; }

    /// <summary>Gets the cross-sectoral standards applied; at least one (<c>crossSectoralStandards</c>, required).</summary>
    [JsonPropertyName("crossSectoralStandards")]
    public required ImmutableArray<CrossSectoralStandard> CrossSectoralStandards { get; init; }

    /// <summary>Gets the product- or sector-specific rules applied, if any (<c>productOrSectorSpecificRules</c>).</summary>
    [JsonPropertyName("productOrSectorSpecificRules")]
    public ImmutableArray<ProductOrSectorSpecificRule>? ProductOrSectorSpecificRules { get; init; }

    /// <summary>Gets the percentage of emissions excluded (cut off), 0 to 100 (<c>exemptedEmissionsPercent</c>, required).</summary>
    [JsonPropertyName("exemptedEmissionsPercent")]
    public required decimal ExemptedEmissionsPercent { get; init; }

    /// <summary>Gets why emissions were excluded (<c>exemptedEmissionsDescription</c>).</summary>
    [JsonPropertyName("exemptedEmissionsDescription")]
    public string? ExemptedEmissionsDescription { get; init; }

    /// <summary>Gets the allocation rules applied to foreground data (<c>allocationRulesDescription</c>).</summary>
    [JsonPropertyName("allocationRulesDescription")]
    public string? AllocationRulesDescription { get; init; }

    /// <summary>Gets the secondary databases used, if any (<c>secondaryEmissionFactorSources</c>).</summary>
    [JsonPropertyName("secondaryEmissionFactorSources")]
    public ImmutableArray<EmissionFactorSource>? SecondaryEmissionFactorSources { get; init; }

    /// <summary>Gets the share of primary data in <see cref="PcfExcludingBiogenicUptake"/>, in percent (<c>primaryDataShare</c>).</summary>
    [JsonPropertyName("primaryDataShare")]
    public decimal? PrimaryDataShare { get; init; }

    /// <summary>Gets data-quality ratings (<c>dqi</c>).</summary>
    [JsonPropertyName("dqi")]
    public DataQualityIndicators? Dqi { get; init; }

    /// <summary>Gets third-party verification, if any (<c>verification</c>).</summary>
    [JsonPropertyName("verification")]
    public Verification? Verification { get; init; }
}
