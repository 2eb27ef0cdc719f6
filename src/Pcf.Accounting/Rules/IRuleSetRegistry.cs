using System.Diagnostics.CodeAnalysis;

namespace Pcf.Accounting.Rules;

/// <summary>The rule sets a calculation can use, found by id: the built-in ones, those of the registered templates, and the caller's own.</summary>
/// <remarks>Registered by <c>services.AddPcfAccounting()</c>; add rule sets with <c>AddRuleSet(...)</c>. The CLI's <c>--rules</c>, reference vectors
/// and templates resolve rule sets through it.</remarks>
public interface IRuleSetRegistry
{
    /// <summary>Gets every rule set, built-in ones first, then in registration order.</summary>
    IReadOnlyList<RuleSet> All { get; }

    /// <summary>Gets the rule set used when a calculation names none (an option, <c>ISO14067</c> unless configured).</summary>
    RuleSet Default { get; }

    /// <summary>Finds a rule set by id, ignoring case.</summary>
    /// <param name="id">The id, such as <c>GBT24067</c>.</param>
    /// <param name="ruleSet">The rule set, when found.</param>
    /// <returns><see langword="true"/> when a rule set has that id.</returns>
    bool TryFind(string? id, [NotNullWhen(true)] out RuleSet? ruleSet);
}
