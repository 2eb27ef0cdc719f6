namespace Pcf.Accounting.Engine;

/// <summary>What a calculation is doing: the step it started and how much it covers, for a progress display.</summary>
/// <param name="Stage">The step.</param>
/// <param name="Count">How many processes, factor requests or views the step covers.</param>
/// <threadsafety>Immutable value type.</threadsafety>
public readonly record struct CalculationProgress(CalculationStage Stage, int Count)
{
    /// <summary>Describes the step, such as <c>Resolving 12 emission factors</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Stage switch
    {
        CalculationStage.Compiling => $"Compiling and factorizing {Count} process{(Count == 1 ? string.Empty : "es")}",
        CalculationStage.Resolving => $"Resolving {Count} emission factor{(Count == 1 ? string.Empty : "s")}",
        CalculationStage.Computing => "Computing the footprint",
        CalculationStage.Sampling => $"Sampling {Count} Monte Carlo iteration{(Count == 1 ? string.Empty : "s")}",
        _ => $"Computing {Count} view{(Count == 1 ? string.Empty : "s")}",
    };
}
