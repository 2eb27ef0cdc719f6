using Microsoft.Extensions.DependencyInjection;
using Pcf.Accounting.Factors;
using Pcf.Accounting.Gases;
using Pcf.Accounting.Units;
using Pcf.Accounting.Validation;
using static Pcf.Accounting.Tests.Factors.FactorTestData;

namespace Pcf.Accounting.Tests.Factors;

public class FactorResolverTests
{
    [Fact]
    public async Task Resolve_PrimaryProviderOverridesDefaults_AndIsNamed()
    {
        var primary = new InMemoryFactorProvider("company-primary", [Co2PerKwh("electricity/grid", "CN-JS", 2023, 0.1)]);
        var defaults = new InMemoryFactorProvider("defaults", [Co2PerKwh("electricity/grid", "CN-JS", 2023, 0.6), Co2PerKwh("steam", "CN", 2023, 0.2)]);
        var result = await new FactorResolver([primary, defaults]).ResolveAsync(
            [Request("electricity/grid", "CN-JS", 2023), Request("steam", "CN-JS", 2023), Request("electricity/grid", "CN-JS", 2023)], GwpSet.Ar6);

        Assert.True(result.IsValid);
        Assert.Equal(2, result.Value.Factors.Count); // the duplicate request is resolved once
        var grid = result.Value[Request("electricity/grid", "CN-JS", 2023)];
        Assert.Equal("company-primary", grid.Match.ProviderName);
        Assert.Equal(0.1, grid.Co2ePerRequestedUnit);
        var steam = result.Value[Request("steam", "CN-JS", 2023)];
        Assert.Equal("defaults", steam.Match.ProviderName);
        Assert.Equal<FactorFallback>([new RegionFallback("CN-JS", "CN-GRID-EAST", 1) with { Used = "CN", Steps = 2 }], steam.Match.Fallbacks.ToArray());
    }

    [Fact]
    public async Task Resolve_Unresolved_OneFailureListsEveryRequest()
    {
        var result = await new FactorResolver([new InMemoryFactorProvider("p", [])]).ResolveAsync(
            [Request("a", "CN", 2023), Request("b", null, null, Unit.Kilogram)], GwpSet.Ar6);

        Assert.False(result.IsValid);
        Assert.Equal([ProblemCodes.UnresolvedFactor, ProblemCodes.UnresolvedFactor], result.Problems.Select(p => p.Code));
        Assert.Equal(["a (CN, 2023) per kWh", "b (GLO, latest) per kg"], result.Problems.Select(p => p.Path));
    }

