namespace Pcf.Accounting.Factors;

/// <summary>Where an emission factor comes from: publisher, document and table, dataset and version, licence, how sure the value is, and what it covers.</summary>
/// <param name="Publisher">Who published the value, such as <c>IPCC</c> or <c>MEE and NBS (China)</c>.</param>
/// <param name="Document">The document and table, such as <c>2006 IPCC Guidelines, Vol. 2, Ch. 1, Table 1.4</c>.</param>
/// <threadsafety>Immutable.</threadsafety>
public sealed record FactorProvenance(string Publisher, string Document)
{
    /// <summary>Gets the year the source was published, if known.</summary>
    public int? PublicationYear { get; init; }

    /// <summary>Gets a link to the source or its transcription, if any.</summary>
    public string? Url { get; init; }

    /// <summary>Gets the dataset the factor was read from, such as <c>pcf-accounting/china-grid-combustion</c>.</summary>
    public string? Dataset { get; init; }

    /// <summary>Gets the dataset's version.</summary>
    public string? DatasetVersion { get; init; }

    /// <summary>Gets the licence or terms of use of the value.</summary>
    public string? Licence { get; init; }

    /// <summary>Gets how sure the dataset's author is that the value matches the source.</summary>
    /// <value>The default value is <see cref="FactorConfidence.NotStated"/>.</value>
    public FactorConfidence Confidence { get; init; }

    /// <summary>Gets what the factor covers: life cycle or combustion only.</summary>
    /// <value>The default value is <see cref="FactorKind.Unspecified"/>.</value>
    public FactorKind Kind { get; init; }

    /// <summary>Gets a value indicating whether the factor is primary (supplier- or site-specific) data, counted in the primary-data share.</summary>
    public bool IsPrimaryData { get; init; }

    /// <summary>Gets a note: how the value was derived, caveats, the transcription used.</summary>
    public string? Note { get; init; }
}
