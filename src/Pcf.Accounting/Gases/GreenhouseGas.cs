using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace Pcf.Accounting.Gases;

/// <summary>A greenhouse gas species, such as fossil CO2, biogenic methane, N2O or HFC-134a.</summary>
/// <remarks>
/// <para>Species are identified by <see cref="Id"/>; two instances with the same id are equal.
/// The built-in species are CO2 and CH4 split by <see cref="CarbonOrigin"/>
/// (<c>CO2-fossil</c>, <c>CO2-biogenic</c>, <c>CH4-fossil</c>, <c>CH4-biogenic</c>), and every
/// other species of the embedded IPCC GWP table under the table's name (<c>N2O</c>, <c>SF6</c>,
/// <c>NF3</c>, <c>HFC134a</c>, <c>CF4</c>, <c>C2F6</c> ...).</para>
/// <para><see cref="Find"/> also accepts the common spellings <c>CO2</c> and <c>CH4</c> (read as
/// fossil: biogenic carbon must be declared as such, as ISO 14067 reports it separately) and
/// IPCC names with a hyphen (<c>HFC-134a</c>). Users may define further species with
/// <see cref="Define"/> and give them factors in their own <see cref="GwpSet"/>.</para>
/// </remarks>
/// <threadsafety>Immutable.</threadsafety>
public sealed class GreenhouseGas : IEquatable<GreenhouseGas>, IComparable<GreenhouseGas>
{
    private GreenhouseGas(string id, string formula, string name, CarbonOrigin origin)
    {
        Id = id;
        Formula = formula;
        Name = name;
        Origin = origin;
    }

    /// <summary>Gets the stable identifier, such as <c>CO2-fossil</c> or <c>HFC134a</c>.</summary>
    public string Id { get; }

    /// <summary>Gets the chemical formula or IPCC name, such as <c>CO2</c> or <c>HFC134a</c>.</summary>
    public string Formula { get; }

    /// <summary>Gets a readable name, such as <c>carbon dioxide (fossil)</c>.</summary>
    public string Name { get; }

    /// <summary>Gets the origin of the carbon, for CO2 and CH4.</summary>
    public CarbonOrigin Origin { get; }

    /// <summary>Gets fossil carbon dioxide.</summary>
    public static GreenhouseGas Co2Fossil { get; } = new("CO2-fossil", "CO2", "carbon dioxide (fossil)", CarbonOrigin.Fossil);

    /// <summary>Gets biogenic carbon dioxide (from or to biomass).</summary>
    public static GreenhouseGas Co2Biogenic { get; } = new("CO2-biogenic", "CO2", "carbon dioxide (biogenic)", CarbonOrigin.Biogenic);

    /// <summary>Gets fossil methane.</summary>
    public static GreenhouseGas Ch4Fossil { get; } = new("CH4-fossil", "CH4", "methane (fossil)", CarbonOrigin.Fossil);

    /// <summary>Gets biogenic (non-fossil) methane.</summary>
    public static GreenhouseGas Ch4Biogenic { get; } = new("CH4-biogenic", "CH4", "methane (biogenic)", CarbonOrigin.Biogenic);

    /// <summary>Gets nitrous oxide.</summary>
    public static GreenhouseGas N2O { get; } = Table("N2O", "nitrous oxide");

    /// <summary>Gets sulphur hexafluoride.</summary>
    public static GreenhouseGas Sf6 { get; } = Table("SF6", "sulphur hexafluoride");

    /// <summary>Gets nitrogen trifluoride.</summary>
    public static GreenhouseGas Nf3 { get; } = Table("NF3", "nitrogen trifluoride");

    /// <summary>Gets HFC-23 (CHF3).</summary>
    public static GreenhouseGas Hfc23 { get; } = Table("HFC23", "HFC-23");

    /// <summary>Gets HFC-32 (CH2F2).</summary>
    public static GreenhouseGas Hfc32 { get; } = Table("HFC32", "HFC-32");

    /// <summary>Gets HFC-125 (CHF2CF3).</summary>
    public static GreenhouseGas Hfc125 { get; } = Table("HFC125", "HFC-125");

