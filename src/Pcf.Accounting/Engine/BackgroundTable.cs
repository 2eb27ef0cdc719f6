using Pcf.Accounting.Factors;
using Pcf.Accounting.Gases;
using Pcf.Accounting.Model;

namespace Pcf.Accounting.Engine;

/// <summary>The resolved background factors of one calculation, laid out for the compute loop: per request, its components per requested unit.</summary>
internal sealed class BackgroundTable
{
    public BackgroundTable(int requestCount)
    {
        Components = new List<Component>[requestCount];
        for (int i = 0; i < requestCount; i++)
        {
            Components[i] = [];
        }

        IsPrimaryData = new bool[requestCount];
        Sources = new string[requestCount];
        Co2ePerUnit = new double[requestCount];
        Matches = new FactorMatch?[requestCount];
    }

    /// <summary>Gets the provider's match of each request (null for hand-made tables): provenance, fallbacks, data quality.</summary>
    public FactorMatch?[] Matches { get; }

    /// <summary>Gets the components of each request: gas (null for CO2e-only), kind, origin, kg of gas (or CO2e) per unit, and its CO2e per unit (signed by the kind).</summary>
    public List<Component>[] Components { get; }

    public bool[] IsPrimaryData { get; }

    public string[] Sources { get; }

    /// <summary>Gets the net CO2e per unit of each request (removals negative).</summary>
    public double[] Co2ePerUnit { get; }

    public void Add(int request, GreenhouseGas? gas, ElementaryExchangeKind kind, CarbonOrigin origin, double perUnit, double co2ePerUnit)
    {
        double signed = Compute.Sign(kind) * co2ePerUnit;
        Components[request].Add(new Component(gas, kind, origin, perUnit, signed));
        Co2ePerUnit[request] += signed;
    }

    /// <summary>Lays out a factor resolution for the requests of a compiled system.</summary>
    /// <exception cref="ArgumentException">A request has no resolved factor.</exception>
    public static BackgroundTable From(IReadOnlyList<FactorRequest> requests, FactorResolution resolution)
    {
        var table = new BackgroundTable(requests.Count);
        var missing = new List<string>();
        for (int r = 0; r < requests.Count; r++)
        {
            if (!resolution.Factors.TryGetValue(requests[r], out var resolved))
            {
                missing.Add(requests[r].ToString());
                continue;
            }

            foreach (var component in resolved.Components)
            {
                double co2e = component.Gas is { } gas ? component.Amount * resolution.GwpSet.FactorOf(gas) : component.Amount;
                table.Add(r, component.Gas, component.Kind, component.Gas is null ? component.Origin : CarbonOrigin.NotApplicable, component.Amount, co2e);
            }

            var provenance = resolved.Factor.Provenance;
            table.IsPrimaryData[r] = provenance.IsPrimaryData;
            table.Matches[r] = resolved.Match;
            table.Sources[r] = Describe(resolved);
        }

        return missing.Count == 0
            ? table
            : throw new ArgumentException($"The factor resolution has no factor for {missing.Count} request(s) of the system: {string.Join("; ", missing)}. Resolve the system's FactorRequests.", nameof(resolution));
    }

    /// <summary>One line naming where a factor comes from and how it matched.</summary>
    internal static string Describe(ResolvedFactor resolved)
    {
        var p = resolved.Factor.Provenance;
        var text = new System.Text.StringBuilder();
        text.Append(p.Publisher).Append(", ").Append(p.Document);
        if (p.Dataset is not null)
        {
            text.Append(" [").Append(p.Dataset);
            if (p.DatasetVersion is not null)
            {
                text.Append(' ').Append(p.DatasetVersion);
            }

            text.Append(']');
        }

        if (p.Kind != FactorKind.Unspecified)
        {
            text.Append("; ").Append(p.Kind == FactorKind.LifeCycle ? "life-cycle factor" : "combustion-only factor");
        }

        if (p.Confidence != FactorConfidence.NotStated)
        {
            text.Append("; confidence ").Append(p.Confidence);
        }

        if (p.IsPrimaryData)
        {
            text.Append("; primary data");
        }

        text.Append("; via ").Append(resolved.Match.ProviderName);
        if (!resolved.Match.IsExact)
        {
            text.Append("; fallbacks: ").Append(string.Join(", ", resolved.Match.Fallbacks.Select(f => f.Describe())));
        }

        if (resolved.IsRecharacterized)
        {
            text.Append("; re-characterized to ").Append(resolved.GwpSet.Id);
        }

        return text.ToString();
    }

    internal readonly record struct Component(GreenhouseGas? Gas, ElementaryExchangeKind Kind, CarbonOrigin Origin, double PerUnit, double Co2ePerUnit);
}
