using Pcf.Accounting.Gases;
using Pcf.Accounting.Json;

namespace Pcf.Accounting.DependencyInjection;

/// <summary>Settings of the footprint services, filled by the <c>configure</c> delegate of
/// <see cref="Microsoft.Extensions.DependencyInjection.PcfAccountingServiceCollectionExtensions.AddPcfAccounting(Microsoft.Extensions.DependencyInjection.IServiceCollection, Action{PcfAccountingOptions}?)"/>.</summary>
/// <remarks>Like Polly's options: a plain settable class while configuring; the services receive an
/// immutable <see cref="PcfAccountingSettings"/> made from it once.</remarks>
public sealed class PcfAccountingOptions
{
    /// <summary>Gets or sets the GWP set used when a calculation names none.</summary>
    /// <value>The default value is <see cref="GwpSet.Ar6"/>: ISO 14067 asks for the latest IPCC assessment report.</value>
    public GwpSet DefaultGwpSet { get; set; } = GwpSet.Ar6;

    /// <summary>Gets or sets the limits applied when reading JSON documents.</summary>
    /// <value>The default value is <see cref="JsonReadOptions.Default"/>.</value>
    public JsonReadOptions JsonLimits { get; set; } = JsonReadOptions.Default;

    internal PcfAccountingSettings Freeze() => new(DefaultGwpSet ?? GwpSet.Ar6, JsonLimits ?? JsonReadOptions.Default);
}
