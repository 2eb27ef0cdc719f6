using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Pcf.Accounting.Pact.Host.Security;
using Pcf.Accounting.Pact.Host.Store;

namespace Pcf.Accounting.Pact.Host;

/// <summary>What the endpoints share: the store migrated on start, the token service keyed from the store, and a short cache of clients.</summary>
internal sealed class PactHostState(IFootprintStore store, TimeProvider time) : IHostedService
{
    private static readonly TimeSpan ClientCacheTime = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<string, (PactClient? Client, DateTimeOffset Until)> _clients = new(StringComparer.Ordinal);
    private AccessTokens? _tokens;

    public IFootprintStore Store => store;

    public TimeProvider Time => time;

    public AccessTokens Tokens => _tokens ?? throw new InvalidOperationException("The PACT host has not started: its store is not migrated yet.");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
        _tokens = new AccessTokens(await store.SigningKeyAsync(cancellationToken).ConfigureAwait(false));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Finds a client, cached for 30 s: a disabled or removed client loses access within that time.</summary>
    public async ValueTask<PactClient?> ClientAsync(string clientId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_clients.TryGetValue(clientId, out var cached) && cached.Until > now)
        {
            return cached.Client;
        }

        var client = await store.FindClientAsync(clientId, cancellationToken).ConfigureAwait(false);
        if (_clients.Count > 10_000)
        {
            _clients.Clear();
        }

        _clients[clientId] = (client, now + ClientCacheTime);
        return client;
    }
}
