namespace Pcf.Accounting.Vectors;

/// <summary>One expected value of a reference vector: a path into the <c>pcf-result/1</c> document and the value there.</summary>
/// <param name="Path">The path, such as <c>byProcess[p2].co2e</c> or <c>derivations[calcination CO2 per t clinker].result.value</c>.</param>
/// <param name="ExpectedJson">The expected value as JSON text: a number (compared within the tolerance), or a string, boolean or null (compared exactly).</param>
/// <param name="Tolerance">The tolerance for a number.</param>
/// <threadsafety>Immutable.</threadsafety>
public sealed record VectorExpectation(string Path, string ExpectedJson, VectorTolerance Tolerance)
{
    /// <summary>Gets the hand arithmetic behind this value, if the vector gives it.</summary>
    public string? Derivation { get; init; }
}
