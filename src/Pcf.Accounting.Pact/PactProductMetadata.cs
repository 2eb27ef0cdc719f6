using System.Collections.Immutable;
using Pcf.Accounting.Factors;
using Pcf.Accounting.Model;
using Pcf.Accounting.Units;

namespace Pcf.Accounting.Pact;

/// <summary>What a PACT footprint needs that a <see cref="Results.FootprintResult"/> cannot supply: who declares it, which product, and the figures only the company knows.</summary>
/// <remarks>
/// <para>Required: <see cref="CompanyName"/>, <see cref="CompanyIds"/>, <see cref="ProductIds"/>, <see cref="ProductNameCompany"/>,
/// <see cref="ProductDescription"/>. Required unless the product system states them: the reference period (from
/// <see cref="ProductSystem.ReferenceYear"/>), the product mass per declared unit (from
/// <see cref="ProductSystem.ProductMassPerDeclaredUnit"/>; 0 for energy, transport and time units) and the
/// carbon content (from <see cref="ProductSystem.CarbonContent"/>). A missing one is reported as
/// <see cref="PactProblemCodes.MissingMetadata"/> naming the property.</para>
/// <para>Everything else is optional and overrides what the exporter would derive. Amounts are per the result's
/// declared unit (its <see cref="Results.Demand.Amount"/>).</para>
/// </remarks>
/// <threadsafety>Immutable.</threadsafety>
public sealed record PactProductMetadata
{
    /// <summary>Gets the data owner's name (<c>companyName</c>).</summary>
    public required string CompanyName { get; init; }

    /// <summary>Gets URNs of the data owner, such as <c>urn:pact:company:customcode:buyer-assigned:4321</c> (<c>companyIds</c>).</summary>
    public required ImmutableArray<string> CompanyIds { get; init; }

    /// <summary>Gets URNs of the product, such as <c>urn:gtin:4712345060507</c> (<c>productIds</c>).</summary>
    public required ImmutableArray<string> ProductIds { get; init; }

    /// <summary>Gets the product's trade name (<c>productNameCompany</c>).</summary>
    public required string ProductNameCompany { get; init; }

    /// <summary>Gets the product description: technology, packaging, feedstock, dimensions (<c>productDescription</c>).</summary>
    public required string ProductDescription { get; init; }

    /// <summary>Gets the footprint id; <see langword="null"/> for a new random UUID.</summary>
    public Guid? Id { get; init; }

    /// <summary>Gets the creation time; <see langword="null"/> for now (from <see cref="PactExportOptions.TimeProvider"/>).</summary>
    public DateTimeOffset? Created { get; init; }

    /// <summary>Gets the UN CPC code (written as the classification URN <c>urn:pact:productclassification:un-cpc:CODE</c> in 3.0; required by 2.3).</summary>
    public string? ProductCategoryCpc { get; init; }

    /// <summary>Gets further classification URNs (<c>productClassifications</c>).</summary>
    public ImmutableArray<string> ProductClassifications { get; init; } = [];

    /// <summary>Gets the comment on the calculation (<c>comment</c>).</summary>
    public string? Comment { get; init; }

    /// <summary>Gets the ids of the footprints this one replaces (<c>precedingPfIds</c>); see also <see cref="PactLifecycle.Supersede(V3.ProductFootprint, V3.ProductFootprint, Guid?)"/>.</summary>
    public ImmutableArray<Guid> PrecedingPfIds { get; init; } = [];

    /// <summary>Gets the start of the validity period, if stated.</summary>
    public DateTimeOffset? ValidityPeriodStart { get; init; }

    /// <summary>Gets the end of the validity period, if stated.</summary>
    public DateTimeOffset? ValidityPeriodEnd { get; init; }

    /// <summary>Gets the start (inclusive) of the reference period; <see langword="null"/> for 1 January of the system's reference year (UTC).</summary>
    public DateTimeOffset? ReferencePeriodStart { get; init; }

    /// <summary>Gets the end (exclusive) of the reference period; <see langword="null"/> for 1 January after the system's reference year.</summary>
    public DateTimeOffset? ReferencePeriodEnd { get; init; }

    /// <summary>Gets the UN region or subregion; when no geography is set here, the system's region is used if it is an ISO 3166 code.</summary>
    public string? GeographyRegionOrSubregion { get; init; }

    /// <summary>Gets the ISO 3166-1 alpha-2 country.</summary>
    public string? GeographyCountry { get; init; }

    /// <summary>Gets the ISO 3166-2 subdivision.</summary>
    public string? GeographyCountrySubdivision { get; init; }

    /// <summary>Gets the PACT unit to declare in; <see langword="null"/> for the one <see cref="PactUnits.TryGetDeclaredUnit"/> picks for the result's unit.</summary>
    public V3.DeclaredUnitOfMeasurement? DeclaredUnitOfMeasurement { get; init; }

    /// <summary>Gets the product mass (without packaging) of one declared unit; <see langword="null"/> for the system's.</summary>
    public Quantity? ProductMassPerDeclaredUnit { get; init; }

    /// <summary>Gets the carbon content per declared unit; <see langword="null"/> for the system's.</summary>
    public CarbonContent? CarbonContent { get; init; }

    /// <summary>Gets the cross-sectoral standards; empty for <c>ISO14067</c>, the standard the engine implements.</summary>
    public ImmutableArray<CrossSectoralStandard> CrossSectoralStandards { get; init; } = [];

    /// <summary>Gets the product- or sector-specific rules applied.</summary>
    public ImmutableArray<ProductOrSectorSpecificRule> ProductOrSectorSpecificRules { get; init; } = [];

    /// <summary>Gets the description of the processes in the boundary.</summary>
    public string? BoundaryProcessesDescription { get; init; }

    /// <summary>Gets the description of the allocation rules; <see langword="null"/> to describe the result's allocations.</summary>
    public string? AllocationRulesDescription { get; init; }

    /// <summary>Gets why emissions were excluded; <see langword="null"/> for the result's cut-off rules.</summary>
    public string? ExemptedEmissionsDescription { get; init; }

    /// <summary>Gets the secondary emission-factor databases used.</summary>
    public ImmutableArray<EmissionFactorSource> SecondaryEmissionFactorSources { get; init; } = [];

    /// <summary>Gets whether packaging is inside the boundary; <see langword="null"/> for "the result has packaging emissions".</summary>
    public bool? PackagingEmissionsIncluded { get; init; }

    /// <summary>Gets the packaging emissions (kg CO2e per declared unit), if known better than the result's packaging processes.</summary>
    public Quantity? PackagingGhgEmissions { get; init; }

    /// <summary>Gets the outbound-logistics emissions (kg CO2e per declared unit) the company is responsible for, if known better than the result's.</summary>
    public Quantity? OutboundLogisticsGhgEmissions { get; init; }

    /// <summary>Gets the data-quality ratings (1 to 5) for <c>dqi</c>; technological, geographical and temporal are used.</summary>
    public DataQuality? DataQuality { get; init; }

    /// <summary>Gets third-party verification, if any.</summary>
    public V3.Verification? Verification { get; init; }
}
