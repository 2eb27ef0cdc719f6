using System.Diagnostics;
using Pcf.Accounting.Diagnostics;
using Pcf.Accounting.Engine;
using Pcf.Accounting.Factors;
using Pcf.Accounting.Gases;
using Pcf.Accounting.Model;
using Pcf.Accounting.Units;

namespace Pcf.Accounting.Tests.Diagnostics;

/// <summary>The activities of the core's <see cref="ActivitySource"/>, seen through an <see cref="ActivityListener"/> as OpenTelemetry sees
/// them: names, tags and nesting as docs/reliability.md lists them. Other tests calculate in parallel on the same static source, so each
/// test runs under a root activity of its own and its listener creates and keeps only the activities of that root's trace.</summary>
public sealed class PcfActivityTests
{
    // The linear chain of HandCalculatedTests.LinearChain: p1 uses 3 kWh and 2 kg M; p2 (making M) uses 1 kWh. Power is one distinct
    // factor request. The factor is INVENTED for this test (0.5 kg CO2-fossil per kWh).
    private static ProductSystem Chain(string powerKey = "test/power") => new ProductSystemBuilder("chain")
        .AddFlow("P", "P", Unit.Kilogram).AddFlow("M", "M", Unit.Kilogram).AddFlow("power", "power", Unit.KilowattHour, factorKey: powerKey)
        .AddProcess("p1", "p1", p => p.Produces("P", 1, Unit.Kilogram).Consumes("M", 2, Unit.Kilogram).Consumes("power", 3, Unit.KilowattHour)
            .Emits(GreenhouseGas.Co2Fossil, 1, Unit.Kilogram))
        .AddProcess("p2", "p2", p => p.Produces("M", 1, Unit.Kilogram).Consumes("power", 1, Unit.KilowattHour)
            .Emits(GreenhouseGas.Ch4Fossil, 0.1, Unit.Kilogram))
        .WithReferenceProduct("P").WithDeclaredUnit(1, Unit.Kilogram).Build();

    private static EmissionFactor Factor(string key) =>
        new(key, key + " (invented)", Unit.KilowattHour, null, null, [FactorComponent.Emission(GreenhouseGas.Co2Fossil, 0.5)], new FactorProvenance("test", "invented"));

    private static InMemoryFactorProvider Provider(string name, params string[] keys) => new(name, [.. keys.Select(Factor)]);

    private static string UniqueName() => "activities-" + Guid.NewGuid().ToString("N");

    /// <summary>Runs the work under a root activity of its own and returns the Pcf.Accounting activities of its trace, in the order they stopped.</summary>
    private static async Task<(Activity Root, List<Activity> Stopped)> RecordAsync(Func<Task> work)
    {
        var stopped = new List<Activity>();
        // Read before the listener exists: were the source first made inside ShouldListenTo (the static initializer running while the
        // listener is being added), the callback would compare it with a property not yet set, and the source would never be listened to.
        var pcf = PcfDiagnostics.ActivitySource;
        using var root = new Activity("test-root").SetIdFormat(ActivityIdFormat.W3C);
        root.Start();
        var trace = root.TraceId;
        using (var listener = new ActivityListener
        {
            // Only the core's own source instance, and only activities of this test's trace: other tests' calculations are not even created by it.
            ShouldListenTo = source => ReferenceEquals(source, pcf),
            Sample = (ref ActivityCreationOptions<ActivityContext> options) =>
                options.Parent.TraceId == trace ? ActivitySamplingResult.AllDataAndRecorded : ActivitySamplingResult.None,
            ActivityStopped = activity =>
            {
                if (activity.TraceId == trace)
                {
                    lock (stopped)
                    {
                        stopped.Add(activity);
                    }
                }
            },
        })
        {
            ActivitySource.AddActivityListener(listener);
            try
            {
                await work();
            }
            finally
            {
                root.Stop();
            }
        }

        lock (stopped)
        {
            return (root, [.. stopped]);
        }
    }

