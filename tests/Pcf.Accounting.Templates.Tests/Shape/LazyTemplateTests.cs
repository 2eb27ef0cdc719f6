using System.Collections.Immutable;
using Microsoft.Extensions.DependencyInjection;
using Pcf.Accounting.Templates;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Templates.Tests.Shape;

/// <summary>A template added by type is made when the templates are first asked for, once; a container that never asks
/// (a calculation of a system, say) never makes it.</summary>
public sealed class LazyTemplateTests
{
    [Fact]
    public void AddTemplateByType_MakesItOnFirstUse_Once()
    {
        int before = CountingTemplate.Made;
        var services = new ServiceCollection();
        services.AddPcfAccounting().AddTemplate<CountingTemplate>().AddTemplate(new BrickTemplate());
        using var provider = services.BuildServiceProvider();
        Assert.Equal(before, CountingTemplate.Made); // registered and built: not made

        using (var scope = provider.CreateScope())
        {
            var catalog = scope.ServiceProvider.GetRequiredService<ITemplateCatalog>();
            Assert.Equal(["test/brick", "test/counting"], catalog.Templates.Select(t => t.Descriptor.Id)); // by id
            Assert.True(catalog.TryFind("test/counting", out _));
        }

        using (var scope = provider.CreateScope())
        {
            _ = scope.ServiceProvider.GetRequiredService<ITemplateCatalog>();
        }

        Assert.Equal(before + 1, CountingTemplate.Made);
    }

    private sealed class CountingTemplate : ITemplate
    {
        private static int made;

        public CountingTemplate() => Interlocked.Increment(ref made);

        public static int Made => Volatile.Read(ref made);

        public TemplateDescriptor Descriptor { get; } = new BrickTemplate().Descriptor with { Id = "test/counting" };

        public ImmutableArray<TemplateParameter> Parameters => [];

        public ValidationResult<TemplateBuild> Build(TemplateValues values) => throw new NotSupportedException("not built in this test");
    }
}
