using Pcf.Accounting.Factors;
using Pcf.Accounting.Model;
using Pcf.Accounting.Results;
using Pcf.Accounting.Rules;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Engine;

/// <summary>The default <see cref="IFootprintCalculator"/>: <see cref="CompiledSystem.Compile"/>, then <see cref="FactorResolver.ResolveAsync"/>,
/// then <see cref="CompiledSystem.TryCalculate"/> with the registered views.</summary>
/// <example><code>
/// services.AddPcfAccounting().AddDefaultFactors();
/// using var scope = provider.CreateScope();
/// var calculator = scope.ServiceProvider.GetRequiredService&lt;IFootprintCalculator&gt;();
/// var result = (await calculator.CalculateAsync(system)).ThrowIfInvalid();
/// Console.WriteLine(result.TotalExcludingBiogenicUptake); // kg CO2e per declared unit
/// </code></example>
/// <threadsafety>Thread-safe when the resolver's providers and the views are.</threadsafety>
public sealed class FootprintCalculator : IFootprintCalculator
{
    private readonly FactorResolver _resolver;
    private readonly PcfAccountingSettings _settings;
    private readonly IRuleSetRegistry _ruleSets;
    private readonly IFootprintView[] _views;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="resolver">Resolves the background factors.</param>
    /// <param name="settings">The defaults (GWP set); <see langword="null"/> for <see cref="PcfAccountingSettings.Default"/>.</param>
    /// <param name="ruleSets">The rule sets, with the default one; <see langword="null"/> for <see cref="RuleSetRegistry.BuiltIn"/>.</param>
    /// <param name="views">Views computed over every result, in order; <see langword="null"/> for none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="resolver"/> is <see langword="null"/>.</exception>
    public FootprintCalculator(FactorResolver resolver, PcfAccountingSettings? settings = null, IRuleSetRegistry? ruleSets = null, IEnumerable<IFootprintView>? views = null)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        _resolver = resolver;
        _settings = settings ?? PcfAccountingSettings.Default;
        _ruleSets = ruleSets ?? RuleSetRegistry.BuiltIn;
        _views = views?.ToArray() ?? [];
    }

    /// <inheritdoc/>
    public ValueTask<ValidationResult<FootprintResult>> CalculateAsync(ProductSystem system, CalculationOptions? options = null, IProgress<CalculationProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(system);
        progress?.Report(new CalculationProgress(CalculationStage.Compiling, system.Processes.Length));
        var compiled = CompiledSystem.Compile(system, options?.RuleSet ?? _ruleSets.Default);
        return compiled.IsValid
            ? LocateAsync(CalculateAsync(compiled.Value, options, progress, cancellationToken), system)
            : ValueTask.FromResult(ValidationResult.Failure<FootprintResult>(compiled.Problems));
    }

    // Unresolved factors name the JSON paths of the system that need them.
    private static async ValueTask<ValidationResult<FootprintResult>> LocateAsync(ValueTask<ValidationResult<FootprintResult>> calculation, ProductSystem system)
    {
        var result = await calculation.ConfigureAwait(false);
        return result.IsValid ? result : ValidationResult.Failure<FootprintResult>(FactorUseLocator.Locate(system, result.Problems));
    }

    /// <inheritdoc/>
    public async ValueTask<ValidationResult<FootprintResult>> CalculateAsync(CompiledSystem compiled, CalculationOptions? options = null, IProgress<CalculationProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(compiled);
        var gwp = options?.GwpSet ?? _settings.DefaultGwpSet;
        progress?.Report(new CalculationProgress(CalculationStage.Resolving, compiled.FactorRequests.Length));
        var resolution = await _resolver.ResolveAsync(compiled.FactorRequests, gwp, cancellationToken).ConfigureAwait(false);
        if (!resolution.IsValid)
        {
            return ValidationResult.Failure<FootprintResult>(resolution.Problems);
        }

        progress?.Report(new CalculationProgress(CalculationStage.Computing, compiled.Size));
        var computed = compiled.TryCalculate(resolution.Value, options?.Demand);
        IFootprintView[] views = options is null || options.Views.IsDefaultOrEmpty
            ? _views
            : [.. _views, .. options.Views.Where(v => !_views.Any(r => r.Id == v.Id))];
        if (!computed.IsValid || views.Length == 0)
        {
            return computed;
        }

        progress?.Report(new CalculationProgress(CalculationStage.Views, views.Length));
        return WithViews(computed.Value, views);
    }

    /// <summary>Computes views over a result; a view that fails is a problem naming it, never an escaping exception.</summary>
    internal static ValidationResult<FootprintResult> WithViews(FootprintResult result, IReadOnlyList<IFootprintView> views)
    {
        var outputs = new List<ViewResult>(views.Count);
        var problems = new List<ValidationProblem>();
        foreach (var view in views)
        {
            try
            {
                outputs.Add(view.Compute(result) ?? throw new InvalidOperationException("it returned nothing"));
            }
#pragma warning disable CA1031 // A user's view is foreign code: its failure is reported as a problem of the calculation, never a crash.
            catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
            {
                problems.Add(new ValidationProblem($"views['{view.Id}']", ProblemCodes.ViewFailed, $"The view '{view.Id}' ({view.GetType().Name}) failed: {ex.Message}")
                {
                    Subject = new ParameterSubject(view.Id),
                });
            }
        }

        return problems.Count > 0
            ? ValidationResult.Failure<FootprintResult>(problems)
            : ValidationResult.Success(result with { Views = [.. result.Views, .. outputs] });
    }
}
