using System.Collections.Immutable;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Pact;

/// <summary>Every violation and warning found in a PACT document, each with a JSON path, a stable code and the rule broken.</summary>
/// <param name="Errors">The violations; the document is valid when there are none.</param>
/// <param name="Warnings">Problems that do not make the document invalid.</param>
/// <threadsafety>Immutable.</threadsafety>
public sealed record PactValidationReport(ImmutableArray<ValidationProblem> Errors, ImmutableArray<ValidationProblem> Warnings)
{
    /// <summary>Gets a value indicating whether the document has no violations.</summary>
    public bool IsValid => Errors.IsEmpty;
}
