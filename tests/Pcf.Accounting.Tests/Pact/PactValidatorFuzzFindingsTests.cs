using System.Text;
using System.Text.Json.Nodes;
using Pcf.Accounting.Pact;
using Pcf.Accounting.Pact.Events;

namespace Pcf.Accounting.Tests.Pact;

/// <summary>Two findings of the fuzz smoke run on the PACT reader: a footprint dated near the year 9999 crashed the 3.0 validity
/// check (three years after referencePeriodEnd is past DateTime's range), and past the problem limit a footprint with an error was
/// bound to the typed model anyway (the limit hid its errors), which answered in .NET's words ("could not be converted to System.String").</summary>
public sealed class PactValidatorFuzzFindingsTests
{
    private static JsonObject Bracket() => JsonNode.Parse(PactTestData.OwnBytes("pf-3.0-bracket-piece.json"))!.AsObject();

    [Fact]
    public void AFootprintDatedNearTheYear9999_IsValidated_NotACrash()
    {
        var footprint = Bracket();
        footprint["pcf"]!["referencePeriodStart"] = "9998-12-31T00:00:00Z";
        footprint["pcf"]!["referencePeriodEnd"] = "9999-12-31T00:00:00Z";
        footprint["validityPeriodStart"] = "9999-12-31T00:00:00Z";
        footprint["validityPeriodEnd"] = "9999-12-31T23:59:59Z";
        byte[] bytes = Encoding.UTF8.GetBytes(footprint.ToJsonString());

        var report = PactJson.Validate(bytes);

        // The validity period ends within three years of the reference period's end, so it breaks no rule.
        Assert.DoesNotContain(report.Errors.Concat(report.Warnings), p => p.Path.Contains("validityPeriod", StringComparison.Ordinal));
        Assert.True(report.IsValid, string.Join("; ", report.Errors));
    }

    [Fact]
    public void TheValidityEnd_ThreeYearsAfterTheYear9999_IsTheLastInstant()
    {
        var footprint = Bracket();
        footprint["pcf"]!["referencePeriodStart"] = "9998-12-31T00:00:00Z";
        footprint["pcf"]!["referencePeriodEnd"] = "9999-12-31T00:00:00+14:00";
        var read = PactJson.ReadV3(Encoding.UTF8.GetBytes(footprint.ToJsonString()));
        Assert.True(read.IsValid, string.Join("; ", read.Problems));

        Assert.Equal(DateTimeOffset.MaxValue, PactRequestCriteria.ValidityEnd(read.Value));

        // An ordinary date moves by exactly three years: 2025-01-01 → 2028-01-01.
        var ordinary = PactJson.ReadV3(PactTestData.OwnBytes("pf-3.0-bracket-piece.json")).Value;
        Assert.Equal(new DateTimeOffset(2028, 1, 1, 0, 0, 0, TimeSpan.Zero), PactRequestCriteria.ValidityEnd(ordinary));
    }

    [Fact]
    public void PastTheProblemLimit_AFootprintWithAnError_IsNotBound_AndNoMessageSpeaksDotNet()
    {
        // data[0] has three errors (the limit is 2, so the third and data[1]'s are not listed); data[1] has one error only,
        // a product id that is not a string. Before the fix, data[1] looked error-free (the list had stopped growing) and was bound.
        var first = Bracket();
        first.Remove("productNameCompany");
        first.Remove("companyName");
        first.Remove("productDescription");
        var second = Bracket();
        second["id"] = "0b7a2f4e-1c3d-4e5f-8a9b-0c1d2e3f4a5b";
        second["productIds"] = new JsonArray(true);
        var list = new JsonObject { ["data"] = new JsonArray(first, second) };

        var read = PactJson.Read(Encoding.UTF8.GetBytes(list.ToJsonString()), new PactReadOptions { MaxProblems = 2 });

        Assert.False(read.IsValid);
        Assert.Equal(3, read.Problems.Length); // 2 listed + the one that says the rest are not
        Assert.Equal("PCF0008", read.Problems[^1].Code);
        Assert.All(read.Problems, p => Assert.DoesNotContain("System.", p.Message, StringComparison.Ordinal));
    }
}
