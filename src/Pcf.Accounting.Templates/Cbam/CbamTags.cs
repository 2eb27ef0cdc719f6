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
/// </remarks>
public static class CbamTags
{
    /// <summary>The process tag of the good's production processes: <c>cbam:installation</c>.</summary>
    public const string Installation = "cbam:installation";

    /// <summary>The name of the precursor tag, <c>cbam:precursor</c>; its value names the precursor (<c>cbam:precursor=clinker</c>).</summary>
    public const string PrecursorName = "cbam:precursor";

    /// <summary>The flow tag of electricity: <c>cbam:electricity</c>.</summary>
    public const string Electricity = "cbam:electricity";

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
