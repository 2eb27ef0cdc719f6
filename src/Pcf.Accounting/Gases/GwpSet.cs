using System.Collections.Frozen;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;

namespace Pcf.Accounting.Gases;

/// <summary>A set of characterization factors (kg CO2e per kg of gas) for one horizon and report, such as IPCC AR6 GWP100.</summary>
/// <remarks>
/// <para>The built-in sets are GWP100 values of IPCC reports: <see cref="Ar4"/>, <see cref="Ar5"/>,
/// <see cref="Ar5WithClimateCarbonFeedback"/> and <see cref="Ar6"/> (the default, as ISO 14067
/// asks for the latest assessment report). Their values are data: the embedded CC0 table of
/// openclimatedata/globalwarmingpotentials, whose header names the primary source of each column,
/// plus CO2 = 1 and AR6's split of methane by origin (fossil 29.8, non-fossil 27.0, IPCC AR6 WG1
/// Ch.7 Table 7.15).</para>
/// <para>Users define their own sets (another horizon, a regulator's list) with <see cref="Create"/>.</para>
/// </remarks>
/// <threadsafety>Immutable.</threadsafety>
[TypeConverter(typeof(GwpSetTypeConverter))]
public sealed class GwpSet
{
    private static readonly Lazy<FrozenDictionary<string, GwpSet>> BuiltIn = new(LoadBuiltIn);
    private readonly FrozenDictionary<GreenhouseGas, double> _factors;

    private GwpSet(string id, string name, string source, int horizonYears, FrozenDictionary<GreenhouseGas, double> factors)
    {
        Id = id;
        Name = name;
        Source = source;
        HorizonYears = horizonYears;
        _factors = factors;
        Gases = [.. factors.Keys.Order()];
    }

    /// <summary>Gets the identifier: <c>AR4</c>, <c>AR5</c>, <c>AR5-ccf</c>, <c>AR6</c>, or a user's own.</summary>
    /// <remarks>The built-in ids are the names PACT's <c>ipccCharacterizationFactors</c> uses (<c>AR6</c>, <c>AR5</c>).</remarks>
    public string Id { get; }

    /// <summary>Gets a readable name, such as <c>IPCC AR6 GWP100</c>.</summary>
    public string Name { get; }

    /// <summary>Gets the citation of the values: publisher, document, table and year.</summary>
    public string Source { get; }

    /// <summary>Gets the time horizon in years (100 for every built-in set).</summary>
    public int HorizonYears { get; }

    /// <summary>Gets the gases this set characterizes, ordered by id.</summary>
    public IReadOnlyList<GreenhouseGas> Gases { get; }

    /// <summary>Gets IPCC AR4 (2007) GWP100, as tabulated by the GHG Protocol (Feb 2016).</summary>
    public static GwpSet Ar4 => BuiltIn.Value["AR4"];

    /// <summary>Gets IPCC AR5 (2013) GWP100 without climate-carbon feedback, as tabulated by the GHG Protocol (Feb 2016).</summary>
    public static GwpSet Ar5 => BuiltIn.Value["AR5"];

    /// <summary>Gets IPCC AR5 (2013) GWP100 with climate-carbon feedback (AR5 WG1 Ch.8 Table 8.7 and Table 8.SM.16).</summary>
    public static GwpSet Ar5WithClimateCarbonFeedback => BuiltIn.Value["AR5-ccf"];

    /// <summary>Gets IPCC AR6 (2021) GWP100 (AR6 WG1 Ch.7 Table 7.15 and Supplementary Table 7.SM.7): the default.</summary>
    public static GwpSet Ar6 => BuiltIn.Value["AR6"];

    /// <summary>Gets the built-in sets, oldest first.</summary>
    public static IReadOnlyList<GwpSet> All => [Ar4, Ar5, Ar5WithClimateCarbonFeedback, Ar6];

    /// <summary>Finds a built-in set by id (<c>AR4</c>, <c>AR5</c>, <c>AR5-ccf</c>, <c>AR6</c>), ignoring case.</summary>
    /// <param name="id">The id.</param>
    /// <param name="set">The set, when found.</param>
    /// <returns><see langword="true"/> when the id is known.</returns>
    public static bool TryFind(string? id, [NotNullWhen(true)] out GwpSet? set)
    {
        set = null;
        return id is not null && BuiltIn.Value.TryGetValue(id.ToUpperInvariant().Replace("-CCF", "-ccf", StringComparison.Ordinal), out set);
    }

    /// <summary>Finds a built-in set by id.</summary>
    /// <param name="id">The id: <c>AR4</c>, <c>AR5</c>, <c>AR5-ccf</c> or <c>AR6</c>.</param>
    /// <returns>The set.</returns>
    /// <exception cref="KeyNotFoundException">The id is not a built-in set.</exception>
    public static GwpSet Find(string id) => TryFind(id, out var set)
        ? set
        : throw new KeyNotFoundException($"'{id}' is not a known GWP set; use AR4, AR5, AR5-ccf or AR6.");

