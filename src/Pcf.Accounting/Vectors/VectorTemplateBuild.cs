using System.Collections.Immutable;
using Pcf.Accounting.Model;
using Pcf.Accounting.Results;
using Pcf.Accounting.Rules;

namespace Pcf.Accounting.Vectors;

/// <summary>What a template made for a vector: the product system, its rule set, and the views the template's results carry (such as CBAM).</summary>
/// <param name="System">The product system.</param>
/// <param name="RuleSet">The template's rule set.</param>
/// <threadsafety>Immutable.</threadsafety>
public sealed record VectorTemplateBuild(ProductSystem System, RuleSet RuleSet)
{
    /// <summary>Gets the views of the template's results.</summary>
    public ImmutableArray<IFootprintView> Views { get; init; } = [];
}
