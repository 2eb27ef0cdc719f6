using CsCheck;
using Pcf.Accounting.Json;
using Pcf.Accounting.Model;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Tests.Model;

/// <summary>Tags: an open set of labels on processes and flows; the reporting roles of the first format read as tags.</summary>
public sealed class TagTests
{
    [Fact]
    public void Parse_NameAndValue()
    {
        var tag = Tag.Parse("cbam:precursor=clinker");
        Assert.Equal(("cbam:precursor", "clinker"), (tag.Name, tag.Value));
        Assert.True(tag.HasName("cbam:precursor"));
        Assert.Null(Tag.Parse("cbam:installation").Value);
    }

    [Theory]
    [InlineData("", "must not be empty")]
    [InlineData("has space", "without spaces")]
    [InlineData("=x", "starts with '='")]
    public void Parse_Bad_SaysWhy(string text, string message)
    {
        Assert.False(Tag.TryParse(text, out _, out var error));
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_RolesAndTags_AreTheProcessesTags_SortedAndDistinct()
    {
        const string Json = """
            { "format": "pcf-system/1", "name": "s", "referenceProduct": { "flow": "x" }, "declaredUnit": { "amount": 1, "unit": "kg" },
              "flows": [ { "id": "x", "name": "x", "unit": "kg", "tags": ["cn:2523"] } ],
              "processes": [ { "id": "p", "name": "p", "roles": ["packaging"], "tags": ["site=a", "report:packaging", "site=a"],
                "output": { "flow": "x", "amount": 1, "unit": "kg" } } ] }
            """;
        var system = ProductSystemJson.Read(Json).ThrowIfInvalid();
        Assert.Equal(["report:packaging", "site=a"], system.Processes[0].Tags.Select(t => t.Text).ToArray());
        Assert.True(system.Processes[0].HasTag(Tags.Packaging));
        Assert.Equal("cn:2523", Assert.Single(system.Flows[0].Tags).Text);
        var back = ProductSystemJson.Read(ProductSystemJson.Write(system)).ThrowIfInvalid();
        Assert.Equal(system.ContentHash, back.ContentHash);
    }

    [Fact]
    public void Json_BadTag_ReportsItsPath()
    {
        const string Json = """
            { "format": "pcf-system/1", "name": "s", "referenceProduct": { "flow": "x" }, "declaredUnit": { "amount": 1, "unit": "kg" },
              "flows": [ { "id": "x", "name": "x", "unit": "kg" } ],
              "processes": [ { "id": "p", "name": "p", "tags": ["ok", "not ok"], "output": { "flow": "x", "amount": 1, "unit": "kg" } } ] }
            """;
        var problem = Assert.Single(ProductSystemJson.Read(Json).Problems);
        Assert.Equal(("$.processes[0].tags[1]", ProblemCodes.InvalidTag), (problem.Path, problem.Code));
    }

    [Fact]
    public void Canonical_IsDistinctAndOrdered_ForEveryCount_TheShortCutsIncluded() =>
        Gen.Int[0, 4].Array[0, 5].Sample(picks =>
        {
            string[] texts = ["site", "supplier=s1", "packaging", "supplier=s0", "b"];
            Tag[] tags = [.. picks.Select(i => Tag.Parse(texts[i]))];
            var expected = tags.Distinct().Order().ToArray();

            Assert.Equal(expected, Tag.Canonical(tags));
            Assert.Equal(expected, Tag.Canonical([.. tags]));
            Assert.Equal(expected, Tag.Canonical(System.Collections.Immutable.ImmutableArray.Create(tags)));
            Assert.Equal(expected, Tag.Canonical(tags.Select(t => t)));
        });

    [Fact]
    public void Canonical_DropsTheDefaultTag_AndNullIsEmpty()
    {
        Assert.Empty(Tag.Canonical(null));
        Assert.Empty(Tag.Canonical([default(Tag)]));
        Assert.Equal(["site"], Tag.Canonical([default(Tag), Tag.Parse("site")]).Select(t => t.Text));
    }
}
