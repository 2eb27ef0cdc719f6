using System.Collections.Immutable;
using Pcf.Accounting.Model;
using Pcf.Accounting.Rules;
using Pcf.Accounting.Templates;
using Pcf.Accounting.Units;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Templates.Tests.Shape;

/// <summary>A small template for testing the shape only: one fired brick, its firing CO2 worked out from mass, firing energy and
/// a fuel's CO2 per MJ. The defaults are test fixtures, not published values, except the natural-gas factor (IPCC 2006).</summary>
internal sealed class BrickTemplate : ITemplate
{
    public const string Fixture = "test fixture, not a published value";

    public TemplateDescriptor Descriptor { get; } = new("test/brick", "Fired clay brick (test)", "1.0", Quantity.Of(1, Unit.Piece), SystemBoundary.CradleToGate)
    {
        Description = "A test template.",
        Standards = [new TemplateStandard("ISO 14067:2018", "6.3")],
        Classification = [new ProductCode("HS", "6904 10")],
    };

    public ImmutableArray<TemplateParameter> Parameters { get; } =
    [
        TemplateParameter.Number("mass", "kg", "Mass of one brick.", min: 0.1, max: 50).WithDefault(2.0, Fixture) with { IsSiteData = true },
        TemplateParameter.Number("firingEnergy", "MJ/kg", "Kiln fuel energy per kg of brick.", min: 0, max: 20) with { IsSiteData = true },
        TemplateParameter.Choice("fuel", "The kiln fuel.", "natural-gas", "coal").WithDefault("natural-gas", Fixture),
        TemplateParameter.Number("co2PerMJ", "kg/MJ", "Fuel CO2 per MJ.", min: 0, max: 0.2)
            .WithDefault(0.0561, "IPCC 2006 Guidelines, Vol. 2, Table 2.2: natural gas 56,100 kg CO2/TJ"),
        TemplateParameter.Flag("packaged", "Whether a pallet wrap is included.").WithDefault(false, Fixture),
        TemplateParameter.Text("plant", "The plant's name.") with { IsOptional = true },
        TemplateParameter.List("additives", "Additives mixed into the clay.",
            TemplateParameter.Text("name", "The additive."),
            TemplateParameter.Number("share", "%", "Its mass share.", min: 0, max: 100)),
    ];

    public ValidationResult<TemplateBuild> Build(TemplateValues values)
    {
        double shares = values.Items("additives").Sum(i => i.Number("share"));
        if (shares > 100)
        {
            return ValidationResult.Failure<TemplateBuild>([new ValidationProblem("additives", ProblemCodes.InconsistentParameters,
                $"The additives' shares sum to {shares} %, more than 100 %.") { Subject = new ParameterSubject("additives") }]);
        }

        var co2 = Derivation.Create("firing CO2 per brick", "m * e * ef", [values.Input("mass", "m"), values.Input("firingEnergy", "e"), values.Input("co2PerMJ", "ef")],
            UnitExpression.Of(Unit.Kilogram), "test method: mass × firing energy × fuel CO2 per MJ");
        var system = new ProductSystemBuilder("Brick")
            .AddFlow("brick", "brick", Unit.Piece)
            .AddProcess("firing", "Firing", p => p.Produces("brick", 1, Unit.Piece).Emits(Gases.GreenhouseGas.Co2Fossil, co2).Tagged("kiln")
                .AsPrimaryData(!values.IsDefault("mass")))
            .WithReferenceProduct("brick")
            .WithDeclaredUnit(1, Unit.Piece)
            .Build();
        var warnings = values.Number("firingEnergy") > 5
            ? ImmutableArray.Create(new ValidationProblem("firingEnergy", ProblemCodes.ImplausibleValue, "More than 5 MJ/kg is unusual for a brick kiln (test rule)."))
            : [];
        return ValidationResult.Success(new TemplateBuild(Descriptor, system, RuleSet.Iso14067, values) { Warnings = warnings });
    }
}
