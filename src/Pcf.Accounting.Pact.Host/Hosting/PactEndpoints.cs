using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Pcf.Accounting.Pact;
using Pcf.Accounting.Pact.Events;
using Pcf.Accounting.Pact.Host;
using Pcf.Accounting.Pact.Host.Events;
using Pcf.Accounting.Pact.Host.Security;
using Pcf.Accounting.Pact.Host.Store;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the PACT host's HTTP API.</summary>
public static class PactEndpointRouteBuilderExtensions
{
    /// <summary>Maps <c>POST /auth/token</c>, <c>GET /.well-known/openid-configuration</c>, <c>GET /3/footprints</c>,
    /// <c>GET /3/footprints/{id}</c>, <c>POST /3/events</c>, and (unless turned off) the 2.3 endpoints under <c>/2/</c>.</summary>
    /// <param name="endpoints">The application.</param>
    /// <returns>A builder for the group of endpoints (to add a prefix's conventions, rate limiting, …).</returns>
    /// <exception cref="InvalidOperationException"><c>services.AddPactHost()</c> was not called.</exception>
    public static IEndpointConventionBuilder MapPactEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (endpoints.ServiceProvider.GetService<PactHostState>() is null)
        {
            throw new InvalidOperationException("Call services.AddPactHost() before app.MapPactEndpoints().");
        }

        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<PactHostOptions>>().Value;
        var group = endpoints.MapGroup(string.Empty);
        group.MapPost("/auth/token", PactApi.TokenAsync);
        group.MapGet("/.well-known/openid-configuration", PactApi.DiscoveryAsync);
        group.MapGet("/3/footprints", c => PactApi.ListAsync(c, PactSpecVersion.Version30));
        group.MapGet("/3/footprints/{id}", c => PactApi.GetAsync(c, PactSpecVersion.Version30));
        group.MapPost("/3/events", c => PactApi.EventsAsync(c, PactSpecVersion.Version30));
        group.Map("/3/{**rest}", PactApi.NotFoundAsync);
        if (options.ServeVersion23)
        {
            group.MapGet("/2/footprints", c => PactApi.ListAsync(c, PactSpecVersion.Version23));
            group.MapGet("/2/footprints/{id}", c => PactApi.GetAsync(c, PactSpecVersion.Version23));
            group.MapPost("/2/events", c => PactApi.EventsAsync(c, PactSpecVersion.Version23));
            group.Map("/2/{**rest}", PactApi.NotFoundAsync);
        }

        return group;
    }
}