    [Fact]
    public async Task Resolve_WrongDimension_IsAnErrorNamingProviderAndUnits()
    {
        var provider = new InMemoryFactorProvider("p", [Co2PerKwh("electricity/grid", "CN", 2023, 0.5), Co2PerKwh("ok", "CN", 2023, 1)]);
        var result = await new FactorResolver([provider]).ResolveAsync([Request("electricity/grid", "CN", 2023, Unit.Kilogram), Request("ok", "CN", 2023)], GwpSet.Ar6);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(ProblemCodes.FactorWrongDimension, problem.Code);
        Assert.Contains("'p'", problem.Message, StringComparison.Ordinal);
        Assert.Contains("per kWh", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resolve_ThrowingProvider_IsNamedInTheError()
    {
        var result = await new FactorResolver([new ThrowingProvider(), new InMemoryFactorProvider("defaults", [Co2PerKwh("a", "CN", 2023, 1)])])
            .ResolveAsync([Request("a", "CN", 2023)], GwpSet.Ar6);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(ProblemCodes.ProviderFailed, problem.Code);
        Assert.Equal("providers['erp-database']", problem.Path);
        Assert.Equal("The emission-factor provider 'erp-database' failed: connection refused", problem.Message);
    }

    [Fact]
    public async Task Resolve_SlowProvider_TimesOutWithItsName()
    {
        var resolver = new FactorResolver([new SlowProvider()], new FactorResolverOptions { ProviderTimeout = TimeSpan.FromMilliseconds(50) });
        var result = await resolver.ResolveAsync([Request("a", "CN", 2023)], GwpSet.Ar6);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(ProblemCodes.ProviderFailed, problem.Code);
        Assert.Contains("'remote-api' did not answer", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Resolve_ProviderIgnoringCancellation_StillTimesOut_AndItsLateAnswerIsNotUsed(bool blocksItsCaller)
    {
        // The provider would answer after 2 s with a valid factor; the timeout is 50 ms. Were the timeout left to the
        // provider's goodwill, the resolution would succeed with that late answer.
        var provider = new DeafProvider(blocksItsCaller, TimeSpan.FromSeconds(2));
        var resolver = new FactorResolver([provider], new FactorResolverOptions { ProviderTimeout = TimeSpan.FromMilliseconds(50) });

        var result = await resolver.ResolveAsync([Request("a", "CN", 2023)], GwpSet.Ar6);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(ProblemCodes.ProviderFailed, problem.Code);
        Assert.Equal("The emission-factor provider 'deaf' did not answer 1 request(s) within 0.05 s.", problem.Message);
    }

    [Fact]
    public async Task Resolve_CallersCancellation_IsNotReportedAsATimeout()
    {
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();
        var resolver = new FactorResolver([new SlowProvider()]);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await resolver.ResolveAsync([Request("a", "CN", 2023)], GwpSet.Ar6, cancel.Token));
    }

    [Fact]
    public async Task Resolve_PerGasFactor_IsRecharacterizedAcrossGwpSets()
    {
        // 1 kg CH4-fossil + 1 kg N2O per kWh, published with AR5.
        var factor = new EmissionFactor("x", "x", Unit.KilowattHour, "GLO", null,
            [FactorComponent.Emission(GreenhouseGas.Ch4Fossil, 1), FactorComponent.Emission(GreenhouseGas.N2O, 1)], Illustrative) { GwpBasis = GwpSet.Ar5 };
        var resolver = new FactorResolver([new InMemoryFactorProvider("p", [factor])]);

        var ar5 = (await resolver.ResolveAsync([Request("x", null, null)], GwpSet.Ar5)).Value[Request("x", null, null)];
        var ar6 = (await resolver.ResolveAsync([Request("x", null, null)], GwpSet.Ar6)).Value[Request("x", null, null)];

        Assert.Equal(293, ar5.Co2ePerRequestedUnit, 12);   // AR5: CH4 28 + N2O 265
        Assert.Equal(302.8, ar6.Co2ePerRequestedUnit, 12); // AR6: CH4-fossil 29.8 + N2O 273
        Assert.False(ar5.IsRecharacterized);
        Assert.True(ar6.IsRecharacterized);
        Assert.Empty(ar6.Warnings);
    }

    [Fact]
    public async Task Resolve_Co2eOnlyFactorInAnotherSet_IsUsedAsPublishedWithAWarning()
    {
        var factor = new EmissionFactor("x", "x", Unit.KilowattHour, "GLO", null, [FactorComponent.Co2e(0.6205)], Illustrative) { GwpBasis = GwpSet.Ar5 };
        var result = await new FactorResolver([new InMemoryFactorProvider("p", [factor])]).ResolveAsync([Request("x", null, null, Unit.MegawattHour)], GwpSet.Ar6);

        var resolved = result.Value[Request("x", null, null, Unit.MegawattHour)];
        Assert.Equal(620.5, resolved.Co2ePerRequestedUnit, 9); // 0.6205 x 1000
        var warning = Assert.Single(result.Value.Warnings);
        Assert.Equal(ProblemCodes.GwpBasisMismatch, warning.Code);
        Assert.Contains("AR5", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Composite_AsksInOrder_AndWrapsFailuresWithTheMembersName()
    {
        var composite = new CompositeFactorProvider([new InMemoryFactorProvider("first", []), new InMemoryFactorProvider("second", [Co2PerKwh("a", "CN", 2023, 1)])]);
        Assert.Equal("second", (await composite.FindAsync(Request("a", "CN", 2023))).Match!.ProviderName);

        var failing = new CompositeFactorProvider([new ThrowingProvider()]);
        var ex = await Assert.ThrowsAsync<FactorProviderException>(async () => await failing.FindAsync(Request("a", "CN", 2023)));
        Assert.Equal("erp-database", ex.ProviderName);
    }

    [Fact]
    public async Task DependencyInjection_RegistrationOrderIsPriority()
    {
        var services = new ServiceCollection();
        services.AddPcfAccounting()
            .AddFactors(new InMemoryFactorProvider("company", [Co2PerKwh("a", "CN", 2023, 1)]))
            .AddFactors<ScopedProvider>(ServiceLifetime.Scoped);
        services.AddPcfAccounting(); // a second call adds nothing
        using var root = services.BuildServiceProvider(validateScopes: true);
        using var scope = root.CreateScope();
        var resolver = scope.ServiceProvider.GetRequiredService<FactorResolver>();

        Assert.Equal(["company", "scoped"], resolver.Providers.Select(p => p.Name));
        var result = await resolver.ResolveAsync([Request("a", "CN", 2023)], GwpSet.Ar6);
        Assert.Equal("company", result.Value[Request("a", "CN", 2023)].Match.ProviderName);
    }

    [Fact]
    public async Task AddFactors_Factory_IsCalledWhenFactorsAreFirstResolved_Once_InTheOrderRegistered()
    {
        int made = 0;
        var services = new ServiceCollection();
        services.AddPcfAccounting()
            .AddFactors(_ =>
            {
                made++;
                return new InMemoryFactorProvider("read on demand", [Co2PerKwh("a", "CN", 2023, 2)]);
            })
            .AddFactors(new InMemoryFactorProvider("company", [Co2PerKwh("a", "CN", 2023, 1)]));
        using var root = services.BuildServiceProvider(validateScopes: true);
        Assert.Equal(0, made); // registering and building the container read nothing

        foreach (var _ in Enumerable.Range(0, 3))
        {
            using var scope = root.CreateScope();
            var resolver = scope.ServiceProvider.GetRequiredService<FactorResolver>();
            Assert.Equal(["read on demand", "company"], resolver.Providers.Select(p => p.Name));
            var result = await resolver.ResolveAsync([Request("a", "CN", 2023)], GwpSet.Ar6);
            Assert.Equal("read on demand", result.Value[Request("a", "CN", 2023)].Match.ProviderName);
        }

        Assert.Equal(1, made); // one provider for every scope's resolver
    }

    [Fact]
    public void AddFactors_FactoryReturningNull_FailsWhenResolved_SayingSo()
    {
        var services = new ServiceCollection();
        services.AddPcfAccounting().AddFactors(_ => null!);
        using var root = services.BuildServiceProvider();
        using var scope = root.CreateScope();
        var e = Assert.Throws<InvalidOperationException>(() => scope.ServiceProvider.GetRequiredService<FactorResolver>());
        Assert.Contains("factory returned null", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => services.AddPcfAccounting().AddFactors((Func<IServiceProvider, IEmissionFactorProvider>)null!));
    }

    private sealed class ThrowingProvider() : EmissionFactorProvider("erp-database")
    {
        public override ValueTask<FactorLookup> FindAsync(FactorRequest request, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("connection refused");
    }

    private sealed class SlowProvider() : EmissionFactorProvider("remote-api")
    {
        public override async ValueTask<FactorLookup> FindAsync(FactorRequest request, CancellationToken cancellationToken = default)
        {
            await Task.Delay(TimeSpan.FromSeconds(30), cancellationToken);
            return FactorLookup.NotFound;
        }
    }

    private sealed class DeafProvider(bool blocksItsCaller, TimeSpan delay) : EmissionFactorProvider("deaf")
    {
        public override async ValueTask<FactorLookup> FindAsync(FactorRequest request, CancellationToken cancellationToken = default)
        {
            if (blocksItsCaller)
            {
                Thread.Sleep(delay);
            }
            else
            {
                await Task.Delay(delay, CancellationToken.None);
            }

            var factor = new EmissionFactor(request.Key, request.Key, Unit.KilowattHour, "CN", 2023, [FactorComponent.Emission(GreenhouseGas.Co2Fossil, 1)], Illustrative);
            return new FactorMatch(factor, Name, [], 1, null);
        }
    }

    private sealed class ScopedProvider() : EmissionFactorProvider("scoped")
    {
        public override ValueTask<FactorLookup> FindAsync(FactorRequest request, CancellationToken cancellationToken = default) => ValueTask.FromResult(FactorLookup.NotFound);
    }
}
