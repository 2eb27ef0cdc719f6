using System.Collections.Immutable;
using System.Globalization;
using Pcf.Accounting.Model;
using Pcf.Accounting.Rules;
using Pcf.Accounting.Templates.Cbam;
using Pcf.Accounting.Units;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Templates.Cement;

/// <summary>The template <c>cement/cement</c>: the cradle-to-gate footprint of 1 t of cement of a named type, from its clinker
/// (made in the system by the method of <see cref="ClinkerTemplate"/>), its additions and the grinding electricity, with the CBAM
/// view of cement (clinker its precursor).</summary>
/// <remarks>
/// <para><c>PCF = clinkerRatio × (clinker's footprint per t) + grinding electricity × factor + Σ addition × its factor</c>. The
/// clinker ratio (t clinker per t cement) is the plant's; GB 175 cement types (P·I, P·II, P·O, P·S, P·F, P·P, P·C) differ by it
/// and by their additions, and the type is reported, not checked. Slag and fly ash enter burden-free unless a factor key is given;
/// gypsum, limestone, pozzolana and other additions need a factor key (no default factor is embedded).</para>
/// </remarks>
/// <threadsafety>Immutable and thread-safe.</threadsafety>
public sealed class CementTemplate : ITemplate
{
    /// <summary>The template's id.</summary>
    public const string TemplateId = "cement/cement";

    private const string CementFlow = "cement";
    private const string GrindingProcess = "cement-grinding";
    private const string ByProducts = "burden-free by-product: slag and fly ash enter without the burden of the iron or power plant that made them (template choice, the cut-off approach; no published default factor); give factorKey for an allocated factor";

    private static readonly string[] Materials = ["gypsum", "slag", "fly-ash", "limestone", "pozzolana", "other"];

    /// <inheritdoc/>
    public TemplateDescriptor Descriptor { get; } = new(TemplateId, "Cement, 1 t of a named type, cradle-to-gate", "1.0", Quantity.Of(1, Unit.Tonne), SystemBoundary.CradleToGate)
    {
        Description = "Clinker made in the system (calcination, kiln dust, organic carbon, fuels, electricity), clinker ratio, gypsum and mineral additions, grinding electricity; CBAM view of cement with clinker as precursor.",
        Standards =
        [
            new TemplateStandard("GB/T 24067-2024", "cradle-to-gate product carbon footprint"),
            new TemplateStandard("ISO 14067:2018", null),
            new TemplateStandard("GB/T 32151.8-2015", "calcination and fuel CO2 of cement enterprises"),
            new TemplateStandard("IPCC 2006 Guidelines", "Vol. 3, Ch. 2, Eq. 2.1-2.5"),
            new TemplateStandard("CSI Cement CO2 and Energy Protocol v3 (2011)", "output method B1"),
            new TemplateStandard("Regulation (EU) 2023/956", "Annex IV (CBAM view)"),
        ],
        Classification = [new ProductCode("CN", "2523 29 00"), new ProductCode("HS", "2523")],
    };

    /// <inheritdoc/>
    public ImmutableArray<TemplateParameter> Parameters { get; } =
    [
        TemplateParameter.Text("cementType", "The cement's type and strength class (GB 175), such as P·O 42.5; reported, not checked.") with { IsOptional = true },
        TemplateParameter.Choice("cnCode", "The CN code of the cement for the CBAM view: 2523 21 00 white Portland, 2523 29 00 other Portland, 2523 30 00 aluminous, 2523 90 00 other hydraulic cements.",
                "2523 21 00", "2523 29 00", "2523 30 00", "2523 90 00")
            .WithDefault("2523 29 00", "Combined Nomenclature heading 2523 (Portland cement other than white), a good of Regulation (EU) 2023/956 Annex I [S]"),
        TemplateParameter.Number("clinkerRatio", "t/t", "Clinker per t cement.", min: 0, max: 1) with { IsSiteData = true },
        TemplateParameter.List("additions", "Gypsum and mineral additions per t cement, each with its factor (factorKey, resolved by the factor providers, such as a factor file) or, for slag and fly ash, burden-free.",
            TemplateParameter.Choice("material", "The addition.", Materials),
            TemplateParameter.Number("amount", "t/t", "The addition per t cement.", min: 0, max: 1) with { IsSiteData = true },
            TemplateParameter.Text("factorKey", "The emission factor's key (per t of the addition); required except for slag and fly ash, which are burden-free without it.") with { IsOptional = true }),
        TemplateParameter.Number("electricity", "kWh/t", "Electricity used per t cement (cement grinding, packing, dispatch).", min: 0, max: 300) with { IsSiteData = true },
        .. CementMethod.ClinkerParameters("clinkerElectricity"),
        .. CementMethod.ElectricityParameters(),
    ];

