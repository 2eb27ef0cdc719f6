using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Pcf.Accounting.Cli.Rendering;
using Pcf.Accounting.Pact;
using Pcf.Accounting.Pact.Host.Security;
using Pcf.Accounting.Pact.Host.Store;
using Spectre.Console;

namespace Pcf.Accounting.Cli.Commands;

/// <summary><c>pcf store list|show|history|share|client</c>: reads back the footprint store and manages who may see what.</summary>
internal static class StoreCommand
{
    /// <summary>Creates the <c>--store</c> option.</summary>
    /// <returns>The option.</returns>
    public static Option<string> StoreOption() => new("--store")
    {
        Description = "The footprint store: sqlite:FILE (created if absent), postgres:NPGSQL-CONNECTION-STRING or postgresql://user:password@host:port/database.",
        DefaultValueFactory = _ => "sqlite:footprints.db",
        HelpName = "connection",
    };

    /// <summary>Opens and migrates a store.</summary>
    /// <param name="connection">The connection string.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The store.</returns>
    /// <exception cref="CliException">The connection string is not one, or the store cannot be opened.</exception>
    public static async Task<IFootprintStore> OpenAsync(string connection, CancellationToken cancellationToken)
    {
        IFootprintStore store;
        try
        {
            store = FootprintStores.Open(connection);
        }
        catch (ArgumentException e)
        {
            throw new CliException($"--store: {e.Message}", e);
        }

        try
        {
            await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
            return store;
        }
        catch (Exception e) when (e is System.Data.Common.DbException or IOException or InvalidOperationException)
        {
            await store.DisposeAsync().ConfigureAwait(false);
            throw new CliException($"The store '{connection}' cannot be opened: {e.Message}", e);
        }
    }

    /// <summary>Creates the command.</summary>
    /// <param name="context">Where it writes.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliContext context)
    {
        var command = new Command("store", "Reads the footprint store (every version, its result and content hashes) and manages the clients of the PACT host.");
        command.Subcommands.Add(List(context));
        command.Subcommands.Add(Show(context));
        command.Subcommands.Add(History(context));
        command.Subcommands.Add(Share(context));
        command.Subcommands.Add(Client(context));
        Examples.Add(command, "pcf store list --store sqlite:footprints.db", "pcf store history urn:pact:product:bracket-400", "pcf store client add buyer-1 --name \"Buyer One\"");
        return command;
    }

