using System.Collections.Immutable;

namespace Pcf.Accounting.Templates.Electronics.Parts;

/// <summary>A parametric part model: its id, the part type hotspots group it under, what it computes and from which source,
/// its typed parameters, and how it turns checked values into background inputs with derivations.</summary>
/// <param name="Id">The id a BOM names, such as <c>act-logic</c>.</param>
/// <param name="PartType">The part type, such as <c>ic-logic</c>.</param>
/// <param name="Title">What it computes.</param>
/// <param name="Source">The method's source: publication, file and version.</param>
/// <param name="Validity">Where the model holds.</param>
/// <param name="Parameters">The parameters.</param>
/// <param name="Build">Adds the part's inputs.</param>
internal sealed record PartModel(string Id, string PartType, string Title, string Source, string Validity,
    ImmutableArray<TemplateParameter> Parameters, Action<PartContext, TemplateValues> Build)
{
    /// <summary>Gets a rule over several values (or one value beyond its range), returning the parameter and what is wrong, or <see langword="null"/>.</summary>
    public Func<TemplateValues, (string Parameter, string Message)?>? Check { get; init; }
}
