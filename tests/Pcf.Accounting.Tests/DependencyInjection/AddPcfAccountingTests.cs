using Microsoft.Extensions.DependencyInjection;
using Pcf.Accounting.DependencyInjection;
using Pcf.Accounting.Gases;
using Pcf.Accounting.Json;

namespace Pcf.Accounting.Tests.DependencyInjection;

public sealed class AddPcfAccountingTests
{
    [Fact]
    public void AddPcfAccounting_RegistersSettingsAndReader_WithAr6ByDefault()
    {
        using var provider = new ServiceCollection().AddPcfAccounting().Services.BuildServiceProvider();
        Assert.Same(GwpSet.Ar6, provider.GetRequiredService<PcfAccountingSettings>().DefaultGwpSet);
        Assert.Same(JsonReadOptions.Default, provider.GetRequiredService<ProductSystemReader>().Limits);
    }

    [Fact]
    public void AddPcfAccounting_Twice_AddsNothing_AndAppliesBothConfigurations()
    {
        var services = new ServiceCollection();
        services.AddPcfAccounting(o => o.DefaultGwpSet = GwpSet.Ar5);
        int count = services.Count;
        services.AddPcfAccounting(o => o.JsonLimits = new JsonReadOptions { MaxDepth = 10 });
        Assert.Equal(count, services.Count);

        using var provider = services.BuildServiceProvider();
        var settings = provider.GetRequiredService<PcfAccountingSettings>();
        Assert.Same(GwpSet.Ar5, settings.DefaultGwpSet);
        Assert.Equal(10, settings.JsonLimits.MaxDepth);
    }

    [Fact]
    public void AddPcfAccounting_NullServices_Throws() =>
        Assert.Throws<ArgumentNullException>(() => PcfAccountingServiceCollectionExtensions.AddPcfAccounting(null!));
}
