using Pcf.Accounting.Gases;
using Pcf.Accounting.Model;

namespace Pcf.Accounting.Engine;

/// <summary>The mapping of exchanges onto the separately reported categories.</summary>
internal static class Compute
{
    // Category slots of the accumulators.
    public const int Fossil = 0;
    public const int BiogenicCo2 = 1;
    public const int Uptake = 2;
    public const int BiogenicNonCo2 = 3;
    public const int LandUseChange = 4;
    public const int LandManagementFossil = 5; // "of which" part of Fossil
    public const int LandManagementBiogenicCo2 = 6;
    public const int LandManagementRemovals = 7;
    public const int TechnologicalRemovals = 8;
    public const int Ccs = 9;
    public const int Count = 10;

    public static int Sign(ElementaryExchangeKind kind) => kind is ElementaryExchangeKind.BiogenicUptake or ElementaryExchangeKind.LandManagementRemoval
        or ElementaryExchangeKind.TechnologicalRemoval or ElementaryExchangeKind.CcsCapture ? -1 : 1;

    /// <summary>The category of an exchange: by its kind, and for emissions by the origin of the gas's carbon.</summary>
    public static int CategoryOf(GreenhouseGas? gas, ElementaryExchangeKind kind, CarbonOrigin origin)
    {
        var carbon = gas?.Origin ?? origin;
        bool biogenic = carbon == CarbonOrigin.Biogenic;
        bool methane = gas is not null && gas.Formula == "CH4";
        return kind switch
        {
            ElementaryExchangeKind.BiogenicUptake => Uptake,
            ElementaryExchangeKind.LandUseChangeEmission => LandUseChange,
            ElementaryExchangeKind.LandManagementEmission when biogenic && methane => BiogenicNonCo2,
            ElementaryExchangeKind.LandManagementEmission when biogenic => LandManagementBiogenicCo2,
            ElementaryExchangeKind.LandManagementEmission => LandManagementFossil,
            ElementaryExchangeKind.LandManagementRemoval => LandManagementRemovals,
            ElementaryExchangeKind.TechnologicalRemoval => TechnologicalRemovals,
            ElementaryExchangeKind.CcsCapture => Ccs,
            _ when biogenic && methane => BiogenicNonCo2,
            _ when biogenic => BiogenicCo2,
            _ => Fossil,
        };
    }
}
