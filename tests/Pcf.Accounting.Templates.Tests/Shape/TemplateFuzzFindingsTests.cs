using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Pcf.Accounting.Json;
using Pcf.Accounting.Templates.Electronics.Bom;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Templates.Tests.Shape;

/// <summary>What the template-params fuzz harness found (fuzz/corpus/template-params), each a test before its fix.</summary>
public sealed class TemplateFuzzFindingsTests
{
    [Fact]
    public void BomFile_ThatNeverEnds_StopsAtTheSizeLimit()
    {
        // "bomFile": "/dev/zero" read the device whole (File.ReadAllBytes: no length, so no size check): 4 GB of memory, then an
        // OutOfMemoryException out of the template's Build. The limit now holds while reading.
        if (!File.Exists("/dev/zero"))
        {
            return; // Not a Unix machine: no endless file to name.
        }

        var read = BomJson.ReadFile("/dev/zero", BomJson.DefaultLimits with { MaxDocumentBytes = 1 << 20 });
        var problem = Assert.Single(read.Problems);
        Assert.Equal(("$", ProblemCodes.DocumentTooLarge), (problem.Path, problem.Code));
        Assert.Contains("/dev/zero", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BomFile_ThatNeverEnds_ThroughTheTemplate_IsAProblemOfTheParameterFile()
    {
        if (!File.Exists("/dev/zero"))
        {
            return; // Not a Unix machine: no endless file to name.
        }

        using var services = new ServiceCollection().AddPcfAccounting().AddElectronicsTemplates().Services.BuildServiceProvider();
        var (id, input) = TemplateParametersJson.Read(Encoding.UTF8.GetBytes(
            """{ "format": "pcf-template-params/1", "template": "electronics/bom", "parameters": { "bomFile": "/dev/zero" } }""")).ThrowIfInvalid();
        var built = services.GetRequiredService<ITemplateCatalog>().Build(id, input);
        Assert.Contains(built.Problems, p => p.Code == ProblemCodes.DocumentTooLarge && p.Path.StartsWith("zero:$", StringComparison.Ordinal));
    }
}
