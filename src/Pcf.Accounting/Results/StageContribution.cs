using Pcf.Accounting.Model;
using Pcf.Accounting.Units;

namespace Pcf.Accounting.Results;

/// <summary>The CO2e of one life-cycle stage.</summary>
/// <param name="Stage">The stage.</param>
/// <param name="Co2e">The sum of the contributions of its processes.</param>
/// <param name="Share">Co2e divided by the total excluding biogenic uptake.</param>
/// <threadsafety>Immutable.</threadsafety>
public sealed record StageContribution(LifeCycleStage Stage, Quantity Co2e, double Share);