    /// <summary>Gets HFC-134a (CH2FCF3).</summary>
    public static GreenhouseGas Hfc134a { get; } = Table("HFC134a", "HFC-134a");

    /// <summary>Gets HFC-143a (CH3CF3).</summary>
    public static GreenhouseGas Hfc143a { get; } = Table("HFC143a", "HFC-143a");

    /// <summary>Gets HFC-152a (CH3CHF2).</summary>
    public static GreenhouseGas Hfc152a { get; } = Table("HFC152a", "HFC-152a");

    /// <summary>Gets tetrafluoromethane (PFC-14).</summary>
    public static GreenhouseGas Cf4 { get; } = Table("CF4", "tetrafluoromethane (PFC-14)");

    /// <summary>Gets hexafluoroethane (PFC-116).</summary>
    public static GreenhouseGas C2F6 { get; } = Table("C2F6", "hexafluoroethane (PFC-116)");

    /// <summary>Gets every built-in species: the named ones above and every species of the embedded IPCC table.</summary>
    public static IReadOnlyList<GreenhouseGas> All => Registry.All;

    /// <summary>Finds a built-in species by id or common spelling (<c>CO2</c>, <c>CH4</c>, <c>HFC-134a</c>).</summary>
    /// <param name="idOrAlias">The id or spelling; case-sensitive, as chemical formulas are.</param>
    /// <param name="gas">The species, when found.</param>
    /// <returns><see langword="true"/> when the species is known.</returns>
    public static bool TryFind(string? idOrAlias, [NotNullWhen(true)] out GreenhouseGas? gas)
    {
        gas = null;
        return idOrAlias is not null && Registry.ByAlias.TryGetValue(idOrAlias, out gas);
    }

    /// <summary>Finds a built-in species by id or common spelling.</summary>
    /// <param name="idOrAlias">The id or spelling, such as <c>SF6</c> or <c>CH4-biogenic</c>.</param>
    /// <returns>The species.</returns>
    /// <exception cref="KeyNotFoundException">No built-in species has that id or spelling.</exception>
    public static GreenhouseGas Find(string idOrAlias) => TryFind(idOrAlias, out var gas)
        ? gas
        : throw new KeyNotFoundException($"'{idOrAlias}' is not a known greenhouse gas. Known ids include CO2-fossil, CO2-biogenic, CH4-fossil, CH4-biogenic, N2O, SF6, NF3, HFC134a.");

