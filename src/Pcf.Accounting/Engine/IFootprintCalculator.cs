using Pcf.Accounting.Model;
using Pcf.Accounting.Results;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Engine;

/// <summary>Calculates product carbon footprints: compile, resolve the background factors (async), compute (pure), then the registered views.</summary>
/// <remarks>Registered by <c>services.AddPcfAccounting()</c> as a scoped service, since factor providers may be scoped. Every failure of
/// the input (a singular system, an unresolved factor, a provider that failed, a view that failed) comes back as problems; only a
/// cancellation or a bug in the call (a <see langword="null"/> argument) throws.</remarks>
public interface IFootprintCalculator
{
    /// <summary>Compiles a product system and calculates its footprint.</summary>
    /// <param name="system">The product system.</param>
    /// <param name="options">The rule set, GWP set and demand; <see langword="null"/> for the defaults.</param>
    /// <param name="progress">Told each step as it starts; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the factor resolution.</param>
    /// <returns>The result, or every problem at once: a system that cannot be compiled (singular, unallocatable), every unresolved factor, every provider that failed. Nothing partial.</returns>
    ValueTask<ValidationResult<FootprintResult>> CalculateAsync(ProductSystem system, CalculationOptions? options = null, IProgress<CalculationProgress>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>Calculates the footprint of an already compiled system (its rule set applies).</summary>
    /// <param name="compiled">The compiled system.</param>
    /// <param name="options">The GWP set and demand (its rule set is ignored: the compiled system's applies); <see langword="null"/> for the defaults.</param>
    /// <param name="progress">Told each step as it starts; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the factor resolution.</param>
    /// <returns>The result, or every problem at once.</returns>
    ValueTask<ValidationResult<FootprintResult>> CalculateAsync(CompiledSystem compiled, CalculationOptions? options = null, IProgress<CalculationProgress>? progress = null, CancellationToken cancellationToken = default);
}
