using System.Collections.Immutable;
using Pcf.Accounting.Factors;
using Pcf.Accounting.Gases;
using Pcf.Accounting.Results;

namespace Pcf.Accounting.Engine;

/// <summary>Lays out resolved factors as the inventory records them: per request, the factor, its match and its components per requested unit in CO2e.</summary>
internal static class InventoryFactors
{
    /// <exception cref="ArgumentException">The resolution lacks a request (a call that skipped the resolution step).</exception>
    public static ImmutableArray<InventoryFactor> From(IReadOnlyList<FactorRequest> requests, FactorResolution resolution)
    {
        var table = new InventoryFactor[requests.Count];
        var missing = new List<string>();
        for (int r = 0; r < table.Length; r++)
        {
            var request = requests[r];
            if (!resolution.Factors.TryGetValue(request, out var resolved))
            {
                missing.Add(request.ToString());
                continue;
            }

            var components = new InventoryFactorComponent[resolved.Components.Length];
            double perUnit = 0;
            for (int k = 0; k < components.Length; k++)
            {
                var c = resolved.Components[k];
                double co2e = c.Gas is { } gas ? c.Amount * resolution.GwpSet.FactorOf(gas) : c.Amount;
                double signed = c.Sign * co2e;
                components[k] = new InventoryFactorComponent(c.Gas, c.Kind, c.Gas is null ? c.Origin : CarbonOrigin.NotApplicable, c.Amount, signed);
                perUnit += signed;
            }

            var match = resolved.Match;
            table[r] = new InventoryFactor
            {
                Request = request,
                Factor = match.Factor,
                ProviderName = match.ProviderName,
                Fallbacks = match.Fallbacks,
                ConversionToRequestedUnit = match.ConversionToRequestedUnit,
                DataQuality = match.DataQuality,
                Components = ImmutableArray.Create(components),
                Co2ePerUnit = perUnit,
                IsRecharacterized = resolved.IsRecharacterized,
            };
        }

        return missing.Count == 0
            ? ImmutableArray.Create(table)
            : throw new ArgumentException($"The factor resolution has no factor for {missing.Count} request(s) of the system: {string.Join("; ", missing)}. Resolve the system's FactorRequests.", nameof(resolution));
    }
}
