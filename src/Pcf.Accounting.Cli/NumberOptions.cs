using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Pcf.Accounting.Cli;

/// <summary>Numeric options whose parse errors name the option and the rule, not the .NET type System.CommandLine would show.</summary>
internal static class NumberOptions
{
    /// <summary>Creates an option that takes a whole number.</summary>
    /// <param name="name">The option's name, such as <c>--year</c>.</param>
    /// <returns>The option; its value is <see langword="null"/> when it is not given.</returns>
    public static Option<int?> WholeNumber(string name) => new(name)
    {
        CustomParser = result => ParseWhole(result, name),
    };

    /// <summary>Creates an option that takes a whole number of at least <paramref name="minimum"/>, with a default.</summary>
    /// <param name="name">The option's name, such as <c>--depth</c>.</param>
    /// <param name="defaultValue">The value when the option is not given.</param>
    /// <param name="minimum">The smallest value allowed.</param>
    /// <returns>The option.</returns>
    public static Option<int> WholeNumber(string name, int defaultValue, int minimum) => new(name)
    {
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result =>
        {
            // Range checks live in the parser: System.CommandLine reports a parser's errors with the parse, before any work.
            if (ParseWhole(result, name) is not { } value)
            {
                return defaultValue;
            }

            if (value < minimum)
            {
                result.AddError(string.Create(CultureInfo.InvariantCulture, $"{name} must be at least {minimum}, got {value}."));
            }

            return value;
        },
    };

    /// <summary>Creates an option that takes a decimal number from <paramref name="minimum"/> to <paramref name="maximum"/> (invariant culture: a point, not a comma), with a default.</summary>
    /// <param name="name">The option's name, such as <c>--min-share</c>.</param>
    /// <param name="defaultValue">The value when the option is not given.</param>
    /// <param name="minimum">The smallest value allowed.</param>
    /// <param name="maximum">The largest value allowed.</param>
    /// <returns>The option.</returns>
    public static Option<double> Number(string name, double defaultValue, double minimum, double maximum) => new(name)
    {
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result =>
        {
            string text = Token(result);
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
            {
                result.AddError($"{name} must be a number such as 0.01, got '{text}'.");
                return defaultValue;
            }

            if (value < minimum || value > maximum)
            {
                result.AddError(string.Create(CultureInfo.InvariantCulture, $"{name} must be from {minimum} to {maximum}, got {text}."));
            }

            return value;
        },
    };

    private static int? ParseWhole(ArgumentResult result, string name)
    {
        string text = Token(result);
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value))
        {
            return value;
        }

        result.AddError($"{name} must be a whole number, got '{text}'.");
        return null;
    }

    private static string Token(ArgumentResult result) => result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;
}
