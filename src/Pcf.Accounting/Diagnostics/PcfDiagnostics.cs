using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Pcf.Accounting.Diagnostics;

/// <summary>The traces and metrics of Pcf.Accounting: one <see cref="ActivitySource"/> and one <see cref="Meter"/>, both named
/// <see cref="Name"/>, so that OpenTelemetry picks them up with <c>AddSource("Pcf.Accounting")</c> and <c>AddMeter("Pcf.Accounting")</c>.</summary>
/// <remarks>
/// <para>Activities: <see cref="CalculateActivity"/> (one calculation; tags <c>pcf.system</c>, <c>pcf.processes</c>, <c>pcf.gwp_set</c>,
/// <c>pcf.rule_set</c>, <c>pcf.outcome</c>), <see cref="ResolveActivity"/> (the factor resolution; <c>pcf.factor.requests</c>,
/// <c>pcf.factor.distinct</c>) and <see cref="ProviderActivity"/> (one call to an emission-factor provider; <c>pcf.provider</c>,
/// <c>pcf.factor.requests</c>, <c>pcf.factor.found</c>, <c>pcf.outcome</c>).</para>
/// <para>Instruments: <see cref="Calculations"/>, <see cref="CalculationDuration"/>, <see cref="FactorLookups"/>,
/// <see cref="ProviderDuration"/> and <see cref="FactorRequestsShared"/>; their names, units and tags are listed on each and in
/// docs/reliability.md. Nothing is recorded unless a listener is attached.</para>
/// </remarks>
/// <threadsafety>Thread-safe.</threadsafety>
public static class PcfDiagnostics
{
    /// <summary>The name of the activity source and of the meter: <c>Pcf.Accounting</c>.</summary>
    public const string Name = "Pcf.Accounting";

    /// <summary>The activity of one calculation: <c>pcf.calculate</c>.</summary>
    public const string CalculateActivity = "pcf.calculate";

    /// <summary>The activity of the factor resolution of one calculation: <c>pcf.factors.resolve</c>.</summary>
    public const string ResolveActivity = "pcf.factors.resolve";

    /// <summary>The activity of one call to an emission-factor provider: <c>pcf.factors.provider</c>.</summary>
    public const string ProviderActivity = "pcf.factors.provider";

    private static readonly string? Version = typeof(PcfDiagnostics).Assembly.GetName().Version?.ToString();

    /// <summary>Gets the activity source (<see cref="Name"/>).</summary>
    public static ActivitySource ActivitySource { get; } = new(Name, Version);

    /// <summary>Gets the meter (<see cref="Name"/>).</summary>
    public static Meter Meter { get; } = new(Name, Version);

    /// <summary>Gets the counter <c>pcf.calculations</c> ({calculation}): calculations ended, tagged <c>pcf.outcome</c> = <c>valid</c> or <c>invalid</c>.</summary>
    public static Counter<long> Calculations { get; } = Meter.CreateCounter<long>("pcf.calculations", "{calculation}", "Calculations ended, by outcome.");

    /// <summary>Gets the histogram <c>pcf.calculation.duration</c> (s): the time of one calculation, tagged <c>pcf.outcome</c>.</summary>
    public static Histogram<double> CalculationDuration { get; } = Meter.CreateHistogram<double>("pcf.calculation.duration", "s", "The time of one calculation (compile, resolve factors, solve, views).");

    /// <summary>Gets the counter <c>pcf.factor.lookups</c> ({request}): factor requests answered by a provider, tagged <c>pcf.provider</c>
    /// and <c>pcf.status</c> (<c>found</c>, <c>not_found</c>, <c>wrong_dimension</c>).</summary>
    public static Counter<long> FactorLookups { get; } = Meter.CreateCounter<long>("pcf.factor.lookups", "{request}", "Factor requests answered by a provider, by provider and status.");

    /// <summary>Gets the histogram <c>pcf.provider.duration</c> (s): the latency of one batch call to a provider, tagged <c>pcf.provider</c>
    /// and <c>pcf.outcome</c> (<c>answered</c>, <c>failed</c>, <c>timeout</c>).</summary>
    public static Histogram<double> ProviderDuration { get; } = Meter.CreateHistogram<double>("pcf.provider.duration", "s", "The latency of one batch call to an emission-factor provider.");

    /// <summary>Gets the counter <c>pcf.factor.requests.shared</c> ({request}): requests answered from the lookup of an identical request of
    /// the same calculation (the resolver's cache hits: a factor is looked up once however many inputs use it).</summary>
    public static Counter<long> FactorRequestsShared { get; } = Meter.CreateCounter<long>("pcf.factor.requests.shared", "{request}", "Factor requests answered by the lookup of an identical request in the same calculation.");
}
