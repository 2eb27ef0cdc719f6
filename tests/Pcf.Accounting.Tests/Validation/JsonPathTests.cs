using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Tests.Validation;

/// <summary>A path keeps its last index, member and member index in the value and folds a longer prefix: the text is the
/// same either way.</summary>
public sealed class JsonPathTests
{
    [Fact]
    public void Paths_ReadAsWritten_AtEveryDepth()
    {
        JsonPath processes = "$.processes";
        var input = processes.Item(3).Member("inputs").Item(2);
        Assert.Equal("$.processes[3].inputs[2]", input.ToString());
        Assert.Equal("$.processes[3].inputs[2].from", input.Member("from").ToString());
        Assert.Equal("$.processes[3].inputs[2].derivation.inputs[0].unit",
            input.Member("derivation").Member("inputs").Item(0).Member("unit").ToString());
        Assert.Equal("$.processes[3].output", processes.Item(3).Member("output").ToString());
        Assert.Equal("$.a[1][2][3]", ((JsonPath)"$.a").Item(1).Item(2).Item(3).ToString());
        Assert.Equal("$.a.b[0][1].c", ((JsonPath)"$.a").Member("b").Item(0).Item(1).Member("c").ToString());
        Assert.Equal("$['odd name'].x['it''s']".Replace("''", "\\'", StringComparison.Ordinal),
            default(JsonPath).Member("odd name").Member("x").Member("it's").ToString());
        Assert.Equal("$", default(JsonPath).ToString());
        Assert.Equal("$[5]", default(JsonPath).Item(5).ToString());
    }

    [Fact]
    public void APath_IsAValue_ExtendingItLeavesItAsItWas()
    {
        var inputs = ((JsonPath)"$.processes").Item(0).Member("inputs");
        var first = inputs.Item(0);
        var second = inputs.Item(1);
        _ = first.Member("from").Member("factor");
        Assert.Equal("$.processes[0].inputs", inputs.ToString());
        Assert.Equal("$.processes[0].inputs[0]", first.ToString());
        Assert.Equal("$.processes[0].inputs[1]", second.ToString());
    }
}
