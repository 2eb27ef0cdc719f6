using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Pcf.Accounting.DependencyInjection;
using Pcf.Accounting.Results;
using Pcf.Accounting.Rules;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds rule sets and views to Pcf.Accounting's services.</summary>
public static class PcfAccountingBuilderRuleSetExtensions
{
    /// <summary>Adds a rule set, found by its id wherever rule sets are named (the CLI's <c>--rules</c>, reference vectors, templates,
    /// <see cref="Pcf.Accounting.DependencyInjection.PcfAccountingOptions.DefaultRuleSet"/>).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="ruleSet">The rule set; one with the id of a built-in or earlier one replaces it.</param>
    /// <returns>The builder, so that calls can be chained.</returns>
    /// <example><code>
    /// services.AddPcfAccounting(o => o.DefaultRuleSet = "PCR-CEMENT")
    ///         .AddRuleSet(RuleSet.GbT24067 with { Id = "PCR-CEMENT", Name = "Cement PCR (draft)" });
    /// </code></example>
    public static PcfAccountingBuilder AddRuleSet(this PcfAccountingBuilder builder, RuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(ruleSet);
        builder.Services.AddSingleton(new RuleSetRegistration(ruleSet));
        return builder;
    }

    /// <summary>Adds a view computed over every result (such as a CBAM view or a footprint by supplier); its output travels with the result.</summary>
    /// <typeparam name="TView">The view; one instance serves every calculation.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder, so that calls can be chained.</returns>
    /// <remarks>Adding the same view type twice adds it once.</remarks>
    public static PcfAccountingBuilder AddView<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TView>(this PcfAccountingBuilder builder)
        where TView : class, IFootprintView
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IFootprintView, TView>());
        return builder;
    }

    /// <summary>Adds a view instance computed over every result.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="view">The view; thread-safe, it serves every calculation.</param>
    /// <returns>The builder, so that calls can be chained.</returns>
    public static PcfAccountingBuilder AddView(this PcfAccountingBuilder builder, IFootprintView view)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(view);
        builder.Services.AddSingleton(view);
        return builder;
    }
}