    /// <summary>Creates a user-defined set.</summary>
    /// <param name="id">The identifier.</param>
    /// <param name="name">A readable name.</param>
    /// <param name="source">The citation of the values (publisher, document, table, year).</param>
    /// <param name="factors">kg CO2e per kg of each gas; finite and non-negative.</param>
    /// <param name="horizonYears">The time horizon in years.</param>
    /// <returns>The set.</returns>
    /// <exception cref="ArgumentException">An argument is empty, a gas repeats, or a factor is negative or not finite.</exception>
    public static GwpSet Create(string id, string name, string source, IEnumerable<KeyValuePair<GreenhouseGas, double>> factors, int horizonYears = 100)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        ArgumentNullException.ThrowIfNull(factors);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(horizonYears);
        var map = new Dictionary<GreenhouseGas, double>();
        foreach (var (gas, factor) in factors)
        {
            ArgumentNullException.ThrowIfNull(gas, nameof(factors));
            if (!double.IsFinite(factor) || factor < 0)
            {
                throw new ArgumentException($"The factor of {gas} must be finite and non-negative; it is {factor}.", nameof(factors));
            }

            if (!map.TryAdd(gas, factor))
            {
                throw new ArgumentException($"{gas} is given twice.", nameof(factors));
            }
        }

        return new GwpSet(id, name, source, horizonYears, map.ToFrozenDictionary());
    }

    /// <summary>Gets the factor of a gas, in kg CO2e per kg.</summary>
    /// <param name="gas">The gas.</param>
    /// <param name="factor">The factor, when the set has one.</param>
    /// <returns><see langword="true"/> when the set characterizes the gas.</returns>
    public bool TryGetFactor(GreenhouseGas gas, out double factor)
    {
        ArgumentNullException.ThrowIfNull(gas);
        return _factors.TryGetValue(gas, out factor);
    }

    /// <summary>Gets the factor of a gas, in kg CO2e per kg.</summary>
    /// <param name="gas">The gas.</param>
    /// <returns>The factor.</returns>
    /// <exception cref="KeyNotFoundException">The set has no factor for the gas.</exception>
    public double FactorOf(GreenhouseGas gas) => TryGetFactor(gas, out double factor)
        ? factor
        : throw new KeyNotFoundException($"The GWP set {Id} has no factor for {gas}.");

    /// <summary>Returns the id.</summary>
    /// <returns>The id.</returns>
    public override string ToString() => Id;

    private static FrozenDictionary<string, GwpSet> LoadBuiltIn()
    {
        const string Table = "openclimatedata/globalwarmingpotentials (CC0), commit fc4e6f48 (2026-03-26)";
        var sets = new[]
        {
            Build("AR4", "IPCC AR4 GWP100", "AR4GWP100", ch4: null,
                $"IPCC AR4 (2007) GWP100 as tabulated in GHG Protocol 'Global Warming Potential Values' (Feb 16 2016); via {Table}"),
            Build("AR5", "IPCC AR5 GWP100", "AR5GWP100", ch4: null,
                $"IPCC AR5 (2013) WG1 Ch.8 GWP100 without climate-carbon feedback, as tabulated in GHG Protocol 'Global Warming Potential Values' (Feb 16 2016); via {Table}"),
            Build("AR5-ccf", "IPCC AR5 GWP100 with climate-carbon feedback", "AR5CCFGWP100", ch4: null,
                $"IPCC AR5 (2013) WG1 Ch.8 Table 8.7 and Table 8.SM.16, GWP100 with climate-carbon feedback; via {Table}"),
            // IPCC AR6 WG1 Ch.7 Table 7.15: CH4-fossil 29.8, CH4-non-fossil 27.0.
            Build("AR6", "IPCC AR6 GWP100", "AR6GWP100", ch4: (29.8, 27.0),
                $"IPCC AR6 (2021) WG1 Ch.7 Supplementary Table 7.SM.7; methane by origin from Table 7.15 (fossil 29.8, non-fossil 27.0); via {Table}"),
        };
        return sets.ToFrozenDictionary(s => s.Id, StringComparer.Ordinal);
    }

    private static GwpSet Build(string id, string name, string column, (double Fossil, double NonFossil)? ch4, string source)
    {
        // CO2 is the reference gas: GWP = 1 by definition, whatever the origin of its carbon.
        var factors = new Dictionary<GreenhouseGas, double>
        {
            [GreenhouseGas.Co2Fossil] = 1,
            [GreenhouseGas.Co2Biogenic] = 1,
        };
        foreach (var (species, value) in IpccGwpTable.Column(column))
        {
            if (species == "CH4")
            {
                // AR4/AR5 (GHG Protocol 2016 table) give one methane value for both origins.
                factors[GreenhouseGas.Ch4Fossil] = ch4?.Fossil ?? value;
                factors[GreenhouseGas.Ch4Biogenic] = ch4?.NonFossil ?? value;
            }
            else
            {
                factors[GreenhouseGas.Find(species)] = value;
            }
        }

        return new GwpSet(id, name, source, 100, factors.ToFrozenDictionary());
    }
}
