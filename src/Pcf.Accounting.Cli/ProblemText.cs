using System.Globalization;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Cli;

/// <summary>Formats problems and numbers the same way in every command.</summary>
internal static class ProblemText
{
    /// <summary>Formats a problem as <c>file: path  code  message</c>.</summary>
    /// <param name="file">The file, or <see langword="null"/>.</param>
    /// <param name="problem">The problem.</param>
    /// <returns>One line.</returns>
    public static string Format(string? file, ValidationProblem problem) =>
        file is null ? $"{problem.Path}  {problem.Code}  {problem.Message}" : $"{file}: {problem.Path}  {problem.Code}  {problem.Message}";

    /// <summary>Formats a number for people: six significant digits, invariant culture.</summary>
    /// <param name="value">The number.</param>
    /// <returns>The text.</returns>
    public static string Number(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    /// <summary>Formats a number exactly (round-trip), invariant culture.</summary>
    /// <param name="value">The number.</param>
    /// <returns>The text.</returns>
    public static string Exact(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Formats a share as a percentage with two decimals.</summary>
    /// <param name="share">The share, 1 = 100 %.</param>
    /// <returns>The text.</returns>
    public static string Percent(double share) => (share * 100).ToString("0.##", CultureInfo.InvariantCulture) + " %";
}
