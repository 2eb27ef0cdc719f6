namespace Pcf.Accounting.Factors;

/// <summary>A fallback a provider applied to answer a request: another region, an earlier year, or a unit conversion.</summary>
/// <remarks>Every fallback is recorded in the <see cref="FactorMatch"/> and shown in the result's explanation;
/// region and year fallbacks worsen the reported data quality (<see cref="FallbackPolicy"/>).</remarks>
/// <threadsafety>Immutable.</threadsafety>
public abstract record FactorFallback
{
    private protected FactorFallback()
    {
    }

    /// <summary>Describes the fallback in words, such as <c>region CN-JS -> CN-GRID-EAST</c>.</summary>
    /// <returns>The description.</returns>
    public abstract string Describe();
}
