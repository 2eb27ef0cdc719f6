using System.Collections.Frozen;
using System.Collections.Immutable;

namespace Pcf.Accounting.Factors;

/// <summary>Which region contains which (child -> parent), walked upwards when no factor exists for the requested region.</summary>
/// <remarks>
/// <para>Region ids compare ignoring case. A region with no parent is a root; <c>GLO</c> (the world) ends every
/// chain when the <see cref="FallbackPolicy"/> says so.</para>
/// <para><see cref="China"/> maps the 31 mainland provinces (ISO 3166-2:CN codes such as <c>CN-JS</c>) to the seven
/// regional grids of the MEE grid-factor announcements, the grids to <c>CN</c>: see docs/factors.md for the ids and sources.
/// <see cref="World"/> adds the EU (member states -> <c>EU</c>, German states -> <c>DE</c>) and the United States (states
/// and eGRID subregions -> <c>US</c>).</para>
/// <para><see cref="Proxies"/> are regions tried after <c>GLO</c>: data of one country used for any other (such as UK
/// fuel factors), only when nothing nearer exists, and recorded as a region fallback like any other step.</para>
/// </remarks>
/// <threadsafety>Immutable.</threadsafety>
public sealed class RegionHierarchy
{
    /// <summary>The id of the whole world.</summary>
    public const string Global = "GLO";

    private readonly FrozenDictionary<string, string> _parents;

    private RegionHierarchy(FrozenDictionary<string, string> parents, ImmutableArray<string> proxies)
    {
        _parents = parents;
        Proxies = proxies;
    }

    /// <summary>Gets a hierarchy with no regions (every region is a root).</summary>
    public static RegionHierarchy Empty { get; } = new(FrozenDictionary<string, string>.Empty, []);

    /// <summary>Gets the built-in China hierarchy: province -> regional grid -> <c>CN</c>.</summary>
    /// <remarks>
    /// Grid ids: <c>CN-GRID-NORTH</c> (华北), <c>CN-GRID-NORTHEAST</c> (东北), <c>CN-GRID-EAST</c> (华东),
    /// <c>CN-GRID-CENTRAL</c> (华中), <c>CN-GRID-NORTHWEST</c> (西北), <c>CN-GRID-SOUTH</c> (南方),
    /// <c>CN-GRID-SOUTHWEST</c> (西南). Inner Mongolia (<c>CN-NM</c>), split between the North and Northeast grids,
    /// maps to the North grid (its western part, the larger load).
    /// </remarks>
    public static RegionHierarchy China { get; } = Create(ChinaParents());

    /// <summary>Gets the built-in world hierarchy: <see cref="China"/>, the 27 EU member states -> <c>EU</c>, the 16 German states
    /// (ISO 3166-2:DE, such as <c>DE-BY</c> Bavaria) -> <c>DE</c>, the 50 US states and the District of Columbia (ISO 3166-2:US)
    /// and the 27 eGRID subregions (<c>US-EGRID-CAMX</c> ...) -> <c>US</c>.</summary>
    /// <remarks>A German plant (<c>DE-BY</c>) walks <c>DE-BY</c> -> <c>DE</c> -> <c>EU</c> -> <c>GLO</c>. Member states use
    /// ISO 3166-1 alpha-2 codes (Greece is <c>GR</c>). The United Kingdom (<c>GB</c>) is not in the EU.</remarks>
    public static RegionHierarchy World { get; } = Create(ChinaParents().Concat(EuropeParents()).Concat(UnitedStatesParents()));

    /// <summary>Gets the child -> parent pairs.</summary>
    public IReadOnlyDictionary<string, string> Parents => _parents;

    /// <summary>Gets the proxy regions, tried in this order after <c>GLO</c> (and only when the chain ends with <c>GLO</c>).</summary>
    public ImmutableArray<string> Proxies { get; }

