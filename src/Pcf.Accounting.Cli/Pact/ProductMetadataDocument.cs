namespace Pcf.Accounting.Cli.Pact;

/// <summary>The <c>--product</c> file of <c>pcf export</c>: the PACT metadata a result cannot supply (docs/cli.md lists the members).</summary>
/// <remarks>Members are the camel-case names of <see cref="Accounting.Pact.PactProductMetadata"/>; unknown members are an error,
/// so a typo never silently drops a field. The declared unit of measurement, sector rules and verification
/// are not read here: set them through the library.</remarks>
internal sealed class ProductMetadataDocument
{
    /// <summary>Gets or sets the data owner's name.</summary>
    public string? CompanyName { get; set; }

    /// <summary>Gets or sets the company URNs.</summary>
    public List<string>? CompanyIds { get; set; }

    /// <summary>Gets or sets the product URNs.</summary>
    public List<string>? ProductIds { get; set; }

    /// <summary>Gets or sets the product's trade name.</summary>
    public string? ProductNameCompany { get; set; }

    /// <summary>Gets or sets the product description.</summary>
    public string? ProductDescription { get; set; }

    /// <summary>Gets or sets the footprint id; a new UUID when absent.</summary>
    public Guid? Id { get; set; }

    /// <summary>Gets or sets the creation time; now when absent.</summary>
    public DateTimeOffset? Created { get; set; }

    /// <summary>Gets or sets the UN CPC code (required for 2.3).</summary>
    public string? ProductCategoryCpc { get; set; }

    /// <summary>Gets or sets further classification URNs.</summary>
    public List<string>? ProductClassifications { get; set; }

    /// <summary>Gets or sets the comment.</summary>
    public string? Comment { get; set; }

    /// <summary>Gets or sets the ids of the footprints this one replaces.</summary>
    public List<Guid>? PrecedingPfIds { get; set; }

    /// <summary>Gets or sets the start of the validity period.</summary>
    public DateTimeOffset? ValidityPeriodStart { get; set; }

    /// <summary>Gets or sets the end of the validity period.</summary>
    public DateTimeOffset? ValidityPeriodEnd { get; set; }

    /// <summary>Gets or sets the start of the reference period; 1 January of the system's reference year when absent.</summary>
    public DateTimeOffset? ReferencePeriodStart { get; set; }

    /// <summary>Gets or sets the end (exclusive) of the reference period.</summary>
    public DateTimeOffset? ReferencePeriodEnd { get; set; }

    /// <summary>Gets or sets the UN region or subregion.</summary>
    public string? GeographyRegionOrSubregion { get; set; }

    /// <summary>Gets or sets the ISO 3166-1 alpha-2 country.</summary>
    public string? GeographyCountry { get; set; }

    /// <summary>Gets or sets the ISO 3166-2 subdivision.</summary>
    public string? GeographyCountrySubdivision { get; set; }

    /// <summary>Gets or sets the product mass of one declared unit; the system's when absent.</summary>
    public QuantityDocument? ProductMassPerDeclaredUnit { get; set; }

    /// <summary>Gets or sets the carbon content per declared unit (as in pcf-system/1); the system's when absent.</summary>
    public CarbonContentDocument? CarbonContent { get; set; }

    /// <summary>Gets or sets the cross-sectoral standards, such as <c>ISO14067</c>.</summary>
    public List<string>? CrossSectoralStandards { get; set; }

    /// <summary>Gets or sets the description of the processes in the boundary.</summary>
    public string? BoundaryProcessesDescription { get; set; }

    /// <summary>Gets or sets the description of the allocation rules.</summary>
    public string? AllocationRulesDescription { get; set; }

    /// <summary>Gets or sets why emissions were excluded.</summary>
    public string? ExemptedEmissionsDescription { get; set; }

    /// <summary>Gets or sets the secondary emission-factor databases used.</summary>
    public List<EmissionFactorSourceDocument>? SecondaryEmissionFactorSources { get; set; }

    /// <summary>Gets or sets whether packaging is inside the boundary.</summary>
    public bool? PackagingEmissionsIncluded { get; set; }

    /// <summary>Gets or sets the packaging emissions, kg CO2e per declared unit.</summary>
    public double? PackagingGhgEmissions { get; set; }

    /// <summary>Gets or sets the outbound-logistics emissions, kg CO2e per declared unit.</summary>
    public double? OutboundLogisticsGhgEmissions { get; set; }

    /// <summary>Gets or sets the data-quality ratings, 1 to 5.</summary>
    public DataQualityDocument? DataQuality { get; set; }
}

/// <summary>An amount with a unit symbol: <c>{ "amount": 0.4, "unit": "kg" }</c>.</summary>
internal sealed class QuantityDocument
{
    /// <summary>Gets or sets the amount.</summary>
    public double? Amount { get; set; }

    /// <summary>Gets or sets the unit symbol.</summary>
    public string? Unit { get; set; }
}

/// <summary>Carbon content per declared unit: fossil and biogenic required, recycled and packaging biogenic optional (masses of carbon).</summary>
internal sealed class CarbonContentDocument
{
    /// <summary>Gets or sets the fossil carbon.</summary>
    public QuantityDocument? Fossil { get; set; }

    /// <summary>Gets or sets the biogenic carbon.</summary>
    public QuantityDocument? Biogenic { get; set; }

    /// <summary>Gets or sets the recycled carbon.</summary>
    public QuantityDocument? Recycled { get; set; }

    /// <summary>Gets or sets the biogenic carbon of the packaging.</summary>
    public QuantityDocument? PackagingBiogenic { get; set; }
}

/// <summary>A secondary emission-factor database: name and version.</summary>
internal sealed class EmissionFactorSourceDocument
{
    /// <summary>Gets or sets the name.</summary>
    public string? Name { get; set; }

    /// <summary>Gets or sets the version.</summary>
    public string? Version { get; set; }
}

/// <summary>Data-quality ratings on the 1 (best) to 5 (worst) scale.</summary>
internal sealed class DataQualityDocument
{
    /// <summary>Gets or sets the technological representativeness.</summary>
    public double Technological { get; set; }

    /// <summary>Gets or sets the geographical representativeness.</summary>
    public double Geographical { get; set; }

    /// <summary>Gets or sets the temporal representativeness.</summary>
    public double Temporal { get; set; }

    /// <summary>Gets or sets the completeness.</summary>
    public double Completeness { get; set; } = 1;

    /// <summary>Gets or sets the reliability.</summary>
    public double Reliability { get; set; } = 1;
}