    private static Activity One(List<Activity> activities, string name)
    {
        var found = activities.FindAll(a => a.OperationName == name);
        Assert.True(found.Count == 1, $"{found.Count} activities '{name}': {string.Join(", ", activities.Select(a => a.OperationName))}");
        return found[0];
    }

    private static void AssertWithin(Activity child, Activity parent)
    {
        Assert.Equal(parent.SpanId, child.ParentSpanId);
        Assert.True(child.StartTimeUtc >= parent.StartTimeUtc && child.StartTimeUtc + child.Duration <= parent.StartTimeUtc + parent.Duration,
            $"{child.OperationName} [{child.StartTimeUtc:O} + {child.Duration}] outside {parent.OperationName} [{parent.StartTimeUtc:O} + {parent.Duration}]");
    }

    [Fact]
    public async Task AValidCalculation_StartsCalculate_ThenResolve_ThenOneProviderCall_NestedWithTheDocumentedTags()
    {
        string provider = UniqueName();
        var (root, activities) = await RecordAsync(async () =>
            (await new FootprintCalculator(new FactorResolver([Provider(provider, "test/power")])).CalculateAsync(Chain())).ThrowIfInvalid());

        Assert.Equal(["pcf.factors.provider", "pcf.factors.resolve", "pcf.calculate"], activities.Select(a => a.OperationName)); // innermost stops first
        Assert.All(activities, a => Assert.Same(PcfDiagnostics.ActivitySource, a.Source));
        Assert.Equal("Pcf.Accounting", PcfDiagnostics.ActivitySource.Name);

        var calculate = One(activities, PcfDiagnostics.CalculateActivity);
        Assert.Equal(root.SpanId, calculate.ParentSpanId);
        Assert.Equal("chain", calculate.GetTagItem("pcf.system"));
        Assert.Equal(2, calculate.GetTagItem("pcf.processes"));
        Assert.Equal("AR6", calculate.GetTagItem("pcf.gwp_set"));
        Assert.Equal("ISO14067", calculate.GetTagItem("pcf.rule_set"));
        Assert.Equal("valid", calculate.GetTagItem("pcf.outcome"));
        // The chain by hand: p2 = 1 x 0.5 + 0.1 x 29.8 (AR6 fossil CH4) = 3.48 per kg M; p1 = 1 + 3 x 0.5 + 2 x 3.48 = 9.46 kg CO2e.
        Assert.Equal(9.46, Assert.IsType<double>(calculate.GetTagItem("pcf.co2e")), 1e-12);
        Assert.Equal(ActivityStatusCode.Unset, calculate.Status);

        // One distinct request (power, no region, no year), though two processes use it: the calculation asks for it once.
        var resolve = One(activities, PcfDiagnostics.ResolveActivity);
        AssertWithin(resolve, calculate);
        Assert.Equal((1, 1), ((int?)resolve.GetTagItem("pcf.factor.requests"), (int?)resolve.GetTagItem("pcf.factor.distinct")));

        var call = One(activities, PcfDiagnostics.ProviderActivity);
        AssertWithin(call, resolve);
        Assert.Equal(provider, call.GetTagItem("pcf.provider"));
        Assert.Equal((1, 1), ((int?)call.GetTagItem("pcf.factor.requests"), (int?)call.GetTagItem("pcf.factor.found")));
        Assert.Equal("answered", call.GetTagItem("pcf.outcome"));
    }

