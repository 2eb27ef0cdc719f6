using System.Collections.Immutable;
using Pcf.Accounting.Results;
using Pcf.Accounting.Rules;
using Pcf.Accounting.Templates.Cbam;
using Pcf.Accounting.Templates.Steel.Views;
using Pcf.Accounting.Units;
using Pcf.Accounting.Validation;
using static Pcf.Accounting.Templates.Steel.SteelParameters;

namespace Pcf.Accounting.Templates.Steel;

/// <summary>What the site routes (BF-BOF, scrap EAF, DRI-EAF) share: their descriptor's shape, the order of their parameters,
/// and the build: the system, the route's own steps, then every problem at once or the system with its rule set, views and
/// warnings.</summary>
internal static class SteelBuild
{
    /// <summary>A site route's descriptor: 1 t of the product, cradle to gate, the standards every route follows (with the
    /// route's own IPCC and worldsteel clauses) and the CN codes of the products.</summary>
    public static TemplateDescriptor Descriptor(string id, string title, string description, string ipccClause, string worldsteelClause) =>
        new(id, title, "1.0", Quantity.Of(1, Unit.Tonne), SystemBoundary.CradleToGate)
        {
            Description = description,
            Standards =
            [
                new TemplateStandard("GB/T 24067-2024 / ISO 14067:2018", "cradle-to-gate carbon footprint of products"),
                new TemplateStandard("IPCC 2006 Guidelines Vol. 3 Ch. 4", ipccClause),
                new TemplateStandard("ISO 14044:2006", "cl. 4.3.4.2, co-products by system expansion"),
                new TemplateStandard("worldsteel LCI methodology report 2017", worldsteelClause),
                new TemplateStandard("EN 15804:2012+A2:2019", "cl. 6.4.3.2, economic allocation (the coProductMethod option)"),
                new TemplateStandard("Regulation (EU) 2023/956", "Annex IV, CBAM tags for specific embedded emissions"),
            ],
            Classification = SteelProduct.Classification,
        };

    /// <summary>A site route's parameters in the order every route lists them: context, the route's own steps, casting, the
    /// product steps, carbon contents and fuel properties, prices, end of life.</summary>
    public static ImmutableArray<TemplateParameter> Parameters(
        IEnumerable<TemplateParameter> steps, IEnumerable<TemplateParameter> properties, IEnumerable<TemplateParameter> prices) =>
        [.. ContextGroup, .. steps, .. CastingGroup, .. ProductStepsGroup, .. properties, .. prices, .. EndOfLifeGroup];

    /// <summary>Builds a site route: a system named <paramref name="name"/>, the route's steps (which return the declared
    /// product's flow), then <see cref="Finish"/>.</summary>
    public static ValidationResult<TemplateBuild> Run(TemplateValues values, TemplateDescriptor descriptor, string name, Func<SteelSystem, string> steps)
    {
        ArgumentNullException.ThrowIfNull(values);
        var s = new SteelSystem(values, name);
        return Finish(s, descriptor, steps(s));
    }

    public static ValidationResult<TemplateBuild> Finish(SteelSystem s, TemplateDescriptor descriptor, string referenceProduct)
    {
        if (s.Problems.Count > 0)
        {
            return ValidationResult.Failure<TemplateBuild>(s.Problems);
        }

        var system = s.Build(referenceProduct);
        if (!system.IsValid)
        {
            return ValidationResult.Failure<TemplateBuild>(system.Problems);
        }

        var values = s.Values;
        ImmutableArray<IFootprintView> views =
        [
            new SteelCoProductsView(),
            new SteelCbamView(new CbamGood(s.Product.Name, s.Product.CnCode, CountsIndirect: false)),
            new SteelEndOfLifeView(values.Number(SteelParameters.RecoveryRate.Name) / 100, values.Number(SteelParameters.ValueOfScrap.Name),
                $"RR: {values[SteelParameters.RecoveryRate.Name].Source}; VoS: {values[SteelParameters.ValueOfScrap.Name].Source}"),
        ];
        return ValidationResult.Success(new TemplateBuild(descriptor, system.Value, s.SystemExpansion ? SteelRuleSets.SystemExpansion : SteelRuleSets.EconomicAllocation, values)
        {
            Views = views,
            Warnings = [.. s.Warnings],
        });
    }
}
