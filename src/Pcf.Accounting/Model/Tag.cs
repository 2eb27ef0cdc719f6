using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace Pcf.Accounting.Model;

/// <summary>An open label on a process or a flow, such as <c>cbam:installation</c>, <c>cbam:precursor=clinker</c> or
/// <c>report:packaging</c>; views group and select by tags.</summary>
/// <remarks>
/// <para>A tag is a name, optionally followed by <c>=</c> and a value: <see cref="Name"/> is <c>cbam:precursor</c> and
/// <see cref="Value"/> <c>clinker</c>. A name may carry a namespace before its first <c>:</c>. Tags are case-sensitive,
/// 1 to 200 printable ASCII characters without spaces.</para>
/// <para>The tags in <see cref="Tags"/> have a meaning for the engine (the separately reported aircraft, packaging and
/// outbound-logistics emissions); every other tag is the user's, and only views read it.</para>
/// <para><c>default</c> has no text; <see cref="Parse"/> never returns it.</para>
/// </remarks>
/// <threadsafety>Immutable value type.</threadsafety>
public readonly record struct Tag : IComparable<Tag>
{
    /// <summary>The longest tag, in characters.</summary>
    public const int MaxLength = 200;

    private Tag(string text) => Text = text;

    /// <summary>Gets the whole tag, such as <c>cbam:precursor=clinker</c>.</summary>
    public string Text { get; }

    /// <summary>Gets the name: the part before <c>=</c>, or the whole tag.</summary>
    public string Name => Text.IndexOf('=', StringComparison.Ordinal) is int i and >= 0 ? Text[..i] : Text;

    /// <summary>Gets the value after <c>=</c>, or <see langword="null"/> for a tag without one.</summary>
    public string? Value => Text.IndexOf('=', StringComparison.Ordinal) is int i and >= 0 ? Text[(i + 1)..] : null;

    /// <summary>Reads a tag.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The tag.</returns>
    /// <exception cref="FormatException">The text is not a tag; the message gives the rule.</exception>
    public static Tag Parse(string text) => TryParse(text, out var tag, out string? error) ? tag : throw new FormatException(error);

    /// <summary>Tries to read a tag.</summary>
    /// <param name="text">The text.</param>
    /// <param name="tag">The tag, when valid.</param>
    /// <param name="error">The rule broken, otherwise.</param>
    /// <returns><see langword="true"/> when the text is a tag.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out Tag tag, [NotNullWhen(false)] out string? error)
    {
        tag = default;
        error = null;
        if (string.IsNullOrEmpty(text))
        {
            error = "A tag must not be empty.";
            return false;
        }

        if (text.Length > MaxLength)
        {
            error = $"A tag has at most {MaxLength} characters; this one has {text.Length}.";
            return false;
        }

        foreach (char c in text)
        {
            if (c is <= ' ' or > '~')
            {
                error = $"A tag is printable ASCII without spaces; '{Printable(text)}' is not.";
                return false;
            }
        }

        if (text[0] == '=')
        {
            error = $"A tag starts with its name; '{text}' starts with '='.";
            return false;
        }

        tag = new Tag(text);
        return true;
    }

    private static string Printable(string text) => text.Length <= 40 ? text : text[..40] + "…";

    /// <summary>Gets a value indicating whether the tag's name is <paramref name="name"/>, with any value.</summary>
    /// <param name="name">The name, such as <c>cbam:precursor</c>.</param>
    /// <returns><see langword="true"/> when the names are equal.</returns>
    public bool HasName(string name) => string.Equals(Name, name, StringComparison.Ordinal);

    /// <inheritdoc/>
    public int CompareTo(Tag other) => string.CompareOrdinal(Text, other.Text);

    /// <summary>Returns the whole tag.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Text ?? string.Empty;

    /// <summary>Sorts tags and drops repeats: the canonical form held by processes and flows.</summary>
    internal static ImmutableArray<Tag> Canonical(IEnumerable<Tag>? tags) => tags switch
    {
        // Most flows and processes of a large system have no tag or one: no sorting or set for them.
        null or ICollection<Tag> { Count: 0 } => [],
        IReadOnlyList<Tag> { Count: 1 } one => one[0].Text is null ? [] : [one[0]],
        _ => [.. tags.Where(t => t.Text is not null).Distinct().Order()],
    };

    /// <summary>Compares less than.</summary>
    /// <param name="left">The left tag.</param>
    /// <param name="right">The right tag.</param>
    /// <returns>The ordinal comparison.</returns>
    public static bool operator <(Tag left, Tag right) => left.CompareTo(right) < 0;

    /// <summary>Compares greater than.</summary>
    /// <param name="left">The left tag.</param>
    /// <param name="right">The right tag.</param>
    /// <returns>The ordinal comparison.</returns>
    public static bool operator >(Tag left, Tag right) => left.CompareTo(right) > 0;

    /// <summary>Compares less than or equal.</summary>
    /// <param name="left">The left tag.</param>
    /// <param name="right">The right tag.</param>
    /// <returns>The ordinal comparison.</returns>
    public static bool operator <=(Tag left, Tag right) => left.CompareTo(right) <= 0;

    /// <summary>Compares greater than or equal.</summary>
    /// <param name="left">The left tag.</param>
    /// <param name="right">The right tag.</param>
    /// <returns>The ordinal comparison.</returns>
    public static bool operator >=(Tag left, Tag right) => left.CompareTo(right) >= 0;
}
