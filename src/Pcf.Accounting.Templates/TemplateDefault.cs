namespace Pcf.Accounting.Templates;

/// <summary>A parameter's published default and where it comes from.</summary>
/// <param name="Value">The value, in the parameter's unit (numbers), or the choice or text; see <see cref="TemplateParameter.Kind"/>.</param>
/// <param name="Source">The source: document, clause or table, year; with its confidence mark ([V] verified, [S] secondary, [U] unverified) where the value was not read from the primary source.</param>
/// <threadsafety>Immutable.</threadsafety>
public sealed record TemplateDefault(object Value, string Source)
{
    /// <summary>Gets the value as a number.</summary>
    /// <exception cref="InvalidOperationException">The default is not a number.</exception>
    public double Number => Value is double d ? d : throw new InvalidOperationException($"The default '{Value}' is not a number.");
}
