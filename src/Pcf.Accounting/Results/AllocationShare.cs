namespace Pcf.Accounting.Results;

/// <summary>One output's share of a multi-output process.</summary>
/// <param name="Flow">The output.</param>
/// <param name="Weight">The output's amount of the allocation property per run (kg, MJ, currency amount, or the stated share).</param>
/// <param name="Share">Weight divided by the sum of the weights.</param>
/// <threadsafety>Immutable.</threadsafety>
public sealed record AllocationShare(Model.FlowId Flow, double Weight, double Share);
