using System.Collections.Immutable;
using Pcf.Accounting.Factors;
using Pcf.Accounting.Gases;
using Pcf.Accounting.Model;
using Pcf.Accounting.Results;

namespace Pcf.Accounting.Vectors;

/// <summary>A reference vector (<c>pcf-vector/1</c>): an input (a product system, a system file, or a template with parameters), its
/// factors, rule set, GWP set and demand, and either the expected values of the result with tolerances or the problem codes the
/// calculation must fail with. Standards bodies publish them; <see cref="ReferenceVectorRunner"/> and <c>pcf verify</c> run them.</summary>
/// <remarks>Exactly one of <see cref="System"/>, <see cref="SystemFile"/> and <see cref="Template"/> is set, and exactly one of
/// <see cref="Expected"/> (non-empty) and <see cref="ExpectedProblems"/> (non-empty). Read one with <see cref="ReferenceVectorJson"/>.</remarks>
/// <threadsafety>Immutable.</threadsafety>
public sealed record ReferenceVector
{
    /// <summary>Gets the id, printed in PASS/FAIL lines.</summary>
    public required string Id { get; init; }

    /// <summary>Gets a description.</summary>
    public string? Description { get; init; }

    /// <summary>Gets the hand arithmetic behind the expected values, line by line.</summary>
    public ImmutableArray<string> Derivation { get; init; } = [];

    /// <summary>Gets the publication the expected values come from, if any.</summary>
    public string? Source { get; init; }

    /// <summary>Gets an inline product system.</summary>
    public ProductSystem? System { get; init; }

    /// <summary>Gets a <c>pcf-system/1</c> file, relative to <see cref="Folder"/>.</summary>
    public string? SystemFile { get; init; }

    /// <summary>Gets a template and its parameters.</summary>
    public VectorTemplate? Template { get; init; }

    /// <summary>Gets inline factors, asked first.</summary>
    public FactorCatalog? Factors { get; init; }

    /// <summary>Gets factor files relative to <see cref="Folder"/>, asked after the inline factors, in order.</summary>
    public ImmutableArray<string> FactorFiles { get; init; } = [];

    /// <summary>Gets a value indicating whether the runner's default factors are asked after the vector's own.</summary>
    public bool UseDefaultFactors { get; init; }

    /// <summary>Gets the rule set's id; <see langword="null"/> for the template's rule set, else the runner's default.</summary>
    public string? RuleSet { get; init; }

    /// <summary>Gets the GWP set.</summary>
    public GwpSet GwpSet { get; init; } = GwpSet.Ar6;

    /// <summary>Gets the demand; <see langword="null"/> for one declared unit of the reference product.</summary>
    public Demand? Demand { get; init; }

    /// <summary>Gets the expected values.</summary>
    public ImmutableArray<VectorExpectation> Expected { get; init; } = [];

    /// <summary>Gets the problem codes the reading or calculation must report (each must occur; others may too).</summary>
    public ImmutableArray<string> ExpectedProblems { get; init; } = [];

    /// <summary>Gets the folder relative paths are resolved against.</summary>
    public string Folder { get; init; } = ".";

    /// <inheritdoc/>
    public bool Equals(ReferenceVector? other) =>
        other is not null && Id == other.Id && Description == other.Description && Derivation.SequenceEqual(other.Derivation) && Source == other.Source
        && ReferenceEquals(System, other.System) && SystemFile == other.SystemFile && Template == other.Template && ReferenceEquals(Factors, other.Factors)
        && FactorFiles.SequenceEqual(other.FactorFiles) && UseDefaultFactors == other.UseDefaultFactors && RuleSet == other.RuleSet && GwpSet == other.GwpSet
        && Demand == other.Demand && Expected.SequenceEqual(other.Expected) && ExpectedProblems.SequenceEqual(other.ExpectedProblems) && Folder == other.Folder;

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Id);
}
