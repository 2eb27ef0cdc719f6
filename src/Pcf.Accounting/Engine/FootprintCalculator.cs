using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Pcf.Accounting.Diagnostics;
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
    private readonly ILogger _logger;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="resolver">Resolves the background factors.</param>
    /// <param name="settings">The defaults (GWP set); <see langword="null"/> for <see cref="PcfAccountingSettings.Default"/>.</param>
    /// <param name="ruleSets">The rule sets, with the default one; <see langword="null"/> for <see cref="RuleSetRegistry.BuiltIn"/>.</param>
    /// <param name="views">Views computed over every result, in order; <see langword="null"/> for none.</param>
    /// <param name="logger">Logs each calculation (debug when it starts, information with its total and time, warning when it is
    /// refused); <see langword="null"/> for none. Traces and metrics are in <see cref="PcfDiagnostics"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="resolver"/> is <see langword="null"/>.</exception>
    public FootprintCalculator(FactorResolver resolver, PcfAccountingSettings? settings = null, IRuleSetRegistry? ruleSets = null, IEnumerable<IFootprintView>? views = null, ILogger<FootprintCalculator>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        _resolver = resolver;
        _settings = settings ?? PcfAccountingSettings.Default;
        _ruleSets = ruleSets ?? RuleSetRegistry.BuiltIn;
        _views = views?.ToArray() ?? [];
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <inheritdoc/>
    public async ValueTask<ValidationResult<FootprintResult>> CalculateAsync(ProductSystem system, CalculationOptions? options = null, IProgress<CalculationProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(system);
        var ruleSet = options?.RuleSet ?? _ruleSets.Default;
        using var activity = Start(system, ruleSet, options);
        long started = Stopwatch.GetTimestamp();
        progress?.Report(new CalculationProgress(CalculationStage.Compiling, system.Processes.Length));
        var compiled = CompiledSystem.Compile(system, ruleSet);
        ValidationResult<FootprintResult> result;
        if (compiled.IsValid)
        {
            CountSharedRequests(compiled.Value);
            result = await CalculateCoreAsync(compiled.Value, options, progress, cancellationToken).ConfigureAwait(false);

            // Unresolved factors name the JSON paths of the system that need them.
            result = result.IsValid ? result : ValidationResult.Failure<FootprintResult>(FactorUseLocator.Locate(system, result.Problems));
        }
        else
        {
            result = ValidationResult.Failure<FootprintResult>(compiled.Problems);
        }

        return Observe(activity, system.Name, started, result);
    }

    /// <inheritdoc/>
    public async ValueTask<ValidationResult<FootprintResult>> CalculateAsync(CompiledSystem compiled, CalculationOptions? options = null, IProgress<CalculationProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(compiled);
        using var activity = Start(compiled.System, compiled.RuleSet, options);
        long started = Stopwatch.GetTimestamp();
        var result = await CalculateCoreAsync(compiled, options, progress, cancellationToken).ConfigureAwait(false);
        return Observe(activity, compiled.System.Name, started, result);
    }

    private Activity? Start(ProductSystem system, RuleSet ruleSet, CalculationOptions? options)
    {
        var gwp = options?.GwpSet ?? _settings.DefaultGwpSet;
        var activity = PcfDiagnostics.ActivitySource.StartActivity(PcfDiagnostics.CalculateActivity);
        activity?.SetTag("pcf.system", system.Name);
        activity?.SetTag("pcf.processes", system.Processes.Length);
        activity?.SetTag("pcf.gwp_set", gwp.Id);
        activity?.SetTag("pcf.rule_set", ruleSet.Id);
        Log.Calculating(_logger, system.Name, system.Processes.Length, gwp.Id, ruleSet.Id);
        return activity;
    }

    private ValidationResult<FootprintResult> Observe(Activity? activity, string name, long started, ValidationResult<FootprintResult> result)
    {
        var elapsed = Stopwatch.GetElapsedTime(started);
        string outcome = result.IsValid ? "valid" : "invalid";
        var tag = new KeyValuePair<string, object?>("pcf.outcome", outcome);
        PcfDiagnostics.Calculations.Add(1, tag);
        PcfDiagnostics.CalculationDuration.Record(elapsed.TotalSeconds, tag);
        activity?.SetTag("pcf.outcome", outcome);
        if (result.IsValid)
        {
            activity?.SetTag("pcf.co2e", result.Value.TotalExcludingBiogenicUptake.Value);
            Log.Calculated(_logger, name, result.Value.TotalExcludingBiogenicUptake.Value, elapsed.TotalMilliseconds);
        }
        else
        {
            activity?.SetStatus(ActivityStatusCode.Error, $"{result.Problems.Length} problem(s)");
            var first = result.Problems.FirstOrDefault();
            Log.Refused(_logger, name, result.Problems.Length, first is null ? "none" : $"{first.Code} at {first.Path}", elapsed.TotalMilliseconds);
        }

        return result;
    }

    // Each input or displaced co-product that uses a factor is one use; the calculation looks each distinct request up once.
    private static void CountSharedRequests(CompiledSystem compiled)
    {
        if (!PcfDiagnostics.FactorRequestsShared.Enabled)
        {
            return;
        }

        long uses = 0;
        foreach (var process in compiled.System.Processes)
        {
            uses += process.Inputs.Count(i => i.Supply.Kind == SupplyKind.Factor) + process.CoProducts.Count(c => c.Displaces is { Kind: SupplyKind.Factor });
        }

        if (uses > compiled.FactorRequests.Length)
        {
            PcfDiagnostics.FactorRequestsShared.Add(uses - compiled.FactorRequests.Length);
        }
    }

    private async ValueTask<ValidationResult<FootprintResult>> CalculateCoreAsync(CompiledSystem compiled, CalculationOptions? options, IProgress<CalculationProgress>? progress, CancellationToken cancellationToken)
    {
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
