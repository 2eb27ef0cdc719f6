using Pcf.Accounting.Engine;
using Pcf.Accounting.Gases;
using Pcf.Accounting.Results;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Templates;

/// <summary>Builds templates from input and calculates what they build.</summary>
public static class TemplateExtensions
{
    /// <summary>Checks input against a template's parameters, reporting every bad parameter at once, then builds; the build carries
    /// the <see cref="TemplateParametersView"/> (values, defaults, warnings) beside the template's own views.</summary>
    /// <param name="template">The template.</param>
    /// <param name="input">The input.</param>
    /// <returns>The build, or every problem.</returns>
    /// <example><code>
    /// var build = catalog.Find("cement/clinker").Build(TemplateInput.Empty.Set("calcinationRoute", "csi-default")).ThrowIfInvalid();
    /// var result = (await calculator.CalculateAsync(build)).ThrowIfInvalid();
    /// </code></example>
    public static ValidationResult<TemplateBuild> Build(this ITemplate template, TemplateInput input)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(input);
        var values = TemplateValues.Bind(template.Parameters, input);
        if (!values.IsValid)
        {
            return ValidationResult.Failure<TemplateBuild>(values.Problems);
        }

        ValidationResult<TemplateBuild> built;
        try
        {
            built = template.Build(values.Value);
        }
        catch (ArgumentException ex)
        {
            // A template's own arithmetic refused a value combination it did not check: reported, never escaping.
            return ValidationResult.Failure<TemplateBuild>([new ValidationProblem(input.Path.Length > 0 ? input.Path : "$", ProblemCodes.InconsistentParameters,
                $"The template '{template.Descriptor.Id}' cannot be built from these values: {ex.Message}")]);
        }

        if (!built.IsValid)
        {
            return built;
        }

        var build = built.Value;
        return ValidationResult.Success(build with
        {
            Views = [new TemplateParametersView(build.Template, build.Values, build.Warnings), .. build.Views.Where(v => v.Id != TemplateParametersView.ViewId)],
        });
    }

    /// <summary>Calculates what a template built, under its rule set and with its views.</summary>
    /// <param name="calculator">The calculator.</param>
    /// <param name="build">The build.</param>
    /// <param name="gwpSet">The GWP set; <see langword="null"/> for the configured default.</param>
    /// <param name="demand">The demand; <see langword="null"/> for one declared unit.</param>
    /// <param name="progress">Receives the stages, if given.</param>
    /// <param name="cancellationToken">Cancels the calculation.</param>
    /// <returns>The result, or every problem.</returns>
    public static ValueTask<ValidationResult<FootprintResult>> CalculateAsync(
        this IFootprintCalculator calculator, TemplateBuild build, GwpSet? gwpSet = null, Demand? demand = null,
        IProgress<CalculationProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(calculator);
        ArgumentNullException.ThrowIfNull(build);
        return calculator.CalculateAsync(build.System, new CalculationOptions(build.RuleSet, gwpSet, demand) { Views = build.Views }, progress, cancellationToken);
    }
}
