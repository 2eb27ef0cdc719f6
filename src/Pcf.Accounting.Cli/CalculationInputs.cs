using Pcf.Accounting.Gases;

namespace Pcf.Accounting.Cli;

/// <summary>What a calculating command was asked for.</summary>
/// <param name="SystemFile">The pcf-system/1 file.</param>
/// <param name="FactorFiles">The factor files, highest priority first.</param>
/// <param name="GwpSet">The GWP set.</param>
/// <param name="RuleSet">The rule set's id; <see langword="null"/> for the configured default.</param>
internal sealed record CalculationInputs(string SystemFile, IReadOnlyList<string> FactorFiles, GwpSet GwpSet, string? RuleSet);