    [Fact]
    public async Task ARefusedCalculation_RecordsAnErrorStatus_AndOutcomeInvalid_WithoutATotal()
    {
        string provider = UniqueName();
        var (_, activities) = await RecordAsync(async () =>
            Assert.False((await new FootprintCalculator(new FactorResolver([Provider(provider, "test/power")])).CalculateAsync(Chain("test/nothing"))).IsValid));

        var calculate = One(activities, PcfDiagnostics.CalculateActivity);
        Assert.Equal(ActivityStatusCode.Error, calculate.Status);
        Assert.Equal("1 problem(s)", calculate.StatusDescription); // PCF0401 for test/nothing
        Assert.Equal("invalid", calculate.GetTagItem("pcf.outcome"));
        Assert.Null(calculate.GetTagItem("pcf.co2e"));
        // The provider answered; it just had nothing for the key.
        var call = One(activities, PcfDiagnostics.ProviderActivity);
        AssertWithin(call, One(activities, PcfDiagnostics.ResolveActivity));
        Assert.Equal(("answered", 0), ((string?)call.GetTagItem("pcf.outcome"), (int?)call.GetTagItem("pcf.factor.found")));
    }

    [Fact]
    public async Task AResolutionAlone_OneProviderCallPerProviderAsked_EachWithWhatItWasAskedAndFound()
    {
        // Three requests, two distinct (a is asked twice); the first provider has a, the second b: the second is asked only for b.
        string first = UniqueName(), second = UniqueName();
        var a = new FactorRequest("test/a", null, null, Unit.KilowattHour);
        var b = new FactorRequest("test/b", null, null, Unit.KilowattHour);
        var resolver = new FactorResolver([Provider(first, "test/a"), Provider(second, "test/b")]);

        var (root, activities) = await RecordAsync(async () => (await resolver.ResolveAsync([a, a, b], GwpSet.Ar6)).ThrowIfInvalid());

        var resolve = One(activities, PcfDiagnostics.ResolveActivity);
        Assert.Equal(root.SpanId, resolve.ParentSpanId);
        Assert.Equal((3, 2), ((int?)resolve.GetTagItem("pcf.factor.requests"), (int?)resolve.GetTagItem("pcf.factor.distinct")));
        var calls = activities.FindAll(x => x.OperationName == PcfDiagnostics.ProviderActivity);
        Assert.Equal([first, second], calls.Select(c => (string?)c.GetTagItem("pcf.provider")));
        Assert.All(calls, c => AssertWithin(c, resolve));
        Assert.Equal(["requests 2, found 1, answered", "requests 1, found 1, answered"],
            calls.Select(c => $"requests {c.GetTagItem("pcf.factor.requests")}, found {c.GetTagItem("pcf.factor.found")}, {c.GetTagItem("pcf.outcome")}"));
        Assert.DoesNotContain(activities, x => x.OperationName == PcfDiagnostics.CalculateActivity);
    }

    [Fact]
    public async Task AFailingProvider_ItsCallEndsWithOutcomeFailed()
    {
        string name = UniqueName();
        var resolver = new FactorResolver([new FailingProvider(name)]);

        var (_, activities) = await RecordAsync(async () =>
            Assert.False((await resolver.ResolveAsync([new FactorRequest("test/a", null, null, Unit.KilowattHour)], GwpSet.Ar6)).IsValid));

        var call = One(activities, PcfDiagnostics.ProviderActivity);
        Assert.Equal((name, 1, "failed"), ((string?)call.GetTagItem("pcf.provider"), (int?)call.GetTagItem("pcf.factor.requests"), (string?)call.GetTagItem("pcf.outcome")));
        Assert.Null(call.GetTagItem("pcf.factor.found"));
        AssertWithin(call, One(activities, PcfDiagnostics.ResolveActivity));
    }

    private sealed class FailingProvider(string name) : IEmissionFactorProvider
    {
        public string Name => name;

        public ValueTask<FactorLookup> FindAsync(FactorRequest request, CancellationToken cancellationToken = default) =>
            throw new FactorProviderException(name, $"Provider '{name}' is down (a test double).");

        public ValueTask<IReadOnlyList<FactorLookup>> FindManyAsync(IReadOnlyList<FactorRequest> requests, CancellationToken cancellationToken = default) =>
            throw new FactorProviderException(name, $"Provider '{name}' is down (a test double).");
    }
}
