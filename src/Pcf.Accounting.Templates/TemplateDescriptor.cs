using System.Collections.Immutable;
using Pcf.Accounting.Rules;
using Pcf.Accounting.Units;

namespace Pcf.Accounting.Templates;

/// <summary>What a sector template is: its id, title and version, the standards it follows, the declared unit and boundary
/// of the footprint it builds, and the classification of the product.</summary>
/// <param name="Id">The id, lower case, such as <c>cement/clinker</c>.</param>
/// <param name="Title">The title, such as <c>Clinker, cradle to gate</c>.</param>
/// <param name="Version">The template's version: a change of its method or defaults changes it.</param>
/// <param name="DeclaredUnit">The declared unit, such as 1 t.</param>
/// <param name="Boundary">The boundary.</param>
/// <threadsafety>Immutable.</threadsafety>
public sealed record TemplateDescriptor(string Id, string Title, string Version, Quantity DeclaredUnit, SystemBoundary Boundary)
{
    /// <summary>Gets a description: what the template covers and what it leaves out.</summary>
    public string? Description { get; init; }

    /// <summary>Gets the standards followed, with clauses.</summary>
    public ImmutableArray<TemplateStandard> Standards { get; init; } = [];

    /// <summary>Gets the product's classification codes (HS, CN, CPC).</summary>
    public ImmutableArray<ProductCode> Classification { get; init; } = [];

    /// <inheritdoc/>
    public bool Equals(TemplateDescriptor? other) =>
        other is not null && Id == other.Id && Title == other.Title && Version == other.Version && DeclaredUnit == other.DeclaredUnit
        && Boundary == other.Boundary && Description == other.Description && Standards.SequenceEqual(other.Standards)
        && Classification.SequenceEqual(other.Classification);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Id, Version);
}
