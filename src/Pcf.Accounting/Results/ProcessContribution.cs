using Pcf.Accounting.Model;
using Pcf.Accounting.Units;

namespace Pcf.Accounting.Results;

/// <summary>What one process contributes: its own direct emissions and the factors of what it buys, times how often it runs per declared unit.</summary>
/// <param name="Process">The process.</param>
/// <param name="Stage">Its life-cycle stage.</param>
/// <param name="Runs">How many runs (of the amounts stated per run) one declared unit needs: the scaling factor.</param>
/// <param name="Direct">CO2e of its direct emissions and removals.</param>
/// <param name="Background">CO2e of the emission factors of its background inputs.</param>
/// <param name="Total">Direct plus background.</param>
/// <param name="Share">Total divided by the total excluding biogenic uptake.</param>
/// <threadsafety>Immutable.</threadsafety>
public sealed record ProcessContribution(ProcessId Process, LifeCycleStage Stage, double Runs, Quantity Direct, Quantity Background, Quantity Total, double Share);
