using Microsoft.Extensions.DependencyInjection.Extensions;
using Pcf.Accounting.DependencyInjection;
using Pcf.Accounting.Engine;
using Pcf.Accounting.Factors;
using Pcf.Accounting.Json;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Pcf.Accounting's services in an <see cref="IServiceCollection"/>.</summary>
public static class PcfAccountingServiceCollectionExtensions
{
    /// <summary>Adds the footprint services: settings, the product-system reader, the factor resolver and the <see cref="IFootprintCalculator"/> (scoped), and whatever later parts register.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets <see cref="PcfAccountingOptions"/>; optional.</param>
    /// <returns>A builder to add emission-factor providers and templates, highest priority first.</returns>
    /// <remarks>
    /// Calling it again adds no second set of services: the first call's registrations stay, and a
    /// later <paramref name="configure"/> is applied to the same options before they are frozen.
    /// Services are singletons and thread-safe.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    /// <example><code>
    /// services.AddPcfAccounting(o => o.DefaultGwpSet = GwpSet.Ar5);
    /// var reader = provider.GetRequiredService&lt;ProductSystemReader&gt;();
    /// </code></example>
    public static PcfAccountingBuilder AddPcfAccounting(this IServiceCollection services, Action<PcfAccountingOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var marker = services.FirstOrDefault(d => d.ServiceType == typeof(PcfAccountingMarker))?.ImplementationInstance as PcfAccountingMarker;
        if (marker is null)
        {
            marker = new PcfAccountingMarker();
            services.AddSingleton(marker);
            services.TryAddSingleton(sp => sp.GetRequiredService<PcfAccountingMarker>().Settings);
            services.TryAddSingleton(sp => new ProductSystemReader(sp.GetRequiredService<PcfAccountingSettings>().JsonLimits));
            FactorProviderRegistration.EnsureServices(services);
            services.TryAddScoped<IFootprintCalculator>(sp => new FootprintCalculator(sp.GetRequiredService<FactorResolver>(), sp.GetRequiredService<PcfAccountingSettings>()));
        }

        configure?.Invoke(marker.Options);
        return new PcfAccountingBuilder(services);
    }

    /// <summary>Marks that the services were added, and holds the options until they are frozen.</summary>
    private sealed class PcfAccountingMarker
    {
        private PcfAccountingSettings? _settings;

        public PcfAccountingOptions Options { get; } = new();

        public PcfAccountingSettings Settings => _settings ??= Options.Freeze();
    }
}
