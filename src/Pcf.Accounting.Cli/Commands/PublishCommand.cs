using System.CommandLine;
using System.Text;
using System.Text.Json;
using Pcf.Accounting.Cli.Pact;
using Pcf.Accounting.Json;
using Pcf.Accounting.Pact;
using Pcf.Accounting.Pact.Host.Store;

namespace Pcf.Accounting.Cli.Commands;

/// <summary><c>pcf publish</c>: calculates, exports as PACT 3.0 and stores the footprint with its result, content hashes and access list;
/// a stored version of the same product is superseded, never overwritten.</summary>
internal static class PublishCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="context">Where it writes.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliContext context)
    {
        var inputs = new CalculationOptionSet();
        var product = new Option<string>("--product")
        {
            Description = "The product and company metadata (as for pcf export).",
            Required = true,
            HelpName = "meta.json",
        };
        var store = StoreCommand.StoreOption();
        var share = new Option<string[]>("--share")
        {
            Description = "A client id to share the footprint with (its earlier versions' clients keep access); * for every client; repeatable.",
            Arity = ArgumentArity.ZeroOrMore,
            HelpName = "client-id",
        };
        var key = new Option<string>("--key")
        {
            Description = "The key the product's versions share; by default its first product id.",
            HelpName = "product-key",
        };
        var command = new Command("publish", "Calculates a footprint, exports it as a PACT 3.0 ProductFootprint and stores it with its pcf-result/1 result and the content hashes of the system and factor files. The product's current version is deprecated and listed in the new one's precedingPfIds.");
        inputs.AddTo(command);
        command.Options.Add(product);
        command.Options.Add(store);
        command.Options.Add(share);
        command.Options.Add(key);
        Examples.Add(command,
            "pcf publish samples/steel-bracket.json --product bracket.meta.json --store sqlite:footprints.db --share buyer-1",
            "pcf publish system.json --product product.json --factors grid-2024.json --store \"postgres:Host=db;Database=pact;Username=pact\"");
        command.SetAction(async (parse, ct) =>
        {
            string productFile = parse.GetRequiredValue(product);
            var calculation = inputs.Read(parse);
            var metadata = ProductMetadataReader.Read(await Calculation.ReadFileAsync(productFile, ct).ConfigureAwait(false));
            if (!metadata.IsValid)
            {
                throw CliException.FromProblems($"'{productFile}' is not valid product metadata.", productFile, metadata.Problems);
            }

            var (stored, losses, previous) = await context.RunWithProgressAsync($"Reading {productFile}", async step =>
            {
                var result = await Calculation.CalculateAsync(calculation, step, ct).ConfigureAwait(false);
                step("Exporting PACT 3.0");
                var export = PactExporter.ToV3(result, metadata.Value);
                if (!export.IsValid)
                {
                    throw CliException.FromProblems("The PACT 3.0 export failed.", productFile, export.Problems);
                }

                step("Storing");
                var footprints = await StoreCommand.OpenAsync(parse.GetRequiredValue(store), ct).ConfigureAwait(false);
            await using var footprintsDisposal = footprints.ConfigureAwait(false);
                var publication = new FootprintPublication
                {
                    Footprint = export.Value.Value,
                    ProductKey = parse.GetValue(key),
                    ResultJson = FootprintResultJson.Write(result),
                    SystemHash = (await InputHashes.SystemAsync(calculation.SystemFile, ct).ConfigureAwait(false)).Hash,
                    FactorSetHashes = [.. await InputHashes.FactorSetsAsync(calculation.FactorFiles, ct).ConfigureAwait(false)],
                    ShareWith = [.. parse.GetValue(share) ?? []],
                };
                var history = await footprints.HistoryAsync(publication.EffectiveProductKeyForCli(), ct).ConfigureAwait(false);
                var saved = await footprints.PublishAsync(publication, ct).ConfigureAwait(false);
                return (saved, export.Value.Losses, history.Where(h => h.Status == PfStatus.Active).Select(h => h.Id).ToList());
            }).ConfigureAwait(false);

            foreach (var loss in losses)
            {
                context.Error.WriteLine($"warning: {loss.Path}  {loss.Kind}  {loss.Reason}");
            }

            context.Out.WriteLine($"Stored footprint {stored.Id} for product '{stored.ProductKey}' (status {stored.Status}).");
            foreach (var id in previous)
            {
                context.Out.WriteLine($"Superseded {id} (now Deprecated; listed in precedingPfIds).");
            }

            context.Out.WriteLine(stored.SharedWith.IsEmpty ? "Shared with no client yet (pcf store share)." : $"Shared with: {string.Join(", ", stored.SharedWith)}.");
            context.Out.Flush();
            return ExitCodes.Success;
        });
        return command;
    }

    private static string EffectiveProductKeyForCli(this FootprintPublication publication) => (publication.ProductKey ?? publication.Footprint.ProductIds[0]).ToLowerInvariant();
}

/// <summary>The content hashes <c>pcf publish</c> stores beside a result.</summary>
/// <remarks>Until the result carries the hashes of its own system and factor sets, they are computed here, in one place that can be
/// swapped for the result's: SHA-256 of the canonical bytes of each input, that is the JSON re-written compact without comments
/// (so spacing and comments do not count) or, for a CSV factor file, its bytes with line endings made LF. The embedded factor
/// data are named by their assembly version.</remarks>
internal static class InputHashes
{
    /// <summary>The hash of a product system file (named <c>system:&lt;product key&gt;</c> by the store).</summary>
    public static async Task<ContentHash> SystemAsync(string path, CancellationToken cancellationToken) =>
        ContentHash.Of(Path.GetFileName(path), Canonical(path, await Calculation.ReadFileAsync(path, cancellationToken).ConfigureAwait(false)));

    /// <summary>The hashes of the factor files given (named by file name) and of the embedded defaults (named by version).</summary>
    public static async Task<List<ContentHash>> FactorSetsAsync(IEnumerable<string> files, CancellationToken cancellationToken)
    {
        var hashes = new List<ContentHash>();
        foreach (string value in files)
        {
            var (key, path) = SupplierFootprints.SplitKey(value);
            var bytes = await Calculation.ReadFileAsync(path, cancellationToken).ConfigureAwait(false);
            hashes.Add(ContentHash.Of((key is null ? string.Empty : key + "=") + Path.GetFileName(path), Canonical(path, bytes)));
        }

        var data = typeof(Pcf.Accounting.Data.DefaultFactors).Assembly;
        string version = data.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion ?? data.GetName().Version?.ToString() ?? "unknown";
        hashes.Add(new ContentHash("embedded:Pcf.Accounting.Data", ContentHash.Of("v", Encoding.UTF8.GetBytes(version)).Hash));
        return hashes;
    }

    private static byte[] Canonical(string path, byte[] bytes)
    {
        if (path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            return Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes).Replace("\r\n", "\n", StringComparison.Ordinal));
        }

        try
        {
            using var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                document.WriteTo(writer);
            }

            return buffer.ToArray();
        }
        catch (JsonException)
        {
            return bytes;
        }
    }
}
