using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Vectors;

/// <summary>Builds the product system of a template vector: implemented by the template catalog (Pcf.Accounting.Templates), so
/// that <see cref="ReferenceVectorRunner"/> runs template vectors without knowing any template.</summary>
public interface IVectorTemplates
{
    /// <summary>Builds a template's product system and rule set from parameters.</summary>
    /// <param name="template">The template id and parameters.</param>
    /// <returns>The build, or every problem (an unknown template id; each bad parameter by name).</returns>
    ValidationResult<VectorTemplateBuild> Build(VectorTemplate template);
}
