using System.Collections.Immutable;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Templates;

/// <summary>A sector template: a product-category rule as code. Its <see cref="Descriptor"/> says what it builds and by which
/// standards, its <see cref="Parameters"/> what a company fills in, and <see cref="Build"/> turns checked values into a product
/// system and rule set whose sector arithmetic is carried as derivations.</summary>
/// <remarks>
/// <para>A template never calculates a footprint on the side: every number it works out (calcination CO2 per tonne of
/// clinker, fuel CO2 from amount and calorific value) is a <see cref="Model.Derivation"/> on an exchange, so the engine
/// computes the footprint and <c>pcf explain</c> shows how each number came about.</para>
/// <para>Callers use <see cref="TemplateExtensions.Build(ITemplate, TemplateInput)"/>, which checks the input against
/// <see cref="Parameters"/> first and adds the parameters view, rather than calling <see cref="Build"/> directly.</para>
/// <para>Implementations are immutable and thread-safe.</para>
/// </remarks>
public interface ITemplate
{
    /// <summary>Gets what the template is.</summary>
    TemplateDescriptor Descriptor { get; }

    /// <summary>Gets the parameters, in the order a user fills them in.</summary>
    ImmutableArray<TemplateParameter> Parameters { get; }

    /// <summary>Builds the product system from checked values.</summary>
    /// <param name="values">The values, bound to <see cref="Parameters"/>.</param>
    /// <returns>The build, or every problem of values that are each valid but wrong together (<c>PCF0602</c>, naming the parameters).</returns>
    ValidationResult<TemplateBuild> Build(TemplateValues values);
}
