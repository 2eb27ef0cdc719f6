namespace Pcf.Accounting.Model;

/// <summary>The identifier of a <see cref="Process"/> within a product system, such as <c>blow-moulding</c>.</summary>
/// <param name="Value">The identifier: non-empty, compared ordinally.</param>
public readonly record struct ProcessId(string Value)
{
    /// <summary>Returns the identifier.</summary>
    /// <returns><see cref="Value"/>.</returns>
    public override string ToString() => Value ?? string.Empty;

    /// <summary>Converts a string to a process id.</summary>
    /// <param name="value">The identifier.</param>
    public static implicit operator ProcessId(string value) => new(value);
}
