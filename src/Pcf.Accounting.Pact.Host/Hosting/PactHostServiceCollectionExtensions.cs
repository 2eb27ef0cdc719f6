using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Pcf.Accounting.Pact.Host;
using Pcf.Accounting.Pact.Host.Events;
using Pcf.Accounting.Pact.Host.Store;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the PACT host's services.</summary>
public static class PactHostServiceCollectionExtensions
{
    /// <summary>Adds the PACT host: the store (migrated on start), token service, client directory and event dispatcher.
    /// Map the endpoints with <c>app.MapPactEndpoints()</c>.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options; <see langword="null"/> for the defaults.</param>
    /// <returns>The services.</returns>
    /// <example><code>
    /// builder.Services.AddPactHost(o =&gt; o.Store = "sqlite:footprints.db");
    /// var app = builder.Build();
    /// app.MapPactEndpoints();
    /// </code></example>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    public static IServiceCollection AddPactHost(this IServiceCollection services, Action<PactHostOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (configure is not null)
        {
            services.Configure(configure);
        }

        if (services.Any(d => d.ServiceType == typeof(PactHostMarker)))
        {
            return services;
        }

        services.AddSingleton<PactHostMarker>();
        services.AddOptions<PactHostOptions>().Validate(o => o.DefaultPageSize >= 1 && o.MaxPageSize >= o.DefaultPageSize, "PactHost: DefaultPageSize must be at least 1 and at most MaxPageSize.")
            .Validate(o => o.TokenLifetime > TimeSpan.Zero, "PactHost: TokenLifetime must be positive.").ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IFootprintStore>(sp => FootprintStores.Open(sp.GetRequiredService<IOptions<PactHostOptions>>().Value.Store, sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<PactHostState>();
        services.AddHostedService(sp => sp.GetRequiredService<PactHostState>());
        services.AddHttpClient(EventDispatcher.HttpClientName).ConfigurePrimaryHttpMessageHandler(sp => EventDispatcher.CreateHandler(sp.GetRequiredService<IOptions<PactHostOptions>>().Value));
        services.TryAddSingleton<EventDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<EventDispatcher>());
        return services;
    }

    private sealed class PactHostMarker;
}
