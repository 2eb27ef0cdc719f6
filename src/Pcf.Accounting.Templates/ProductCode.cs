namespace Pcf.Accounting.Templates;

/// <summary>A product classification code of a template's declared product: HS, CN (EU Combined Nomenclature, which CBAM uses) or CPC.</summary>
/// <param name="Scheme">The scheme: <c>HS</c>, <c>CN</c> or <c>CPC</c>.</param>
/// <param name="Code">The code, such as <c>2523 29 00</c> (CN, Portland cement other than white).</param>
/// <threadsafety>Immutable.</threadsafety>
public sealed record ProductCode(string Scheme, string Code)
{
    /// <summary>Returns <c>scheme code</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Scheme} {Code}";
}
