using System.Collections.Immutable;

namespace Pcf.Accounting.Templates.Steel;

/// <summary>The steel templates: the integrated BF-BOF route, the scrap EAF route, the DRI-EAF route (natural gas or hydrogen),
/// and the IPCC Tier 1 screening estimate.</summary>
/// <remarks>Register them with <c>services.AddPcfAccounting().AddSteelTemplates()</c>; find them by id in <see cref="ITemplateCatalog"/>.</remarks>
public static class SteelTemplates
{
    /// <summary>Gets every steel template, in id order.</summary>
    public static ImmutableArray<ITemplate> All { get; } = [new BfBofTemplate(), new DriEafTemplate(), new IpccTier1Template(), new ScrapEafTemplate()];
}
