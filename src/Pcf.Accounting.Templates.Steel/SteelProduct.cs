using System.Collections.Immutable;

namespace Pcf.Accounting.Templates.Steel;

/// <summary>A declared product of the steel templates: crude steel, or a product made from it by further steps.</summary>
/// <param name="Id">The value of the <c>product</c> parameter.</param>
/// <param name="Name">The product's name.</param>
/// <param name="CnCode">Its EU Combined Nomenclature code (heading level), as CBAM declares goods.</param>
/// <param name="Steps">How many steps on top of crude steel: 0 crude steel, 1 hot rolled, 2 cold rolled, 3 coated.</param>
/// <remarks>The CN codes: <see cref="SteelSources.HsChapter72"/> (HS 2022 and the EU Combined Nomenclature, public; headings
/// from memory, not re-read [U]).</remarks>
internal sealed record SteelProduct(string Id, string Name, string CnCode, int Steps)
{
    public static readonly SteelProduct CrudeSteel = new("crude-steel", "Crude steel (cast semi-finished: slab, billet, bloom)", "7207", 0);
    public static readonly SteelProduct HotRolledCoil = new("hot-rolled-coil", "Hot-rolled coil", "7208", 1);
    public static readonly SteelProduct Plate = new("plate", "Hot-rolled plate (not in coils, over 10 mm)", "7208 51", 1);
    public static readonly SteelProduct WireRod = new("wire-rod", "Wire rod (hot-rolled, in irregularly wound coils)", "7213", 1);
    public static readonly SteelProduct ColdRolledCoil = new("cold-rolled-coil", "Cold-rolled coil", "7209", 2);
    public static readonly SteelProduct CoatedCoil = new("coated-coil", "Coated coil (hot-dip zinc coated)", "7210", 3);

    public static ImmutableArray<SteelProduct> All { get; } = [CrudeSteel, HotRolledCoil, Plate, WireRod, ColdRolledCoil, CoatedCoil];

    public static SteelProduct Find(string id) => All.First(p => p.Id == id);

    /// <summary>The CN classification of every product, for a descriptor.</summary>
    public static ImmutableArray<ProductCode> Classification { get; } = [.. All.Select(p => new ProductCode("CN", p.CnCode)).Distinct()];
}
