using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Pcf.Accounting.DependencyInjection;
using Pcf.Accounting.Factors;
using Pcf.Accounting.Factors.Files;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds emission-factor providers to <c>AddPcfAccounting</c>, highest priority first.</summary>
/// <remarks>
/// The order of the calls is the priority: the first provider registered is asked first, and what it does not answer
/// goes to the next. One <see cref="FactorResolver"/> and one <see cref="CompositeFactorProvider"/> over all of them
/// are registered as scoped services (a provider may be scoped, such as one over a request's database context).
/// </remarks>
/// <example><code>
/// services.AddPcfAccounting()
///     .AddFactors(new InMemoryFactorProvider("company-primary", companyFactors))
///     .AddFactorsFromJson("factors/suppliers.json")
///     .AddDefaultFactors(); // Pcf.Accounting.Data
/// var resolver = scope.ServiceProvider.GetRequiredService&lt;FactorResolver&gt;();
/// </code></example>
public static class PcfAccountingBuilderFactorExtensions
{
    /// <summary>Adds a provider instance (a singleton).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="provider">The provider.</param>
    /// <returns>The builder, so that additional calls can be chained.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static PcfAccountingBuilder AddFactors(this PcfAccountingBuilder builder, IEmissionFactorProvider provider)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(provider);
        return Add(builder, _ => provider);
    }

    /// <summary>Adds a provider made by a factory when the factor resolver is first made (a singleton): for a provider that reads
    /// data, registering costs nothing and an application that never resolves factors never reads it.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="create">Makes the provider, once (its result is kept for every later resolver); it may use the container's
    /// singleton services.</param>
    /// <returns>The builder, so that additional calls can be chained.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <example><code>services.AddPcfAccounting().AddFactors(sp => new InMemoryFactorProvider("plant data", LoadCatalog()));</code></example>
    public static PcfAccountingBuilder AddFactors(this PcfAccountingBuilder builder, Func<IServiceProvider, IEmissionFactorProvider> create)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(create);
        var once = new MadeOnce(create);
        return Add(builder, once.Get);
    }

    /// <summary>A factory's provider, made by the first caller and kept.</summary>
    private sealed class MadeOnce(Func<IServiceProvider, IEmissionFactorProvider> create)
    {
        private readonly object _gate = new();
        private IEmissionFactorProvider? _made;

        public IEmissionFactorProvider Get(IServiceProvider services)
        {
            lock (_gate)
            {
                return _made ??= create(services) ?? throw new InvalidOperationException("The factor provider factory returned null.");
            }
        }
    }

    /// <summary>Adds a provider made by the container, with the lifetime given.</summary>
    /// <typeparam name="TProvider">The provider type; its constructor's services are injected.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <param name="lifetime">The provider's lifetime: singleton (the default) or scoped.</param>
    /// <returns>The builder, so that additional calls can be chained.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lifetime"/> is transient.</exception>
    public static PcfAccountingBuilder AddFactors<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TProvider>(this PcfAccountingBuilder builder, ServiceLifetime lifetime = ServiceLifetime.Singleton)
        where TProvider : class, IEmissionFactorProvider
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (lifetime == ServiceLifetime.Transient)
        {
            throw new ArgumentOutOfRangeException(nameof(lifetime), lifetime, "A factor provider is singleton or scoped.");
        }

        builder.Services.TryAdd(new ServiceDescriptor(typeof(TProvider), typeof(TProvider), lifetime));
        return Add(builder, sp => sp.GetRequiredService<TProvider>());
    }

    /// <summary>Adds a provider over a <c>pcf-factors/1</c> JSON file, read once on first use.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="path">The file.</param>
    /// <param name="name">The provider's name; <see langword="null"/> for the file name.</param>
    /// <param name="policy">The fallbacks allowed; <see langword="null"/> for <see cref="FallbackPolicy.Default"/>.</param>
    /// <returns>The builder, so that additional calls can be chained.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    public static PcfAccountingBuilder AddFactorsFromJson(this PcfAccountingBuilder builder, string path, string? name = null, FallbackPolicy? policy = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var provider = FileFactorProvider.FromJson(path, name, policy);
        return Add(builder, _ => provider);
    }

    /// <summary>Adds a provider over a factor CSV file, read once on first use.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="path">The file.</param>
    /// <param name="name">The provider's name; <see langword="null"/> for the file name.</param>
    /// <param name="policy">The fallbacks allowed; <see langword="null"/> for <see cref="FallbackPolicy.Default"/>.</param>
    /// <returns>The builder, so that additional calls can be chained.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    public static PcfAccountingBuilder AddFactorsFromCsv(this PcfAccountingBuilder builder, string path, string? name = null, FallbackPolicy? policy = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var provider = FileFactorProvider.FromCsv(path, name, policy);
        return Add(builder, _ => provider);
    }

    /// <summary>Sets the resolver's settings (the provider timeout) through the options pattern: the same as setting
    /// <see cref="PcfAccountingOptions.FactorProviderTimeout"/>; a later call or configuration overrides an earlier one.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="options">The settings.</param>
    /// <returns>The builder, so that additional calls can be chained.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static PcfAccountingBuilder ConfigureFactorResolution(this PcfAccountingBuilder builder, FactorResolverOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        builder.Services.Configure<PcfAccountingOptions>(o => o.FactorProviderTimeout = options.ProviderTimeout);
        return builder;
    }

    private static PcfAccountingBuilder Add(PcfAccountingBuilder builder, Func<IServiceProvider, IEmissionFactorProvider> create)
    {
        FactorProviderRegistration.EnsureServices(builder.Services);
        builder.Services.AddSingleton(new FactorProviderRegistration(create));
        return builder;
    }
}
