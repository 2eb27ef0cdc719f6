namespace Pcf.Accounting.Validation;

/// <summary>What a <see cref="ValidationProblem"/> is about, as data: a factor request, a process, a provider, a parameter.</summary>
/// <remarks>Each area defines its own subjects (<see cref="Factors.FactorRequestSubject"/>, <see cref="Model.ProcessSubject"/>,
/// <see cref="Factors.ProviderSubject"/>, <see cref="ParameterSubject"/>); a caller that needs to know which request failed reads
/// the subject instead of parsing a path or a message.</remarks>
/// <threadsafety>Immutable.</threadsafety>
public abstract record ProblemSubject
{
    /// <summary>Initializes a new instance.</summary>
    protected ProblemSubject()
    {
    }
}
