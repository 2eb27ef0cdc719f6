using System.Text.Json;
using Pcf.Accounting.Json;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Pact.Json;

/// <summary>Period and validity: <c>validityPeriodStart</c> and <c>validityPeriodEnd</c> of the footprint, and the order of
/// both periods (the reference period's fields are read with the <c>pcf</c> block).</summary>
internal sealed partial class PactValidator
{
    private static Field[] ValidityPeriodFields => [new("validityPeriodStart", K.DateTime), new("validityPeriodEnd", K.DateTime)];

    /// <summary>The validity period ends after it starts, and (3.0) lies between <c>referencePeriodEnd</c> and three years after.</summary>
    private void ValidityPeriod(JsonElement footprint, JsonPath path, bool v3)
    {
        if (footprint.TryGetProperty("validityPeriodStart", out var vs) && footprint.TryGetProperty("validityPeriodEnd", out var ve))
        {
            Ordered(vs, ve, path.Member("validityPeriodEnd"), "validityPeriodEnd");
        }

        if (v3 && footprint.TryGetProperty("pcf", out var refPcf) && refPcf.ValueKind == JsonValueKind.Object
            && refPcf.TryGetProperty("referencePeriodEnd", out var refEnd) && Time(refEnd) is { } referenceEnd)
        {
            // 3.0 "Validity Period": the period lies between referencePeriodEnd and referencePeriodEnd + 3 years (MUSTs of the prose).
            if (footprint.TryGetProperty("validityPeriodStart", out var start) && Time(start) is { } s && s < referenceEnd)
            {
                Beyond(path.Member("validityPeriodStart"), PactProblemCodes.ConditionalRule,
                    $"validityPeriodStart ({start.GetString()}) MUST be at or after pcf.referencePeriodEnd ({refEnd.GetString()}).");
            }

            if (footprint.TryGetProperty("validityPeriodEnd", out var end) && Time(end) is { } e && e > Events.PactRequestCriteria.ThreeYearsAfter(referenceEnd))
            {
                Beyond(path.Member("validityPeriodEnd"), PactProblemCodes.ConditionalRule,
                    $"validityPeriodEnd ({end.GetString()}) MUST be at most 3 years after pcf.referencePeriodEnd ({refEnd.GetString()}).");
            }
        }
    }

    /// <summary>The reference period of a <c>pcf</c> block ends after it starts.</summary>
    private void ReferencePeriod(JsonElement pcf, JsonPath path)
    {
        if (pcf.TryGetProperty("referencePeriodStart", out var start) && pcf.TryGetProperty("referencePeriodEnd", out var end))
        {
            Ordered(start, end, path.Member("referencePeriodEnd"), "referencePeriodEnd");
        }
    }

    private void Ordered(JsonElement start, JsonElement end, JsonPath path, string name)
    {
        if (Time(start) is { } s && Time(end) is { } e && e < s)
        {
            // Neither schema states an order; a period that ends before it starts is surely wrong, but stricter than the text.
            Beyond(path, PactProblemCodes.ConditionalRule, $"{name} ({end.GetString()}) is before the start ({start.GetString()}).");
        }
    }

    private static DateTimeOffset? Time(JsonElement value) => value.ValueKind == JsonValueKind.String ? ParseTime(value.GetString()!) : null;
}