    /// <summary>Defines a species that is not built in, for use with a user-defined <see cref="GwpSet"/>.</summary>
    /// <param name="id">A new id, distinct from every built-in id and alias.</param>
    /// <param name="name">A readable name.</param>
    /// <param name="origin">The origin of its carbon, if that matters.</param>
    /// <returns>The new species. It is not added to <see cref="All"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty or names a built-in species.</exception>
    public static GreenhouseGas Define(string id, string name, CarbonOrigin origin = CarbonOrigin.NotApplicable)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return Registry.ByAlias.ContainsKey(id)
            ? throw new ArgumentException($"'{id}' is a built-in greenhouse gas; use GreenhouseGas.Find.", nameof(id))
            : new GreenhouseGas(id, id, name, origin);
    }

    /// <inheritdoc/>
    public bool Equals(GreenhouseGas? other) => other is not null && string.Equals(Id, other.Id, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as GreenhouseGas);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Id);

    /// <summary>Orders species by id (ordinal), the fixed order in which sums over gases are taken.</summary>
    /// <param name="other">The other species.</param>
    /// <returns>The ordinal comparison of the ids.</returns>
    public int CompareTo(GreenhouseGas? other) => other is null ? 1 : string.CompareOrdinal(Id, other.Id);

    /// <summary>Returns the id.</summary>
    /// <returns>The id.</returns>
    public override string ToString() => Id;

    /// <summary>Compares two species by id.</summary>
    /// <param name="left">The left species.</param>
    /// <param name="right">The right species.</param>
    /// <returns><see langword="true"/> when both are null or have the same id.</returns>
    public static bool operator ==(GreenhouseGas? left, GreenhouseGas? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Compares two species by id.</summary>
    /// <param name="left">The left species.</param>
    /// <param name="right">The right species.</param>
    /// <returns><see langword="true"/> when the ids differ.</returns>
    public static bool operator !=(GreenhouseGas? left, GreenhouseGas? right) => !(left == right);

    /// <summary>Orders species by id.</summary>
    /// <param name="left">The left species.</param>
    /// <param name="right">The right species.</param>
    /// <returns>The comparison.</returns>
    public static bool operator <(GreenhouseGas? left, GreenhouseGas? right) => Compare(left, right) < 0;

    /// <summary>Orders species by id.</summary>
    /// <param name="left">The left species.</param>
    /// <param name="right">The right species.</param>
    /// <returns>The comparison.</returns>
    public static bool operator >(GreenhouseGas? left, GreenhouseGas? right) => Compare(left, right) > 0;

    /// <summary>Orders species by id.</summary>
    /// <param name="left">The left species.</param>
    /// <param name="right">The right species.</param>
    /// <returns>The comparison.</returns>
    public static bool operator <=(GreenhouseGas? left, GreenhouseGas? right) => Compare(left, right) <= 0;

    /// <summary>Orders species by id.</summary>
    /// <param name="left">The left species.</param>
    /// <param name="right">The right species.</param>
    /// <returns>The comparison.</returns>
    public static bool operator >=(GreenhouseGas? left, GreenhouseGas? right) => Compare(left, right) >= 0;

    private static int Compare(GreenhouseGas? left, GreenhouseGas? right) =>
        left is null ? (right is null ? 0 : -1) : left.CompareTo(right);

    private static GreenhouseGas Table(string tableName, string name) => new(tableName, tableName, name, CarbonOrigin.NotApplicable);

    internal static GreenhouseGas FromTable(string tableName) => new(tableName, tableName, tableName, CarbonOrigin.NotApplicable);

    /// <summary>Built lazily after the static properties, so it can reference them.</summary>
    private static class Registry
    {
        internal static readonly IReadOnlyList<GreenhouseGas> All;
        internal static readonly FrozenDictionary<string, GreenhouseGas> ByAlias;

        static Registry()
        {
            var named = new[] { Co2Fossil, Co2Biogenic, Ch4Fossil, Ch4Biogenic, N2O, Sf6, Nf3, Hfc23, Hfc32, Hfc125, Hfc134a, Hfc143a, Hfc152a, Cf4, C2F6 };
            var byId = named.ToDictionary(g => g.Id, StringComparer.Ordinal);
            foreach (var species in IpccGwpTable.Species)
            {
                // The table's CH4 row is split by origin above; every other row is one species.
                if (species != "CH4" && !byId.ContainsKey(species))
                {
                    byId[species] = FromTable(species);
                }
            }

            All = byId.Values.OrderBy(g => g.Id, StringComparer.Ordinal).ToArray();
            var aliases = new Dictionary<string, GreenhouseGas>(byId, StringComparer.Ordinal)
            {
                ["CO2"] = Co2Fossil,
                ["CH4"] = Ch4Fossil,
                ["CO2-non-fossil"] = Co2Biogenic,
                ["CH4-non-fossil"] = Ch4Biogenic,
            };
            foreach (var gas in All)
            {
                // IPCC tables write "HFC-134a", "HCFC-22", "HFE-125"; the data file writes "HFC134a".
                var hyphenated = Hyphenate(gas.Id);
                if (hyphenated is not null)
                {
                    aliases.TryAdd(hyphenated, gas);
                }
            }

            ByAlias = aliases.ToFrozenDictionary(StringComparer.Ordinal);
        }

        private static string? Hyphenate(string id)
        {
            foreach (var prefix in (ReadOnlySpan<string>)["HCFC", "HFC", "HFE", "CFC", "HCFE"])
            {
                if (id.StartsWith(prefix, StringComparison.Ordinal) && id.Length > prefix.Length && char.IsAsciiDigit(id[prefix.Length]))
                {
                    return prefix + "-" + id[prefix.Length..];
                }
            }

            return null;
        }
    }
}
