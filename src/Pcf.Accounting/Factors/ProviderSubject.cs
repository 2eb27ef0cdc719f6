using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Factors;

/// <summary>A problem about an emission-factor provider: it failed, timed out, or answered badly.</summary>
/// <param name="Name">The provider's name.</param>
/// <threadsafety>Immutable.</threadsafety>
public sealed record ProviderSubject(string Name) : ProblemSubject;
