using System.CommandLine;
using System.Text;
using System.Text.Json;
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
            var metadata = await Calculation.ReadProductMetadataAsync(context, productFile, ct).ConfigureAwait(false);

            var (stored, losses, previous) = await context.RunWithProgressAsync($"Reading {productFile}", async step =>
            {
                var result = await Calculation.CalculateAsync(context, calculation, step, ct).ConfigureAwait(false);
                step("Exporting PACT 3.0");
                var export = PactExporter.ToV3(result, metadata);
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
                    // The result's own hashes: its system's canonical content, and each dataset's factors as used. Factor sets are
                    // named per product, so a newer version of this product marks the older ones stale; whether the data changed since
                    // is checked against today's providers (pcf store list/show).
                    SystemHash = result.System.ContentHash,
                    FactorSetHashes = [.. result.FactorSets.Select(f => new ContentHash($"factors:{parse.GetValue(key) ?? metadata.ProductIds[0]}:{f.Name}".ToLowerInvariant(), f.Hash))],
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
