using Pcf.Accounting.Model;
using Pcf.Accounting.Results;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Engine;

/// <summary>Calculates product carbon footprints: compile, resolve the background factors (async), compute (pure).</summary>
/// <remarks>Registered by <c>services.AddPcfAccounting()</c> as a scoped service, since factor providers may be scoped.</remarks>
public interface IFootprintCalculator
{
    /// <summary>Compiles a product system and calculates its footprint.</summary>
    /// <param name="system">The product system.</param>
    /// <param name="options">The rule set, GWP set and demand; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the factor resolution.</param>
    /// <returns>The result, or every problem at once: a system that cannot be compiled (singular, unallocatable), every unresolved factor, every provider that failed. Nothing partial.</returns>
    ValueTask<ValidationResult<FootprintResult>> CalculateAsync(ProductSystem system, CalculationOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Calculates the footprint of an already compiled system (its rule set applies).</summary>
    /// <param name="compiled">The compiled system.</param>
    /// <param name="options">The GWP set and demand (its rule set is ignored: the compiled system's applies); <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the factor resolution.</param>
    /// <returns>The result, or every problem at once.</returns>
    ValueTask<ValidationResult<FootprintResult>> CalculateAsync(CompiledSystem compiled, CalculationOptions? options = null, CancellationToken cancellationToken = default);
}
