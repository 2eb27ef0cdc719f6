namespace Pcf.Accounting.Pact;

/// <summary>One field that a conversion or an export could not carry exactly, and why.</summary>
/// <param name="Path">The JSON path of the field in the source (<c>$.pcf.technologicalCO2Removals</c>) or, for exports, in the document written.</param>
/// <param name="Kind">Dropped, approximated or defaulted.</param>
/// <param name="Reason">What happened, with the values involved.</param>
/// <threadsafety>Immutable.</threadsafety>
public sealed record PactConversionLoss(string Path, PactLossKind Kind, string Reason)
{
    /// <summary>Formats the loss as one line: <c>path  kind  reason</c>.</summary>
    /// <returns>The loss on one line.</returns>
    public override string ToString() => $"{Path}  {Kind}  {Reason}";
}
