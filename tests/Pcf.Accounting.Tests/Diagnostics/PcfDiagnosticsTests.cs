using System.Diagnostics.Metrics;
using Pcf.Accounting.Diagnostics;
using Pcf.Accounting.Engine;
using Pcf.Accounting.Factors;
using Pcf.Accounting.Gases;
using Pcf.Accounting.Model;
using Pcf.Accounting.Units;

namespace Pcf.Accounting.Tests.Diagnostics;

/// <summary>The Meter's instruments record what their names say, seen through a <see cref="MeterListener"/> as OpenTelemetry sees them.
/// Other tests calculate in parallel on the same static Meter, so only measurements made in this test's own flow
/// (an <see cref="AsyncLocal{T}"/> mark) are kept.</summary>
public sealed class PcfDiagnosticsTests
{
    private static readonly AsyncLocal<(object Token, List<(string Instrument, double Value, Dictionary<string, object?> Tags)> List)?> Recording = new();

    // The linear chain of HandCalculatedTests.LinearChain: p1 uses 3 kWh and 2 kg M; p2 (making M) uses 1 kWh. Power is used twice
    // and looked up once. The factor is INVENTED for this test (0.5 kg CO2-fossil per kWh).
    private static ProductSystem Chain(string powerKey = "test/power") => new ProductSystemBuilder("chain")
        .AddFlow("P", "P", Unit.Kilogram).AddFlow("M", "M", Unit.Kilogram).AddFlow("power", "power", Unit.KilowattHour, factorKey: powerKey)
        .AddProcess("p1", "p1", p => p.Produces("P", 1, Unit.Kilogram).Consumes("M", 2, Unit.Kilogram).Consumes("power", 3, Unit.KilowattHour)
            .Emits(GreenhouseGas.Co2Fossil, 1, Unit.Kilogram))
        .AddProcess("p2", "p2", p => p.Produces("M", 1, Unit.Kilogram).Consumes("power", 1, Unit.KilowattHour)
            .Emits(GreenhouseGas.Ch4Fossil, 0.1, Unit.Kilogram))
        .WithReferenceProduct("P").WithDeclaredUnit(1, Unit.Kilogram).Build();

    private static FootprintCalculator Calculator(string providerName) => new(new FactorResolver([new InMemoryFactorProvider(providerName,
        [new EmissionFactor("test/power", "power (invented)", Unit.KilowattHour, null, null, [FactorComponent.Emission(GreenhouseGas.Co2Fossil, 0.5)], new FactorProvenance("test", "invented"))])]));

    private static async Task<List<(string Instrument, double Value, Dictionary<string, object?> Tags)>> RecordAsync(Func<Task> work)
    {
        var recorded = new List<(string, double, Dictionary<string, object?>)>();
        // Each measurement once: an instrument is enabled once per listener (net8.0 may publish it twice), and only this listener's
        // callbacks (its token as state) add to this flow's list.
        var token = new object();
        var enabled = new HashSet<Instrument>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == PcfDiagnostics.Name && enabled.Add(instrument))
                {
                    l.EnableMeasurementEvents(instrument, token);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, state) => Add(instrument, value, tags, state));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, state) => Add(instrument, value, tags, state));
        listener.Start();
        Recording.Value = (token, recorded);
        try
        {
            await work();
        }
        finally
        {
            Recording.Value = null;
        }

        return recorded;

        static void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
        {
            if (Recording.Value is { } recording && ReferenceEquals(recording.Token, state))
            {
                var list = recording.List;
                var copy = new Dictionary<string, object?>();
                foreach (var tag in tags)
                {
                    copy[tag.Key] = tag.Value;
                }

                lock (list)
                {
                    list.Add((instrument.Name, value, copy));
                }
            }
        }
    }

    [Fact]
    public async Task AValidCalculation_RecordsOneCalculation_ItsDuration_TheLookup_TheProviderLatency_AndTheSharedRequest()
    {
        string provider = "diagnostics-" + Guid.NewGuid().ToString("N");
        var recorded = await RecordAsync(async () => (await Calculator(provider).CalculateAsync(Chain())).ThrowIfInvalid());

        var calculations = Assert.Single(recorded, m => m.Instrument == "pcf.calculations");
        Assert.Equal(1, calculations.Value);
        Assert.Equal("valid", calculations.Tags["pcf.outcome"]);
        var duration = Assert.Single(recorded, m => m.Instrument == "pcf.calculation.duration");
        Assert.True(duration.Value > 0 && double.IsFinite(duration.Value), $"{duration.Value} s");
        Assert.Equal("valid", duration.Tags["pcf.outcome"]);
        // One distinct request (power), found by the provider; nothing of the wrong dimension or not found.
        var lookups = recorded.Where(m => m.Instrument == "pcf.factor.lookups").ToList();
        Assert.Equal(1, lookups.Where(m => (string?)m.Tags["pcf.status"] == "found").Sum(m => m.Value));
        Assert.Equal(0, lookups.Where(m => (string?)m.Tags["pcf.status"] != "found").Sum(m => m.Value));
        Assert.All(lookups, m => Assert.Equal(provider, m.Tags["pcf.provider"]));
        var latency = Assert.Single(recorded, m => m.Instrument == "pcf.provider.duration");
        Assert.Equal((provider, "answered"), ((string?)latency.Tags["pcf.provider"], (string?)latency.Tags["pcf.outcome"]));
        Assert.True(latency.Value >= 0 && latency.Value <= duration.Value, $"provider {latency.Value} s, calculation {duration.Value} s");
        // Two uses of power (p1 and p2), one lookup: one request shared (the cache hit).
        Assert.Equal(1, recorded.Where(m => m.Instrument == "pcf.factor.requests.shared").Sum(m => m.Value));
    }

    [Fact]
    public async Task ARefusedCalculation_RecordsItAsInvalid_AndTheLookupAsNotFound()
    {
        string provider = "diagnostics-" + Guid.NewGuid().ToString("N");
        var recorded = await RecordAsync(async () => Assert.False((await Calculator(provider).CalculateAsync(Chain("test/nothing"))).IsValid));

        var calculations = Assert.Single(recorded, m => m.Instrument == "pcf.calculations");
        Assert.Equal(("invalid", 1.0), ((string?)calculations.Tags["pcf.outcome"], calculations.Value));
        Assert.Equal(1, recorded.Where(m => m.Instrument == "pcf.factor.lookups" && (string?)m.Tags["pcf.status"] == "not_found").Sum(m => m.Value));
        Assert.Equal(0, recorded.Where(m => m.Instrument == "pcf.factor.lookups" && (string?)m.Tags["pcf.status"] == "found").Sum(m => m.Value));
    }
}
