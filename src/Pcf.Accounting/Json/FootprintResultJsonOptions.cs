namespace Pcf.Accounting.Json;

/// <summary>What <see cref="FootprintResultJson"/> writes.</summary>
/// <threadsafety>Immutable.</threadsafety>
public sealed record FootprintResultJsonOptions
{
    /// <summary>Gets the default options: indented, without the explanation.</summary>
    public static FootprintResultJsonOptions Default { get; } = new();

    /// <summary>Gets a value indicating whether to indent the JSON.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool Indented { get; init; } = true;

    /// <summary>Gets a value indicating whether to write the explanation tree under <c>"explanation"</c>.</summary>
    public bool IncludeExplanation { get; init; }

    /// <summary>Gets the share below which explanation branches are summarized (see <see cref="Results.FootprintResult.Explain"/>).</summary>
    /// <value>The default value is 0.001.</value>
    public double ExplanationMinimumShare { get; init; } = 0.001;

    /// <summary>Gets the depth below which explanation branches are summarized.</summary>
    /// <value>The default value is 12.</value>
    public int ExplanationMaximumDepth { get; init; } = 12;
}
