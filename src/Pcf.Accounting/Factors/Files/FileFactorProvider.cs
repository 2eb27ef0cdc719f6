using Pcf.Accounting.Json;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Factors.Files;

/// <summary>A provider over a <c>pcf-factors/1</c> JSON file or a factor CSV file, read once on first use and kept in memory.</summary>
/// <remarks>A file with problems makes every request fail with a <see cref="ValidationException"/> listing them,
/// which <see cref="FactorResolver"/> reports as a failure of this provider (<c>PCF0403</c>).</remarks>
/// <threadsafety>Thread-safe; the file is read once.</threadsafety>
public sealed class FileFactorProvider : EmissionFactorProvider
{
    private readonly Func<CancellationToken, ValueTask<ValidationResult<FactorCatalog>>> _load;
    private Task<InMemoryFactorProvider>? _loading;

    private FileFactorProvider(string name, string path, FallbackPolicy? policy, Func<CancellationToken, ValueTask<ValidationResult<FactorCatalog>>> load)
        : base(name)
    {
        Path = path;
        Policy = policy ?? FallbackPolicy.Default;
        _load = load;
    }

    /// <summary>Gets the file's path.</summary>
    public string Path { get; }

    /// <summary>Gets the fallbacks allowed.</summary>
    public FallbackPolicy Policy { get; }

    /// <summary>Creates a provider over a <c>pcf-factors/1</c> JSON file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="name">The provider's name; <see langword="null"/> for the file name.</param>
    /// <param name="policy">The fallbacks allowed; <see langword="null"/> for <see cref="FallbackPolicy.Default"/>.</param>
    /// <param name="limits">Limits on the document; <see langword="null"/> for the defaults.</param>
    /// <returns>The provider.</returns>
    public static FileFactorProvider FromJson(string path, string? name = null, FallbackPolicy? policy = null, JsonReadOptions? limits = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return new(name ?? System.IO.Path.GetFileName(path), path, policy, ct => FactorJson.ReadFileAsync(path, limits, ct));
    }

    /// <summary>Creates a provider over a factor CSV file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="name">The provider's name; <see langword="null"/> for the file name.</param>
    /// <param name="policy">The fallbacks allowed; <see langword="null"/> for <see cref="FallbackPolicy.Default"/>.</param>
    /// <param name="limits">Limits on the file (size, rows, string length, numbers); <see langword="null"/> for the defaults.</param>
    /// <returns>The provider.</returns>
    public static FileFactorProvider FromCsv(string path, string? name = null, FallbackPolicy? policy = null, JsonReadOptions? limits = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return new(name ?? System.IO.Path.GetFileName(path), path, policy, ct => FactorCsv.ReadFileAsync(path, limits, ct));
    }

    /// <summary>Reads the file if not yet read, and returns its factors.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The factors.</returns>
    /// <exception cref="ValidationException">The file has problems; the exception lists them.</exception>
    public async ValueTask<FactorCatalog> LoadAsync(CancellationToken cancellationToken = default) =>
        (await LoadProviderAsync(cancellationToken).ConfigureAwait(false)).Catalog;

    /// <inheritdoc/>
    /// <exception cref="ValidationException">The file has problems.</exception>
    public override async ValueTask<FactorLookup> FindAsync(FactorRequest request, CancellationToken cancellationToken = default) =>
        await (await LoadProviderAsync(cancellationToken).ConfigureAwait(false)).FindAsync(request, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc/>
    /// <exception cref="ValidationException">The file has problems.</exception>
    public override async ValueTask<IReadOnlyList<FactorLookup>> FindManyAsync(IReadOnlyList<FactorRequest> requests, CancellationToken cancellationToken = default) =>
        await (await LoadProviderAsync(cancellationToken).ConfigureAwait(false)).FindManyAsync(requests, cancellationToken).ConfigureAwait(false);

    private async ValueTask<InMemoryFactorProvider> LoadProviderAsync(CancellationToken cancellationToken)
    {
        // One shared load for all callers; a caller's cancellation stops its wait, not the load.
        var loading = Volatile.Read(ref _loading);
        if (loading is null)
        {
            var created = LoadCoreAsync();
            loading = Interlocked.CompareExchange(ref _loading, created, null) ?? created;
        }

        return await loading.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<InMemoryFactorProvider> LoadCoreAsync()
    {
        var catalog = (await _load(CancellationToken.None).ConfigureAwait(false)).ThrowIfInvalid();
        return new InMemoryFactorProvider(Name, catalog, Policy);
    }
}
