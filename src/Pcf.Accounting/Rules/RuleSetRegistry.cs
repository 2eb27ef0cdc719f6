using System.Diagnostics.CodeAnalysis;

namespace Pcf.Accounting.Rules;

/// <summary>The default <see cref="IRuleSetRegistry"/>: the built-in rule sets (<see cref="RuleSet.All"/>) and the ones added, with a default.</summary>
/// <threadsafety>Immutable and thread-safe.</threadsafety>
public sealed class RuleSetRegistry : IRuleSetRegistry
{
    private readonly Dictionary<string, RuleSet> _byId = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<RuleSet> _all = [];

    /// <summary>Initializes a new instance.</summary>
    /// <param name="additional">Rule sets to add after the built-in ones; one with the id of a built-in or earlier one replaces it.</param>
    /// <param name="defaultId">The id of the default rule set; <see langword="null"/> for <c>ISO14067</c>.</param>
    /// <exception cref="ArgumentException">No rule set has <paramref name="defaultId"/>.</exception>
    public RuleSetRegistry(IEnumerable<RuleSet>? additional = null, string? defaultId = null)
    {
        foreach (var ruleSet in RuleSet.All.Concat(additional ?? []))
        {
            ArgumentNullException.ThrowIfNull(ruleSet, nameof(additional));
            if (_byId.TryGetValue(ruleSet.Id, out var existing))
            {
                _all[_all.IndexOf(existing)] = ruleSet;
            }
            else
            {
                _all.Add(ruleSet);
            }

            _byId[ruleSet.Id] = ruleSet;
        }

        string id = defaultId ?? RuleSet.Iso14067.Id;
        Default = _byId.TryGetValue(id, out var found)
            ? found
            : throw new ArgumentException($"No rule set has the id '{id}'; known: {string.Join(", ", _all.Select(r => r.Id))}.", nameof(defaultId));
    }

    /// <summary>Gets a registry of the built-in rule sets, ISO 14067 the default.</summary>
    public static RuleSetRegistry BuiltIn { get; } = new();

    /// <inheritdoc/>
    public IReadOnlyList<RuleSet> All => _all;

    /// <inheritdoc/>
    public RuleSet Default { get; }

    /// <inheritdoc/>
    public bool TryFind(string? id, [NotNullWhen(true)] out RuleSet? ruleSet)
    {
        ruleSet = null;
        return id is not null && _byId.TryGetValue(id.Trim(), out ruleSet);
    }
}
