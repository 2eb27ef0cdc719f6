using System.Collections.Immutable;
using Pcf.Accounting.Factors;
using Pcf.Accounting.Json;

namespace Pcf.Accounting.Templates.Electronics;

/// <summary>The factors of the electronics part models, embedded as <c>pcf-factors/1</c> datasets: the ACT model's per-area,
/// per-capacity and per-unit factors (MIT licence) and the Boavizta component factors (values of Umweltbundesamt Texte 94/2021
/// as boaviztapi uses them), each with the file and commit it was read from.</summary>
/// <remarks>
/// <para>Keys start with <c>electronics/act/</c> and <c>electronics/boavizta/</c>; every factor is in kg CO2e, region <c>GLO</c>.
/// <c>AddElectronicsTemplates()</c> adds <see cref="Provider"/> after the providers added before it, so a factor file of the
/// user's with the same key (<c>--factors</c>, <c>AddFactorsFromJson</c>) overrides any of them.</para>
/// </remarks>
/// <threadsafety>Thread-safe; the datasets are read once.</threadsafety>
public static class ElectronicsFactors
{
    /// <summary>The provider's name.</summary>
    public const string ProviderName = "electronics part models (ACT, Boavizta)";

    private static readonly Lazy<FactorCatalog> LazyCatalog = new(() => new FactorCatalog(Read("act-factors.json").Factors.Concat(Read("boavizta-factors.json").Factors)));
    private static readonly Lazy<InMemoryFactorProvider> LazyProvider = new(() => new InMemoryFactorProvider(ProviderName, Catalog));

    /// <summary>Gets every factor of the embedded datasets.</summary>
    public static FactorCatalog Catalog => LazyCatalog.Value;

    /// <summary>Gets a provider over <see cref="Catalog"/>.</summary>
    public static IEmissionFactorProvider Provider => LazyProvider.Value;

    /// <summary>Gets the last path segment of every key under a prefix, in order: the node names, processes or layer counts a model
    /// offers, so a model offers exactly what its data holds.</summary>
    internal static ImmutableArray<string> Names(string prefix, string? suffix = null) =>
        [.. Catalog.Factors.Select(f => f.Key)
            .Where(k => k.StartsWith(prefix, StringComparison.Ordinal) && (suffix is null || k.EndsWith(suffix, StringComparison.Ordinal)))
            .Select(k => k[prefix.Length..^(suffix?.Length ?? 0)])
            .Distinct(StringComparer.Ordinal)];

    private static FactorCatalog Read(string name)
    {
        using var stream = typeof(ElectronicsFactors).Assembly.GetManifestResourceStream($"Pcf.Accounting.Templates.Electronics.{name}")
            ?? throw new InvalidOperationException($"The embedded dataset {name} is missing from the assembly.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return FactorJson.Read(buffer.ToArray()).ThrowIfInvalid();
    }
}
