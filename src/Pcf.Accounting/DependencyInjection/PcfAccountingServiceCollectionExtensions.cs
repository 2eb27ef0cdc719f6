using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pcf.Accounting.DependencyInjection;
using Pcf.Accounting.Engine;
using Pcf.Accounting.Factors;
using Pcf.Accounting.Factors.Files;
using Pcf.Accounting.Json;
using Pcf.Accounting.Results;
using Pcf.Accounting.Rules;
using Pcf.Accounting.Vectors;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Pcf.Accounting's services in an <see cref="IServiceCollection"/>.</summary>
public static class PcfAccountingServiceCollectionExtensions
{
    /// <summary>Adds the footprint services: options and settings, the product-system reader, the factor resolver and the <see cref="IFootprintCalculator"/> (scoped), and whatever later parts register.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures <see cref="PcfAccountingOptions"/> (options pattern, like <c>services.Configure</c>); optional.</param>
    /// <returns>A builder to add emission-factor providers and templates, highest priority first.</returns>
    /// <remarks>
    /// <para>Options come from every <c>Configure&lt;PcfAccountingOptions&gt;</c> registration, including a
    /// configuration section, in registration order; they are validated on first use (at start under a host:
    /// <c>ValidateOnStart</c>) and frozen into the singleton <see cref="PcfAccountingSettings"/>.</para>
    /// <para>Calling it again adds no second set of services: the first call's registrations stay, and a
    /// later <paramref name="configure"/> is applied after the earlier ones. Services are thread-safe.</para>
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    /// <example><code>
    /// services.AddPcfAccounting(o => o.DefaultGwpSet = GwpSet.Ar5);
    /// var reader = provider.GetRequiredService&lt;ProductSystemReader&gt;();
    /// </code></example>
    public static PcfAccountingBuilder AddPcfAccounting(this IServiceCollection services, Action<PcfAccountingOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (!services.Any(d => d.ServiceType == typeof(PcfAccountingMarker)))
        {
            services.AddSingleton(new PcfAccountingMarker());
            services.AddOptions<PcfAccountingOptions>().ValidateOnStart();
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PcfAccountingOptions>, PcfAccountingOptionsValidator>());
            services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<PcfAccountingOptions>>().Value.Freeze());
            services.TryAddSingleton(sp => new ProductSystemReader(sp.GetRequiredService<PcfAccountingSettings>().JsonLimits));
            FactorProviderRegistration.EnsureServices(services);
            services.TryAddSingleton<IRuleSetRegistry>(sp => RuleSetRegistration.Registry(sp));
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IFactorFileFormat>(FactorFileFormats.Csv));
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IFactorFileFormat>(FactorFileFormats.PcfFactors));
            services.TryAddSingleton(sp => new FactorFileLoader(sp.GetServices<IFactorFileFormat>(),
                new FactorFileOptions { Limits = sp.GetRequiredService<PcfAccountingSettings>().JsonLimits }));
            services.TryAddScoped(sp => new ReferenceVectorRunner(sp.GetRequiredService<IRuleSetRegistry>(), sp.GetServices<IFootprintView>(),
                sp.GetRequiredService<FactorResolver>().Providers, sp.GetRequiredService<FactorFileLoader>(), sp.GetService<IVectorTemplates>(),
                sp.GetRequiredService<PcfAccountingSettings>().JsonLimits));
            services.TryAddScoped<IFootprintCalculator>(sp => new FootprintCalculator(sp.GetRequiredService<FactorResolver>(), sp.GetRequiredService<PcfAccountingSettings>(),
                sp.GetRequiredService<IRuleSetRegistry>(), sp.GetServices<IFootprintView>(), sp.GetService<ILogger<FootprintCalculator>>()));
            services.TryAddScoped<Pcf.Accounting.Sampling.IUncertaintyCalculator>(sp => new Pcf.Accounting.Sampling.UncertaintyCalculator(sp.GetRequiredService<FactorResolver>(),
                sp.GetRequiredService<PcfAccountingSettings>(), sp.GetRequiredService<IRuleSetRegistry>(), sp.GetServices<IFootprintView>()));
        }

        if (configure is not null)
        {
            services.Configure(configure);
        }

        return new PcfAccountingBuilder(services);
    }

    /// <summary>Marks that the services were added.</summary>
    private sealed class PcfAccountingMarker;
}
