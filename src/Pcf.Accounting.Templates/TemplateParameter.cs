using System.Collections.Immutable;
using System.Globalization;
using Pcf.Accounting.Units;

namespace Pcf.Accounting.Templates;

/// <summary>A typed parameter of a template: what it holds, its unit and allowed range, its default with the default's source,
/// and whether it is site data a company collects or a published default it may keep.</summary>
/// <remarks>Make one with <see cref="Number"/>, <see cref="Choice"/>, <see cref="Flag"/>, <see cref="Text"/> or <see cref="List"/>.
/// A parameter without a default must be given; an <see cref="IsOptional"/> one may be left out and then has no value.</remarks>
/// <example><code>
/// TemplateParameter.Number("electricity", "kWh/t", "Grid electricity per tonne of cement, metered.", min: 0, max: 500)
///     .WithDefault(90, "document, table, year of the default") with { IsSiteData = true };
/// </code></example>
/// <threadsafety>Immutable.</threadsafety>
public sealed record TemplateParameter
{
    private TemplateParameter(string name, TemplateParameterKind kind, string description)
    {
        if (string.IsNullOrWhiteSpace(name) || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') || !char.IsAsciiLetter(name[0]))
        {
            throw new ArgumentException($"A parameter name starts with a letter and holds only letters, digits, '-' and '_'; '{name}' does not.", nameof(name));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        Name = name;
        Kind = kind;
        Description = description;
    }

    /// <summary>Gets the name, such as <c>clinkerRatio</c>: the member of the parameters document.</summary>
    public string Name { get; }

    /// <summary>Gets what the parameter holds.</summary>
    public TemplateParameterKind Kind { get; }

    /// <summary>Gets the description: what the value is, how it is measured.</summary>
    public string Description { get; }

    /// <summary>Gets the unit of a number (values in other units of the same dimension are converted to it).</summary>
    public UnitExpression? Unit { get; private init; }

    /// <summary>Gets the smallest allowed number, in <see cref="Unit"/>, if there is one.</summary>
    public double? Minimum { get; init; }

    /// <summary>Gets the largest allowed number, in <see cref="Unit"/>, if there is one.</summary>
    public double? Maximum { get; init; }

    /// <summary>Gets the default and its source, if the template has one.</summary>
    public TemplateDefault? Default { get; init; }

    /// <summary>Gets the allowed values of a choice.</summary>
    public ImmutableArray<string> Choices { get; private init; } = [];

    /// <summary>Gets the fields of each item of a list.</summary>
    public ImmutableArray<TemplateParameter> Fields { get; private init; } = [];

    /// <summary>Gets a value indicating whether the parameter is site data (measured or recorded by the company, primary data) rather
    /// than a method choice; a site-data parameter left at its default makes the footprint rely on secondary data.</summary>
    public bool IsSiteData { get; init; }

    /// <summary>Gets a value indicating whether the parameter may be left out when it has no default (then it has no value).</summary>
    public bool IsOptional { get; init; }

    /// <summary>Gets a value indicating whether a value must be given: no default, not optional.</summary>
    public bool IsRequired => Default is null && !IsOptional;

    /// <summary>Gets the largest number of items of a list.</summary>
    public int MaxItems { get; init; } = 1000;

    /// <summary>Makes a number parameter.</summary>
    /// <param name="name">The name.</param>
    /// <param name="unit">The unit, such as <c>t/t</c>, <c>kWh/t</c> or <c>%</c>.</param>
    /// <param name="description">The description.</param>
    /// <param name="min">The smallest allowed value, in <paramref name="unit"/>.</param>
    /// <param name="max">The largest allowed value, in <paramref name="unit"/>.</param>
    /// <returns>The parameter.</returns>
    /// <exception cref="ArgumentException">The name, unit or range is not valid.</exception>
    public static TemplateParameter Number(string name, string unit, string description, double? min = null, double? max = null)
    {
        if (!UnitExpression.TryParse(unit, out var parsed, out var error))
        {
            throw new ArgumentException(error, nameof(unit));
        }

        if (min is { } lo && max is { } hi && !(lo <= hi))
        {
            throw new ArgumentException($"The range [{lo}, {hi}] of '{name}' is empty.", nameof(min));
        }

        return new TemplateParameter(name, TemplateParameterKind.Number, description) { Unit = parsed, Minimum = min, Maximum = max };
    }

    /// <summary>Makes a choice parameter.</summary>
    /// <param name="name">The name.</param>
    /// <param name="description">The description.</param>
    /// <param name="choices">The allowed values, at least one, distinct.</param>
    /// <returns>The parameter.</returns>
    /// <exception cref="ArgumentException">The name or the choices are not valid.</exception>
    public static TemplateParameter Choice(string name, string description, params string[] choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        if (choices.Length == 0 || choices.Distinct(StringComparer.Ordinal).Count() != choices.Length || choices.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException($"The choices of '{name}' must be distinct and not empty.", nameof(choices));
        }

        return new TemplateParameter(name, TemplateParameterKind.Choice, description) { Choices = [.. choices] };
    }

    /// <summary>Makes a yes-or-no parameter.</summary>
    /// <param name="name">The name.</param>
    /// <param name="description">The description.</param>
    /// <returns>The parameter.</returns>
    public static TemplateParameter Flag(string name, string description) => new(name, TemplateParameterKind.Flag, description);

    /// <summary>Makes a free-text parameter (at most 1,000 characters).</summary>
    /// <param name="name">The name.</param>
    /// <param name="description">The description.</param>
    /// <returns>The parameter.</returns>
    public static TemplateParameter Text(string name, string description) => new(name, TemplateParameterKind.Text, description);

    /// <summary>Makes a list parameter whose items each hold the given fields.</summary>
    /// <param name="name">The name.</param>
    /// <param name="description">The description.</param>
    /// <param name="fields">The fields of an item: numbers, choices, flags or text, not lists.</param>
    /// <returns>The parameter; optional, with no items, unless given a default.</returns>
    /// <exception cref="ArgumentException">A field is a list, or two fields share a name.</exception>
    public static TemplateParameter List(string name, string description, params TemplateParameter[] fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        if (fields.Length == 0 || fields.Any(f => f.Kind == TemplateParameterKind.List)
            || fields.Select(f => f.Name).Distinct(StringComparer.Ordinal).Count() != fields.Length)
        {
            throw new ArgumentException($"The fields of the list '{name}' must be at least one, distinct, and not lists.", nameof(fields));
        }

        return new TemplateParameter(name, TemplateParameterKind.List, description) { Fields = [.. fields], IsOptional = true };
    }

    /// <summary>Returns the parameter with a default.</summary>
    /// <param name="value">The value: a number in <see cref="Unit"/>, a choice, a flag, or text.</param>
    /// <param name="source">The source: document, clause or table, year, with a confidence mark where not read from the primary source.</param>
    /// <returns>The parameter.</returns>
    /// <exception cref="ArgumentException">The value does not fit the parameter.</exception>
    public TemplateParameter WithDefault(object value, string source)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        value = value is int i ? (double)i : value;
        bool fits = Kind switch
        {
            TemplateParameterKind.Number => value is double d && double.IsFinite(d) && Describe(d) is null,
            TemplateParameterKind.Choice => value is string s && Choices.Contains(s),
            TemplateParameterKind.Flag => value is bool,
            TemplateParameterKind.Text => value is string,
            _ => false,
        };
        return fits
            ? this with { Default = new TemplateDefault(value, source) }
            : throw new ArgumentException($"The default '{value}' does not fit the {Kind} parameter '{Name}'.", nameof(value));
    }

    /// <summary>Returns what is wrong with a number for this parameter (out of range), or <see langword="null"/>.</summary>
    internal string? Describe(double value)
    {
        if (Minimum is { } lo && value < lo || Maximum is { } hi && value > hi)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{value:R} {Unit} is outside the allowed range {RangeText()}.");
        }

        return null;
    }

    /// <summary>Returns the allowed range as text, such as <c>[0, 1] t/t</c>.</summary>
    /// <returns>The text, or an empty string for an unbounded number.</returns>
    public string RangeText() => (Minimum, Maximum) switch
    {
        (null, null) => string.Empty,
        ({ } lo, null) => string.Create(CultureInfo.InvariantCulture, $"≥ {lo:R} {Unit}"),
        (null, { } hi) => string.Create(CultureInfo.InvariantCulture, $"≤ {hi:R} {Unit}"),
        ({ } lo, { } hi) => string.Create(CultureInfo.InvariantCulture, $"[{lo:R}, {hi:R}] {Unit}"),
    };

    /// <inheritdoc/>
    public bool Equals(TemplateParameter? other) =>
        other is not null && Name == other.Name && Kind == other.Kind && Description == other.Description && Unit == other.Unit
        && Minimum == other.Minimum && Maximum == other.Maximum && Default == other.Default && Choices.SequenceEqual(other.Choices)
        && Fields.SequenceEqual(other.Fields) && IsSiteData == other.IsSiteData && IsOptional == other.IsOptional && MaxItems == other.MaxItems;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Name, Kind);
}
