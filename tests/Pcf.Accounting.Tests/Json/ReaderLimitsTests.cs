using System.Text.Json.Nodes;
using Pcf.Accounting.Factors;
using Pcf.Accounting.Factors.Files;
using Pcf.Accounting.Json;
using Pcf.Accounting.Pact;
using Pcf.Accounting.Tests.TestSupport;
using Pcf.Accounting.Validation;
using Pcf.Accounting.Vectors;

namespace Pcf.Accounting.Tests.Json;

/// <summary>The limits every reader applies (string length, number magnitude, problems listed, CSV rows and columns), the encoding
/// check (a lone surrogate escape), and the bounded text of problems: each case here was an input of the fuzz harnesses
/// (fuzz/) that gave an exception or an unclear message before it was fixed.</summary>
public sealed class ReaderLimitsTests
{
    private const string Head = """{"format":"pcf-system/1","name":""";

    private static string Doc(string flows = """{ "id": "P", "name": "P", "unit": "kg" }""", string inputs = "", double declared = 1) => $$"""
        {
          "format": "pcf-system/1", "name": "S",
          "referenceProduct": { "flow": "P" },
          "declaredUnit": { "amount": {{declared.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}}, "unit": "kg" },
          "flows": [ {{flows}} ],
          "processes": [ { "id": "p", "name": "p", "stage": "production", "output": { "flow": "P", "amount": 1, "unit": "kg" }, "inputs": [ {{inputs}} ] } ]
        }
        """;

