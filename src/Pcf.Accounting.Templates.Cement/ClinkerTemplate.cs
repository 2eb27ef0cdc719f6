using System.Collections.Immutable;
using Pcf.Accounting.Model;
using Pcf.Accounting.Rules;
using Pcf.Accounting.Templates.Cbam;
using Pcf.Accounting.Units;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Templates.Cement;

/// <summary>The template <c>cement/clinker</c>: the cradle-to-gate footprint of 1 t of Portland cement clinker, with the CBAM view
/// of clinker (CN 2523 10 00).</summary>
/// <remarks>
/// <para>One process, clinker production, carries the direct CO2 as derivations: calcination by one of three routes
/// (<c>csi-default</c>: a plant factor or the CSI default 525 kg/t; <c>composition</c>: (CaO − CaO_nc) × 44.01/56.08 +
/// (MgO − MgO_nc) × 44.01/40.30; <c>ipcc-tier1</c>: 65 % CaO × 44.01/56.08 × 1.02), bypass dust and cement kiln dust leaving the
/// system (CSI v3), raw-meal organic carbon (TOC × raw meal : clinker × 44/12), and each fuel's amount × NCV × carbon content ×
/// oxidation × 44/12 with its biomass share reported as biogenic CO2. Electricity comes from the embedded China factors (the 2023
/// life-cycle factor, or a grid's combustion CO2 by region and year) or a supplier's factor.</para>
/// <para>Not included: the supply chains of the fuels and of raw materials bought in (quarrying is at the plant and its fuel and
/// electricity are counted only when given as fuels and electricity), CH4 and N2O from fuel combustion, transport in.</para>
/// </remarks>
/// <threadsafety>Immutable and thread-safe.</threadsafety>
public sealed class ClinkerTemplate : ITemplate
{
    /// <summary>The template's id.</summary>
    public const string TemplateId = "cement/clinker";

    /// <summary>The CBAM good: clinker, CN 2523 10 00, whose indirect emissions count (it is not in Regulation (EU) 2023/956 Annex II).</summary>
    public static CbamGood CbamGood { get; } = new("clinker", "2523 10 00", CountsIndirect: true);

    /// <inheritdoc/>
    public TemplateDescriptor Descriptor { get; } = new(TemplateId, "Portland cement clinker, 1 t, cradle-to-gate", "1.0", Quantity.Of(1, Unit.Tonne), SystemBoundary.CradleToGate)
    {
        Description = "Clinker production with calcination CO2 (CSI default, composition or IPCC Tier 1), kiln and bypass dust, raw-meal organic carbon, kiln fuels (fossil and biomass) and electricity; CBAM view of clinker.",
        Standards =
        [
            new TemplateStandard("GB/T 24067-2024", "cradle-to-gate product carbon footprint"),
            new TemplateStandard("ISO 14067:2018", null),
            new TemplateStandard("GB/T 32151.8-2015", "calcination and fuel CO2 of cement enterprises"),
            new TemplateStandard("IPCC 2006 Guidelines", "Vol. 3, Ch. 2, Eq. 2.1-2.5"),
            new TemplateStandard("CSI Cement CO2 and Energy Protocol v3 (2011)", "output method B1"),
            new TemplateStandard("Regulation (EU) 2023/956", "Annex IV (CBAM view)"),
        ],
        Classification = [new ProductCode("CN", "2523 10 00"), new ProductCode("HS", "2523.10")],
    };

    /// <inheritdoc/>
    public ImmutableArray<TemplateParameter> Parameters { get; } = [.. CementMethod.ClinkerParameters("electricity"), .. CementMethod.ElectricityParameters()];

    /// <inheritdoc/>
    public ValidationResult<TemplateBuild> Build(TemplateValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var problems = new List<ValidationProblem>();
        CementMethod.Check(values, problems);
        if (problems.Count > 0)
        {
            return ValidationResult.Failure<TemplateBuild>(problems);
        }

        var warnings = new List<ValidationProblem>();
        var system = new ProductSystemBuilder("Portland cement clinker (cement/clinker)")
            .AddFlow(CementMethod.ClinkerFlow, "Portland cement clinker", Unit.Tonne);
        var supply = CementMethod.AddElectricity(system, values, used: values.Number("electricity") > 0);
        CementMethod.AddClinker(system, values, "electricity", CbamTags.Installation, supply, warnings);
        var built = system.WithReferenceProduct(CementMethod.ClinkerFlow).WithDeclaredUnit(1, Unit.Tonne).Validate();
        if (!built.IsValid)
        {
            return ValidationResult.Failure<TemplateBuild>(built.Problems);
        }

        return ValidationResult.Success(new TemplateBuild(Descriptor, built.Value, RuleSet.GbT24067, values)
        {
            Views = [new CbamView(CbamGood)],
            Warnings = [.. warnings],
        });
    }
}
