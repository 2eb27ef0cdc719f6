using System.Text;
using Pcf.Accounting.Json;
using Pcf.Accounting.Model;
using Pcf.Accounting.Tests.TestSupport;
using Pcf.Accounting.Units;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Tests.Json;

public sealed class ProductSystemJsonTests
{
    private static string Example => File.ReadAllText(Path.Combine(Paths.RepoRoot, "docs/examples/steel-bracket.pcf.json"));

    [Fact]
    public void Read_TheAnnotatedDocsExample_GivesTheSameSystemAsTheBuilder()
    {
        var read = ProductSystemJson.Read(Example);
        Assert.True(read.IsValid, string.Join("\n", read.Problems));
        Assert.Equal(ProductSystemJson.Write(Systems.BracketBuilder().Build()), ProductSystemJson.Write(read.Value));
    }

    [Fact]
    public void Read_ExampleValues()
    {
        var system = ProductSystemJson.Read(Example).Value;
        var rolling = system.GetProcess("rolling");
        Assert.Equal(Quantity.Of(0.12, Unit.MegawattHour), rolling.Inputs[1].Amount);
        Assert.Equal(AllocationMethod.Mass, rolling.Allocation);
        Assert.Equal(LifeCycleStage.RawMaterialAcquisition, rolling.Stage);
        Assert.Equal(Quantity.Of(50, Unit.Kilogram), rolling.CoProducts[0].Amount);
        Assert.True(system.GetProcess("forming").IsPrimaryData);
        Assert.Equal(Quantity.Of(0.4, Unit.Kilogram), system.ProductMassPerDeclaredUnit);
    }

