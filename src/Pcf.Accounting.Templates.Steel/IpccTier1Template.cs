using System.Collections.Immutable;
using System.Globalization;
using Pcf.Accounting.Gases;
using Pcf.Accounting.Model;
using Pcf.Accounting.Rules;
using Pcf.Accounting.Units;
using Pcf.Accounting.Validation;
using static Pcf.Accounting.Templates.Steel.SteelSources;

namespace Pcf.Accounting.Templates.Steel;

/// <summary>A screening estimate of the direct CO2 of 1 t of crude steel with the IPCC Tier 1 factors: the route mix (BOF, EAF,
/// open hearth) times each route's factor, plus any sinter, coke, pellets, pig iron or DRI made per t, times theirs.</summary>
/// <remarks>
/// <para>IPCC 2006 Vol. 3 Ch. 4, Table 4.1. The defaults are the IPCC global average mix, 65 % BOF, 30 % EAF, 5 % OHF:
/// 0.65 × 1.46 + 0.30 × 0.08 + 0.05 × 1.72 = 1.059 t CO2/t (IPCC prints 1.06). Each product of a share or amount and its factor is
/// a derivation. This is a national-inventory estimate of process and on-site combustion CO2, not a cradle-to-gate footprint:
/// there is no upstream and no grid electricity. The site templates use the same factors to flag implausible results.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed class IpccTier1Template : ITemplate
{
    /// <summary>The template's id.</summary>
    public const string TemplateId = "steel/ipcc-tier1";

    private static readonly (string Id, string Name, string Share, string Factor, double Value, string Mark)[] Routes =
    [
        ("bof-steel", "BOF steel", "shareBof", "efBof", SteelTier1.Bof, "[V]"),
        ("eaf-steel", "EAF steel", "shareEaf", "efEaf", SteelTier1.Eaf, "[V]"),
        ("ohf-steel", "Open hearth steel", "shareOhf", "efOhf", SteelTier1.Ohf, "[U]"),
    ];

    private static readonly (string Id, string Name, string Amount, string Factor, double Value, string Mark)[] Categories =
    [
        ("sinter", "Sinter", "sinter", "efSinter", SteelTier1.Sinter, "[V]"),
        ("coke", "Metallurgical coke", "coke", "efCoke", SteelTier1.Coke, "[V]"),
        ("pellets", "Pellets", "pellets", "efPellet", SteelTier1.Pellet, "[U]"),
        ("pig-iron", "Pig iron not converted to steel", "pigIron", "efPigIron", SteelTier1.PigIron, "[V]"),
        ("dri", "Direct reduced iron", "dri", "efDri", SteelTier1.Dri, "[V]"),
    ];

    /// <inheritdoc/>
    public TemplateDescriptor Descriptor { get; } = new(TemplateId, "Steel, IPCC Tier 1 screening estimate of direct CO2 per t crude steel", "1.0", Quantity.Of(1, Unit.Tonne), SystemBoundary.GateToGate)
    {
        Description = "Direct CO2 of 1 t of crude steel by the IPCC 2006 Tier 1 factors (Vol. 3 Ch. 4, Table 4.1): the route mix times each route's factor, "
            + "plus sinter, coke, pellets, pig iron and DRI made per t times theirs. A screening estimate for a national inventory, not a cradle-to-gate "
            + "footprint (no upstream, no grid electricity).",
        Standards = [new TemplateStandard("IPCC 2006 Guidelines Vol. 3 Ch. 4", "Table 4.1, Tier 1 emission factors; global average mix (EFDB 214098)")],
        Classification = [new ProductCode("CN", SteelProduct.CrudeSteel.CnCode)],
    };

    /// <inheritdoc/>
    public ImmutableArray<TemplateParameter> Parameters { get; } =
    [
        TemplateParameter.Number("shareBof", "%", "Share of crude steel made in basic oxygen furnaces.", 0, 100).WithDefault(65, IpccGlobalAverage),
        TemplateParameter.Number("shareEaf", "%", "Share of crude steel made in electric arc furnaces.", 0, 100).WithDefault(30, IpccGlobalAverage),
        TemplateParameter.Number("shareOhf", "%", "Share of crude steel made in open hearth furnaces.", 0, 100).WithDefault(5, IpccGlobalAverage),
        .. Categories.Select(c => TemplateParameter.Number(c.Amount, "t/t", $"{c.Name} made per t of crude steel (its Tier 1 CO2 is added).", 0, 5)
            .WithDefault(0, NoneUnlessStated)),
        .. Routes.Select(r => TemplateParameter.Number(r.Factor, "t/t", $"Tier 1 CO2 factor of {r.Name.ToLowerInvariant()}, t CO2 per t.", 0, 5)
            .WithDefault(r.Value, string.Create(CultureInfo.InvariantCulture, $"{IpccTier1}: {r.Name.ToLowerInvariant()} {r.Value} t CO2/t {r.Mark}"))),
        .. Categories.Select(c => TemplateParameter.Number(c.Factor, "t/t", $"Tier 1 CO2 factor of {c.Name.ToLowerInvariant()}, t CO2 per t.", 0, 5)
            .WithDefault(c.Value, string.Create(CultureInfo.InvariantCulture, $"{IpccTier1}: {c.Name.ToLowerInvariant()} {c.Value} t CO2/t {c.Mark}"))),
    ];

    /// <inheritdoc/>
    public ValidationResult<TemplateBuild> Build(TemplateValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        double shares = Routes.Sum(r => values.Number(r.Share));
        if (Math.Abs(shares - 100) > 1e-9)
        {
            return ValidationResult.Failure<TemplateBuild>([new ValidationProblem("shareBof", ProblemCodes.InconsistentParameters,
                string.Create(CultureInfo.InvariantCulture, $"The route shares shareBof + shareEaf + shareOhf sum to {shares:0.######} %, not 100 %."))
                { Subject = new ParameterSubject("shareBof") }]);
        }

        var run = SteelSystem.Run;
        var b = new ProductSystemBuilder("Crude steel, IPCC Tier 1").AddFlow("crude-steel", "Crude steel", Unit.Tonne);
        var links = new List<(string Flow, Derivation Amount)>();
        foreach (var (id, name, amount, factor, isShare) in Routes.Select(r => (r.Id, r.Name, r.Share, r.Factor, true))
                     .Concat(Categories.Select(c => (c.Id, c.Name, c.Amount, c.Factor, false))))
        {
            if (!(values.Number(amount) > 0))
            {
                continue;
            }

            var co2 = Derivation.Create($"{name}: CO2 (IPCC Tier 1)", "P * EF", [run, values.Input(factor, "EF")], UnitExpression.Of(Unit.Kilogram), IpccTier1);
            b.AddFlow(id, name, Unit.Tonne)
                .AddProcess(id, $"{name} (IPCC Tier 1)", p => p.Produces(id, 1, Unit.Tonne).Emits(GreenhouseGas.Co2Fossil, co2).InStage(LifeCycleStage.Production));
            links.Add((id, Derivation.Create($"Crude steel: {name.ToLowerInvariant()} per t", "P * x", [run, values.Input(amount, "x")], UnitExpression.Of(Unit.Tonne),
                isShare ? "route share of the crude steel (IPCC Tier 1 mix)" : "amount made per t of crude steel")));
        }

        b.AddProcess("crude-steel", "Crude steel (IPCC Tier 1 mix)", p =>
        {
            p.Produces("crude-steel", 1, Unit.Tonne).InStage(LifeCycleStage.Production);
            foreach (var (flow, amount) in links)
            {
                p.Consumes(flow, amount);
            }
        });
        var system = b.WithReferenceProduct("crude-steel").WithDeclaredUnit(1, Unit.Tonne).WithProductMass(Quantity.Of(1, Unit.Tonne)).Validate();
        return system.IsValid
            ? ValidationResult.Success(new TemplateBuild(Descriptor, system.Value, RuleSet.GbT24067 with { Boundary = SystemBoundary.GateToGate }, values))
            : ValidationResult.Failure<TemplateBuild>(system.Problems);
    }
}
