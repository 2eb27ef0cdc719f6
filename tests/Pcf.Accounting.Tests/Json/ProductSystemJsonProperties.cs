using CsCheck;
using Pcf.Accounting.Json;
using Pcf.Accounting.Tests.TestSupport;

namespace Pcf.Accounting.Tests.Json;

public sealed class ProductSystemJsonProperties
{
    [Fact]
    public void WriteReadWrite_IsTheIdentity_ForRandomSystems() =>
        Generators.CyclicSystem.Sample(system =>
        {
            string once = ProductSystemJson.Write(system);
            var read = ProductSystemJson.Read(once);
            return read.IsValid && once == ProductSystemJson.Write(read.Value);
        }, iter: 200);
}
