using System.Text;
using Pcf.Accounting.Templates.Electronics.Bom;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Templates.Tests.Electronics;

/// <summary>pcf-bom/1: every problem at once, each with its JSON path.</summary>
public sealed class BomJsonTests
{
    private static ValidationResult<BillOfMaterials> Read(string json) => BomJson.Read(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void Read_GoodDocument_NestsModulesAndParts()
    {
        var bom = Read("""
            { "format": "pcf-bom/1", "name": "Router", "mass": { "value": 650, "unit": "g" },
              "nodes": [
                { "id": "mainboard", "nodes": [
                  { "id": "soc", "model": "act-logic", "parameters": { "dieArea": { "value": 50, "unit": "mm2" }, "node": "28nm" } },
                  { "id": "pcb", "model": "act-pcb", "parameters": { "area": 200, "layers": 6 } } ] },
                { "id": "psu", "quantity": 2, "factorKey": "supplier/psu", "partType": "psu" } ] }
            """).ThrowIfInvalid();

        Assert.Equal("Router", bom.Name);
        Assert.Equal(0.65, bom.ProductMass!.Value.As(Units.Unit.Kilogram), 12);
        Assert.Equal(2, bom.Nodes.Length);
        Assert.True(bom.Nodes[0].IsModule);
        Assert.Equal("$.nodes[0].nodes[1]", bom.Nodes[0].Children[1].SourcePath);
        Assert.Equal("act-pcb", bom.Nodes[0].Children[1].Model);
        Assert.Equal(2, bom.Nodes[1].Quantity);
        Assert.Equal("supplier/psu", bom.Nodes[1].FactorKey);
    }

    [Fact]
    public void Read_BadDocument_EveryProblemWithItsJsonPath()
    {
        var result = Read("""
            { "format": "pcf-bom/1", "name": "Router", "colour": "red",
              "nodes": [
                { "id": "mainboard", "nodes": [
                  { "id": "soc", "model": "act-logic", "parameters": { "dieArea": { "value": 50, "unit": "kg" }, "node": "2nm" } },
                  { "id": "soc", "model": "act-pcb", "parameters": { "area": 200, "layers": 5.5 } },
                  { "id": "cap", "model": "act-resistor" } ] },
                { "id": "bad id", "quantity": -1, "factorKey": "supplier/psu" },
                { "id": "psu", "factorKey": "supplier/psu", "model": "boavizta-psu" },
                { "id": "fan", "factorKey": "supplier/fan", "parameters": { "mass": 1 } } ] }
            """);

        Assert.False(result.IsValid);
        var byPath = result.Problems.GroupBy(p => p.Path).ToDictionary(g => g.Key, g => g.Select(p => p.Code).ToList());
        Assert.Contains(ProblemCodes.UnknownMember, byPath["$.colour"]);
        Assert.Contains(ProblemCodes.WrongDimension, byPath["$.nodes[0].nodes[0].parameters.dieArea"]);
        Assert.Contains(ProblemCodes.UnknownValue, byPath["$.nodes[0].nodes[0].parameters.node"]);
        Assert.Contains(ProblemCodes.DuplicateId, byPath["$.nodes[0].nodes[1].id"]);
        Assert.Contains(ProblemCodes.InconsistentParameters, byPath["$.nodes[0].nodes[1].parameters.layers"]);
        Assert.Contains(ProblemCodes.UnknownValue, byPath["$.nodes[0].nodes[2].model"]);
        Assert.Contains(ProblemCodes.InvalidId, byPath["$.nodes[1].id"]);
        Assert.Contains(ProblemCodes.NumberOutOfRange, byPath["$.nodes[1].quantity"]);
        Assert.Contains(ProblemCodes.InconsistentParameters, byPath["$.nodes[2]"]);
        Assert.Contains(ProblemCodes.InconsistentParameters, byPath["$.nodes[3].parameters"]);
        Assert.Contains("act-logic", result.Problems.Single(p => p.Path == "$.nodes[0].nodes[2].model").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WrongFormat_OrNotAnObject_IsOneProblemAtTheRoot()
    {
        Assert.Equal("$.format", Assert.Single(Read("""{ "format": "pcf-bom/2", "name": "x", "nodes": [] }""").Problems).Path);
        Assert.Equal("$", Assert.Single(Read("[1, 2]").Problems).Path);
        Assert.Contains(Read("""{ "format": "pcf-bom/1", "name": "x", "nodes": [] }""").Problems, p => p.Path == "$.nodes" && p.Code == ProblemCodes.Required);
    }

    [Fact]
    public void Read_TooDeep_IsAProblem_NotAStackOverflow()
    {
        // 40 nested modules: deeper than BillOfMaterials.MaxDepth (16); read with an explicit stack.
        var json = new StringBuilder("""{ "format": "pcf-bom/1", "name": "deep", "nodes": [""");
        for (int i = 0; i < 40; i++)
        {
            json.Append("""{ "id": "m", "nodes": [""");
        }

        json.Append("""{ "id": "p", "factorKey": "k" }""");
        for (int i = 0; i < 40; i++)
        {
            json.Append("] }");
        }

        json.Append("] }");
        var result = BomJson.Read(Encoding.UTF8.GetBytes(json.ToString()), new Json.JsonReadOptions { MaxDepth = 200 });

        Assert.Contains(result.Problems, p => p.Code == ProblemCodes.DocumentTooDeep);
    }

    [Fact]
    public void Template_BomFileProblems_NameTheFileAndThePath()
    {
        string folder = Directory.CreateTempSubdirectory("pcf-bom-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "bad.bom.json"), """{ "format": "pcf-bom/1", "name": "x", "nodes": [ { "id": "a", "quantity": 0, "factorKey": "k" } ] }""");
            var template = new Pcf.Accounting.Templates.Electronics.ElectronicsBomTemplate();

            var problems = template.Build(TemplateInput.Empty.Set("bomFile", "bad.bom.json").InFolder(folder)).Problems;

            Assert.Contains(problems, p => p.Path == "bad.bom.json:$.nodes[0].quantity" && p.Code == ProblemCodes.NumberOutOfRange);
            var missing = Assert.Single(template.Build(TemplateInput.Empty.Set("bomFile", "none.bom.json").InFolder(folder)).Problems);
            Assert.Contains("none.bom.json", missing.Message, StringComparison.Ordinal);
            Assert.Equal(ProblemCodes.Required, Assert.Single(template.Build(TemplateInput.Empty).Problems).Code);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
