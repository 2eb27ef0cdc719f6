using System.Text.Json;
using Pcf.Accounting.Json;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Pact.Json;

/// <summary>Assurance (2.3 <c>assurance</c>) and verification (3.0 <c>verification</c>) of the <c>pcf</c> block.</summary>
internal sealed partial class PactValidator
{
    private static readonly Shape VerificationV3 = new(
    [
        new("coverage", K.Text, Allowed: PactNames.CoveragesV3), new("providerName", K.Text), new("completedAt", K.DateTime),
        new("standardName", K.Text), new("comments", K.Text),
    ]);

    private static readonly Shape AssuranceV2 = new(
    [
        new("assurance", K.Boolean, true), new("coverage", K.Text, Allowed: PactNames.AssuranceCoverages),
        new("level", K.Text, Allowed: PactNames.AssuranceLevels), new("boundary", K.Text, Allowed: PactNames.AssuranceBoundaries),
        new("providerName", K.Text, true), new("completedAt", K.DateTime), new("standardName", K.Text), new("comments", K.Text),
    ]);

    private void Verification3(JsonElement pcf, JsonPath path)
    {
        if (pcf.TryGetProperty("verification", out var verification) && verification.ValueKind == JsonValueKind.Object)
        {
            Object(verification, path.Member("verification"), VerificationV3);
        }
    }

    private void Assurance2(JsonElement pcf, JsonPath path)
    {
        if (pcf.TryGetProperty("assurance", out var assurance) && assurance.ValueKind == JsonValueKind.Object)
        {
            Object(assurance, path.Member("assurance"), AssuranceV2);
        }
    }
}
