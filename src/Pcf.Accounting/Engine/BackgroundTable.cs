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
    }

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

    internal readonly record struct Component(GreenhouseGas? Gas, ElementaryExchangeKind Kind, CarbonOrigin Origin, double PerUnit, double Co2ePerUnit);
}
