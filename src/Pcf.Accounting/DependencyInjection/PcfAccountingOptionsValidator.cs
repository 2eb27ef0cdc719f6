using Microsoft.Extensions.Options;

namespace Pcf.Accounting.DependencyInjection;

/// <summary>Validates <see cref="PcfAccountingOptions"/> when they are first used (or at start with a host).</summary>
internal sealed class PcfAccountingOptionsValidator(IEnumerable<RuleSetRegistration> ruleSets) : IValidateOptions<PcfAccountingOptions>
{
    public ValidateOptionsResult Validate(string? name, PcfAccountingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Problems();
        var known = Rules.RuleSet.All.Concat(ruleSets.Select(r => r.RuleSet)).Select(r => r.Id).ToList();
        if (!string.IsNullOrWhiteSpace(options.DefaultRuleSet) && !known.Contains(options.DefaultRuleSet.Trim(), StringComparer.OrdinalIgnoreCase))
        {
            problems.Add($"{PcfAccountingOptions.SectionName}:{nameof(PcfAccountingOptions.DefaultRuleSet)} must be the id of a rule set; '{options.DefaultRuleSet}' is none of {string.Join(", ", known)}.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
