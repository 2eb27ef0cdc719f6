using System.Collections.Immutable;
using System.Globalization;
using Pcf.Accounting.Units;

namespace Pcf.Accounting.Templates;

/// <summary>A checked value of a parameter: a number in the parameter's unit, a choice, a flag, text, or a list's items; whether
/// it is the template's default, and its source.</summary>
/// <param name="Parameter">The parameter.</param>
/// <param name="Value">A <see cref="double"/> (in <see cref="TemplateParameter.Unit"/>), <see cref="string"/>, <see cref="bool"/>,
/// or an immutable array of <see cref="TemplateValues"/> (a list's items).</param>
/// <param name="IsDefault">Whether the value is the template's default (not given, or given equal to it with the default's source).</param>
/// <param name="Source">The default's source, or the source the user named, or <c>site data</c>.</param>
/// <threadsafety>Immutable.</threadsafety>
public sealed record TemplateValue(TemplateParameter Parameter, object Value, bool IsDefault, string Source)
{
    /// <summary>The source of a value given without one.</summary>
    public const string SiteData = "site data";

    /// <summary>Gets the number, in the parameter's unit.</summary>
    /// <exception cref="InvalidOperationException">The value is not a number.</exception>
    public double Number => Value is double d ? d : throw new InvalidOperationException($"'{Parameter.Name}' is not a number.");

    /// <summary>Gets the number with its unit.</summary>
    /// <exception cref="InvalidOperationException">The value is not a number.</exception>
    public Measure Measure => Measure.Of(Number, Parameter.Unit ?? UnitExpression.One);

    /// <summary>Gets the list's items.</summary>
    /// <exception cref="InvalidOperationException">The value is not a list.</exception>
    public ImmutableArray<TemplateValues> Items => Value is ImmutableArray<TemplateValues> items ? items : throw new InvalidOperationException($"'{Parameter.Name}' is not a list.");

    /// <summary>Returns the value as text, such as <c>0.82 t/t</c>, <c>P·O 42.5</c> or <c>2 items</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Value switch
    {
        double d => string.Create(CultureInfo.InvariantCulture, $"{d:R} {Parameter.Unit}").TrimEnd(),
        bool b => b ? "yes" : "no",
        ImmutableArray<TemplateValues> items => items.Length == 1 ? "1 item" : $"{items.Length} items",
        _ => Value.ToString() ?? string.Empty,
    };

    /// <inheritdoc/>
    public bool Equals(TemplateValue? other) =>
        other is not null && Parameter == other.Parameter && IsDefault == other.IsDefault && Source == other.Source
        && (Value is ImmutableArray<TemplateValues> a && other.Value is ImmutableArray<TemplateValues> b ? a.SequenceEqual(b) : Equals(Value, other.Value));

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Parameter.Name, IsDefault);
}
