using Pcf.Accounting.DependencyInjection;
using Pcf.Accounting.Factors;
using Pcf.Accounting.Pact;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds suppliers' PACT footprints to Pcf.Accounting's factor providers.</summary>
public static class PcfAccountingBuilderPactExtensions
{
    /// <summary>Adds a supplier's PACT footprint document as primary-data emission factors, asked in the order added (before the
    /// providers added after it).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="path">The PACT document (3.0 or 2.3: one footprint, or a list or get response).</param>
    /// <param name="key">The factor key the buyer's flows use for its one footprint; <see langword="null"/> for its <c>productIds</c>.</param>
    /// <param name="matching">How requests find the footprints; by key alone unless stated.</param>
    /// <returns>The builder, so that calls can be chained.</returns>
    /// <exception cref="Pcf.Accounting.Validation.ValidationException">The document is not a valid PACT footprint (read when the provider is first used).</exception>
    /// <example><code>
    /// services.AddPcfAccounting()
    ///         .AddSupplierFootprints("suppliers/acme-coil.json", key: "steel/hot-rolled-coil")
    ///         .AddDefaultFactors();
    /// </code></example>
    public static PcfAccountingBuilder AddSupplierFootprints(this PcfAccountingBuilder builder, string path, string? key = null, SupplierFootprintMatching matching = SupplierFootprintMatching.KeyOnly)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var provider = new Lazy<SupplierFootprintProvider>(() =>
            SupplierFootprintProvider.Read(Path.GetFileName(path), File.ReadAllBytes(path), key, matching).ThrowIfInvalid(), LazyThreadSafetyMode.ExecutionAndPublication);
        return builder.AddFactors(new LazyProvider(provider, Path.GetFileName(path)));
    }

    /// <summary>Adds a supplier's footprints already read as a provider.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="provider">The provider.</param>
    /// <returns>The builder, so that calls can be chained.</returns>
    public static PcfAccountingBuilder AddSupplierFootprints(this PcfAccountingBuilder builder, SupplierFootprintProvider provider) =>
        builder.AddFactors(provider);

    private sealed class LazyProvider(Lazy<SupplierFootprintProvider> inner, string name) : IEmissionFactorProvider
    {
        public string Name => name;

        public ValueTask<FactorLookup> FindAsync(FactorRequest request, CancellationToken cancellationToken = default) =>
            inner.Value.FindAsync(request, cancellationToken);

        public ValueTask<IReadOnlyList<FactorLookup>> FindManyAsync(IReadOnlyList<FactorRequest> requests, CancellationToken cancellationToken = default) =>
            inner.Value.FindManyAsync(requests, cancellationToken);
    }
}
