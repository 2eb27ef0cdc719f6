using Pcf.Accounting.Model;

namespace Pcf.Accounting.Templates.Cbam;

/// <summary>The tags <see cref="CbamView"/> reads: which processes are the installation's production processes of the good, which
/// produce a precursor, which flows are electricity, and which purchased flows are precursors.</summary>
/// <remarks>
/// <para>Process tags: <see cref="Installation"/> on the production process(es) of the good; <c>cbam:precursor=&lt;name&gt;</c>
/// (<see cref="Precursor"/>) on the production process(es) of a precursor made within the system, such as
/// <c>cbam:precursor=clinker</c>, <c>cbam:precursor=pig-iron</c> or <c>cbam:precursor=crude-steel</c>. A process belongs to at
/// most one group; every process of the installation's boundary must carry the tag of its group, or its emissions are left out.</para>
/// <para>Flow tags: <see cref="Electricity"/> on electricity flows, whose factor uses by the tagged processes are the indirect
/// emissions; <c>cbam:precursor=&lt;name&gt;</c> on a purchased precursor flow resolved by an emission factor (a supplier's value
/// or a CBAM default value), whose emissions then count as that precursor's embedded emissions.</para>
/// <para>Default-value declaration: <c>cbam:cn=&lt;digits&gt;</c> (<see cref="CnCode"/>) and <c>cbam:origin=&lt;country&gt;</c>
/// (<see cref="Origin"/>) on a purchased precursor flow say that it has no actual data and which good it is: the view then counts
/// the CBAM default value of that CN code and country of origin (direct and indirect apart) for it instead of its factor's
/// emissions, unless the factor is primary data (a supplier's actual value), which wins.</para>
/// </remarks>
public static class CbamTags
{
    /// <summary>The process tag of the good's production processes: <c>cbam:installation</c>.</summary>
    public const string Installation = "cbam:installation";

    /// <summary>The name of the precursor tag, <c>cbam:precursor</c>; its value names the precursor (<c>cbam:precursor=clinker</c>).</summary>
    public const string PrecursorName = "cbam:precursor";

    /// <summary>The flow tag of electricity: <c>cbam:electricity</c>.</summary>
    public const string Electricity = "cbam:electricity";

    /// <summary>The name of the CN-code tag of a purchased precursor without actual data, <c>cbam:cn</c>.</summary>
    public const string CnCodeName = "cbam:cn";

    /// <summary>The name of the country-of-origin tag of a purchased precursor without actual data, <c>cbam:origin</c>.</summary>
    public const string OriginName = "cbam:origin";

    /// <summary>Makes the CN-code tag of a purchased precursor without actual data.</summary>
    /// <param name="cnCode">The CN code, 4 to 10 digits, spaces and dots allowed (<c>7207 12 10</c>).</param>
    /// <returns>The tag's text, digits only, such as <c>cbam:cn=72071210</c>.</returns>
    /// <exception cref="ArgumentException">The code is not 4 to 10 digits.</exception>
    public static string CnCode(string cnCode)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cnCode);
        return TryNormalizeCn(cnCode, out string? digits)
            ? $"{CnCodeName}={digits}"
            : throw new ArgumentException($"'{cnCode}' is not a CN code: 4 to 10 digits, spaces and dots allowed.", nameof(cnCode));
    }

    /// <summary>Makes the country-of-origin tag of a purchased precursor without actual data.</summary>
    /// <param name="country">The country of origin, ISO 3166-1 alpha-2 (<c>CN</c>), either case.</param>
    /// <returns>The tag's text, upper case, such as <c>cbam:origin=CN</c>.</returns>
    /// <exception cref="ArgumentException">The country is not two letters.</exception>
    public static string Origin(string country)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(country);
        return TryNormalizeCountry(country, out string? code)
            ? $"{OriginName}={code}"
            : throw new ArgumentException($"'{country}' is not a country of origin: two letters, ISO 3166-1 alpha-2.", nameof(country));
    }

    internal static bool TryNormalizeCn(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? digits)
    {
        digits = text is null ? null : new string([.. text.Where(c => c is not (' ' or '.'))]);
        return digits is { Length: >= 4 and <= 10 } && digits.All(char.IsAsciiDigit);
    }

    internal static bool TryNormalizeCountry(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? code)
    {
        code = text?.Trim().ToUpperInvariant();
        return code is { Length: 2 } && code.All(char.IsAsciiLetterUpper);
    }

    /// <summary>Makes the precursor tag of a name.</summary>
    /// <param name="name">The precursor's name, such as <c>clinker</c> or <c>pig-iron</c>: printable ASCII without spaces or <c>=</c>.</param>
    /// <returns>The tag's text, such as <c>cbam:precursor=clinker</c>.</returns>
    /// <exception cref="ArgumentException">The name is empty, or holds a space, <c>=</c> or a character outside printable ASCII.</exception>
    public static string Precursor(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        string text = $"{PrecursorName}={name}";
        if (name.Contains('=', StringComparison.Ordinal) || !Tag.TryParse(text, out _, out string? error))
        {
            throw new ArgumentException($"'{name}' cannot name a precursor: a name is printable ASCII without spaces or '='.", nameof(name));
        }

        return text;
    }
}
