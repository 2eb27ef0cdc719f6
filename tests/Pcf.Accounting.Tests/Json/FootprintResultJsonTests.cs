using System.Text.Json;
using Pcf.Accounting.Json;
using Pcf.Accounting.Model;
using Pcf.Accounting.Results;
using Pcf.Accounting.Tests.TestSupport;

namespace Pcf.Accounting.Tests.Json;

/// <summary>The pcf-result/1 writer: values round-trip, the document follows its schema, the same result gives the same bytes.</summary>
public sealed class FootprintResultJsonTests
{
    // Illustrative factors (invented for the tests, not data).
    private static FootprintResult Bracket() =>
        TestSupport.Engine.Calculate(Systems.BracketBuilder().Build(), TestSupport.Engine.Co2(("steel/hot-rolled-coil", 2000), ("electricity/grid", 0.5)));

    private static JsonElement Schema() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(Paths.RepoRoot, "docs", "schemas", "pcf-result-1.schema.json"))).RootElement;

    [Fact]
    public void Write_GivesTheResultsNumbersBack_Exactly()
    {
        var result = Bracket();

        using var doc = JsonDocument.Parse(FootprintResultJson.Write(result));
        var root = doc.RootElement;

        Assert.Equal("pcf-result/1", root.GetProperty("format").GetString());
        Assert.Equal("AR6", root.GetProperty("gwpSet").GetString());
        Assert.Equal("ISO14067", root.GetProperty("ruleSet").GetProperty("id").GetString());
        // 0.9486 kg CO2e per piece (see CalculatorTests for the arithmetic); round trip is bit-exact.
        Assert.Equal(result.TotalExcludingBiogenicUptake.Value, root.GetProperty("pcfExcludingBiogenicUptake").GetDouble());
        Assert.Equal(0.9486, root.GetProperty("pcfExcludingBiogenicUptake").GetDouble(), 12);
        Assert.Equal(result.Reported.FossilGhgEmissions.Value, root.GetProperty("reported").GetProperty("fossilGhgEmissions").GetDouble());
        Assert.Equal(result.ByProcess.Length, root.GetProperty("byProcess").GetArrayLength());
        var rolling = root.GetProperty("allocations").EnumerateArray().Single();
        Assert.Equal("mass", rolling.GetProperty("method").GetString());
        // Mass allocation of rolling: sheet 950 / 1000 = 0.95, scrap 0.05.
        Assert.Equal(0.95, rolling.GetProperty("shares").EnumerateArray().Single(s => s.GetProperty("flow").GetString() == "sheet").GetProperty("share").GetDouble(), 15);
    }

    [Fact]
    public void Write_FollowsTheSchema_WithAndWithoutTheExplanation()
    {
        var result = Bracket();
        foreach (var options in new[] { FootprintResultJsonOptions.Default, new FootprintResultJsonOptions { IncludeExplanation = true, Indented = false } })
        {
            using var doc = JsonDocument.Parse(FootprintResultJson.Write(result, options));
            Assert.Empty(MiniSchema.Validate(Schema(), doc.RootElement));
        }
    }

    [Fact]
    public void Schema_RejectsADocumentMissingATotal()
    {
        // The checker is not vacuous: dropping a required member is caught.
        var json = FootprintResultJson.Write(Bracket()).Replace("\"pcfIncludingBiogenicUptake\"", "\"somethingElse\"", StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(json);
        var errors = MiniSchema.Validate(Schema(), doc.RootElement);
        Assert.Contains(errors, e => e.Contains("missing required 'pcfIncludingBiogenicUptake'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("unexpected member 'somethingElse'", StringComparison.Ordinal));
    }

    [Fact]
    public void Write_TheExplanation_ItsRootIsTheTotal_AndItIsDeterministic()
    {
        var result = Bracket();
        var options = new FootprintResultJsonOptions { IncludeExplanation = true };

        string first = FootprintResultJson.Write(result, options);
        string second = FootprintResultJson.Write(Bracket(), options);

        Assert.Equal(first, second);
        using var doc = JsonDocument.Parse(first);
        var explanation = doc.RootElement.GetProperty("explanation");
        Assert.Equal("demand", explanation.GetProperty("kind").GetString());
        Assert.Equal(result.TotalIncludingBiogenicUptake.Value, explanation.GetProperty("co2e").GetDouble(), 12);
        Assert.True(explanation.GetProperty("children").GetArrayLength() > 0);
    }
}
