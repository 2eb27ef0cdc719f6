using System.Collections.Immutable;
using Pcf.Accounting.Units;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Templates.Electronics.Bom;

/// <summary>A nested bill of materials of an electrical or electronic product: product → modules → parts, to any depth up to
/// <see cref="MaxDepth"/>. Read one from <c>pcf-bom/1</c> with <see cref="BomJson"/>, or make one in C#.</summary>
/// <remarks>The electronics template turns it into a product system whose processes are the nodes, so the engine gives the
/// contribution of every module and part. Walking it never recurses: a deep tree cannot exhaust the stack.</remarks>
/// <example><code>
/// var bom = new BillOfMaterials("Edge router",
/// [
///     BomNode.Module("mainboard",
///     [
///         BomNode.Part("soc", "act-logic", TemplateInput.Empty.Set("dieArea", Measure.Of(46.4, "mm2")).Set("node", "28nm")),
///         BomNode.Part("dram", "act-dram", TemplateInput.Empty.Set("capacity", Measure.Of(4, "GB")).Set("process", "ddr4_10nm")),
///     ]),
///     BomNode.Supplied("psu", "supplier/acme-psu-65w"),
/// ]) { ProductMass = Quantity.Of(1.2, Unit.Kilogram) };
/// </code></example>
/// <param name="Name">The product's name.</param>
/// <param name="Nodes">The top-level nodes (modules and parts) of one piece of the product.</param>
/// <threadsafety>Immutable.</threadsafety>
public sealed record BillOfMaterials(string Name, ImmutableArray<BomNode> Nodes)
{
    /// <summary>The deepest nesting allowed: a top-level node is at depth 1.</summary>
    public const int MaxDepth = 16;

    /// <summary>The most nodes allowed in one bill of materials.</summary>
    public const int MaxNodes = 100_000;

    /// <summary>Gets a description.</summary>
    public string? Description { get; init; }

    /// <summary>Gets the mass of one piece of the product, if stated (the declared unit's mass).</summary>
    public Quantity? ProductMass { get; init; }

    /// <summary>Checks the bill of materials: ids, quantities, depth and size, that each node is a module, a modelled part or a
    /// supplied part, and each part's parameters against its model; every problem at once.</summary>
    /// <returns>The bill of materials, or every problem with its path (the JSON path of a node read from a file, else
    /// <c>$.nodes[i]...</c>).</returns>
    public ValidationResult<BillOfMaterials> Validate()
    {
        var problems = BomValidator.Validate(this);
        return problems.Count > 0 ? ValidationResult.Failure<BillOfMaterials>(problems) : ValidationResult.Success(this);
    }

    /// <inheritdoc/>
    public bool Equals(BillOfMaterials? other) =>
        other is not null && Name == other.Name && Nodes.SequenceEqual(other.Nodes) && Description == other.Description && ProductMass == other.ProductMass;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Name, Nodes.Length);
}