    [Fact]
    public void Read_LoneSurrogateEscape_IsOneEncodingProblemNamingTheByte()
    {
        // Before: "Cannot transcode invalid UTF-8 JSON text to UTF-16 string." with no file, path or code.
        // The string starts at byte 32: {"format":"pcf-system/1","name": is 1 + 8 + 1 + 14 + 1 + 6 + 1 = 32 bytes.
        var problem = Assert.Single(ProductSystemJson.Read(Head + "\"\\ud800\"}").Problems);
        Assert.Equal(("$", ProblemCodes.InvalidEncoding), (problem.Path, problem.Code));
        Assert.Contains("at byte 32", problem.Message, StringComparison.Ordinal);
        Assert.Contains("lone surrogate", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SurrogatePairEscape_IsText()
    {
        // "\ud83d\ude00" is one character (U+1F600): a pair, not an encoding error.
        var read = ProductSystemJson.Read(Head + "\"\\ud83d\\ude00\"}");
        Assert.DoesNotContain(read.Problems, p => p.Code == ProblemCodes.InvalidEncoding);
    }

    [Fact]
    public void Read_StringPastTheLimit_NamesThePathAndTheLimit()
    {
        var options = JsonReadOptions.Default with { MaxStringLength = 100 };
        var problem = Assert.Single(ProductSystemJson.Read(Head + "\"" + new string('n', 101) + "\"}", options).Problems, p => p.Code == ProblemCodes.TooLong);
        Assert.Equal("$.name", problem.Path);
        Assert.Contains("101 characters; the limit is 100", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NumberPastTheMagnitude_NamesThePathAndTheLimit()
    {
        // Before: "1E+308 t in kg is beyond the range of a double." from deep in the unit conversion.
        var problem = Assert.Single(ProductSystemJson.Read(Doc(declared: 1e31)).Problems);
        Assert.Equal(("$.declaredUnit.amount", ProblemCodes.NumberOutOfRange), (problem.Path, problem.Code));
        Assert.Contains("MaxNumberMagnitude", problem.Message, StringComparison.Ordinal);
        // 1e30 itself is within the limit; and the limit can be lifted.
        Assert.True(ProductSystemJson.Read(Doc(declared: 1e30)).IsValid);
        Assert.True(ProductSystemJson.Read(Doc(declared: 1e31), JsonReadOptions.Default with { MaxNumberMagnitude = double.MaxValue }).IsValid);
    }

    [Fact]
    public void Read_ManyProblems_ListsTheFirstAndSaysSo()
    {
        // 10 flows without a name, 10 problems; a limit of 3 lists 3 and one that says more were found.
        string flows = """{ "id": "P", "name": "P", "unit": "kg" }""" + string.Concat(Enumerable.Range(0, 10).Select(i => $$""", { "id": "f{{i}}", "unit": "kg" }"""));
        var problems = ProductSystemJson.Read(Doc(flows), JsonReadOptions.Default with { MaxProblems = 3 }).Problems;
        Assert.Equal(4, problems.Length);
        Assert.Equal(ProblemCodes.TooMany, problems[3].Code);
        Assert.Contains("more than 3 problems", problems[3].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BlankFactorKey_IsAProblemOnTheFlow()
    {
        // Before: an ArgumentException "(Parameter 'key')" from the supply of the input that uses the flow.
        string flows = """{ "id": "P", "name": "P", "unit": "kg" }, { "id": "power", "name": "Power", "unit": "kWh", "factorKey": " " }""";
        var read = ProductSystemJson.Read(Doc(flows, inputs: """{ "flow": "power", "amount": 1, "unit": "kWh" }"""));
        var problem = Assert.Single(read.Problems);
        Assert.Equal(("$.flows[1].factorKey", ProblemCodes.Required), (problem.Path, problem.Code));
    }

    [Fact]
    public void Problem_LongEchoedValue_IsCutAndOneLine()
    {
        // A 1,000,000-character unknown unit echoed in a message; a line break in a path.
        var problem = new ValidationProblem("$.flows[0]\n.unit", ProblemCodes.UnknownUnit, $"'{new string('k', 1_000_000)}' is not a known unit.\nUse kg.");
        Assert.True(problem.Message.Length <= ValidationProblem.MaxMessageLength);
        Assert.StartsWith("'" + new string('k', ValidationProblem.MaxEchoLength - 1) + "…' is not a known unit. Use kg.", problem.Message, StringComparison.Ordinal);
        Assert.Equal("$.flows[0] .unit", problem.Path);
        // A short message passes untouched.
        Assert.Equal("'kgg' is not a known unit.", new ValidationProblem("$", ProblemCodes.UnknownUnit, "'kgg' is not a known unit.").Message);
    }

    [Fact]
    public void Read_LongUnknownUnit_GivesABoundedMessage()
    {
        string unit = new('u', 50_000);
        var problem = Assert.Single(ProductSystemJson.Read(Doc($$"""{ "id": "P", "name": "P", "unit": "{{unit}}" }""")).Problems, p => p.Code == ProblemCodes.UnknownUnit);
        Assert.Equal("$.flows[0].unit", problem.Path);
        Assert.True(problem.Message.Length <= ValidationProblem.MaxMessageLength, $"{problem.Message.Length} characters");
    }

    [Fact]
    public void VectorOutcome_Failures_AreBounded()
    {
        var outcome = new VectorOutcome("v", null, [$"byProcess[{new string('p', 5000)}].co2e expected 1 got 2"]);
        Assert.True(outcome.Failures[0].Length <= ValidationProblem.MaxMessageLength);
        Assert.True(new VectorOutcome("v", null, default).Passed);
    }

    [Fact]
    public void FactorCsv_TooManyColumns_IsNotAFactorCsv()
    {
        string header = string.Join(',', Enumerable.Range(0, FactorCsv.MaxColumns + 1).Select(i => $"c{i}"));
        var problem = Assert.Single(FactorCsv.Read(header + "\n").Problems);
        Assert.Equal(("line 1", ProblemCodes.TooMany), (problem.Path, problem.Code));
    }

    [Fact]
    public void FactorCsv_Limits_NameTheLineAndTheLimit()
    {
        const string header = "key,per_unit,gas,amount,publisher,document\n";
        const string row = "power,kWh,CO2-fossil,0.5,ACME,bill\n";
        var rows = FactorCsv.Read(header + row + row.Replace("power", "heat", StringComparison.Ordinal), JsonReadOptions.Default with { MaxArrayLength = 1 });
        var tooMany = Assert.Single(rows.Problems);
        Assert.Equal(("line 3", ProblemCodes.TooMany), (tooMany.Path, tooMany.Code));

        var longKey = Assert.Single(FactorCsv.Read(header + row.Replace("power", new string('k', 101), StringComparison.Ordinal), JsonReadOptions.Default with { MaxStringLength = 100 }).Problems);
        Assert.Equal(ProblemCodes.TooLong, longKey.Code);
        Assert.StartsWith("line 2", longKey.Path, StringComparison.Ordinal);

        var huge = Assert.Single(FactorCsv.Read(header + row.Replace("0.5", "1e31", StringComparison.Ordinal)).Problems);
        Assert.Equal(ProblemCodes.NumberOutOfRange, huge.Code);
        Assert.StartsWith("line 2", huge.Path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FactorCsv_FilePastTheSizeLimit_StopsWhileReading()
    {
        string file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, "key,per_unit,gas,amount,publisher,document\n" + string.Concat(Enumerable.Repeat("power,kWh,CO2-fossil,0.5,ACME,bill\n", 100)));
            var read = await FactorCsv.ReadFileAsync(file, JsonReadOptions.Default with { MaxDocumentBytes = 1000 });
            var problem = Assert.Single(read.Problems);
            Assert.Equal(ProblemCodes.DocumentTooLarge, problem.Code);
            Assert.Contains(file, problem.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void FactorJson_LoneSurrogateInAKey_IsAnEncodingProblem()
    {
        var read = FactorJson.Read("""{ "format": "pcf-factors/1", "factors": [ { "key": "\udfff" } ] }""");
        Assert.Equal(ProblemCodes.InvalidEncoding, Assert.Single(read.Problems).Code);
    }

    [Fact]
    public void Pact_LoneSurrogate_IsAProblemNotAnException()
    {
        var read = PactJson.Read("""{ "id": "\ud800", "specVersion": "3.0.0" }"""u8);
        Assert.False(read.IsValid);
        Assert.Contains(read.Problems, p => p.Code == ProblemCodes.InvalidEncoding && p.Path == "$");
    }

    [Fact]
    public void Result_FactorLineWithoutItsFactor_IsRefused()
    {
        // Before: read as valid, then Explain() failed looking the line's factor up in the inventory.
        var result = TestSupport.Engine.Calculate(Systems.BracketBuilder().Build(), TestSupport.Engine.Co2(("steel/hot-rolled-coil", 2000), ("electricity/grid", 0.5)));
        var json = JsonNode.Parse(FootprintResultJson.Write(result))!;
        json["byFactor"]![0]!["key"] = "not/in/the/inventory";
        var problems = FootprintResultJson.Read(json.ToJsonString()).Problems;
        var problem = Assert.Single(problems, p => p.Code == ProblemCodes.UnknownReference);
        Assert.Equal("$.byFactor[0]", problem.Path);
        Assert.Contains("not/in/the/inventory", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("flow", "naoh-made-nowhere")]
    [InlineData("process", "no-such-process")]
    public void Result_DemandThatNoInventoryProcessMakes_IsRefused(string member, string value)
    {
        // Found by afl-fuzz (the result harness, 10^6 executions): a demand naming a product that no process of the inventory
        // makes (or a process that is not there) was read as valid, then Explain() threw "The result's inventory has no process making ...".
        var result = TestSupport.Engine.Calculate(Systems.BracketBuilder().Build(), TestSupport.Engine.Co2(("steel/hot-rolled-coil", 2000), ("electricity/grid", 0.5)));
        var json = JsonNode.Parse(FootprintResultJson.Write(result))!;
        json["demand"]![member] = value;
        var problem = Assert.Single(FootprintResultJson.Read(json.ToJsonString()).Problems);
        Assert.Equal(($"$.demand.{member}", ProblemCodes.UnknownReference), (problem.Path, problem.Code));
        Assert.Contains(value, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Result_HugeNumbers_AreReadBack()
    {
        // A result holds what the calculation made: its numbers are not held to the input magnitude limit.
        Assert.Equal(double.MaxValue, FootprintResultJson.DefaultReadOptions.MaxNumberMagnitude);
    }

    [Fact]
    public void JsonEncoding_Check_PassesText_AndNamesTheBadByte()
    {
        Assert.Null(JsonEncoding.Check("""{"a":"é中文😀"}"""u8));
        byte[] overlong = [.. "{\"a\":\""u8, 0xC0, 0xAF, .. "\"}"u8];
        var problem = JsonEncoding.Check(overlong);
        Assert.NotNull(problem);
        Assert.Contains("at byte 6", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    public void Explain_NeverPassesItsNodeBudget_AndStillAddsUp(int budget)
    {
        // Before: children were added past the budget (24,742 nodes for a budget of 20,000 on a fuzzed system); now the largest
        // that fit are shown and the rest summed, so the root's children still add up to the total.
        var result = TestSupport.Engine.Calculate(Systems.BracketBuilder().Build(), TestSupport.Engine.Co2(("steel/hot-rolled-coil", 2000), ("electricity/grid", 0.5)));
        var tree = result.Explain(minimumShare: 0, maximumDepth: 50, maximumNodes: budget);
        Assert.True(tree.Flatten().Count() <= budget, $"{tree.Flatten().Count()} nodes");
        if (!tree.Children.IsEmpty)
        {
            Assert.Equal(tree.Co2e.Value, tree.Children.Sum(c => c.Co2e.Value), 1e-12);
        }
    }
}
