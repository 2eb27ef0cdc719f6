using System.Collections.Immutable;
using Pcf.Accounting.Units;

namespace Pcf.Accounting.Templates;

/// <summary>The values a user gives a template, before they are checked: what a <c>pcf-template-params/1</c> document holds,
/// or what C# code sets. <see cref="TemplateValues.Bind"/> checks them against the template's parameters.</summary>
/// <remarks>A number is given in the parameter's unit (<see cref="Set(string, double, string?)"/>) or with a unit of the same
/// dimension (<see cref="Set(string, Measure, string?)"/>); a parameter left out takes its default. A value may name its
/// source (a lab report, a meter); a value equal to the default and naming the default's source counts as the default.</remarks>
/// <example><code>
/// var input = TemplateInput.Empty
///     .Set("cementType", "P·O 42.5")
///     .Set("clinkerRatio", 0.82, source: "plant mass balance 2025")
///     .Set("electricity", Measure.Of(38, "kWh/t"))
///     .Add("fuels", TemplateInput.Empty.Set("fuel", "bituminous-coal").Set("amount", Measure.Of(110, "kg/t")));
/// </code></example>
/// <threadsafety>Immutable.</threadsafety>
public sealed class TemplateInput
{
    private TemplateInput(ImmutableDictionary<string, TemplateInputValue> values, string path, string? folder = null)
    {
        Values = values;
        Path = path;
        Folder = folder;
    }

    /// <summary>Gets the input with no values: every parameter at its default.</summary>
    public static TemplateInput Empty { get; } = new(ImmutableDictionary<string, TemplateInputValue>.Empty.WithComparers(StringComparer.Ordinal), string.Empty);

    /// <summary>Gets the values by parameter name, in no order.</summary>
    public ImmutableDictionary<string, TemplateInputValue> Values { get; }

    /// <summary>Gets the JSON path the values were read from (<c>$.parameters</c>), or an empty string for values set in C#;
    /// problems name <c>path.name</c>.</summary>
    public string Path { get; }

    /// <summary>Gets the folder that relative file names among the values are resolved against (the parameter file's folder), or
    /// <see langword="null"/> for the current directory.</summary>
    /// <remarks>A template whose parameters name files (such as a bill of materials) reads it from <see cref="TemplateValues.Folder"/>.</remarks>
    public string? Folder { get; }

    /// <summary>Returns the input with a number in the parameter's unit.</summary>
    /// <param name="name">The parameter.</param>
    /// <param name="value">The value.</param>
    /// <param name="source">Where the value comes from, if said.</param>
    /// <returns>The input.</returns>
    public TemplateInput Set(string name, double value, string? source = null) => With(name, new TemplateInputValue(value, null, source));

    /// <summary>Returns the input with a number in a given unit.</summary>
    /// <param name="name">The parameter.</param>
    /// <param name="value">The value and its unit.</param>
    /// <param name="source">Where the value comes from, if said.</param>
    /// <returns>The input.</returns>
    public TemplateInput Set(string name, Measure value, string? source = null) => With(name, new TemplateInputValue(value.Value, value.Unit?.Text, source));

    /// <summary>Returns the input with a choice or text.</summary>
    /// <param name="name">The parameter.</param>
    /// <param name="value">The value.</param>
    /// <param name="source">Where the value comes from, if said.</param>
    /// <returns>The input.</returns>
    public TemplateInput Set(string name, string value, string? source = null) => With(name, new TemplateInputValue(value, null, source));

    /// <summary>Returns the input with a flag.</summary>
    /// <param name="name">The parameter.</param>
    /// <param name="value">The value.</param>
    /// <param name="source">Where the value comes from, if said.</param>
    /// <returns>The input.</returns>
    public TemplateInput Set(string name, bool value, string? source = null) => With(name, new TemplateInputValue(value, null, source));

    /// <summary>Returns the input with a list's items (replacing any given before).</summary>
    /// <param name="name">The parameter.</param>
    /// <param name="items">The items, each a set of field values.</param>
    /// <returns>The input.</returns>
    public TemplateInput Set(string name, IEnumerable<TemplateInput> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return With(name, new TemplateInputValue(items.ToImmutableArray(), null, null));
    }

    /// <summary>Returns the input with one more item of a list.</summary>
    /// <param name="name">The parameter.</param>
    /// <param name="item">The item's field values.</param>
    /// <returns>The input.</returns>
    public TemplateInput Add(string name, TemplateInput item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var items = Values.TryGetValue(name, out var v) && v.Value is ImmutableArray<TemplateInput> list ? list : [];
        return With(name, new TemplateInputValue(items.Add(item), null, null));
    }

    /// <summary>Returns the input with a value as read (a number, text, flag, list of inputs, or <see langword="null"/> for a value
    /// that must be filled in).</summary>
    /// <param name="name">The parameter.</param>
    /// <param name="value">The value.</param>
    /// <returns>The input.</returns>
    public TemplateInput With(string name, TemplateInputValue value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(value);
        return new TemplateInput(Values.SetItem(name, value), Path, Folder);
    }

    /// <summary>Returns the input with the JSON path its values were read from.</summary>
    /// <param name="path">The path, such as <c>$.parameters</c> or <c>$.parameters.fuels[0]</c>.</param>
    /// <returns>The input.</returns>
    public TemplateInput At(string path) => new(Values, path ?? string.Empty, Folder);

    /// <summary>Returns the input with the folder that relative file names among its values are resolved against.</summary>
    /// <param name="folder">The folder, such as the parameter file's; <see langword="null"/> for the current directory.</param>
    /// <returns>The input.</returns>
    public TemplateInput InFolder(string? folder) => new(Values, Path, string.IsNullOrWhiteSpace(folder) ? null : folder);
}

/// <summary>One value given for a parameter.</summary>
/// <param name="Value">A <see cref="double"/>, <see cref="string"/>, <see cref="bool"/>, an immutable array of <see cref="TemplateInput"/>
/// (a list's items), or <see langword="null"/> (not filled in).</param>
/// <param name="Unit">The unit of a number, or <see langword="null"/> for the parameter's unit.</param>
/// <param name="Source">Where the value comes from, if said.</param>
/// <threadsafety>Immutable.</threadsafety>
public sealed record TemplateInputValue(object? Value, string? Unit = null, string? Source = null);
