namespace Pcf.Accounting.Results;

/// <summary>A view over a result's inventory: a set of numbers computed from it, such as the CBAM specific embedded
/// emissions or the footprint by supplier. Register one with <c>AddView&lt;T&gt;()</c> and every calculation carries it.</summary>
/// <remarks>
/// <para>A view reads <see cref="FootprintResult.Inventory"/> (and the standard views of the result it is given) and never
/// calls back into the engine, so it computes the same numbers from a result read back from <c>pcf-result/1</c>.
/// Its output travels with the result (<see cref="FootprintResult.Views"/>), is written to <c>pcf-result/1</c> under
/// <c>views</c>, shown by the CLI, and reachable from reference vectors as <c>views[id].lines[key].value</c>.</para>
/// <para>Implementations must be deterministic and thread-safe: one instance serves every calculation.</para>
/// </remarks>
/// <example><code>
/// public sealed class BySupplierView : IFootprintView
/// {
///     public string Id => "by-supplier";
///     public string Title => "Footprint by supplier";
///     public ViewResult Compute(FootprintResult result) => new(Id, Title,
///         [.. result.ByTagName("supplier").Select(g => new ViewLine(g.Value ?? "(none)", g.Value ?? "(none)", g.Co2e, "kg CO2e"))]);
/// }
/// </code></example>
public interface IFootprintView
{
    /// <summary>Gets the view's id: lower-case letters, digits and <c>-</c>, unique among the registered views.</summary>
    string Id { get; }

    /// <summary>Gets the view's title.</summary>
    string Title { get; }

    /// <summary>Computes the view.</summary>
    /// <param name="result">The result, with its inventory and standard views; its <see cref="FootprintResult.Views"/> are not yet filled.</param>
    /// <returns>The view's numbers.</returns>
    ViewResult Compute(FootprintResult result);
}
