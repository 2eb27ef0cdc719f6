using System.CommandLine;
using Pcf.Accounting.Gases;
using Pcf.Accounting.Rules;

namespace Pcf.Accounting.Cli;

/// <summary>The options every calculating command shares: factor files, GWP set and rule set.</summary>
internal sealed class CalculationOptionSet
{
    /// <summary>Gets the system-file argument.</summary>
    public Argument<string> System { get; } = new("system")
    {
        Description = "The product system: a pcf-system/1 JSON file.",
    };

    /// <summary>Gets the factor files, highest priority first.</summary>
    public Option<string[]> Factors { get; } = FactorFilesOption();

    /// <summary>Gets the GWP set.</summary>
    public Option<string> Gwp { get; } = GwpOption();

    /// <summary>Gets the rule set.</summary>
    public Option<string> Rules { get; } = RulesOption();

    /// <summary>Creates the repeatable <c>--factors</c> option.</summary>
    /// <returns>The option.</returns>
    public static Option<string[]> FactorFilesOption() => new("--factors", "-f")
    {
        Description = "An emission-factor file: .json = pcf-factors/1, .csv = the factor CSV, or a supplier's PACT ProductFootprint (3.0 or 2.3) as primary data under its productIds (KEY=FILE files it under KEY); repeatable. Given files are asked first, in order, then the embedded defaults.",
        Arity = ArgumentArity.ZeroOrMore,
        HelpName = "file|key=pact-file",
    };

    /// <summary>Adds the argument and options to a command.</summary>
    /// <param name="command">The command.</param>
    public void AddTo(Command command)
    {
        command.Arguments.Add(System);
        command.Options.Add(Factors);
        command.Options.Add(Gwp);
        command.Options.Add(Rules);
    }

    /// <summary>Reads the values of a parse.</summary>
    /// <param name="parse">The parse result.</param>
    /// <returns>The inputs.</returns>
    public CalculationInputs Read(ParseResult parse) => new(
        parse.GetRequiredValue(System),
        parse.GetValue(Factors) ?? [],
        GwpSet.Find(parse.GetValue(Gwp) ?? "AR6"),
        parse.GetValue(Rules));

    private static Option<string> GwpOption()
    {
        var option = new Option<string>("--gwp")
        {
            Description = "The GWP set: IPCC AR4, AR5, AR5 with climate-carbon feedback, or AR6.",
            DefaultValueFactory = _ => "AR6",
            HelpName = "AR4|AR5|AR5-ccf|AR6",
        };
        option.AcceptOnlyFromAmong(StringComparer.OrdinalIgnoreCase, [.. GwpSet.All.Select(g => g.Id)]);
        return option;
    }

    private static Option<string> RulesOption()
    {
        // Any registered rule set (templates and applications add their own); checked against the registry when the command runs.
        return new Option<string>("--rules")
        {
            Description = $"The rule set by id: {string.Join(", ", RuleSet.All.Select(r => r.Id))}, or one a template or your application registers; the configured default ({RuleSet.Iso14067.Id} unless set) when absent.",
            HelpName = "rule-set-id",
        };
    }
}
