using System.Collections.Immutable;
using Pcf.Accounting.Model;
using Pcf.Accounting.Results;
using Pcf.Accounting.Rules;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Templates;

/// <summary>What a template built: the product system, its rule set, the views its results carry, the values it was built
/// from, and its warnings (values outside their plausible range).</summary>
/// <param name="Template">The template's descriptor.</param>
/// <param name="System">The product system.</param>
/// <param name="RuleSet">The rule set.</param>
/// <param name="Values">The values.</param>
/// <threadsafety>Immutable.</threadsafety>
public sealed record TemplateBuild(TemplateDescriptor Template, ProductSystem System, RuleSet RuleSet, TemplateValues Values)
{
    /// <summary>Gets the views the results carry (such as CBAM, and the parameters view <see cref="TemplateExtensions.Build(ITemplate, TemplateInput)"/> adds).</summary>
    public ImmutableArray<IFootprintView> Views { get; init; } = [];

    /// <summary>Gets the warnings (<c>PCF0603</c>), carried into the result by the parameters view.</summary>
    public ImmutableArray<ValidationProblem> Warnings { get; init; } = [];

    /// <inheritdoc/>
    public bool Equals(TemplateBuild? other) =>
        other is not null && Template == other.Template && System.Equals(other.System) && RuleSet == other.RuleSet && Values.Equals(other.Values)
        && Views.Select(v => v.Id).SequenceEqual(other.Views.Select(v => v.Id)) && Warnings.SequenceEqual(other.Warnings);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Template.Id, System.Name);
}
