using System.Globalization;
using System.Text.Json;
using Pcf.Accounting.Json;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Pact.Json;

/// <summary>Identity and status: <c>id</c>, <c>specVersion</c>, <c>precedingPfIds</c>, <c>version</c>, <c>created</c>,
/// <c>updated</c>, <c>status</c> and <c>statusComment</c>.</summary>
internal sealed partial class PactValidator
{
    // The groups are properties, not fields: the shapes built from them (PactValidator.cs) are static fields of another file,
    // and the order in which the static fields of partial files are initialized is not defined.
    private static Field[] IdentityV3 =>
    [
        new("id", K.Uuid, true), new("specVersion", K.SpecVersion, true), new("precedingPfIds", K.Uuid, IsArray: true),
        new("created", K.DateTime, true), new("status", K.Text, true, Allowed: ["Active", "Deprecated"]),
    ];

    // Removed in 3.0 (a warning), but still checked against their 2.x definitions: a malformed value is a warning too
    // (3.0 says nothing of them), an error only when reading strictly.
    private static Field[] RemovedButCheckedV3 => [new("version", K.Integer, Lenient: true), new("updated", K.DateTime, Lenient: true)];

    private static string[] RemovedFromFootprintV3 => ["version", "updated", "statusComment", "productCategoryCpc"];

    private static Field[] IdentityV2 =>
    [
        new("id", K.Uuid, true), new("specVersion", K.SpecVersion, true), new("precedingPfIds", K.Uuid, IsArray: true),
        new("version", K.Integer, true), new("created", K.DateTime, true), new("updated", K.DateTime),
        new("status", K.Text, true, Allowed: ["Active", "Deprecated"]), new("statusComment", K.Text),
    ];

    /// <summary>A well-formed <c>specVersion</c> must have the major of the version the footprint is checked as.</summary>
    private void SpecVersionMajor(JsonElement footprint, JsonPath path, bool v3)
    {
        if (footprint.TryGetProperty("specVersion", out var spec) && spec.ValueKind == JsonValueKind.String
            && SpecVersionPattern().IsMatch(spec.GetString()!))
        {
            int major = int.Parse(spec.GetString()!.Split('.')[0], CultureInfo.InvariantCulture);
            if (v3 ? major != 3 : major is not (1 or 2))
            {
                Error(path.Member("specVersion"), PactProblemCodes.UnsupportedSpecVersion,
                    $"'{spec.GetString()}' is not a {(v3 ? "3.x" : "2.x")} version.");
            }
        }
    }
}
