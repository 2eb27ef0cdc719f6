using Pcf.Accounting.Factors;
using Pcf.Accounting.Gases;
using Pcf.Accounting.Units;

namespace Pcf.Accounting.Tests.Factors;

/// <summary>Small illustrative factors for tests (the amounts are invented for the tests, not data).</summary>
internal static class FactorTestData
{
    internal static readonly FactorProvenance Illustrative = new("test", "illustrative value for tests");

    internal static EmissionFactor Co2PerKwh(string key, string region, int? year, double kg, DataQuality? quality = null) =>
        new(key, key, Unit.KilowattHour, region, year, [FactorComponent.Emission(GreenhouseGas.Co2Fossil, kg)], Illustrative) { DataQuality = quality };

    internal static FactorRequest Request(string key, string? region, int? year, Unit? unit = null) => new(key, region, year, unit ?? Unit.KilowattHour);
}
