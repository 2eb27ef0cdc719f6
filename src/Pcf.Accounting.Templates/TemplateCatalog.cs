using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Pcf.Accounting.Validation;
using Pcf.Accounting.Vectors;

namespace Pcf.Accounting.Templates;

/// <summary>The default <see cref="ITemplateCatalog"/>; also builds template reference vectors (<see cref="IVectorTemplates"/>).</summary>
/// <threadsafety>Immutable; thread-safe when the templates are.</threadsafety>
public sealed class TemplateCatalog : ITemplateCatalog, IVectorTemplates
{
    private readonly ImmutableDictionary<string, ITemplate> _byId;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="templates">The templates; ids unique (case-insensitive).</param>
    /// <exception cref="ArgumentException">Two templates share an id.</exception>
    public TemplateCatalog(IEnumerable<ITemplate> templates)
    {
        ArgumentNullException.ThrowIfNull(templates);
        var all = templates.ToArray();
        var duplicate = all.GroupBy(t => t.Descriptor.Id, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Two templates share the id '{duplicate.Key}'.", nameof(templates));
        }

        Templates = [.. all.OrderBy(t => t.Descriptor.Id, StringComparer.Ordinal)];
        _byId = all.ToImmutableDictionary(t => t.Descriptor.Id, StringComparer.OrdinalIgnoreCase);
    }

    /// <inheritdoc/>
    public ImmutableArray<ITemplate> Templates { get; }

    /// <inheritdoc/>
    public bool TryFind(string id, [NotNullWhen(true)] out ITemplate? template) => _byId.TryGetValue(id ?? string.Empty, out template);

    /// <inheritdoc/>
    public ValidationResult<TemplateBuild> Build(string id, TemplateInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return TryFind(id, out var template)
            ? template.Build(input)
            : ValidationResult.Failure<TemplateBuild>([Unknown(id)]);
    }

    /// <summary>Makes the problem of an unknown template id, listing the known ones.</summary>
    /// <param name="id">The id asked for.</param>
    /// <returns>The problem (<c>PCF0601</c>).</returns>
    public ValidationProblem Unknown(string? id) =>
        new("$.template", ProblemCodes.UnknownTemplate, Templates.IsEmpty
            ? $"'{id}' is not a template: none are registered (add a template package, such as AddCementTemplates())."
            : $"'{id}' is not a template; known: {string.Join(", ", Templates.Select(t => t.Descriptor.Id))}.")
        {
            Subject = new ParameterSubject("template"),
        };

    /// <inheritdoc/>
    public ValidationResult<VectorTemplateBuild> Build(VectorTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        if (!TryFind(template.Id, out _))
        {
            return ValidationResult.Failure<VectorTemplateBuild>([Unknown(template.Id) with { Path = "$.template.id" }]);
        }

        var input = TemplateParametersJson.ReadParameters(template.Parameters);
        var built = input.IsValid ? Build(template.Id, input.Value.InFolder(template.Folder)) : ValidationResult.Failure<TemplateBuild>(input.Problems);
        return built.IsValid
            ? ValidationResult.Success(new VectorTemplateBuild(built.Value.System, built.Value.RuleSet) { Views = built.Value.Views })
            : ValidationResult.Failure<VectorTemplateBuild>(built.Problems);
    }
}
