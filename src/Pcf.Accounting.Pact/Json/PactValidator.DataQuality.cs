using System.Text.Json;
using Pcf.Accounting.Json;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Pact.Json;

/// <summary>Data quality: the <c>dqi</c> of 3.0 (three ratings, 1 to 5, as decimal strings) and of 2.3 (coverage and five
/// ratings, 1 to 3, as JSON numbers).</summary>
internal sealed partial class PactValidator
{
    private static readonly Shape DqiV3 = new([new("technologicalDQR", K.DecimalDqr5, true), new("geographicalDQR", K.DecimalDqr5, true), new("temporalDQR", K.DecimalDqr5, true)]);

    private static readonly Shape DqiV2 = new(
    [
        new("coveragePercent", K.NumberPercent, true), new("technologicalDQR", K.NumberDqr3, true), new("temporalDQR", K.NumberDqr3, true),
        new("geographicalDQR", K.NumberDqr3, true), new("completenessDQR", K.NumberDqr3, true), new("reliabilityDQR", K.NumberDqr3, true),
    ]);

    private void DataQuality3(JsonElement pcf, JsonPath path)
    {
        if (pcf.TryGetProperty("dqi", out var dqi) && dqi.ValueKind == JsonValueKind.Object)
        {
            Object(dqi, path.Member("dqi"), DqiV3);
        }
    }

    private void DataQuality2(JsonElement pcf, JsonPath path)
    {
        if (pcf.TryGetProperty("dqi", out var dqi) && dqi.ValueKind == JsonValueKind.Object)
        {
            Object(dqi, path.Member("dqi"), DqiV2);
        }
    }
}