    /// <inheritdoc/>
    public ValidationResult<TemplateBuild> Build(TemplateValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var problems = new List<ValidationProblem>();
        CementMethod.Check(values, problems);
        var additions = values.Items("additions");
        double constituents = values.Number("clinkerRatio") + additions.Sum(a => a.Number("amount"));
        if (constituents > 1 + 1e-9)
        {
            problems.Add(CementMethod.Inconsistent("additions", string.Create(CultureInfo.InvariantCulture,
                $"The clinker ratio and the additions sum to {constituents:0.####} t per t cement, more than 1.")));
        }

        for (int i = 0; i < additions.Length; i++)
        {
            string material = additions[i].Choice("material");
            if (!additions[i].Has("factorKey") && material is not ("slag" or "fly-ash"))
            {
                problems.Add(CementMethod.Inconsistent($"additions[{i}].factorKey", $"The addition '{material}' needs a factorKey: no default factor for it is embedded."));
            }
        }

        if (problems.Count > 0)
        {
            return ValidationResult.Failure<TemplateBuild>(problems);
        }

        var warnings = new List<ValidationProblem>();
        if (constituents < 0.99)
        {
            warnings.Add(new ValidationProblem("additions", ProblemCodes.ImplausibleValue, string.Create(CultureInfo.InvariantCulture,
                $"The clinker ratio and the additions sum to {constituents:0.####} t per t cement: the rest of the cement's mass carries no footprint."))
            { Subject = new ParameterSubject("additions") });
        }

        var system = new ProductSystemBuilder($"Cement (cement/cement){(values.Has("cementType") ? $" {values["cementType"].Value}" : string.Empty)}")
            .AddFlow(CementFlow, "Cement", Unit.Tonne)
            .AddFlow(CementMethod.ClinkerFlow, "Portland cement clinker", Unit.Tonne);
        var supply = CementMethod.AddElectricity(system, values, used: values.Number("electricity") > 0 || values.Number("clinkerElectricity") > 0);
        CementMethod.AddClinker(system, values, "clinkerElectricity", CbamTags.Precursor("clinker"), supply, warnings);

        var addFlows = new List<(FlowId Flow, double Amount, Supply Supply)>();
        for (int i = 0; i < additions.Length; i++)
        {
            var a = additions[i];
            string material = a.Choice("material");
            FlowId flow = string.Create(CultureInfo.InvariantCulture, $"addition-{i + 1}-{material}");
            system.AddFlow(flow, $"Addition {i + 1}: {material}", Unit.Tonne);
            if (a.Has("factorKey"))
            {
                addFlows.Add((flow, a.Number("amount"), Supply.FromFactor((string)a["factorKey"].Value)));
            }
            else
            {
                ProcessId supplier = string.Create(CultureInfo.InvariantCulture, $"addition-{i + 1}-{material}-supply");
                system.AddProcess(supplier, $"{material} (burden-free by-product)", p => p.Produces(flow, 1, Unit.Tonne).InStage(LifeCycleStage.RawMaterialAcquisition).Describe(ByProducts));
                addFlows.Add((flow, a.Number("amount"), Supply.FromProcess(supplier)));
            }
        }

        var clinkerUse = Derivation.Create("clinker per t cement", "CR * Q_cem",
            [values.Input("clinkerRatio", "CR"), new DerivationInput("Q_cem", Measure.Of(1, "t")) { Description = "cement made per run of the grinding process", Source = "the process's reference output" }],
            UnitExpression.Of(Unit.Tonne), "clinker ratio of the cement (site data); CSI v3 clinker-to-cement ratio");
        double kwh = values.Number("electricity");
        system.AddProcess(GrindingProcess, "Cement grinding and blending", p =>
        {
            p.Produces(CementFlow, 1, Unit.Tonne).InStage(LifeCycleStage.Production).Tagged(CbamTags.Installation).AsPrimaryData(!values.IsDefault("clinkerRatio"))
                .Consumes(CementMethod.ClinkerFlow, clinkerUse, Supply.FromProcess(CementMethod.ClinkerProcess));
            foreach (var (flow, amount, s) in addFlows)
            {
                p.Consumes(flow, amount, Unit.Tonne, s);
            }

            if (kwh > 0)
            {
                p.Consumes(CementMethod.ElectricityFlow, kwh, Unit.KilowattHour, supply);
            }
        });

        var built = system.WithReferenceProduct(CementFlow).WithDeclaredUnit(1, Unit.Tonne).Validate();
        if (!built.IsValid)
        {
            return ValidationResult.Failure<TemplateBuild>(built.Problems);
        }

        var good = new CbamGood("cement", values.Choice("cnCode"), CountsIndirect: true);
        return ValidationResult.Success(new TemplateBuild(Descriptor, built.Value, RuleSet.GbT24067, values)
        {
            Views = [new CbamView(good)],
            Warnings = [.. warnings],
        });
    }
}
