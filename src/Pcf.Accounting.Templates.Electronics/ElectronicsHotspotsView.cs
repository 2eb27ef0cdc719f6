using System.Globalization;
using Pcf.Accounting.Results;

namespace Pcf.Accounting.Templates.Electronics;

/// <summary>The hotspots of an electronics footprint: the contribution of each top-level module, of each part type, and of each
/// part with the source of its data (a supplier's primary footprint, or the model and its secondary factors).</summary>
/// <remarks>
/// <para>Computed from the inventory alone (the processes' <c>bom:*</c> tags and factor uses), so a result read back from
/// <c>pcf-result/1</c> gives the same lines. Keys: <c>module:&lt;id&gt;</c>, <c>part-type:&lt;type&gt;</c> (kg CO2e, with the share in
/// the note), <c>part:&lt;path&gt;</c> (kg CO2e per piece of product; the note names the model and the factors' sources and data
/// quality), and <c>primary:&lt;path&gt;</c> (the part's share of primary data, 0 to 1).</para>
/// </remarks>
/// <threadsafety>Stateless and thread-safe.</threadsafety>
internal sealed class ElectronicsHotspotsView : IFootprintView
{
    public const string ViewId = "electronics-hotspots";

    public string Id => ViewId;

    public string Title => "Electronics hotspots: by module, by part type, and each part with its data source";

    public ViewResult Compute(FootprintResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var lines = new List<ViewLine>();

        // Modules carry the part type "module" but no inputs of their own: that line would always be 0, so it is left out.
        foreach (var (tag, prefix) in new[] { (ElectronicsBomTemplate.ModuleTag, "module"), (ElectronicsBomTemplate.PartTypeTag, "part-type") })
        {
            foreach (var group in result.ByTagName(tag).Where(g => g.Tagged && !(prefix == "part-type" && g.Value == "module")).OrderByDescending(g => g.Co2e).ThenBy(g => g.Value, StringComparer.Ordinal))
            {
                lines.Add(new ViewLine($"{prefix}:{group.Value}", $"{(prefix == "module" ? "Module" : "Part type")} {group.Value}", group.Co2e, "kg CO2e")
                {
                    Note = string.Create(CultureInfo.InvariantCulture, $"{group.Share:P1} of the total; {group.Processes} process(es)"),
                });
            }
        }

        var byProcess = result.ByProcess.ToDictionary(p => p.Process, p => p.Total.Value);
        var parts = result.Inventory.Processes
            .Select(p => (Process: p, Part: TagValue(p, ElectronicsBomTemplate.PartTag), Model: TagValue(p, ElectronicsBomTemplate.ModelTag)))
            .Where(x => x.Part is not null && x.Model is not "module" && !x.Process.FactorUses.IsEmpty)
            .Select(x => (x.Process, x.Part, x.Model, Co2e: byProcess.GetValueOrDefault(x.Process.Id)))
            .OrderByDescending(x => x.Co2e).ThenBy(x => x.Part, StringComparer.Ordinal);
        foreach (var (process, part, model, co2e) in parts)
        {
            double positive = 0, primary = 0;
            var sources = new List<string>();
            foreach (var use in process.FactorUses)
            {
                var factor = result.Inventory.Factors[use.Factor];
                positive += Math.Max(use.Co2e, 0);
                primary += factor.IsPrimaryData || process.IsPrimaryData ? Math.Max(use.Co2e, 0) : 0;
                string quality = factor.DataQuality is { } dq ? $", DQR {dq}" : string.Empty;
                string fallback = factor.IsLessRepresentative ? ", fallback" : string.Empty;
                string line = $"{(factor.IsPrimaryData ? "primary" : "secondary")}: {factor.Factor.Key} ({factor.Source}{quality}{fallback})";
                if (!sources.Contains(line, StringComparer.Ordinal))
                {
                    sources.Add(line);
                }
            }

            double share = positive > 0 ? primary / positive : process.IsPrimaryData ? 1 : 0;
            lines.Add(new ViewLine($"part:{part}", $"{process.Name} [{model}]", co2e, "kg CO2e")
            {
                Note = $"model {model}; {string.Join("; ", sources)}",
            });
            lines.Add(new ViewLine($"primary:{part}", $"Primary-data share of {part}", share, "1"));
        }

        return new ViewResult(Id, Title, [.. lines]);
    }

    private static string? TagValue(InventoryProcess process, string name) =>
        process.Tags.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.Ordinal)) is { Text: not null } tag ? tag.Value : null;
}
