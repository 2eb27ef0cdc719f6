using Pcf.Accounting.Engine;
using Pcf.Accounting.Factors;
using Pcf.Accounting.Gases;
using Pcf.Accounting.Json;

namespace Pcf.Accounting.DependencyInjection;

/// <summary>Settings of the footprint services, configured with the options pattern: the <c>configure</c> delegate of
/// <see cref="Microsoft.Extensions.DependencyInjection.PcfAccountingServiceCollectionExtensions.AddPcfAccounting(Microsoft.Extensions.DependencyInjection.IServiceCollection, Action{PcfAccountingOptions}?)"/>,
/// <c>services.Configure&lt;PcfAccountingOptions&gt;(...)</c>, or a configuration section such as <c>"PcfAccounting"</c> in <c>appsettings.json</c>.</summary>
/// <remarks>
/// <para>Every configuration source is applied in registration order, then the result is validated
/// (an invalid value fails with an <see cref="Microsoft.Extensions.Options.OptionsValidationException"/>
/// that names the setting and the rule) and frozen into an immutable <see cref="PcfAccountingSettings"/>,
/// which is what the services receive.</para>
/// <para>In configuration, <see cref="DefaultGwpSet"/> is written as its id (<c>"AR5"</c>) and
/// <see cref="FactorProviderTimeout"/> as a time span (<c>"00:00:10"</c>):</para>
/// <code>
/// { "PcfAccounting": { "DefaultGwpSet": "AR5", "FactorProviderTimeout": "00:00:10", "JsonLimits": { "MaxDepth": 16 } } }
/// </code>
/// </remarks>
/// <example><code>
/// services.Configure&lt;PcfAccountingOptions&gt;(configuration.GetSection(PcfAccountingOptions.SectionName));
/// services.AddPcfAccounting();
/// </code></example>
public sealed class PcfAccountingOptions
{
    /// <summary>The conventional name of the configuration section: <c>PcfAccounting</c>.</summary>
    public const string SectionName = "PcfAccounting";

    /// <summary>Gets or sets the GWP set used when a calculation names none.</summary>
    /// <value>The default value is <see cref="GwpSet.Ar6"/>: ISO 14067 asks for the latest IPCC assessment report.</value>
    public GwpSet DefaultGwpSet { get; set; } = GwpSet.Ar6;

    /// <summary>Gets or sets the limits applied when reading JSON documents.</summary>
    /// <value>The default value has the limits of <see cref="JsonReadOptions.Default"/> (a fresh instance, so binding never touches the shared default).</value>
    public JsonReadOptions JsonLimits { get; set; } = new();

    /// <summary>Gets or sets how long one emission-factor provider may take for one batch before it counts as failed.</summary>
    /// <value>The default value is <see cref="FactorResolverOptions.Default"/>'s, 30 seconds; <see cref="Timeout.InfiniteTimeSpan"/> waits for ever.</value>
    public TimeSpan FactorProviderTimeout { get; set; } = FactorResolverOptions.Default.ProviderTimeout;

    /// <summary>Gets or sets the id of the rule set used when a calculation names none: a built-in one (<c>ISO14067</c>, <c>GBT24067</c>,
    /// <c>GHGP-Product</c>, <c>PACT3</c>) or one added with <c>AddRuleSet</c> (a template's product-category rule, your own).</summary>
    /// <value>The default value is <c>ISO14067</c>.</value>
    public string DefaultRuleSet { get; set; } = Rules.RuleSet.Iso14067.Id;

    /// <summary>Checks every setting and returns each broken rule, naming the setting; empty when all hold.</summary>
    internal List<string> Problems()
    {
        var problems = new List<string>();
        if (DefaultGwpSet is null)
        {
            problems.Add($"{SectionName}:{nameof(DefaultGwpSet)} must be set (AR4, AR5, AR5-ccf, AR6 or a set made with GwpSet.Create).");
        }

        if (JsonLimits is null)
        {
            problems.Add($"{SectionName}:{nameof(JsonLimits)} must be set.");
        }
        else
        {
            if (JsonLimits.MaxDocumentBytes <= 0)
            {
                problems.Add($"{SectionName}:{nameof(JsonLimits)}:{nameof(JsonReadOptions.MaxDocumentBytes)} must be positive (was {JsonLimits.MaxDocumentBytes}).");
            }

            if (JsonLimits.MaxDepth <= 0)
            {
                problems.Add($"{SectionName}:{nameof(JsonLimits)}:{nameof(JsonReadOptions.MaxDepth)} must be positive (was {JsonLimits.MaxDepth}).");
            }

            if (JsonLimits.MaxArrayLength <= 0)
            {
                problems.Add($"{SectionName}:{nameof(JsonLimits)}:{nameof(JsonReadOptions.MaxArrayLength)} must be positive (was {JsonLimits.MaxArrayLength}).");
            }
        }

        if (string.IsNullOrWhiteSpace(DefaultRuleSet))
        {
            problems.Add($"{SectionName}:{nameof(DefaultRuleSet)} must be the id of a rule set, such as ISO14067.");
        }

        if (FactorProviderTimeout <= TimeSpan.Zero && FactorProviderTimeout != Timeout.InfiniteTimeSpan)
        {
            problems.Add($"{SectionName}:{nameof(FactorProviderTimeout)} must be positive or infinite (-00:00:00.001) (was {FactorProviderTimeout}).");
        }

        return problems;
    }

    internal PcfAccountingSettings Freeze() => new(
        DefaultGwpSet ?? GwpSet.Ar6,
        JsonLimits ?? JsonReadOptions.Default,
        new FactorResolverOptions { ProviderTimeout = FactorProviderTimeout })
    {
        DefaultRuleSet = string.IsNullOrWhiteSpace(DefaultRuleSet) ? Rules.RuleSet.Iso14067.Id : DefaultRuleSet.Trim(),
    };
}
