using Microsoft.Extensions.DependencyInjection.Extensions;
using Pcf.Accounting.DependencyInjection;
using Pcf.Accounting.Factors;
using Pcf.Accounting.Factors.Files;
using Pcf.Accounting.Pact;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Lets the factor-file loader read suppliers' PACT footprints.</summary>
public static class PcfAccountingBuilderPactFileExtensions
{
    /// <summary>Adds the PACT footprint format to the <see cref="FactorFileLoader"/>: a factor file that is a PACT document (3.0 or 2.3)
    /// becomes primary-data factors matched by key alone (<see cref="PactFactorFileFormat"/>), in <c>pcf verify</c>'s factor files and wherever files are loaded.</summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder, so that calls can be chained.</returns>
    public static PcfAccountingBuilder AddPactFactorFiles(this PcfAccountingBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IFactorFileFormat>(PactFactorFileFormat.Instance));
        return builder;
    }
}
