using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pcf.Accounting.DependencyInjection;
using Pcf.Accounting.Engine;
using Pcf.Accounting.Factors;
using Pcf.Accounting.Gases;
using Pcf.Accounting.Json;

namespace Pcf.Accounting.Tests.DependencyInjection;

public sealed class AddPcfAccountingTests
{
    [Fact]
    public void AddPcfAccounting_RegistersSettingsAndReader_WithAr6ByDefault()
    {
        using var provider = new ServiceCollection().AddPcfAccounting().Services.BuildServiceProvider();
        var settings = provider.GetRequiredService<PcfAccountingSettings>();
        Assert.Same(GwpSet.Ar6, settings.DefaultGwpSet);
        Assert.Equal(JsonReadOptions.Default, provider.GetRequiredService<ProductSystemReader>().Limits);
        Assert.Equal(TimeSpan.FromSeconds(30), settings.FactorResolution.ProviderTimeout);
        Assert.Equal(PcfAccountingSettings.Default.JsonLimits, settings.JsonLimits);
    }

    [Fact]
    public void DefaultSettings_AreWhatUnsetOptionsGive()
    {
        // The settings live below the DI layer (the engine uses them), so their default is written out there; it must stay
        // what a fresh options object freezes to.
        Assert.Equal(new PcfAccountingOptions().Freeze(), PcfAccountingSettings.Default);
    }

    [Fact]
    public void AddPcfAccounting_Twice_AddsOneSetOfServices_AndAppliesBothConfigurations_InOrder()
    {
        var services = new ServiceCollection();
        services.AddPcfAccounting(o => o.DefaultGwpSet = GwpSet.Ar4);
        services.AddPcfAccounting(o =>
        {
            o.JsonLimits = new JsonReadOptions { MaxDepth = 10 };
            o.DefaultGwpSet = GwpSet.Ar5;
        });
        Assert.Single(services, d => d.ServiceType == typeof(IFootprintCalculator));
        Assert.Single(services, d => d.ServiceType == typeof(PcfAccountingSettings));

        using var provider = services.BuildServiceProvider();
        var settings = provider.GetRequiredService<PcfAccountingSettings>();
        Assert.Same(GwpSet.Ar5, settings.DefaultGwpSet);
        Assert.Equal(10, settings.JsonLimits.MaxDepth);
    }

    [Fact]
    public void Options_ComeFromConfigure_TheOptionsPattern()
    {
        var services = new ServiceCollection();
        services.Configure<PcfAccountingOptions>(o => o.DefaultGwpSet = GwpSet.Ar5WithClimateCarbonFeedback);
        services.AddPcfAccounting();
        using var provider = services.BuildServiceProvider();
        Assert.Same(GwpSet.Ar5WithClimateCarbonFeedback, provider.GetRequiredService<IOptions<PcfAccountingOptions>>().Value.DefaultGwpSet);
        Assert.Same(GwpSet.Ar5WithClimateCarbonFeedback, provider.GetRequiredService<PcfAccountingSettings>().DefaultGwpSet);
    }

    [Fact]
    public void Options_BindFromAnAppSettingsSection()
    {
        const string Json = """
            { "PcfAccounting": { "DefaultGwpSet": "ar5", "FactorProviderTimeout": "00:00:10", "JsonLimits": { "MaxDepth": 16 } } }
            """;
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(Json))).Build();
        var services = new ServiceCollection();
        services.AddPcfAccounting();
        services.Configure<PcfAccountingOptions>(configuration.GetSection(PcfAccountingOptions.SectionName).Bind);
        using var provider = services.BuildServiceProvider();

        var settings = provider.GetRequiredService<PcfAccountingSettings>();
        Assert.Same(GwpSet.Ar5, settings.DefaultGwpSet);
        Assert.Equal(TimeSpan.FromSeconds(10), settings.FactorResolution.ProviderTimeout);
        Assert.Equal(16, settings.JsonLimits.MaxDepth);
        Assert.Equal(1_000_000, settings.JsonLimits.MaxArrayLength); // untouched limits keep their defaults
        Assert.Equal(32, JsonReadOptions.Default.MaxDepth);           // binding never mutates the shared default
    }

    [Fact]
    public void Options_UnknownGwpSetInConfiguration_FailsNamingTheKey()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new("PcfAccounting:DefaultGwpSet", "AR7")]).Build();
        var services = new ServiceCollection();
        services.AddPcfAccounting();
        services.Configure<PcfAccountingOptions>(configuration.GetSection(PcfAccountingOptions.SectionName).Bind);
        using var provider = services.BuildServiceProvider();

        var error = Assert.ThrowsAny<InvalidOperationException>(() => provider.GetRequiredService<PcfAccountingSettings>());
        Assert.Contains("PcfAccounting:DefaultGwpSet", error.Message, StringComparison.Ordinal);
        Assert.Contains("'AR7' is not a known GWP set", error.InnerException?.Message ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public void Options_Invalid_FailValidation_NamingEverySettingAndRule()
    {
        var services = new ServiceCollection();
        services.AddPcfAccounting(o =>
        {
            o.JsonLimits = new JsonReadOptions { MaxDepth = 0, MaxArrayLength = -1 };
            o.FactorProviderTimeout = TimeSpan.Zero;
        });
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<PcfAccountingSettings>());
        Assert.Equal(
            [
                "PcfAccounting:JsonLimits:MaxDepth must be positive (was 0).",
                "PcfAccounting:JsonLimits:MaxArrayLength must be positive (was -1).",
                "PcfAccounting:FactorProviderTimeout must be positive or infinite (-00:00:00.001) (was 00:00:00).",
            ],
            error.Failures);
    }

    [Fact]
    public void Options_InfiniteTimeout_IsValid()
    {
        using var provider = new ServiceCollection()
            .AddPcfAccounting(o => o.FactorProviderTimeout = Timeout.InfiniteTimeSpan).Services.BuildServiceProvider();
        Assert.Equal(Timeout.InfiniteTimeSpan, provider.GetRequiredService<PcfAccountingSettings>().FactorResolution.ProviderTimeout);
    }

    [Fact]
    public void ConfigureFactorResolution_SetsTheResolversTimeout_LaterCallWins()
    {
        var services = new ServiceCollection();
        services.AddPcfAccounting()
            .ConfigureFactorResolution(new FactorResolverOptions { ProviderTimeout = TimeSpan.FromSeconds(5) })
            .ConfigureFactorResolution(new FactorResolverOptions { ProviderTimeout = TimeSpan.FromSeconds(7) });
        using var provider = services.BuildServiceProvider();
        using var scope = provider.CreateScope();
        Assert.Equal(TimeSpan.FromSeconds(7), scope.ServiceProvider.GetRequiredService<FactorResolver>().Options.ProviderTimeout);
    }

    [Fact]
    public void GwpSet_ConvertsFromAndToItsId()
    {
        var converter = System.ComponentModel.TypeDescriptor.GetConverter(typeof(GwpSet));
        Assert.Same(GwpSet.Ar5WithClimateCarbonFeedback, converter.ConvertFromInvariantString("AR5-ccf"));
        Assert.Equal("AR6", converter.ConvertToInvariantString(GwpSet.Ar6));
        Assert.Throws<FormatException>(() => converter.ConvertFromInvariantString("GWP20"));
    }

    [Fact]
    public void AddPcfAccounting_NullServices_Throws() =>
        Assert.Throws<ArgumentNullException>(() => PcfAccountingServiceCollectionExtensions.AddPcfAccounting(null!));
}
