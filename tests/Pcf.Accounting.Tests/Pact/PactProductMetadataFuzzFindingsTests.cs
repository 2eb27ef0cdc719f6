using System.Text;
using Pcf.Accounting.Pact;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Tests.Pact;

/// <summary>The product metadata reader (<c>--product</c>) on inputs the fuzz harness found crashing an earlier reader: each is now one problem, never an exception.</summary>
public sealed class PactProductMetadataFuzzFindingsTests
{
    [Fact]
    public void LoneSurrogateEscape_IsAnEncodingProblem()
    {
        // Before: InvalidOperationException "Cannot transcode invalid UTF-8 JSON text to UTF-16 string." when the name was read.
        var read = PactProductMetadataJson.Read(Encoding.UTF8.GetBytes("""{ "productNameCompany": "\ud800" }"""));
        var problem = Assert.Single(read.Problems);
        Assert.Equal(("$", ProblemCodes.InvalidEncoding), (problem.Path, problem.Code));
    }

    [Fact]
    public void MemberGivenTwice_IsAProblem()
    {
        // Before: ArgumentException "An item with the same key has already been added. Key: productIds (Parameter 'key')".
        var read = PactProductMetadataJson.Read(Encoding.UTF8.GetBytes("""{ "productIds": ["a"], "productIds": ["b"] }"""));
        Assert.False(read.IsValid);
        Assert.DoesNotContain(read.Problems, p => p.Message.Contains("(Parameter", StringComparison.Ordinal));
    }

    [Fact]
    public void ByteOrderMark_IsSkipped()
    {
        var read = PactProductMetadataJson.Read((byte[])[0xEF, 0xBB, 0xBF, .. "{ \"productIds\": 5 }"u8]);
        Assert.DoesNotContain(read.Problems, p => p.Message.StartsWith("The file is not valid JSON", StringComparison.Ordinal));
    }
}
