using System.Text;
using CsCheck;
using Microsoft.Extensions.DependencyInjection;
using Pcf.Accounting.Engine;
using Pcf.Accounting.Json;
using Pcf.Accounting.Results;
using Pcf.Accounting.Units;
using Pcf.Accounting.Validation;
using Pcf.Accounting.Vectors;

namespace Pcf.Accounting.Templates.Tests.Shape;

/// <summary>The template shape: typed parameters checked all at once, defaults versus site data, the build carried as
/// derivations, the parameters view, the catalog, template vectors.</summary>
public sealed class TemplateShapeTests
{
    private static readonly BrickTemplate Brick = new();

    private static ServiceProvider Services() =>
        new ServiceCollection().AddPcfAccounting().AddTemplate(Brick).Services.BuildServiceProvider();

    private static async Task<FootprintResult> CalculateAsync(TemplateInput input)
    {
        using var services = Services();
        using var scope = services.CreateScope();
        var build = Brick.Build(input).ThrowIfInvalid();
        return (await scope.ServiceProvider.GetRequiredService<IFootprintCalculator>().CalculateAsync(build)).ThrowIfInvalid();
    }

    [Fact]
    public void Bind_EveryBadParameter_ReportedAtOnceByName()
    {
        var input = TemplateInput.Empty
            .Set("mass", Measure.Of(3, "kWh"))               // wrong dimension
            .Set("fuel", "wood")                              // not a choice
            .Set("co2PerMJ", 0.5)                             // above 0.2 kg/MJ
            .Set("packaged", "yes")                           // not a flag
            .Set("colour", "red")                             // no such parameter
            .Add("additives", TemplateInput.Empty.Set("name", "sand").Set("share", 120).Set("grain", 2));
        // firingEnergy is required and missing.

        var result = TemplateValues.Bind(Brick.Parameters, input);

        Assert.False(result.IsValid);
        var byPath = result.Problems.ToDictionary(p => p.Path, p => p.Code);
        Assert.Equal(ProblemCodes.WrongDimension, byPath["mass"]);
        Assert.Equal(ProblemCodes.UnknownValue, byPath["fuel"]);
        Assert.Equal(ProblemCodes.NumberOutOfRange, byPath["co2PerMJ"]);
        Assert.Equal(ProblemCodes.WrongType, byPath["packaged"]);
        Assert.Equal(ProblemCodes.UnknownMember, byPath["colour"]);
        Assert.Equal(ProblemCodes.Required, byPath["firingEnergy"]);
        Assert.Equal(ProblemCodes.NumberOutOfRange, byPath["additives[0].share"]);
        Assert.Equal(ProblemCodes.UnknownMember, byPath["additives[0].grain"]);
        Assert.Equal(8, result.Problems.Length);
        Assert.All(result.Problems, p => Assert.IsType<ParameterSubject>(p.Subject));
        Assert.Contains("'natural-gas', 'coal'", result.Problems.Single(p => p.Path == "fuel").Message, StringComparison.Ordinal);
        Assert.Contains("[0, 0.2] kg/MJ", result.Problems.Single(p => p.Path == "co2PerMJ").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_ConvertsUnits_AndMarksDefaults()
    {
        // 3000 kJ/kg = 3 MJ/kg; 2500 g = 2.5 kg.
        var values = TemplateValues.Bind(Brick.Parameters, TemplateInput.Empty.Set("firingEnergy", Measure.Of(3000, "kJ/kg")).Set("mass", Measure.Of(2500, "g"), "scale 2025"))
            .ThrowIfInvalid();

        Assert.Equal(3, values.Number("firingEnergy"), 12);
        Assert.Equal(2.5, values.Number("mass"), 12);
        Assert.False(values.IsDefault("mass"));
        Assert.Equal("scale 2025", values["mass"].Source);
        Assert.Equal(TemplateValue.SiteData, values["firingEnergy"].Source);
        Assert.True(values.IsDefault("fuel"));
        Assert.True(values.IsDefault("co2PerMJ"));
        Assert.False(values.Has("plant"));
        Assert.Empty(values.Items("additives"));
        var input = values.Input("co2PerMJ", "ef");
        Assert.True(input.IsDefault);
        Assert.StartsWith("IPCC 2006", input.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_ValueEqualToDefaultWithItsSource_IsTheDefault_WithoutIsSiteData()
    {
        var asDefault = TemplateValues.Bind(Brick.Parameters, TemplateInput.Empty.Set("firingEnergy", 3).Set("mass", 2.0, BrickTemplate.Fixture)).ThrowIfInvalid();
        var measured = TemplateValues.Bind(Brick.Parameters, TemplateInput.Empty.Set("firingEnergy", 3).Set("mass", 2.0)).ThrowIfInvalid();

        Assert.True(asDefault.IsDefault("mass"));
        Assert.False(measured.IsDefault("mass"));
    }

    [Fact]
    public async Task Build_FiringCo2_IsADerivation_AndTheFootprint()
    {
        // m × e × ef = 2 kg × 3 MJ/kg × 0.0561 kg/MJ = 0.3366 kg CO2 per brick; CO2 GWP 1 (AR6).
        var result = await CalculateAsync(TemplateInput.Empty.Set("firingEnergy", 3));

        Assert.Equal(0.3366, result.TotalExcludingBiogenicUptake.Value, 12);
        var derivation = Assert.Single(result.Inventory.Processes.Single().Emissions).Derivation;
        Assert.NotNull(derivation);
        Assert.Equal("m * e * ef", derivation.Formula);
        Assert.True(derivation.Inputs.Single(i => i.Symbol == "m").IsDefault);
        Assert.False(derivation.Inputs.Single(i => i.Symbol == "e").IsDefault);
        Assert.Contains(result.Explain().Flatten(), n => n.Node.Derivation?.Name == "firing CO2 per brick");
    }

    [Fact]
    public async Task ParametersView_StatesDefaultsAndSiteData_AndPrimaryShareFollows()
    {
        var defaulted = await CalculateAsync(TemplateInput.Empty.Set("firingEnergy", 3));
        var view = Assert.Single(defaulted.Views, v => v.Id == TemplateParametersView.ViewId);
        Assert.Equal(3, view.Line("firingEnergy")!.Value);
        Assert.Equal("given: site data", view.Line("firingEnergy")!.Note);
        Assert.Equal("default: " + BrickTemplate.Fixture, view.Line("mass")!.Note);
        Assert.Equal(1, view.Line("site-data-given")!.Value);      // firingEnergy
        Assert.Equal(1, view.Line("site-data-defaulted")!.Value);  // mass
        Assert.Equal(4, view.Line("defaults")!.Value);             // mass, fuel, co2PerMJ, packaged
        Assert.Equal(0, defaulted.PrimaryDataShare);                // the firing process is secondary while its mass is a default

        var measured = await CalculateAsync(TemplateInput.Empty.Set("firingEnergy", 3).Set("mass", 2.0, "scale"));
        Assert.Equal(1, measured.PrimaryDataShare);
        Assert.Equal(0, measured.Views.Single(v => v.Id == "template").Line("site-data-defaulted")!.Value);
    }

    [Fact]
    public async Task Warnings_TravelWithTheResult()
    {
        var result = await CalculateAsync(TemplateInput.Empty.Set("firingEnergy", 6));
        var warning = Assert.Single(result.Views.Single(v => v.Id == "template").Warnings);
        Assert.Equal(ProblemCodes.ImplausibleValue, warning.Code);

        var back = FootprintResultJson.Read(FootprintResultJson.Write(result)).ThrowIfInvalid();
        Assert.Equal(result, back);
    }

    [Fact]
    public void Build_InconsistentValues_AreAProblem()
    {
        var input = TemplateInput.Empty.Set("firingEnergy", 3)
            .Add("additives", TemplateInput.Empty.Set("name", "sand").Set("share", 60))
            .Add("additives", TemplateInput.Empty.Set("name", "ash").Set("share", 50));

        var problem = Assert.Single(Brick.Build(input).Problems);
        Assert.Equal(ProblemCodes.InconsistentParameters, problem.Code);
        Assert.Contains("110 %", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_Read_ProblemsNameTheirJsonPath()
    {
        string json = """
            { "format": "pcf-template-params/1", "template": "test/brick",
              "parameters": { "mass": { "value": 2, "unit": "kWh" }, "firingEnergy": { "value": 3, "source": "meter" },
                              "additives": [ { "name": "sand", "share": 150 } ] } }
            """;
        var (template, input) = TemplateParametersJson.Read(Encoding.UTF8.GetBytes(json)).ThrowIfInvalid();
        Assert.Equal("test/brick", template);

        var bound = TemplateValues.Bind(Brick.Parameters, input);
        Assert.Contains(bound.Problems, p => p.Path == "$.parameters.mass" && p.Code == ProblemCodes.WrongDimension);
        Assert.Contains(bound.Problems, p => p.Path == "$.parameters.additives[0].share" && p.Code == ProblemCodes.NumberOutOfRange);

        var structure = TemplateParametersJson.Read(Encoding.UTF8.GetBytes(json.Replace("\"source\": \"meter\"", "\"value2\": 1", StringComparison.Ordinal)));
        Assert.Equal("$.parameters.firingEnergy.value2", Assert.Single(structure.Problems).Path);
        Assert.Equal("$.format", Assert.Single(TemplateParametersJson.Read("{}"u8.ToArray()).Problems).Path);
    }

    [Fact]
    public void Json_Init_RunUnchanged_ReportsEveryDefault()
    {
        string init = Encoding.UTF8.GetString(TemplateParametersJson.WriteInit(Brick));
        Assert.Contains("\"firingEnergy\": null", init, StringComparison.Ordinal);
        Assert.Contains("\"source\": \"IPCC 2006 Guidelines, Vol. 2, Table 2.2: natural gas 56,100 kg CO2/TJ\"", init, StringComparison.Ordinal);
        Assert.Contains("\"about\"", init, StringComparison.Ordinal);

        var (_, unfilled) = TemplateParametersJson.Read(Encoding.UTF8.GetBytes(init)).ThrowIfInvalid();
        Assert.Equal("$.parameters.firingEnergy", Assert.Single(TemplateValues.Bind(Brick.Parameters, unfilled).Problems).Path);

        var (_, filled) = TemplateParametersJson.Read(Encoding.UTF8.GetBytes(init.Replace("\"firingEnergy\": null", "\"firingEnergy\": 3", StringComparison.Ordinal))).ThrowIfInvalid();
        var values = TemplateValues.Bind(Brick.Parameters, filled).ThrowIfInvalid();
        Assert.All(values.All.Where(v => v.Parameter.Name is not ("firingEnergy" or "additives")), v => Assert.True(v.IsDefault, v.Parameter.Name));
    }

    [Fact]
    public void Json_WriteThenRead_GivesTheSameValues()
    {
        // Energies of 0 or 1e-30 and more: the values a document can carry. A non-zero number smaller than 1e-30 (the generator
        // gave 1.069e-88) is past the magnitude limit that every reader applies (JsonReadOptions.MaxNumberMagnitude), as a
        // product system built in C# with such an amount is written but not read back (TemplateParametersReaderTests).
        Gen.Double[0.1, 50].Select(Gen.Double[0, 20].Where(e => e == 0 || e >= 1e-30), Gen.Bool, Gen.Int[0, 3]).Sample((mass, energy, packaged, additives) =>
        {
            var input = TemplateInput.Empty.Set("mass", mass, "scale").Set("firingEnergy", energy).Set("packaged", packaged);
            for (int i = 0; i < additives; i++)
            {
                input = input.Add("additives", TemplateInput.Empty.Set("name", $"a{i}").Set("share", 10.0 * i));
            }

            var values = TemplateValues.Bind(Brick.Parameters, input).ThrowIfInvalid();
            var (id, read) = TemplateParametersJson.Read(TemplateParametersJson.Write("test/brick", values)).ThrowIfInvalid();
            Assert.Equal("test/brick", id);
            Assert.Equal(values, TemplateValues.Bind(Brick.Parameters, read).ThrowIfInvalid());
        });
    }

    [Fact]
    public async Task Property_FiringCo2_IsLinearInMassEnergyAndFactor()
    {
        // The footprint is m × e × ef for any values in range: the template adds nothing on the side.
        using var services = Services();
        using var scope = services.CreateScope();
        var calculator = scope.ServiceProvider.GetRequiredService<IFootprintCalculator>();
        await Gen.Double[0.1, 50].Select(Gen.Double[0, 20], Gen.Double[0, 0.2]).SampleAsync(async (m, e, ef) =>
        {
            var build = Brick.Build(TemplateInput.Empty.Set("mass", m).Set("firingEnergy", e).Set("co2PerMJ", ef)).ThrowIfInvalid();
            var result = (await calculator.CalculateAsync(build)).ThrowIfInvalid();
            Assert.Equal(m * e * ef, result.TotalExcludingBiogenicUptake.Value, Math.Max(1e-12, m * e * ef * 1e-12));
        }, iter: 50);
    }

    [Fact]
    public void Catalog_UnknownId_ListsTheKnown()
    {
        var catalog = new TemplateCatalog([Brick]);
        var problem = Assert.Single(catalog.Build("test/tile", TemplateInput.Empty).Problems);

        Assert.Equal(ProblemCodes.UnknownTemplate, problem.Code);
        Assert.Contains("known: test/brick", problem.Message, StringComparison.Ordinal);
        Assert.True(catalog.TryFind("TEST/Brick", out _));
        Assert.Throws<ArgumentException>(() => new TemplateCatalog([Brick, new BrickTemplate()]));
    }

    [Fact]
    public async Task Vector_ReachesDerivationsAndViews()
    {
        string json = """
            { "format": "pcf-vector/1", "id": "brick", "description": "the brick test template",
              "derivation": [ "2 kg × 3 MJ/kg × 0.0561 kg/MJ = 0.3366 kg CO2" ],
              "template": { "id": "test/brick", "parameters": { "firingEnergy": { "value": 3, "unit": "MJ/kg" } } },
              "expected": [
                { "path": "pcfExcludingBiogenicUptake", "value": 0.3366 },
                { "path": "derivations[firing CO2 per brick].result.value", "value": 0.3366 },
                { "path": "views[template].lines[site-data-defaulted].value", "value": 1 } ] }
            """;
        using var services = Services();
        using var scope = services.CreateScope();
        var vector = ReferenceVectorJson.Read(Encoding.UTF8.GetBytes(json), ".").ThrowIfInvalid();
        var outcome = await scope.ServiceProvider.GetRequiredService<ReferenceVectorRunner>().RunAsync(vector);
        Assert.True(outcome.Passed, string.Join("; ", outcome.Failures));

        var bad = ReferenceVectorJson.Read(Encoding.UTF8.GetBytes(json.Replace("\"value\": 3,", "\"value\": 30,", StringComparison.Ordinal)), ".").ThrowIfInvalid();
        var failed = await scope.ServiceProvider.GetRequiredService<ReferenceVectorRunner>().RunAsync(bad);
        Assert.Contains(failed.Failures, f => f.Contains("$.template.parameters.firingEnergy", StringComparison.Ordinal));
    }
}
