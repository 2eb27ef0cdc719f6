using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Templates;

/// <summary>The templates registered with <c>AddTemplate</c> (or a sector package's <c>AddCementTemplates()</c>), by id.</summary>
public interface ITemplateCatalog
{
    /// <summary>Gets the templates, ordered by id.</summary>
    ImmutableArray<ITemplate> Templates { get; }

    /// <summary>Finds a template by id (ordinal, case-insensitive).</summary>
    /// <param name="id">The id, such as <c>cement/clinker</c>.</param>
    /// <param name="template">The template, when found.</param>
    /// <returns><see langword="true"/> when found.</returns>
    bool TryFind(string id, [NotNullWhen(true)] out ITemplate? template);

    /// <summary>Builds a template by id from input.</summary>
    /// <param name="id">The id.</param>
    /// <param name="input">The input.</param>
    /// <returns>The build, or every problem: an unknown id (<c>PCF0601</c>, listing the known ones), each bad parameter.</returns>
    ValidationResult<TemplateBuild> Build(string id, TemplateInput input);
}
