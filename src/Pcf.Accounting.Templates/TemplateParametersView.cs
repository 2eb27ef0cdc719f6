using System.Collections.Immutable;
using Pcf.Accounting.Results;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Templates;

/// <summary>The view every template result carries: the template (id and version), each parameter's value and whether it was
/// the template's default or site data (with the source), how many site-data parameters were left at their defaults, and the
/// template's warnings.</summary>
/// <remarks>Lines: one per value, keyed by the parameter's name (a list's fields as <c>fuels[0].amount</c>); numbers carry
/// their value and unit; a flag carries 1 or 0 (unit <c>flag</c>); a choice or text carries 0 (unit <c>choice</c> or <c>text</c>)
/// with the value in the label. Then <c>defaults</c> (values at their default),
/// <c>site-data-given</c> and <c>site-data-defaulted</c> (site-data parameters given, or left at a default).</remarks>
/// <threadsafety>Immutable.</threadsafety>
public sealed class TemplateParametersView : IFootprintView
{
    /// <summary>The view's id.</summary>
    public const string ViewId = "template";

    private readonly TemplateDescriptor _template;
    private readonly TemplateValues _values;
    private readonly ImmutableArray<ValidationProblem> _warnings;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="template">The template.</param>
    /// <param name="values">The values it was built from.</param>
    /// <param name="warnings">The template's warnings.</param>
    public TemplateParametersView(TemplateDescriptor template, TemplateValues values, IEnumerable<ValidationProblem>? warnings = null)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(values);
        _template = template;
        _values = values;
        _warnings = warnings?.ToImmutableArray() ?? [];
    }

    /// <inheritdoc/>
    public string Id => ViewId;

    /// <inheritdoc/>
    public string Title => $"Template {_template.Id} {_template.Version}: parameters";

    /// <inheritdoc/>
    public ViewResult Compute(FootprintResult result)
    {
        var lines = new List<ViewLine>();
        int defaults = 0, siteGiven = 0, siteDefaulted = 0;
        Add(_values, string.Empty);
        lines.Add(new ViewLine("defaults", "Values at the template's default", defaults, "parameters"));
        lines.Add(new ViewLine("site-data-given", "Site-data parameters given", siteGiven, "parameters"));
        lines.Add(new ViewLine("site-data-defaulted", "Site-data parameters left at a default (secondary data)", siteDefaulted, "parameters"));
        return new ViewResult(Id, Title, [.. lines]) { Warnings = _warnings };

        void Add(TemplateValues values, string prefix)
        {
            foreach (var v in values.All)
            {
                string key = prefix + v.Parameter.Name;
                if (v.Value is ImmutableArray<TemplateValues> items)
                {
                    for (int i = 0; i < items.Length; i++)
                    {
                        Add(items[i], $"{key}[{i}].");
                    }

                    continue;
                }

                defaults += v.IsDefault ? 1 : 0;
                siteGiven += v.Parameter.IsSiteData && !v.IsDefault ? 1 : 0;
                siteDefaulted += v.Parameter.IsSiteData && v.IsDefault ? 1 : 0;
                string note = $"{(v.IsDefault ? "default" : "given")}: {v.Source}";
                lines.Add(v.Value switch
                {
                    double d => new ViewLine(key, v.Parameter.Description, d, v.Parameter.Unit?.Text ?? "1") { Note = note },
                    bool b => new ViewLine(key, $"{v.Parameter.Description}: {v}", b ? 1 : 0, "flag") { Note = note },
                    _ => new ViewLine(key, $"{v.Parameter.Description}: {v}", 0, v.Parameter.Kind == TemplateParameterKind.Choice ? "choice" : "text") { Note = note },
                });
            }
        }
    }
}
