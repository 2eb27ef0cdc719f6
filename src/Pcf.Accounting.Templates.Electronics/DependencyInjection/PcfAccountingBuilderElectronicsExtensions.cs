using Pcf.Accounting.DependencyInjection;
using Pcf.Accounting.Templates.Electronics;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the electronics template and the factors of its part models.</summary>
public static class PcfAccountingBuilderElectronicsExtensions
{
    /// <summary>Adds the template <c>electronics/bom</c> and <see cref="ElectronicsFactors.Provider"/> (the ACT and Boavizta factors) at
    /// this point of the provider order; factors added before it (the user's) override them by key.</summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder, so that additional calls can be chained.</returns>
    /// <example><code>services.AddPcfAccounting().AddDefaultFactors().AddElectronicsTemplates();</code></example>
    public static PcfAccountingBuilder AddElectronicsTemplates(this PcfAccountingBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.Services.Any(d => d.ServiceType == typeof(ElectronicsMarker)))
        {
            return builder;
        }

        builder.Services.AddSingleton(new ElectronicsMarker());
        return builder.AddTemplate(new ElectronicsBomTemplate()).AddFactors(_ => ElectronicsFactors.Provider); // read when factors are first resolved
    }

    /// <summary>Marks that the electronics template was added, so a second call adds nothing.</summary>
    private sealed class ElectronicsMarker;
}
