using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;

namespace Pcf.Accounting.Tests.TestSupport;

/// <summary>The few calls whose API differs between the two test targets (net10.0 and net8.0, which has an older CsCheck
/// and no <c>JsonElement.DeepEquals</c>).</summary>
internal static class Compat
{
    /// <summary>A generator of one of the given values (CsCheck 5 <c>Gen.OneOf(values)</c>, CsCheck 4 <c>Gen.OneOfConst(values)</c>).</summary>
    public static Gen<T> OneOfValues<T>(params T[] values) =>
#if NET10_0_OR_GREATER
        Gen.OneOf(values);
#else
        Gen.OneOfConst(values);
#endif

    /// <summary>Whether two JSON values are equal, objects ignoring member order (on net8.0 through <c>JsonNode.DeepEquals</c>, which
    /// compares numbers by their text: enough for the schemas' <c>const</c> and <c>enum</c> values).</summary>
    public static bool JsonEquals(JsonElement left, JsonElement right) =>
#if NET9_0_OR_GREATER
        JsonElement.DeepEquals(left, right);
#else
        JsonNode.DeepEquals(JsonNode.Parse(left.GetRawText()), JsonNode.Parse(right.GetRawText()));
#endif
}
