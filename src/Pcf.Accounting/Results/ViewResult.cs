using System.Collections.Immutable;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Results;

/// <summary>What a view computed from a result: its lines, in order, and its warnings.</summary>
/// <param name="Id">The view's id, such as <c>cbam</c>.</param>
/// <param name="Title">Its title, for people.</param>
/// <param name="Lines">The lines, in order.</param>
/// <threadsafety>Immutable.</threadsafety>
public sealed record ViewResult(string Id, string Title, ImmutableArray<ViewLine> Lines)
{
    /// <summary>Gets the view's warnings (a fallback used, a number out of its plausible range).</summary>
    public ImmutableArray<ValidationProblem> Warnings { get; init; } = [];

    /// <summary>Finds a line by key.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The line, or <see langword="null"/>.</returns>
    public ViewLine? Line(string key) => Lines.FirstOrDefault(l => string.Equals(l.Key, key, StringComparison.Ordinal));

    /// <inheritdoc/>
    public bool Equals(ViewResult? other) =>
        other is not null && Id == other.Id && Title == other.Title && Lines.SequenceEqual(other.Lines) && Warnings.SequenceEqual(other.Warnings);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Id, Lines.Length);
}
