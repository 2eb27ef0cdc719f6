using System.Text;
using Pcf.Accounting.Json;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Templates.Tests.Shape;

/// <summary>The pcf-template-params/1 reader reads like every other format: the limits of <see cref="JsonReadOptions"/>
/// (size, depth, items, string length, number magnitude), encoding errors as <c>PCF0009</c>, every problem at once with its
/// JSON path, and never an exception for what a file holds.</summary>
public sealed class TemplateParametersReaderTests
{
    private static ValidationResult<(string Template, TemplateInput Input)> Read(string parameters, JsonReadOptions? limits = null) =>
        TemplateParametersJson.Read(Encoding.UTF8.GetBytes($$"""{ "format": "pcf-template-params/1", "template": "test/brick", "parameters": {{parameters}} }"""), limits);

    [Theory]
    [InlineData("""{ "": 2 }""", "$.parameters['']")]
    [InlineData("""{ "  ": 2 }""", "$.parameters['  ']")]
    [InlineData("""{ "additives": [ { "": "sand" } ] }""", "$.parameters.additives[0]['']")]
    public void EmptyName_IsAProblem_NotAnException(string parameters, string path)
    {
        // An empty name reached TemplateInput.With, which threw ArgumentException "(Parameter 'name')".
        var problem = Assert.Single(Read(parameters).Problems);
        Assert.Equal(path, problem.Path);
        Assert.Equal(ProblemCodes.UnknownMember, problem.Code);
    }

    [Fact]
    public void NameGivenTwice_IsAProblem()
    {
        var problem = Assert.Single(Read("""{ "mass": 2, "mass": 3 }""").Problems);
        Assert.Equal(("$.parameters.mass", ProblemCodes.DuplicateId), (problem.Path, problem.Code));
    }

    [Theory]
    [InlineData("1e31")]
    [InlineData("-1e31")]
    [InlineData("1e-31")]
    [InlineData("1e309")]
    public void NumberPastTheMagnitudeLimit_IsRefused(string number)
    {
        // 1e309 is not a double at all (infinite); 1e31 and 1e-31 are past JsonLimits:MaxNumberMagnitude (1e30), as in every format.
        var problem = Assert.Single(Read($$"""{ "mass": { "value": {{number}}, "unit": "kg" } }""").Problems);
        Assert.Equal(("$.parameters.mass.value", ProblemCodes.NumberOutOfRange), (problem.Path, problem.Code));
        Assert.Single(Read($$"""{ "mass": {{number}} }""").Problems, p => p.Path == "$.parameters.mass" && p.Code == ProblemCodes.NumberOutOfRange);
    }

    [Fact]
    public void Limits_AreTheOptionsOfEveryFormat()
    {
        var limits = JsonReadOptions.Default with { MaxStringLength = 10, MaxArrayLength = 2, MaxDepth = 5 };
        Assert.Single(Read("""{ "plant": "a plant with a long name" }""", limits).Problems, p => p.Path == "$.parameters.plant" && p.Code == ProblemCodes.TooLong);
        Assert.Single(Read("""{ "a-name-past-ten": 1 }""", limits).Problems, p => p.Code == ProblemCodes.TooLong);
        Assert.Single(Read("""{ "additives": [ {}, {}, {} ] }""", limits).Problems, p => p.Path == "$.parameters.additives" && p.Code == ProblemCodes.TooMany);
        Assert.Single(Read("""{ "additives": [ { "share": { "value": [ [ [ 1 ] ] ] } } ] }""", limits).Problems, p => p.Path == "$" && p.Code == ProblemCodes.DocumentTooDeep);
        var small = TemplateParametersJson.Read(new byte[100], JsonReadOptions.Default with { MaxDocumentBytes = 50 });
        Assert.Equal(ProblemCodes.DocumentTooLarge, Assert.Single(small.Problems).Code);
    }

    [Fact]
    public void EncodingErrors_ArePcf0009_AtTheRoot()
    {
        // An invalid byte (0xFF), and a lone surrogate escape, which .NET reports as "Cannot transcode invalid UTF-8".
        byte[] invalid = [.. Encoding.UTF8.GetBytes("""{ "format": "pcf-template-params/1", "template": "t"""), 0xFF, .. "\" }"u8];
        var problem = Assert.Single(TemplateParametersJson.Read(invalid).Problems);
        Assert.Equal(("$", ProblemCodes.InvalidEncoding), (problem.Path, problem.Code));

        problem = Assert.Single(Read("""{ "plant": "\ud800" }""").Problems);
        Assert.Equal(ProblemCodes.InvalidEncoding, problem.Code);
        Assert.DoesNotContain("transcode", problem.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void ByteOrderMark_AndComments_AreAccepted()
    {
        byte[] json = [0xEF, 0xBB, 0xBF, .. """
            // written by hand
            { "format": "pcf-template-params/1", "template": "test/brick", "parameters": { "mass": 2 } }
            """u8];
        var (template, input) = TemplateParametersJson.Read(json).ThrowIfInvalid();
        Assert.Equal("test/brick", template);
        Assert.Equal(2.0, input.Values["mass"].Value);
    }

    [Fact]
    public void EveryProblem_AtOnce_WithItsPath()
    {
        var read = TemplateParametersJson.Read(Encoding.UTF8.GetBytes("""
            { "format": "pcf-template-params/1", "paramters": {}, "template": 3,
              "parameters": { "mass": { "value": 2, "unti": "kg" }, "plant": [ 1 ], "fuel": { "unit": "kg" },
                              "additives": [ 3, { "share": { "value": {} } } ], "packaged": { "value": true, "source": 5 } } }
            """));
        Assert.Equal(
            [
                ("$.paramters", ProblemCodes.UnknownMember),
                ("$.template", ProblemCodes.WrongType),
                ("$.parameters.mass.unti", ProblemCodes.UnknownMember),
                ("$.parameters.plant[0]", ProblemCodes.WrongType),
                ("$.parameters.fuel.value", ProblemCodes.Required),
                ("$.parameters.additives[0]", ProblemCodes.WrongType),
                ("$.parameters.additives[1].share.value", ProblemCodes.WrongType),
                ("$.parameters.packaged.source", ProblemCodes.WrongType),
            ],
            read.Problems.Select(p => (p.Path, p.Code)));
        Assert.Contains("did you mean 'parameters'?", read.Problems[0].Message, StringComparison.Ordinal);
        Assert.Contains("did you mean 'unit'?", read.Problems[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadParameters_NamesThePathItIsGiven()
    {
        var read = TemplateParametersJson.ReadParameters("""{ "mass": 1e40, "": 1 }"""u8.ToArray(), "$.template.parameters");
        Assert.Equal(["$.template.parameters.mass", "$.template.parameters['']"], read.Problems.Select(p => p.Path));
        Assert.Equal("$.template.parameters", Assert.Single(TemplateParametersJson.ReadParameters("[]"u8.ToArray(), "$.template.parameters").Problems).Path);
    }
}