    [Fact]
    public void Write_ThenRead_RoundTrips()
    {
        var system = Systems.BracketBuilder().Build();
        string json = ProductSystemJson.Write(system);
        Assert.StartsWith("{\n  \"format\": \"pcf-system/1\"", json.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Equal(json, ProductSystemJson.Write(ProductSystemJson.Read(json).Value));
    }

    [Fact]
    public void Read_ShapeProblems_AreAllReportedWithPaths()
    {
        const string json = """
            {
              "format": "pcf-system/1",
              "name": "Broken",
              "referenceProduct": { "flow": "a" },
              "declaredUnit": { "amount": "one", "unit": "kg" },
              "flows": [
                { "id": "a", "name": "A", "unit": "kgg" },
                { "id": "b", "unit": "kWh", "colour": "red" }
              ],
              "processes": [
                {
                  "id": "p", "name": "P", "stage": "manufacture",
                  "output": { "flow": "a", "amount": 1, "unit": "kg" },
                  "inputs": [ { "flow": "b", "amount": 2, "unit": "KWH" } ],
                  "emissions": [ { "gas": "CO3", "amount": 1, "unit": "kg" } ]
                }
              ]
            }
            """;
        var result = ProductSystemJson.Read(json);
        Assert.Equal(
            [
                ("$.declaredUnit.amount", ProblemCodes.WrongType),
                ("$.flows[0].unit", ProblemCodes.UnknownUnit),
                ("$.flows[1].colour", ProblemCodes.UnknownMember),
                ("$.flows[1].name", ProblemCodes.Required),
                ("$.processes[0].stage", ProblemCodes.UnknownValue),
                ("$.processes[0].inputs[0].unit", ProblemCodes.UnknownUnit),
                ("$.processes[0].emissions[0].gas", ProblemCodes.UnknownGas),
            ],
            result.Problems.Select(p => (p.Path, p.Code)));
        Assert.Equal("'one' must be a finite number, found the string \"one\".".Replace("'one'", "'amount'", StringComparison.Ordinal), result.Problems[0].Message);
        Assert.StartsWith("'KWH' is not a known unit", result.Problems[5].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MeaningProblems_AfterTheShapeIsRight()
    {
        const string json = """
            {
              "format": "pcf-system/1", "name": "Meaning",
              "referenceProduct": { "flow": "a" },
              "declaredUnit": { "amount": 1, "unit": "kWh" },
              "flows": [ { "id": "a", "name": "A", "unit": "kg" } ],
              "processes": [ { "id": "p", "name": "P", "output": { "flow": "a", "amount": 1, "unit": "m3" } } ]
            }
            """;
        Assert.Equal(
            ["$.processes[0].output.unit", "$.declaredUnit.unit"],
            ProductSystemJson.Read(json).Problems.Select(p => p.Path));
    }

    [Theory]
    [InlineData("{ \"format\": \"pcf-system/1\", ", ProblemCodes.MalformedJson)]
    [InlineData("[1, 2", ProblemCodes.MalformedJson)]
    [InlineData("{ \"format\": \"pcf-system/9\" }", ProblemCodes.UnsupportedFormat)]
    [InlineData("[]", ProblemCodes.WrongType)]
    [InlineData("{}", ProblemCodes.Required)]
    public void Read_BrokenDocuments(string json, string code)
    {
        var result = ProductSystemJson.Read(json);
        Assert.Equal(code, result.Problems[0].Code);
        Assert.False(result.TryGetValue(out _));
    }

    [Fact]
    public void Read_MalformedJson_NamesLineAndByte()
    {
        var problem = Assert.Single(ProductSystemJson.Read("{\n  \"format\": \"pcf-system/1\",\n  \"name\": }").Problems);
        Assert.StartsWith("The document is not valid JSON: line 3, byte 11", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TooDeep_IsRejectedBeforeWalking()
    {
        string json = "{\"format\":\"pcf-system/1\",\"name\":" + new string('[', 40) + new string(']', 40) + "}";
        var problem = Assert.Single(ProductSystemJson.Read(json).Problems);
        Assert.Equal(ProblemCodes.DocumentTooDeep, problem.Code);
    }

    [Fact]
    public void Read_TooLarge_IsRejected()
    {
        var options = new JsonReadOptions { MaxDocumentBytes = 100 };
        var problem = Assert.Single(ProductSystemJson.Read(Example, options).Problems);
        Assert.Equal(ProblemCodes.DocumentTooLarge, problem.Code);
    }

    [Fact]
    public async Task ReadAsync_StreamOverTheLimit_IsRejectedWhileReading()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(Example));
        var result = await ProductSystemJson.ReadAsync(stream, new JsonReadOptions { MaxDocumentBytes = 1000 });
        Assert.Equal(ProblemCodes.DocumentTooLarge, Assert.Single(result.Problems).Code);
    }

    [Fact]
    public void Read_TooManyItems_IsRejected()
    {
        var result = ProductSystemJson.Read(Example, new JsonReadOptions { MaxArrayLength = 2 });
        Assert.Contains(result.Problems, p => p.Path == "$.flows" && p.Code == ProblemCodes.TooMany);
    }

    [Fact]
    public void Read_SupplyNamingBothProcessAndFactor_IsAProblem()
    {
        string json = Example.Replace("{ \"flow\": \"coil\", \"amount\": 1, \"unit\": \"t\" }",
            "{ \"flow\": \"coil\", \"amount\": 1, \"unit\": \"t\", \"from\": { \"process\": \"x\", \"factor\": \"y\" } }", StringComparison.Ordinal);
        var problem = Assert.Single(ProductSystemJson.Read(json).Problems);
        Assert.Equal("$.processes[1].inputs[0].from", problem.Path);
    }

    [Fact]
    public void Read_PriceUsesAnIsoCurrency()
    {
        string json = Example.Replace("\"coProducts\": [ { \"flow\": \"scrap\", \"amount\": 50, \"unit\": \"kg\" } ]",
            "\"coProducts\": [ { \"flow\": \"scrap\", \"amount\": 50, \"unit\": \"kg\", \"pricePerUnit\": { \"amount\": 2.5, \"currency\": \"CNY\" } } ]", StringComparison.Ordinal);
        var system = ProductSystemJson.Read(json).Value;
        Assert.Equal(Quantity.Of(2.5, Unit.Currency("CNY")), system.GetProcess("rolling").CoProducts[0].PricePerUnit);

        var bad = ProductSystemJson.Read(json.Replace("\"CNY\"", "\"yuan\"", StringComparison.Ordinal));
        Assert.Equal("$.processes[1].coProducts[0].pricePerUnit.currency", Assert.Single(bad.Problems).Path);
    }
}
