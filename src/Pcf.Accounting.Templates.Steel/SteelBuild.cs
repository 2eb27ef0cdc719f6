using System.Collections.Immutable;
using Pcf.Accounting.Results;
using Pcf.Accounting.Templates.Cbam;
using Pcf.Accounting.Templates.Steel.Views;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Templates.Steel;

/// <summary>Finishes a route's build: every problem at once, or the system with its rule set, views and warnings.</summary>
internal static class SteelBuild
{
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
