using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Pcf.Accounting.Engine;
using Microsoft.Extensions.Logging;
using Pcf.Accounting.Factors;

namespace Pcf.Accounting.DependencyInjection;

/// <summary>One registered emission-factor provider, in priority order; the resolver asks them in the order registered.</summary>
internal sealed class FactorProviderRegistration(Func<IServiceProvider, IEmissionFactorProvider> create)
{
    public Func<IServiceProvider, IEmissionFactorProvider> Create { get; } = create;

    /// <summary>Registers the resolver and the composite provider once (scoped: providers may be scoped).</summary>
    public static void EnsureServices(IServiceCollection services)
    {
        services.TryAddScoped(sp => new FactorResolver(Providers(sp), (sp.GetService<PcfAccountingSettings>() ?? PcfAccountingSettings.Default).FactorResolution)
        {
            Logger = sp.GetService<ILoggerFactory>()?.CreateLogger<FactorResolver>() ?? (ILogger)Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance,
        });
        services.TryAddScoped(sp => new CompositeFactorProvider(Providers(sp)));
    }

    private static List<IEmissionFactorProvider> Providers(IServiceProvider sp) =>
        sp.GetServices<FactorProviderRegistration>().Select(r => r.Create(sp)).ToList();
}
