using System.Collections.Immutable;

namespace Pcf.Accounting.Templates.Electronics.Bom;

/// <summary>One node of a bill of materials: a module (a node with children, such as a main board), a part computed by a
/// parametric model (a logic die by area and node, a DRAM module by capacity), or a part whose footprint a supplier gives
/// (a factor key, such as a PACT ProductFootprint file loaded with <c>--factors key=file.pact.json</c>).</summary>
/// <remarks>
/// <para>Exactly one of <see cref="Children"/> (non-empty), <see cref="Model"/> and <see cref="FactorKey"/> is set. The parent
/// uses <see cref="Quantity"/> pieces of the node. Ids are 1 to 64 letters, digits, <c>_</c>, <c>-</c> and <c>.</c>, unique among
/// siblings; a node is named by its path of ids, such as <c>mainboard/cpu</c>.</para>
/// <para>Make nodes with <see cref="Module"/>, <see cref="Part"/> and <see cref="Supplied"/>; <see cref="BillOfMaterials.Validate"/>
/// checks them.</para>
/// </remarks>
/// <threadsafety>Immutable.</threadsafety>
public sealed record BomNode
{
    private BomNode(string id) => Id = id;

    /// <summary>Gets the id, unique among the node's siblings.</summary>
    public string Id { get; private init; }

    /// <summary>Gets a readable name, if given.</summary>
    public string? Name { get; init; }

    /// <summary>Gets how many pieces of this node its parent uses (a count; finite and positive).</summary>
    /// <value>The default value is 1.</value>
    public double Quantity { get; init; } = 1;

    /// <summary>Gets the children of a module.</summary>
    public ImmutableArray<BomNode> Children { get; private init; } = [];

    /// <summary>Gets the part model's id (such as <c>act-logic</c> or <c>boavizta-psu</c>) of a modelled part.</summary>
    public string? Model { get; private init; }

    /// <summary>Gets the values of the part model's parameters, checked against the model when the BOM is validated.</summary>
    public TemplateInput Parameters { get; private init; } = TemplateInput.Empty;

    /// <summary>Gets the factor key of a supplied part: its footprint per piece comes from that factor (a supplier's PACT
    /// footprint is primary data).</summary>
    public string? FactorKey { get; private init; }

    /// <summary>Gets the part type hotspots group by (such as <c>psu</c>); <see langword="null"/> for the model's own type
    /// (<c>supplied-part</c> for a supplied part).</summary>
    public string? PartType { get; init; }

    /// <summary>Gets the JSON path the node was read from (such as <c>$.nodes[0].nodes[2]</c>), or an empty string for a node made in C#.</summary>
    public string SourcePath { get; init; } = string.Empty;

    /// <summary>Gets a value indicating whether the node is a module (it has children).</summary>
    public bool IsModule => !Children.IsEmpty;

    /// <summary>Makes a module.</summary>
    /// <param name="id">The id.</param>
    /// <param name="children">The children.</param>
    /// <param name="quantity">How many pieces the parent uses.</param>
    /// <returns>The node.</returns>
    public static BomNode Module(string id, IEnumerable<BomNode> children, double quantity = 1)
    {
        ArgumentNullException.ThrowIfNull(children);
        return new BomNode(id ?? string.Empty) { Children = [.. children], Quantity = quantity };
    }

    /// <summary>Makes a part computed by a parametric model.</summary>
    /// <param name="id">The id.</param>
    /// <param name="model">The part model's id, such as <c>act-logic</c>.</param>
    /// <param name="parameters">The model's parameter values; <see langword="null"/> for its defaults.</param>
    /// <param name="quantity">How many pieces the parent uses.</param>
    /// <returns>The node.</returns>
    /// <example><code>
    /// BomNode.Part("cpu", "act-logic", TemplateInput.Empty.Set("dieArea", Measure.Of(6.98, "cm2")).Set("node", "28nm"), quantity: 2);
    /// </code></example>
    public static BomNode Part(string id, string model, TemplateInput? parameters = null, double quantity = 1) =>
        new(id ?? string.Empty) { Model = model, Parameters = parameters ?? TemplateInput.Empty, Quantity = quantity };

    /// <summary>Makes a part whose footprint per piece is a factor: a supplier's footprint, or any factor of the providers.</summary>
    /// <param name="id">The id.</param>
    /// <param name="factorKey">The factor key, such as the key given to <c>--factors key=psu.pact.json</c>.</param>
    /// <param name="quantity">How many pieces the parent uses.</param>
    /// <returns>The node.</returns>
    public static BomNode Supplied(string id, string factorKey, double quantity = 1) =>
        new(id ?? string.Empty) { FactorKey = factorKey, Quantity = quantity };

    /// <inheritdoc/>
    public bool Equals(BomNode? other) =>
        other is not null && Id == other.Id && Name == other.Name && Quantity.Equals(other.Quantity) && Children.SequenceEqual(other.Children)
        && Model == other.Model && FactorKey == other.FactorKey && PartType == other.PartType && SourcePath == other.SourcePath
        && Parameters.Values.Count == other.Parameters.Values.Count
        && Parameters.Values.All(kv => other.Parameters.Values.TryGetValue(kv.Key, out var v) && Equals(kv.Value, v));

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Id, Model, FactorKey, Children.Length);
}
