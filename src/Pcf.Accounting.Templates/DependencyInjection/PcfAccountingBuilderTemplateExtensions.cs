using Microsoft.Extensions.DependencyInjection.Extensions;
using Pcf.Accounting.DependencyInjection;
using Pcf.Accounting.Templates;
using Pcf.Accounting.Vectors;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers sector templates: each is found by id in <see cref="ITemplateCatalog"/>, runs from
/// <c>pcf template run</c>, and builds template reference vectors.</summary>
public static class PcfAccountingBuilderTemplateExtensions
{
    /// <summary>Adds a template.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="template">The template; its id unique among those added.</param>
    /// <returns>The builder, so that additional calls can be chained.</returns>
    /// <example><code>services.AddPcfAccounting().AddTemplate(new MyBrickTemplate()).AddDefaultFactors();</code></example>
    public static PcfAccountingBuilder AddTemplate(this PcfAccountingBuilder builder, ITemplate template)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(template);
        builder.Services.AddSingleton(template);
        return AddCatalog(builder);
    }

    /// <summary>Adds a template with a parameterless constructor, made when the templates are first asked for (a command or
    /// service that never uses templates never makes it).</summary>
    /// <typeparam name="T">The template's type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder, so that additional calls can be chained.</returns>
    public static PcfAccountingBuilder AddTemplate<T>(this PcfAccountingBuilder builder)
        where T : ITemplate, new()
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<ITemplate>(_ => new T());
        return AddCatalog(builder);
    }

    private static PcfAccountingBuilder AddCatalog(PcfAccountingBuilder builder)
    {
        builder.Services.TryAddSingleton(sp => new TemplateCatalog(sp.GetServices<ITemplate>()));
        builder.Services.TryAddSingleton<ITemplateCatalog>(sp => sp.GetRequiredService<TemplateCatalog>());
        builder.Services.Replace(ServiceDescriptor.Singleton<IVectorTemplates>(sp => sp.GetRequiredService<TemplateCatalog>()));
        return builder;
    }
}
