using Pcf.Accounting.Engine;
using Pcf.Accounting.Model;
using Pcf.Accounting.Uncertainty;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Sampling;

/// <summary>Calculates a footprint with its uncertainty: the deterministic result, and a Monte Carlo run of the same system, factors
/// and demand attached to it as <see cref="Results.FootprintResult.Uncertainty"/>.</summary>
/// <remarks>Registered by <c>services.AddPcfAccounting()</c> as a scoped service beside <see cref="IFootprintCalculator"/>, with the
/// same providers, rule sets and views. Problems of the input come back as problems; only a cancellation or a bug throws.</remarks>
/// <example><code>
/// var calculator = scope.ServiceProvider.GetRequiredService&lt;IUncertaintyCalculator&gt;();
/// var calculation = (await calculator.CalculateAsync(system, new MonteCarloOptions { Iterations = 10_000, Seed = 7 })).ThrowIfInvalid();
/// var total = calculation.Result.Uncertainty!.Total;   // mean, median, standard deviation, percentiles
/// </code></example>
public interface IUncertaintyCalculator
{
    /// <summary>Compiles a product system, resolves its factors, calculates its footprint and samples it.</summary>
    /// <param name="system">The product system.</param>
    /// <param name="monteCarlo">How to sample; <see langword="null"/> for <see cref="MonteCarloOptions.Default"/>.</param>
    /// <param name="options">The rule set, GWP set and demand; <see langword="null"/> for the defaults.</param>
    /// <param name="progress">Told each step as it starts; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The result with its uncertainty and the run (with samples when asked for), or every problem.</returns>
    ValueTask<ValidationResult<UncertaintyCalculation>> CalculateAsync(ProductSystem system, MonteCarloOptions? monteCarlo = null, CalculationOptions? options = null,
        IProgress<CalculationProgress>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>Samples two product systems (two products, or two scenarios of one) with common random numbers.</summary>
    /// <param name="a">The first system.</param>
    /// <param name="b">The second system.</param>
    /// <param name="monteCarlo">How to sample; <see langword="null"/> for the defaults.</param>
    /// <param name="options">The rule set and GWP set of both (a demand applies to neither: each takes its declared unit).</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The comparison, or every problem of either system (paths prefixed <c>a:</c> and <c>b:</c>).</returns>
    ValueTask<ValidationResult<MonteCarloComparison>> CompareAsync(ProductSystem a, ProductSystem b, MonteCarloOptions? monteCarlo = null, CalculationOptions? options = null,
        CancellationToken cancellationToken = default);
}
