using Microsoft.Extensions.DependencyInjection;

namespace Pcf.Accounting.DependencyInjection;

/// <summary>Returned by <c>AddPcfAccounting</c>: adds emission-factor providers, templates and other parts, in order.</summary>
/// <remarks>Extension methods of other packages and namespaces (factor providers, sector templates) hang off this type.</remarks>
public sealed class PcfAccountingBuilder
{
    internal PcfAccountingBuilder(IServiceCollection services) => Services = services;

    /// <summary>Gets the service collection being configured.</summary>
    public IServiceCollection Services { get; }
}
