using Pcf.Accounting.Data;
using Pcf.Accounting.DependencyInjection;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the embedded default factors of Pcf.Accounting.Data.</summary>
public static class PcfAccountingBuilderDataExtensions
{
    /// <summary>Adds <see cref="DefaultFactors.Provider"/> at this point of the priority order (usually last).</summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder, so that additional calls can be chained.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    /// <example><code>services.AddPcfAccounting().AddFactorsFromJson("company.json").AddDefaultFactors();</code></example>
    public static PcfAccountingBuilder AddDefaultFactors(this PcfAccountingBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddFactors(_ => DefaultFactors.Provider); // read when factors are first resolved, not when registered
    }
}