    /// <summary>Creates a hierarchy from child -> parent pairs.</summary>
    /// <param name="parents">The pairs; a child appears once.</param>
    /// <returns>The hierarchy.</returns>
    /// <exception cref="ArgumentException">A child appears twice, a region is empty, or the pairs form a cycle.</exception>
    public static RegionHierarchy Create(IEnumerable<KeyValuePair<string, string>> parents)
    {
        ArgumentNullException.ThrowIfNull(parents);
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (child, parent) in parents)
        {
            if (string.IsNullOrWhiteSpace(child) || string.IsNullOrWhiteSpace(parent))
            {
                throw new ArgumentException("Region ids must not be empty.", nameof(parents));
            }

            if (!map.TryAdd(child, parent))
            {
                throw new ArgumentException($"The region '{child}' has two parents.", nameof(parents));
            }
        }

        // Iterative cycle check: walk up from every region, at most map.Count steps.
        foreach (var start in map.Keys)
        {
            string current = start;
            for (int steps = 0; map.TryGetValue(current, out var next); steps++)
            {
                if (steps > map.Count || string.Equals(next, start, StringComparison.OrdinalIgnoreCase))
                {
                    throw new ArgumentException($"The region hierarchy has a cycle through '{start}'.", nameof(parents));
                }

                current = next;
            }
        }

