using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Factors;

/// <summary>A problem about one factor request: unresolved, of the wrong dimension, missing a GWP, matched after a fallback.</summary>
/// <param name="Request">The request.</param>
/// <threadsafety>Immutable.</threadsafety>
public sealed record FactorRequestSubject(FactorRequest Request) : ProblemSubject;
