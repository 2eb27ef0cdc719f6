using System.Text.Json;
using Pcf.Accounting.Json;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Pact.Json;

/// <summary>Company and product: <c>companyName</c>, <c>companyIds</c>, <c>productDescription</c>, <c>productIds</c>,
/// <c>productClassifications</c>, <c>productCategoryCpc</c> (2.3), <c>productNameCompany</c> and <c>comment</c>; and the
/// data-model <c>extensions</c> a footprint carries.</summary>
internal sealed partial class PactValidator
{
    private static Field[] CompanyAndProductV3 =>
    [
        new("companyName", K.NonEmpty, true), new("companyIds", K.Urn, true, IsArray: true), new("productDescription", K.Text, true),
        new("productIds", K.Urn, true, IsArray: true), new("productClassifications", K.Urn, IsArray: true),
        new("productNameCompany", K.NonEmpty, true), new("comment", K.Text),
    ];

    private static Field[] CompanyAndProductV2 =>
    [
        new("companyName", K.NonEmpty, true), new("companyIds", K.Urn, true, IsArray: true), new("productDescription", K.Text, true),
        new("productIds", K.Urn, true, IsArray: true), new("productClassifications", K.Urn, IsArray: true),
        new("productCategoryCpc", K.NonEmpty, true), new("productNameCompany", K.NonEmpty, true), new("comment", K.Text, true),
    ];

    private static Field ExtensionsField => new("extensions", K.Object, IsArray: true, Unique: false, AllowEmpty: true);

    // An extension's own members are its business: only the envelope is checked.
    private static readonly Shape Extension = new(
        [new("specVersion", K.Text, true), new("dataSchema", K.Uri, true), new("documentation", K.Uri), new("data", K.Object, true)], open: true);

    private void Extensions(JsonElement footprint, JsonPath path)
    {
        if (footprint.TryGetProperty("extensions", out var extensions) && extensions.ValueKind == JsonValueKind.Array)
        {
            int i = 0;
            foreach (var extension in extensions.EnumerateArray())
            {
                // An item that is no object was reported with the array.
                if (extension.ValueKind == JsonValueKind.Object)
                {
                    Object(extension, path.Member("extensions").Item(i), Extension);
                }

                i++;
            }
        }
    }
}