        return new RegionHierarchy(map.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase), []);
    }

    /// <summary>Returns this hierarchy with more pairs; a pair for an existing child replaces its parent.</summary>
    /// <param name="parents">The child -> parent pairs to add.</param>
    /// <returns>The combined hierarchy.</returns>
    /// <exception cref="ArgumentException">The result has a cycle.</exception>
    public RegionHierarchy With(IEnumerable<KeyValuePair<string, string>> parents)
    {
        ArgumentNullException.ThrowIfNull(parents);
        var map = new Dictionary<string, string>(_parents, StringComparer.OrdinalIgnoreCase);
        foreach (var (child, parent) in parents)
        {
            map[child] = parent;
        }

        return Create(map).WithProxies(Proxies);
    }

    /// <summary>Returns this hierarchy with proxy regions: tried, in the order given, after <c>GLO</c>.</summary>
    /// <param name="proxies">The proxy regions, such as <c>GB</c> for the UK government's fuel and material factors.</param>
    /// <returns>The hierarchy with these proxies (replacing any it had).</returns>
    /// <exception cref="ArgumentException">A proxy is empty.</exception>
    /// <example><code>var policy = FallbackPolicy.Default with { Regions = RegionHierarchy.World.WithProxies(["GB"]) };</code></example>
    public RegionHierarchy WithProxies(IEnumerable<string> proxies)
    {
        ArgumentNullException.ThrowIfNull(proxies);
        var list = proxies.ToImmutableArray();
        if (list.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("Proxy region ids must not be empty.", nameof(proxies));
        }

        return new RegionHierarchy(_parents, list);
    }

    /// <summary>Gets the chain of regions from <paramref name="region"/> upwards: itself, its parent, ..., and <c>GLO</c> when asked, then the <see cref="Proxies"/>.</summary>
    /// <param name="region">The region; <see langword="null"/> or empty for <c>GLO</c>.</param>
    /// <param name="endWithGlobal">Whether <c>GLO</c> (and after it the proxies) ends the chain.</param>
    /// <returns>The chain, without repeats.</returns>
    public IReadOnlyList<string> Chain(string? region, bool endWithGlobal = true)
    {
        var chain = new List<string>(4) { string.IsNullOrWhiteSpace(region) ? Global : region };
        while (_parents.TryGetValue(chain[^1], out var parent) && chain.Count <= _parents.Count)
        {
            chain.Add(parent);
        }

        if (endWithGlobal)
        {
            if (!chain.Contains(Global, StringComparer.OrdinalIgnoreCase))
            {
                chain.Add(Global);
            }

            foreach (var proxy in Proxies)
            {
                if (!chain.Contains(proxy, StringComparer.OrdinalIgnoreCase))
                {
                    chain.Add(proxy);
                }
            }
        }

        return chain;
    }

    private static IEnumerable<KeyValuePair<string, string>> ChinaParents()
    {
        // Province -> regional grid, as grouped in the MEE/NBS grid emission factor announcements (2022, 2023 data)
        // and in NDRC's earlier regional grid baseline factors. Six grids transcribed [S] from a public front-end
        // (find_string id 21627091156: 华北 BJ TJ HE SX SD NM(west); 东北 LN JL HL NM(east); 华东 SH JS ZJ AH FJ;
        // 华中 HA HB HN JX SC CQ; 西北 SN GS QH NX XJ; 南方 GD GX YN GZ HI). The Southwest grid (西南), split from
        // Central in the 2022/2023 announcements, takes SC, CQ and XZ [U]: membership from recall, not read.
        var grids = new (string Grid, string[] Provinces)[]
        {
            ("CN-GRID-NORTH", ["CN-BJ", "CN-TJ", "CN-HE", "CN-SX", "CN-SD", "CN-NM"]),
            ("CN-GRID-NORTHEAST", ["CN-LN", "CN-JL", "CN-HL"]),
            ("CN-GRID-EAST", ["CN-SH", "CN-JS", "CN-ZJ", "CN-AH", "CN-FJ"]),
            ("CN-GRID-CENTRAL", ["CN-HA", "CN-HB", "CN-HN", "CN-JX"]),
            ("CN-GRID-NORTHWEST", ["CN-SN", "CN-GS", "CN-QH", "CN-NX", "CN-XJ"]),
            ("CN-GRID-SOUTH", ["CN-GD", "CN-GX", "CN-YN", "CN-GZ", "CN-HI"]),
            ("CN-GRID-SOUTHWEST", ["CN-SC", "CN-CQ", "CN-XZ"]),
        };
        foreach (var (grid, provinces) in grids)
        {
            yield return new(grid, "CN");
            foreach (var province in provinces)
            {
                yield return new(province, grid);
            }
        }
    }

    private static IEnumerable<KeyValuePair<string, string>> EuropeParents()
    {
        // The 27 EU member states (ISO 3166-1 alpha-2; Greece GR, not the EU's EL), and Germany's 16 Laender (ISO 3166-2:DE).
        string[] members = ["AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE"];
        foreach (var member in members)
        {
            yield return new(member, "EU");
        }

        string[] laender = ["DE-BW", "DE-BY", "DE-BE", "DE-BB", "DE-HB", "DE-HH", "DE-HE", "DE-MV", "DE-NI", "DE-NW", "DE-RP", "DE-SL", "DE-SN", "DE-ST", "DE-SH", "DE-TH"];
        foreach (var land in laender)
        {
            yield return new(land, "DE");
        }
    }

    private static IEnumerable<KeyValuePair<string, string>> UnitedStatesParents()
    {
        // The 50 states and DC (ISO 3166-2:US), and the 27 eGRID subregions of EPA's eGRID2021/2022 (the subregions do not
        // follow state borders, so a state does not map to a subregion: a plant that knows its subregion names it).
        string[] states =
        [
            "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO",
            "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "DC",
        ];
        foreach (var state in states)
        {
            yield return new("US-" + state, "US");
        }

        string[] subregions =
        [
            "AKGD", "AKMS", "AZNM", "CAMX", "ERCT", "FRCC", "HIMS", "HIOA", "MROE", "MROW", "NEWE", "NWPP", "NYCW", "NYLI", "NYUP", "PRMS",
            "RFCE", "RFCM", "RFCW", "RMPA", "SPNO", "SPSO", "SRMV", "SRMW", "SRSO", "SRTV", "SRVC",
        ];
        foreach (var subregion in subregions)
        {
            yield return new("US-EGRID-" + subregion, "US");
        }
    }
}
