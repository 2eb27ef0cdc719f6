using System.Collections.Immutable;
using Pcf.Accounting.Factors;
using Pcf.Accounting.Model;

namespace Pcf.Accounting.Results;

/// <summary>The content hashes of the factors an inventory used, one per dataset (or provider, for factors without a dataset).</summary>
internal static class FactorSetHashes
{
    public static ImmutableArray<FactorSetHash> Of(FootprintInventory inventory)
    {
        var groups = new SortedDictionary<string, List<InventoryFactor>>(StringComparer.Ordinal);
        foreach (var f in inventory.Factors)
        {
            string name = f.Factor.Provenance.Dataset ?? f.ProviderName;
            if (!groups.TryGetValue(name, out var list))
            {
                groups[name] = list = [];
            }

            list.Add(f);
        }

        var hashes = ImmutableArray.CreateBuilder<FactorSetHash>(groups.Count);
        foreach (var (name, factors) in groups)
        {
            using var h = new ContentHasher();
            h.Add("pcf-factor-set/1").Add(factors.Count);
            foreach (var f in factors)
            {
                var r = f.Request;
                h.Add(r.Key).Add(r.Region).Add(r.Year).Add(r.Unit.Symbol);
                Add(h, f.Factor);
                h.Add(f.ProviderName).Add(f.ConversionToRequestedUnit).Add(f.Fallbacks.Length);
                foreach (var fb in f.Fallbacks)
                {
                    h.Add(fb.Describe());
                }
            }

            AddDistributions(h, factors);
            var first = factors[0].Factor.Provenance;
            hashes.Add(new FactorSetHash(name, first.DatasetVersion, first.Licence, h.Finish()));
        }

        return hashes.ToImmutable();
    }

    // Distributions change a Monte Carlo result only: hashed after everything else and only when a factor has one, so that a
    // factor set without them keeps the hash it had before.
    private static void AddDistributions(ContentHasher h, List<InventoryFactor> factors)
    {
        if (!factors.Any(f => f.Factor.Uncertainty is not null || f.Factor.Components.Any(c => c.Uncertainty is not null)))
        {
            return;
        }

        h.Add("uncertainty");
        foreach (var f in factors)
        {
            Add(h, f.Factor.Uncertainty);
            foreach (var c in f.Factor.Components)
            {
                Add(h, c.Uncertainty);
            }
        }

        static void Add(ContentHasher h, UncertaintyDistribution? d)
        {
            h.Add(d is null ? 0 : 1);
            if (d is not null)
            {
                h.Add((int)d.Kind).Add(d.Spread).Add(d.Minimum).Add(d.Maximum);
            }
        }
    }

    private static void Add(ContentHasher h, EmissionFactor f)
    {
        var p = f.Provenance;
        h.Add(f.Key).Add(f.Name).Add(f.PerUnit.Symbol).Add(f.Region).Add(f.Year).Add(f.GwpBasis?.Id).Add(f.Components.Length);
        foreach (var c in f.Components)
        {
            h.Add(c.Gas?.Id).Add((int)c.Kind).Add(c.Amount).Add((int)c.Origin);
        }

        h.Add(p.Publisher).Add(p.Document).Add(p.PublicationYear).Add(p.Url).Add(p.Dataset).Add(p.DatasetVersion).Add(p.Licence)
            .Add((int)p.Confidence).Add((int)p.Kind).Add(p.IsPrimaryData).Add(p.Note);
        h.Add(f.DataQuality is null ? 0 : 1);
        if (f.DataQuality is { } q)
        {
            h.Add(q.Technological).Add(q.Geographical).Add(q.Temporal).Add(q.Completeness).Add(q.Reliability);
        }
    }
}
