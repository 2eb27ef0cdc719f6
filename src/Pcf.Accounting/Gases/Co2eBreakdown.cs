using System.Collections.Immutable;
using Pcf.Accounting.Units;

namespace Pcf.Accounting.Gases;

/// <summary>A characterized inventory: CO2e per gas and in total, under one GWP set.</summary>
/// <param name="GwpSet">The GWP set used.</param>
/// <param name="Lines">One line per gas, ordered by gas id.</param>
/// <param name="Total">The sum of the lines, in kg CO2e, taken in line order.</param>
/// <threadsafety>Immutable.</threadsafety>
public sealed record Co2eBreakdown(GwpSet GwpSet, ImmutableArray<GasCo2e> Lines, Quantity Total);
