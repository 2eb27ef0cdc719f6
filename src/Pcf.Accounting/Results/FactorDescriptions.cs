using System.Text;
using Pcf.Accounting.Factors;

namespace Pcf.Accounting.Results;

/// <summary>One line naming where a factor comes from and how it matched, for tables and explanations.</summary>
internal static class FactorDescriptions
{
    public static string Describe(InventoryFactor factor)
    {
        var p = factor.Factor.Provenance;
        var text = new StringBuilder();
        text.Append(p.Publisher).Append(", ").Append(p.Document);
        if (p.Dataset is not null)
        {
            text.Append(" [").Append(p.Dataset);
            if (p.DatasetVersion is not null)
            {
                text.Append(' ').Append(p.DatasetVersion);
            }

            text.Append(']');
        }

        if (p.Kind != FactorKind.Unspecified)
        {
            text.Append("; ").Append(p.Kind == FactorKind.LifeCycle ? "life-cycle factor" : "combustion-only factor");
        }

        if (p.Confidence != FactorConfidence.NotStated)
        {
            text.Append("; confidence ").Append(p.Confidence);
        }

        if (p.IsPrimaryData)
        {
            text.Append("; primary data");
        }

        text.Append("; via ").Append(factor.ProviderName);
        if (!factor.Fallbacks.IsEmpty)
        {
            text.Append("; fallbacks: ").Append(string.Join(", ", factor.Fallbacks.Select(f => f.Describe())));
        }

        if (factor.IsRecharacterized)
        {
            text.Append("; re-characterized");
        }

        return text.ToString();
    }
}
