using System.CommandLine;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pcf.Accounting.Pact.Host;

namespace Pcf.Accounting.Cli.Commands;

/// <summary><c>pcf serve</c>: runs the PACT host over HTTPS on the given store until stopped.</summary>
internal static class ServeCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="context">Where it writes.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliContext context)
    {
        var store = StoreCommand.StoreOption();
        var urls = new Option<string>("--urls")
        {
            Description = "Where to listen: https URLs separated by ';'. Without --cert only loopback addresses, with an in-memory development certificate.",
            DefaultValueFactory = _ => "https://127.0.0.1:5443",
            HelpName = "https://host:port",
        };
        var cert = new Option<string>("--cert") { Description = "A PKCS#12 (.pfx) certificate for HTTPS; its password in --cert-password or PCF_CERT_PASSWORD.", HelpName = "file.pfx" };
        var password = new Option<string>("--cert-password") { Description = "The certificate's password.", HelpName = "password" };
        var publicUrl = new Option<string>("--public-url") { Description = "This host's public base URL, the source of the events it sends (behind a reverse proxy).", HelpName = "url" };
        var insecure = new Option<bool>("--allow-insecure-loopback-events") { Description = "Send events to clients' hosts on loopback over plain HTTP or with untrusted certificates (testing only)." };
        var behindProxy = new Option<bool>("--behind-proxy") { Description = "Trust X-Forwarded-For/-Proto/-Host from the reverse proxy in front (TLS terminated there; listen on http://127.0.0.1 then)." };
        var command = new Command("serve", "Runs the PACT host (Technical Specifications 3.0, and 2.3 from the same store) over HTTPS: /auth/token, /3/footprints, /3/footprints/{id}, /3/events. Stops with Ctrl+C.");
        command.Options.Add(store);
        command.Options.Add(urls);
        command.Options.Add(cert);
        command.Options.Add(password);
        command.Options.Add(publicUrl);
        command.Options.Add(insecure);
        command.Options.Add(behindProxy);
        Examples.Add(command,
            "pcf serve --store sqlite:footprints.db",
            "pcf serve --store \"postgres:Host=db;Database=pact;Username=pact\" --urls https://0.0.0.0:443 --cert host.pfx",
            "pcf serve --store sqlite:footprints.db --urls http://127.0.0.1:8080 --behind-proxy --public-url https://pact.example.com");
        command.SetAction(async (parse, ct) =>
        {
            bool proxy = parse.GetValue(behindProxy);
            var endpoints = new List<Uri>();
            foreach (string text in parse.GetRequiredValue(urls).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && !(proxy && url.Scheme == Uri.UriSchemeHttp && url.IsLoopback)))
                {
                    throw new CliException($"--urls: '{text}' must be an https URL (plain http only on loopback behind a reverse proxy, --behind-proxy).");
                }

                endpoints.Add(url);
            }

            X509Certificate2 certificate;
            if (parse.GetValue(cert) is { } file)
            {
                if (!File.Exists(file))
                {
                    throw new CliException(Directory.Exists(file) ? $"--cert: '{file}' is a folder, not a .pfx certificate." : $"--cert: the file '{file}' does not exist.");
                }

                try
                {
                    certificate = X509CertificateLoader.LoadPkcs12FromFile(file, parse.GetValue(password) ?? Environment.GetEnvironmentVariable("PCF_CERT_PASSWORD"));
                }
                catch (System.Security.Cryptography.CryptographicException e)
                {
                    throw new CliException($"--cert: '{file}' cannot be read as PKCS#12 (wrong password?): {e.Message}", e);
                }
            }
            else if (endpoints.Any(u => u.Scheme == Uri.UriSchemeHttps && !IsLoopback(u)))
            {
                throw new CliException("A development certificate serves loopback only; give --cert for other addresses.");
            }
            else
            {
                certificate = DevelopmentCertificate.Create();
            }

            var footprints = await StoreCommand.OpenAsync(parse.GetRequiredValue(store), ct).ConfigureAwait(false);
            await using var footprintsDisposal = footprints.ConfigureAwait(false); // migrate (and fail) before listening

            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
            builder.Logging.AddFilter("Pcf.Accounting.Pact.Host", LogLevel.Information);
            builder.WebHost.ConfigureKestrel(k =>
            {
                k.AddServerHeader = false;
                foreach (var url in endpoints)
                {
                    var addresses = url.Host == "localhost" ? [IPAddress.Loopback, IPAddress.IPv6Loopback]
                        : url.Host is "0.0.0.0" or "*" or "+" ? [IPAddress.Any]
                        : url.Host is "[::]" ? [IPAddress.IPv6Any]
                        : Dns.GetHostAddresses(url.Host);
                    foreach (var address in addresses)
                    {
                        k.Listen(address, url.Port, l =>
                        {
                            l.Protocols = HttpProtocols.Http1AndHttp2;
                            if (url.Scheme == Uri.UriSchemeHttps)
                            {
                                l.UseHttps(certificate);
                            }
                        });
                    }
                }
            });
            builder.Services.AddPactHost(o =>
            {
                o.Store = parse.GetRequiredValue(store);
                o.PublicBaseUrl = parse.GetValue(publicUrl) is { } p ? new Uri(p) : endpoints[0];
                o.AllowInsecureLoopbackEvents = parse.GetValue(insecure);
            });
            if (proxy)
            {
                builder.Services.Configure<ForwardedHeadersOptions>(o =>
                {
                    o.ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.All;
                    o.KnownIPNetworks.Clear();
                    o.KnownProxies.Clear();
                    o.KnownProxies.Add(IPAddress.Loopback);
                    o.KnownProxies.Add(IPAddress.IPv6Loopback);
                });
            }

            var app = builder.Build();
            await using var appDisposal = app.ConfigureAwait(false);
            if (proxy)
            {
                app.UseForwardedHeaders();
            }

            app.MapPactEndpoints();
            await app.StartAsync(ct).ConfigureAwait(false);
            context.Out.WriteLine($"PACT host listening on {string.Join(", ", endpoints)} (store {parse.GetRequiredValue(store)}). Ctrl+C stops it.");
            context.Out.Flush();
            try
            {
                await Task.Delay(Timeout.Infinite, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C: stop below.
            }

            await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
            context.Out.WriteLine("PACT host stopped.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static bool IsLoopback(Uri url) => url.IsLoopback || (IPAddress.TryParse(url.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}
