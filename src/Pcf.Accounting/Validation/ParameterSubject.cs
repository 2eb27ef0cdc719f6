namespace Pcf.Accounting.Validation;

/// <summary>A problem about a named parameter (of a template, an option, a method).</summary>
/// <param name="Name">The parameter's name.</param>
/// <threadsafety>Immutable.</threadsafety>
public sealed record ParameterSubject(string Name) : ProblemSubject;
