using Pcf.Accounting.DependencyInjection;
using Pcf.Accounting.Factors;
using Pcf.Accounting.Model;
using Pcf.Accounting.Results;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Engine;

/// <summary>The default <see cref="IFootprintCalculator"/>: <see cref="CompiledSystem.Compile"/>, then <see cref="FactorResolver.ResolveAsync"/>, then <see cref="CompiledSystem.Calculate(FactorResolution, Demand?)"/>.</summary>
/// <example><code>
/// services.AddPcfAccounting().AddDefaultFactors();
/// using var scope = provider.CreateScope();
/// var calculator = scope.ServiceProvider.GetRequiredService&lt;IFootprintCalculator&gt;();
/// var result = (await calculator.CalculateAsync(system)).ThrowIfInvalid();
/// Console.WriteLine(result.TotalExcludingBiogenicUptake); // kg CO2e per declared unit
/// </code></example>
/// <threadsafety>Thread-safe when the resolver's providers are.</threadsafety>
public sealed class FootprintCalculator : IFootprintCalculator
{
    private readonly FactorResolver _resolver;
    private readonly PcfAccountingSettings _settings;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="resolver">Resolves the background factors.</param>
    /// <param name="settings">The defaults (GWP set); <see langword="null"/> for <see cref="PcfAccountingSettings.Default"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="resolver"/> is <see langword="null"/>.</exception>
    public FootprintCalculator(FactorResolver resolver, PcfAccountingSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        _resolver = resolver;
        _settings = settings ?? PcfAccountingSettings.Default;
    }

    /// <inheritdoc/>
    public ValueTask<ValidationResult<FootprintResult>> CalculateAsync(ProductSystem system, CalculationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(system);
        var compiled = CompiledSystem.Compile(system, options?.RuleSet);
        return compiled.IsValid
            ? CalculateAsync(compiled.Value, options, cancellationToken)
            : ValueTask.FromResult(ValidationResult.Failure<FootprintResult>(compiled.Problems));
    }

    /// <inheritdoc/>
    public async ValueTask<ValidationResult<FootprintResult>> CalculateAsync(CompiledSystem compiled, CalculationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(compiled);
        var gwp = options?.GwpSet ?? _settings.DefaultGwpSet;
        var resolution = await _resolver.ResolveAsync(compiled.FactorRequests, gwp, cancellationToken).ConfigureAwait(false);
        if (!resolution.IsValid)
        {
            return ValidationResult.Failure<FootprintResult>(resolution.Problems);
        }

        return Compute(compiled, resolution.Value, options?.Demand);
    }

    /// <summary>The pure step, with its exceptions turned into problems.</summary>
    internal static ValidationResult<FootprintResult> Compute(CompiledSystem compiled, FactorResolution factors, Demand? demand)
    {
        try
        {
            return ValidationResult.Success(compiled.Calculate(factors, demand));
        }
        catch (ArgumentException e) when (e.ParamName == "demand")
        {
            return ValidationResult.Failure<FootprintResult>([new ValidationProblem("demand", ProblemCodes.UnknownDemand, e.Message.Split(" (Parameter")[0])]);
        }
        catch (InvalidOperationException e)
        {
            return ValidationResult.Failure<FootprintResult>([new ValidationProblem("$", ProblemCodes.NonFiniteResult, e.Message)]);
        }
    }
}