    private static Command List(CliContext context)
    {
        var store = StoreOption();
        var all = new Option<bool>("--all") { Description = "Include deprecated versions." };
        var json = new Option<bool>("--json") { Description = "Print the stored footprints as a PACT list response ({\"data\": [...]})." };
        var factors = CalculationOptionSet.FactorFilesOption();
        factors.Description = "Today's factor files, asked before the embedded data, to check each stored result against (its factors resolved again): a dataset whose values changed marks the result STALE; repeatable.";
        var command = new Command("list", "Lists the stored footprints: id, product, status, total, stored time and whether the result is stale (a newer version of the product, or factors that resolve differently today).");
        command.Options.Add(store);
        command.Options.Add(all);
        command.Options.Add(json);
        command.Options.Add(factors);
        var output = new TableOutput();
        output.Format.Description = "table: for reading at the console's width; csv: the same columns as one CSV table (RFC 4180), the total a bare number in kg CO2e and times in ISO 8601 UTC.";
        output.AddTo(command);
        Examples.Add(command, "pcf store list", "pcf store list --all --store sqlite:footprints.db", "pcf store list --json --out footprints.json", "pcf store list --format csv --out footprints.csv");
        command.SetAction(async (parse, ct) =>
        {
            // --json writes a document too: --out takes it (checked here, before the table's own check wants csv).
            string? jsonTarget = null;
            if (parse.GetValue(json))
            {
                if (string.Equals(parse.GetValue(output.Format), "csv", StringComparison.OrdinalIgnoreCase))
                {
                    throw new CliException("--json and --format csv ask for two documents: give one.", exitCode: ExitCodes.Usage);
                }

                jsonTarget = DocumentOutput.Target(parse, output.Out, document: true, "--json or --format csv");
            }

            bool csv = !parse.GetValue(json) && output.Check(parse);

            var footprints = await OpenAsync(parse.GetRequiredValue(store), ct).ConfigureAwait(false);
            await using var footprintsDisposal = footprints.ConfigureAwait(false);
            var items = new List<StoredFootprint>();
            long after = 0;
            while (true)
            {
                var criteria = new Pcf.Accounting.Pact.Events.PactRequestCriteria { Status = parse.GetValue(all) ? null : "Active" };
                var page = await footprints.ListAsync(new FootprintQuery(null, criteria, 500, after), ct).ConfigureAwait(false);
                items.AddRange(page.Items);
                if (!page.HasMore)
                {
                    break;
                }

                after = page.Items[^1].Sequence;
            }

            if (parse.GetValue(json))
            {
                await DocumentOutput.WriteAsync(context, jsonTarget, "{\"data\":[" + string.Join(",", items.Select(i => i.Document)) + "]}\n", ct).ConfigureAwait(false);
                return ExitCodes.Success;
            }

            var table = csv
                ? new Table().AddColumns("id", "product", "status", "pcfExcludingBiogenicUptake (kg CO2e)", "declared unit amount", "declared unit", "stored", "result")
                : new Table().AddColumns("id", "product", "status", "pcfExcludingBiogenicUptake", "declared unit", "stored", "result");
            Pcf.Accounting.Factors.FactorResolver? resolver = null;
            foreach (var item in items)
            {
                var f = item.Footprint;
                var stale = await StaleNamesAsync(context, footprints, item, resolver ??= await ResolverAsync(context, parse.GetValue(factors) ?? [], ct).ConfigureAwait(false), ct).ConfigureAwait(false);
                string result = item.ResultJson is null ? (csv ? string.Empty : "-") : stale.Count == 0 ? "current" : "STALE (" + string.Join(", ", stale) + ")";
                if (csv)
                {
                    table.AddRow(Cells.Text(item.Id.ToString()), Cells.Text(item.ProductKey), Cells.Text(item.Status.ToString()),
                        Cells.Text(Exact(f.Pcf.PcfExcludingBiogenicUptake)), Cells.Text(Exact(f.Pcf.DeclaredUnitAmount)), Cells.Text(f.Pcf.DeclaredUnitOfMeasurement.ToString()),
                        Cells.Text(Utc(item.StoredAt)), Cells.Text(result));
                    continue;
                }

                table.AddRow(Markup.Escape(item.Id.ToString()), Markup.Escape(item.ProductKey), item.Status.ToString(),
                    f.Pcf.PcfExcludingBiogenicUptake.ToString(CultureInfo.InvariantCulture) + " kg CO2e",
                    Markup.Escape($"{f.Pcf.DeclaredUnitAmount.ToString(CultureInfo.InvariantCulture)} {f.Pcf.DeclaredUnitOfMeasurement}"),
                    item.StoredAt.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture), Markup.Escape(result));
            }

            if (csv)
            {
                await output.WriteAsync(context, parse, [table], ct).ConfigureAwait(false);
                return ExitCodes.Success;
            }

            context.Console.Write(Cells.Fit(table));
            context.Out.WriteLine($"{items.Count} footprint{(items.Count == 1 ? string.Empty : "s")}.");
            return ExitCodes.Success;
        });
        return command;
    }

    // Today's providers: the factor files given, then the registered ones (the embedded data).
    private static async Task<Pcf.Accounting.Factors.FactorResolver> ResolverAsync(CliContext context, IEnumerable<string> files, CancellationToken cancellationToken)
    {
        var providers = await Calculation.ReadFactorFilesAsync(context, files, cancellationToken).ConfigureAwait(false);
        using var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateScope(context.Services);
        providers.AddRange(Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Pcf.Accounting.Factors.FactorResolver>(scope.ServiceProvider).Providers);
        return new Pcf.Accounting.Factors.FactorResolver(providers);
    }

    // Why a stored result is stale: a newer version of the product recorded other hashes (the store), or its factors resolve to other
    // values today (the result's factor-set hashes, checked by the library against today's providers).
    private static async Task<List<string>> StaleNamesAsync(CliContext context, IFootprintStore footprints, StoredFootprint item, Pcf.Accounting.Factors.FactorResolver resolver, CancellationToken cancellationToken)
    {
        var names = (await footprints.StalenessAsync(item, cancellationToken).ConfigureAwait(false)).Select(s => s.Name).ToList();
        if (item.ResultJson is { } text && Pcf.Accounting.Json.FootprintResultJson.Read(text) is { IsValid: true } read)
        {
            var check = await Pcf.Accounting.Engine.FootprintStaleness.CheckFactorsAsync(read.Value, resolver, cancellationToken).ConfigureAwait(false);
            if (check.IsValid)
            {
                names.AddRange(check.Value.Select(s => "data: " + s.Name));
            }
        }

        _ = context;
        return names;
    }

    // A PACT decimal whole (invariant), and a time in ISO 8601 UTC to the tick, as the CSV outputs write them.
    private static string Exact(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Utc(DateTimeOffset time) => time.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    private static Command Show(CliContext context)
    {
        var store = StoreOption();
        var id = new Argument<string>("id") { Description = "The footprint id (a UUID)." };
        var result = new Option<bool>("--result") { Description = "Print the stored pcf-result/1 result instead of the PACT document." };
        var command = new Command("show", "Shows one stored version: the PACT 3.0 document, then its product key, status, access list, content hashes and whether they are still current.");
        var output = DocumentOutput.Option("the PACT document (or with --result the pcf-result/1 document)");
        command.Arguments.Add(id);
        command.Options.Add(store);
        command.Options.Add(result);
        command.Options.Add(output);
        Examples.Add(command, "pcf store show 3f1c0a52-6f3e-4bb7-9f1e-5a1d2c3b4a59", "pcf store show 3f1c0a52-6f3e-4bb7-9f1e-5a1d2c3b4a59 --result --out result.json");
        command.SetAction(async (parse, ct) =>
        {
            string text = parse.GetRequiredValue(id);
            if (!Guid.TryParse(text, out var guid))
            {
                throw new CliException($"'{text}' is not a footprint id (a UUID).");
            }

            string? target = DocumentOutput.Target(parse, output, document: true, string.Empty);
            var footprints = await OpenAsync(parse.GetRequiredValue(store), ct).ConfigureAwait(false);
            await using var footprintsDisposal = footprints.ConfigureAwait(false);
            var item = await footprints.GetAsync(guid, ct).ConfigureAwait(false) ?? throw new CliException($"No footprint {guid} is stored.");
            if (parse.GetValue(result))
            {
                await DocumentOutput.WriteAsync(context, target, (item.ResultJson ?? throw new CliException($"Footprint {guid} was stored without a calculation result.")) + "\n", ct).ConfigureAwait(false);
                return ExitCodes.Success;
            }

            await DocumentOutput.WriteAsync(context, target, System.Text.Encoding.UTF8.GetString(PactJson.Write(item.Footprint)) + "\n", ct).ConfigureAwait(false);
            var stale = await footprints.StalenessAsync(item, ct).ConfigureAwait(false);
            context.Error.WriteLine($"product: {item.ProductKey}; status: {item.Status}{(item.SupersededBy is { } by ? $" (superseded by {by})" : string.Empty)}; stored {item.StoredAt:O}");
            context.Error.WriteLine($"shared with: {(item.SharedWith.IsEmpty ? "nobody" : string.Join(", ", item.SharedWith))}");
            context.Error.WriteLine($"system: {item.SystemHash ?? "-"}");
            foreach (var hash in item.FactorSetHashes)
            {
                context.Error.WriteLine($"factors: {hash}");
            }

            context.Error.WriteLine(item.ResultJson is null ? "result: none stored" : stale.IsEmpty ? "result: current (its inputs' hashes are the latest known)" : "result: STALE");
            foreach (var s in stale)
            {
                context.Error.WriteLine($"  {s.Name} changed: {s.StoredHash} -> {s.CurrentHash}");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command History(CliContext context)
    {
        var store = StoreOption();
        var product = new Argument<string>("product") { Description = "The product key or one of the product's ids." };
        var command = new Command("history", "Lists every version of a product, oldest first: id, status, what superseded it, total and stored time.");
        command.Arguments.Add(product);
        command.Options.Add(store);
        var output = new TableOutput();
        output.Format.Description = "table: for reading at the console's width; csv: the same columns as one CSV table (RFC 4180), the total a bare number in kg CO2e and times in ISO 8601 UTC.";
        output.AddTo(command);
        Examples.Add(command, "pcf store history urn:pact:product:bracket-400", "pcf store history urn:pact:product:bracket-400 --format csv --out versions.csv");
        command.SetAction(async (parse, ct) =>
        {
            bool csv = output.Check(parse);
            var footprints = await OpenAsync(parse.GetRequiredValue(store), ct).ConfigureAwait(false);
            await using var footprintsDisposal = footprints.ConfigureAwait(false);
            var versions = await footprints.HistoryAsync(parse.GetRequiredValue(product), ct).ConfigureAwait(false);
            if (versions.IsEmpty)
            {
                throw new CliException($"No version of '{parse.GetRequiredValue(product)}' is stored.");
            }

            var table = new Table().AddColumns("#", "id", "status", "superseded by", csv ? "pcfExcludingBiogenicUptake (kg CO2e)" : "pcfExcludingBiogenicUptake", "stored");
            int n = 1;
            foreach (var v in versions)
            {
                decimal total = v.Footprint.Pcf.PcfExcludingBiogenicUptake;
                table.AddRow(Cells.Text((n++).ToString(CultureInfo.InvariantCulture)), Cells.Text(v.Id.ToString()), Cells.Text(v.Status.ToString()),
                    Cells.Text(v.SupersededBy?.ToString() ?? (csv ? string.Empty : "-")),
                    Cells.Text(csv ? Exact(total) : total.ToString(CultureInfo.InvariantCulture) + " kg CO2e"),
                    Cells.Text(csv ? Utc(v.StoredAt) : v.StoredAt.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture)));
            }

            await output.WriteAsync(context, parse, [table], ct).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Share(CliContext context)
    {
        var store = StoreOption();
        var id = new Argument<string>("id") { Description = "The footprint id." };
        var with = new Option<string[]>("--with") { Description = "A client id, or * for every client; repeatable.", Required = true, Arity = ArgumentArity.OneOrMore, HelpName = "client-id" };
        var command = new Command("share", "Shares a stored footprint with clients of the host (its later versions inherit the access).");
        command.Arguments.Add(id);
        command.Options.Add(store);
        command.Options.Add(with);
        Examples.Add(command, "pcf store share 3f1c0a52-6f3e-4bb7-9f1e-5a1d2c3b4a59 --with buyer-1");
        command.SetAction(async (parse, ct) =>
        {
            if (!Guid.TryParse(parse.GetRequiredValue(id), out var guid))
            {
                throw new CliException($"'{parse.GetRequiredValue(id)}' is not a footprint id (a UUID).");
            }

            var footprints = await OpenAsync(parse.GetRequiredValue(store), ct).ConfigureAwait(false);
            await using var footprintsDisposal = footprints.ConfigureAwait(false);
            foreach (string client in parse.GetRequiredValue(with))
            {
                if (client != "*" && await footprints.FindClientAsync(client, ct).ConfigureAwait(false) is null)
                {
                    throw new CliException($"No client '{client}' (pcf store client add {client}).");
                }

                if (!await footprints.ShareAsync(guid, client, ct).ConfigureAwait(false))
                {
                    throw new CliException($"No footprint {guid} is stored.");
                }

                context.Out.WriteLine($"Shared {guid} with {client}.");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Client(CliContext context)
    {
        var command = new Command("client", "Manages the clients (data recipients) that may call the PACT host.");
        var store = StoreOption();
        var id = new Argument<string>("client-id") { Description = "The client id (OAuth2 client_id)." };
        var name = new Option<string>("--name") { Description = "A name for people; by default the id.", HelpName = "text" };
        var secret = new Option<string>("--secret") { Description = "The secret; by default a random one is made and printed once. Only its hash is stored.", HelpName = "secret" };
        var eventsUrl = new Option<string>("--events-url") { Description = "The base URL of the client's own PACT host: answers to its requests and published events go to its /3/events.", HelpName = "url" };
        var eventsId = new Option<string>("--events-client-id") { Description = "The client id this host presents to the client's host to send it events.", HelpName = "id" };
        var eventsSecret = new Option<string>("--events-client-secret") { Description = "The secret this host presents to the client's host (stored as given: it must be presented).", HelpName = "secret" };
        var add = new Command("add", "Adds a client, or replaces one with the same id.");
        add.Arguments.Add(id);
        add.Options.Add(store);
        add.Options.Add(name);
        add.Options.Add(secret);
        add.Options.Add(eventsUrl);
        add.Options.Add(eventsId);
        add.Options.Add(eventsSecret);
        Examples.Add(add, "pcf store client add buyer-1 --name \"Buyer One\"", "pcf store client add buyer-2 --events-url https://pact.buyer.example --events-client-id supplier-x --events-client-secret s3cret");
        add.SetAction(async (parse, ct) =>
        {
            string clientId = parse.GetRequiredValue(id);
            if (clientId.Length == 0 || clientId.Contains(':', StringComparison.Ordinal) || clientId == "*")
            {
                throw new CliException($"'{clientId}' cannot be a client id (no ':' and not '*': HTTP Basic authentication splits at the first ':').");
            }

            string given = parse.GetValue(secret) ?? ClientSecrets.Generate();
            Uri? events = null;
            if (parse.GetValue(eventsUrl) is { } url)
            {
                if (!Uri.TryCreate(url, UriKind.Absolute, out events) || (events.Scheme != Uri.UriSchemeHttps && !(events.IsLoopback && events.Scheme == Uri.UriSchemeHttp)))
                {
                    throw new CliException($"--events-url '{url}' must be an absolute https URL (http only on loopback, for testing).");
                }
            }

            var footprints = await OpenAsync(parse.GetRequiredValue(store), ct).ConfigureAwait(false);
            await using var footprintsDisposal = footprints.ConfigureAwait(false);
            await footprints.SaveClientAsync(new PactClient
            {
                ClientId = clientId,
                Name = parse.GetValue(name) ?? clientId,
                SecretHash = ClientSecrets.Hash(given),
                EventsBaseUrl = events,
                EventsClientId = parse.GetValue(eventsId),
                EventsClientSecret = parse.GetValue(eventsSecret),
            }, ct).ConfigureAwait(false);
            context.Out.WriteLine($"Client '{clientId}' saved.");
            if (parse.GetValue(secret) is null)
            {
                context.Out.WriteLine($"Secret (shown once, only its hash is stored): {given}");
            }

            return ExitCodes.Success;
        });
        var list = new Command("list", "Lists the clients (never their secrets).");
        var listStore = StoreOption();
        list.Options.Add(listStore);
        var listOutput = new TableOutput();
        listOutput.AddTo(list);
        Examples.Add(list, "pcf store client list", "pcf store client list --format csv");
        list.SetAction(async (parse, ct) =>
        {
            bool csv = listOutput.Check(parse);
            var footprints = await OpenAsync(parse.GetRequiredValue(listStore), ct).ConfigureAwait(false);
            await using var footprintsDisposal = footprints.ConfigureAwait(false);
            var table = new Table().AddColumns("client id", "name", "events URL", "disabled");
            foreach (var c in await footprints.ClientsAsync(ct).ConfigureAwait(false))
            {
                table.AddRow(Cells.Text(c.ClientId), Cells.Text(c.Name), Cells.Text(c.EventsBaseUrl?.AbsoluteUri ?? (csv ? string.Empty : "-")), Cells.Text(c.Disabled ? "yes" : "no"));
            }

            await listOutput.WriteAsync(context, parse, [table], ct).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        var remove = new Command("remove", "Removes a client and its access; its tokens stop working within 30 seconds.");
        var removeStore = StoreOption();
        var removeId = new Argument<string>("client-id") { Description = "The client id." };
        remove.Arguments.Add(removeId);
        remove.Options.Add(removeStore);
        Examples.Add(remove, "pcf store client remove buyer-1");
        remove.SetAction(async (parse, ct) =>
        {
            var footprints = await OpenAsync(parse.GetRequiredValue(removeStore), ct).ConfigureAwait(false);
            await using var footprintsDisposal = footprints.ConfigureAwait(false);
            if (!await footprints.RemoveClientAsync(parse.GetRequiredValue(removeId), ct).ConfigureAwait(false))
            {
                throw new CliException($"No client '{parse.GetRequiredValue(removeId)}'.");
            }

            context.Out.WriteLine($"Client '{parse.GetRequiredValue(removeId)}' removed.");
            return ExitCodes.Success;
        });
        command.Subcommands.Add(add);
        command.Subcommands.Add(list);
        command.Subcommands.Add(remove);
        Examples.Add(command, "pcf store client add buyer-1", "pcf store client list");
        return command;
    }
}
