using System.Text.Json.Serialization;
using Pcf.Accounting.Pact.Json;

namespace Pcf.Accounting.Pact;

/// <summary>A cross-sectoral standard applied to calculate or allocate emissions (PACT 3.0 <c>crossSectoralStandards</c> item).</summary>
/// <remarks>
/// The list in the specification is open: "a host system MUST accept ProductFootprints from later
/// revisions with values that are not defined in this specification". So this is a string value with
/// the known values as statics, not a closed enum; <see cref="IsKnown"/> tells them apart.
/// </remarks>
/// <param name="Value">The value as written, such as <c>ISO14067</c>.</param>
/// <threadsafety>Immutable value type.</threadsafety>
[JsonConverter(typeof(CrossSectoralStandardConverter))]
public readonly record struct CrossSectoralStandard(string Value)
{
    /// <summary>Gets <c>ISO14067</c>: ISO 14067, carbon footprint of products.</summary>
    public static CrossSectoralStandard Iso14067 { get; } = new("ISO14067");

    /// <summary>Gets <c>ISO14083</c>: ISO 14083, transport chain operations.</summary>
    public static CrossSectoralStandard Iso14083 { get; } = new("ISO14083");

    /// <summary>Gets <c>ISO14040-44</c>: ISO 14040 and 14044, life cycle assessment.</summary>
    public static CrossSectoralStandard Iso14040And44 { get; } = new("ISO14040-44");

    /// <summary>Gets <c>GHGP-Product</c>: the GHG Protocol Product Standard.</summary>
    public static CrossSectoralStandard GhgpProduct { get; } = new("GHGP-Product");

    /// <summary>Gets <c>PEF</c>: the EU Product Environmental Footprint guide.</summary>
    public static CrossSectoralStandard Pef { get; } = new("PEF");

    /// <summary>Gets <c>PACT-1.0</c>.</summary>
    public static CrossSectoralStandard Pact10 { get; } = new("PACT-1.0");

    /// <summary>Gets <c>PACT-2.0</c>.</summary>
    public static CrossSectoralStandard Pact20 { get; } = new("PACT-2.0");

    /// <summary>Gets <c>PACT-3.0</c>: the PACT Methodology 3.0 (recommended).</summary>
    public static CrossSectoralStandard Pact30 { get; } = new("PACT-3.0");

    /// <summary>Gets <c>PAS2050</c> (permitted, not recommended).</summary>
    public static CrossSectoralStandard Pas2050 { get; } = new("PAS2050");

    /// <summary>Gets the values PACT 3.0 defines.</summary>
    public static IReadOnlyList<CrossSectoralStandard> Known { get; } =
        [Iso14067, Iso14083, Iso14040And44, GhgpProduct, Pef, Pact10, Pact20, Pact30, Pas2050];

    /// <summary>Gets a value indicating whether PACT 3.0 defines this value.</summary>
    public bool IsKnown => Known.Contains(this);

    /// <summary>Returns <see cref="Value"/>.</summary>
    /// <returns>The value.</returns>
    public override string ToString() => Value ?? string.Empty;
}
