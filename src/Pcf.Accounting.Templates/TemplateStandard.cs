namespace Pcf.Accounting.Templates;

/// <summary>A standard a template follows, with the clause where it is known, such as <c>GB/T 32151.8-2015, cl. 6.2</c>.</summary>
/// <param name="Name">The standard: number, year and title, such as <c>ISO 14067:2018</c>.</param>
/// <param name="Clause">The clause, table or annex followed, if one is.</param>
/// <threadsafety>Immutable.</threadsafety>
public sealed record TemplateStandard(string Name, string? Clause = null)
{
    /// <summary>Returns the name and clause.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Clause is null ? Name : $"{Name}, {Clause}";
}
