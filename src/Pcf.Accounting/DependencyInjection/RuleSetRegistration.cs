using Microsoft.Extensions.DependencyInjection;
using Pcf.Accounting.Engine;
using Pcf.Accounting.Rules;

namespace Pcf.Accounting.DependencyInjection;

/// <summary>A rule set added with <c>AddRuleSet</c>: one registration per call, gathered by the registry in order.</summary>
/// <param name="RuleSet">The rule set.</param>
internal sealed record RuleSetRegistration(RuleSet RuleSet)
{
    /// <summary>Builds the registry from the registrations and the configured default.</summary>
    public static RuleSetRegistry Registry(IServiceProvider services) =>
        new(services.GetServices<RuleSetRegistration>().Select(r => r.RuleSet), services.GetRequiredService<PcfAccountingSettings>().DefaultRuleSet);
}
