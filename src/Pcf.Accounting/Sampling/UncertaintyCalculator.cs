using Pcf.Accounting.DependencyInjection;
using Pcf.Accounting.Engine;
using Pcf.Accounting.Factors;
using Pcf.Accounting.Model;
using Pcf.Accounting.Results;
using Pcf.Accounting.Rules;
using Pcf.Accounting.Uncertainty;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Sampling;

/// <summary>The default <see cref="IUncertaintyCalculator"/>: compile, resolve, calculate with the registered views, then
/// <see cref="MonteCarlo.Run"/> on the same compiled system and factors.</summary>
/// <threadsafety>Thread-safe when the resolver's providers and the views are.</threadsafety>
public sealed class UncertaintyCalculator : IUncertaintyCalculator
{
    private readonly FactorResolver _resolver;
    private readonly PcfAccountingSettings _settings;
    private readonly IRuleSetRegistry _ruleSets;
    private readonly IFootprintView[] _views;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="resolver">Resolves the background factors.</param>
    /// <param name="settings">The defaults (GWP set); <see langword="null"/> for <see cref="PcfAccountingSettings.Default"/>.</param>
    /// <param name="ruleSets">The rule sets; <see langword="null"/> for <see cref="RuleSetRegistry.BuiltIn"/>.</param>
    /// <param name="views">Views computed over every result; <see langword="null"/> for none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="resolver"/> is <see langword="null"/>.</exception>
    public UncertaintyCalculator(FactorResolver resolver, PcfAccountingSettings? settings = null, IRuleSetRegistry? ruleSets = null, IEnumerable<IFootprintView>? views = null)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        _resolver = resolver;
        _settings = settings ?? PcfAccountingSettings.Default;
        _ruleSets = ruleSets ?? RuleSetRegistry.BuiltIn;
        _views = views?.ToArray() ?? [];
    }

    /// <inheritdoc/>
    public async ValueTask<ValidationResult<UncertaintyCalculation>> CalculateAsync(ProductSystem system, MonteCarloOptions? monteCarlo = null, CalculationOptions? options = null,
        IProgress<CalculationProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(system);
        monteCarlo ??= MonteCarloOptions.Default;
        var prepared = await PrepareAsync(system, options, progress, cancellationToken).ConfigureAwait(false);
        if (!prepared.IsValid)
        {
            return ValidationResult.Failure<UncertaintyCalculation>(prepared.Problems);
        }

        var (compiled, factors) = prepared.Value;
        progress?.Report(new CalculationProgress(CalculationStage.Computing, compiled.Size));
        var computed = compiled.TryCalculate(factors, options?.Demand);
        if (computed.IsValid && _views.Length > 0)
        {
            progress?.Report(new CalculationProgress(CalculationStage.Views, _views.Length));
            computed = FootprintCalculator.WithViews(computed.Value, _views);
        }

        if (!computed.IsValid)
        {
            return ValidationResult.Failure<UncertaintyCalculation>(computed.Problems);
        }

        progress?.Report(new CalculationProgress(CalculationStage.Sampling, monteCarlo.Iterations));
        var run = await Task.Run(() => MonteCarlo.Run(compiled, factors, monteCarlo, options?.Demand, cancellationToken), cancellationToken).ConfigureAwait(false);
        return run.IsValid
            ? ValidationResult.Success(new UncertaintyCalculation(computed.Value with { Uncertainty = run.Value.Statistics }, run.Value))
            : ValidationResult.Failure<UncertaintyCalculation>(run.Problems);
    }

    /// <inheritdoc/>
    public async ValueTask<ValidationResult<MonteCarloComparison>> CompareAsync(ProductSystem a, ProductSystem b, MonteCarloOptions? monteCarlo = null, CalculationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        options = (options ?? CalculationOptions.Default) with { Demand = null };
        var left = await PrepareAsync(a, options, null, cancellationToken).ConfigureAwait(false);
        var right = await PrepareAsync(b, options, null, cancellationToken).ConfigureAwait(false);
        if (!left.IsValid || !right.IsValid)
        {
            return ValidationResult.Failure<MonteCarloComparison>([
                .. left.Problems.Select(p => p with { Path = "a: " + p.Path }),
                .. right.Problems.Select(p => p with { Path = "b: " + p.Path }),
            ]);
        }

        return await Task.Run(() => MonteCarlo.Compare(
            new MonteCarloInput(left.Value.Compiled, left.Value.Factors),
            new MonteCarloInput(right.Value.Compiled, right.Value.Factors),
            monteCarlo,
            cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<ValidationResult<(CompiledSystem Compiled, FactorResolution Factors)>> PrepareAsync(ProductSystem system, CalculationOptions? options,
        IProgress<CalculationProgress>? progress, CancellationToken cancellationToken)
    {
        progress?.Report(new CalculationProgress(CalculationStage.Compiling, system.Processes.Length));
        var compiled = CompiledSystem.Compile(system, options?.RuleSet ?? _ruleSets.Default);
        if (!compiled.IsValid)
        {
            return ValidationResult.Failure<(CompiledSystem, FactorResolution)>(compiled.Problems);
        }

        progress?.Report(new CalculationProgress(CalculationStage.Resolving, compiled.Value.FactorRequests.Length));
        var resolution = await _resolver.ResolveAsync(compiled.Value.FactorRequests, options?.GwpSet ?? _settings.DefaultGwpSet, cancellationToken).ConfigureAwait(false);
        return resolution.IsValid
            ? ValidationResult.Success((compiled.Value, resolution.Value))
            : ValidationResult.Failure<(CompiledSystem, FactorResolution)>(FactorUseLocator.Locate(system, resolution.Problems));
    }
}
