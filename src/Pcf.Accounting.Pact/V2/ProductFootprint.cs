using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace Pcf.Accounting.Pact.V2;

/// <summary>A PACT 2.3 ProductFootprint: who declares the footprint of which product, and the footprint (<see cref="Pcf"/>).</summary>
/// <remarks>
/// <para>2.3 is deprecated but still exchanged. <see cref="PactConverter"/> converts to and from 3.0 and
/// lists what each direction loses.</para>
/// <para>Read documents with <see cref="PactJson.ReadV2"/> (which validates first); write them with <see cref="PactJson.Write(V2.ProductFootprint)"/>.</para>
/// </remarks>
/// <threadsafety>Immutable.</threadsafety>
public sealed record ProductFootprint
{
    /// <summary>Gets the footprint's id (<c>id</c>, a UUID).</summary>
    [JsonPropertyName("id")]
    public required Guid Id { get; init; }

    /// <summary>Gets the specification version the document follows, such as <c>2.3.0</c> (<c>specVersion</c>).</summary>
    [JsonPropertyName("specVersion")]
    public required string SpecVersion { get; init; }

    /// <summary>Gets the ids of the past versions of this footprint, if any (<c>precedingPfIds</c>).</summary>
    [JsonPropertyName("precedingPfIds")]
    public ImmutableArray<Guid>? PrecedingPfIds { get; init; }

    /// <summary>Gets the version number of the footprint (<c>version</c>, required in 2.3, removed in 3.0).</summary>
    [JsonPropertyName("version")]
    public required int Version { get; init; }

    /// <summary>Gets when the footprint was created (<c>created</c>).</summary>
    [JsonPropertyName("created")]
    public required DateTimeOffset Created { get; init; }

    /// <summary>Gets when the footprint was last updated (<c>updated</c>, removed in 3.0).</summary>
    [JsonPropertyName("updated")]
    public DateTimeOffset? Updated { get; init; }

    /// <summary>Gets whether the footprint is the current version (<c>status</c>).</summary>
    [JsonPropertyName("status")]
    public required PfStatus Status { get; init; }

    /// <summary>Gets an explanation of the status (<c>statusComment</c>, removed in 3.0).</summary>
    [JsonPropertyName("statusComment")]
    public string? StatusComment { get; init; }

    /// <summary>Gets the start of the validity period, if stated (<c>validityPeriodStart</c>); otherwise valid for 3 years after the reference period end.</summary>
    [JsonPropertyName("validityPeriodStart")]
    public DateTimeOffset? ValidityPeriodStart { get; init; }

    /// <summary>Gets the end of the validity period, if stated (<c>validityPeriodEnd</c>).</summary>
    [JsonPropertyName("validityPeriodEnd")]
    public DateTimeOffset? ValidityPeriodEnd { get; init; }

    /// <summary>Gets the data owner's name (<c>companyName</c>).</summary>
    [JsonPropertyName("companyName")]
    public required string CompanyName { get; init; }

    /// <summary>Gets URNs identifying the data owner; at least one (<c>companyIds</c>).</summary>
    [JsonPropertyName("companyIds")]
    public required ImmutableArray<string> CompanyIds { get; init; }

    /// <summary>Gets the free-form product description (<c>productDescription</c>).</summary>
    [JsonPropertyName("productDescription")]
    public required string ProductDescription { get; init; }

    /// <summary>Gets URNs identifying the product; at least one (<c>productIds</c>).</summary>
    [JsonPropertyName("productIds")]
    public required ImmutableArray<string> ProductIds { get; init; }

    /// <summary>Gets classification URNs, such as <c>urn:pact:productclassification:un-cpc:4121</c> (<c>productClassifications</c>).</summary>
    [JsonPropertyName("productClassifications")]
    public ImmutableArray<string>? ProductClassifications { get; init; }

    /// <summary>Gets the UN CPC code of the product (<c>productCategoryCpc</c>, required in 2.3; 3.0 uses <see cref="ProductClassifications"/>).</summary>
    [JsonPropertyName("productCategoryCpc")]
    public required string ProductCategoryCpc { get; init; }

    /// <summary>Gets the product's trade name (<c>productNameCompany</c>).</summary>
    [JsonPropertyName("productNameCompany")]
    public required string ProductNameCompany { get; init; }

    /// <summary>Gets information on the calculation (<c>comment</c>, required in 2.3, may be empty).</summary>
    [JsonPropertyName("comment")]
    public required string Comment { get; init; }

    /// <summary>Gets the carbon footprint (<c>pcf</c>).</summary>
    [JsonPropertyName("pcf")]
    public required CarbonFootprint Pcf { get; init; }

    /// <summary>Gets the data model extensions, if any (<c>extensions</c>).</summary>
    [JsonPropertyName("extensions")]
    public ImmutableArray<DataModelExtension>? Extensions { get; init; }
}
