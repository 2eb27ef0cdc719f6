namespace Pcf.Accounting.Pact;

/// <summary>What an export does with system-expansion credits (co-products displacing other supplies), which PACT 3.0 has no field for.</summary>
/// <remarks>ISO 14044 (4.3.4.2) and ISO 14067 (6.4.6.2) allow avoiding allocation by system expansion; the credit then lowers the
/// footprint. A PACT footprint cannot show the credit apart from the emissions, so the export never nets it silently.</remarks>
public enum PactSystemExpansionHandling
{
    /// <summary>Export the net figures, list a <see cref="PactLossKind.Netted"/> loss with the gross emissions and the credit, and state both in the footprint's <c>comment</c> so the recipient sees them.</summary>
    Disclose = 0,

    /// <summary>Refuse to export a result with credits (<see cref="PactProblemCodes.UnrepresentableValue"/>): allocate instead, or remove the displacement.</summary>
    Refuse = 1,
}
