using System.Collections.Immutable;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Pcf.Accounting.Units;

namespace Pcf.Accounting.Factors;

/// <summary>An indexed, immutable set of emission factors: finds the best factor for a request with the fallbacks of a <see cref="FallbackPolicy"/>, and lists factors by text, region and year.</summary>
/// <remarks>
/// <para>Keys and regions compare ignoring case. Several factors may share a key, region and year when their units
/// differ (natural gas per TJ and per Nm3): the one in the requested unit wins, then one of the same dimension.</para>
/// <para>Lookup: for each candidate (region, year) in the policy's order, the first factor of the requested dimension
/// wins. A factor of another dimension is never converted: if one was found and none of the right dimension,
/// <see cref="Find(FactorRequest, string, FallbackPolicy?)"/> answers <see cref="FactorLookupStatus.WrongDimension"/>.</para>
/// </remarks>
/// <threadsafety>Immutable and thread-safe.</threadsafety>
public sealed class FactorCatalog
{
    // Keys and regions (ignoring case) numbered in order of appearance; (key number, region number) -> factors, latest
    // year first (year-less factors last), document order among equal years.
    // Implementation note: one flat table of numbers rather than a table of tables per key: a 100,000-factor dataset has
    // tens of thousands of keys, and a dictionary per key made building the catalog cost more than reading the file; a
    // lookup then hashes the key once, and each region up the chain is a number.
    private readonly Dictionary<string, int> _keys = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> _regions = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<long, EmissionFactor[]> _index;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="factors">The factors.</param>
    /// <exception cref="ArgumentNullException"><paramref name="factors"/> is <see langword="null"/>.</exception>
    public FactorCatalog(IEnumerable<EmissionFactor> factors)
        : this([.. factors ?? throw new ArgumentNullException(nameof(factors))], owned: true)
    {
    }

    private FactorCatalog(ImmutableArray<EmissionFactor> factors, bool owned)
    {
        Debug.Assert(owned, "The catalog keeps the array.");
        Factors = factors;
        _index = new(Factors.Length);
        foreach (var factor in Factors)
        {
            ArgumentNullException.ThrowIfNull(factor, nameof(factors));
            ref var list = ref CollectionsMarshal.GetValueRefOrAddDefault(_index, Pair(Number(_keys, factor.Key), Number(_regions, factor.Region)), out _);
            list = list is null ? [factor] : Insert(list, factor);
        }
    }

    private static int Number(Dictionary<string, int> numbers, string text)
    {
        ref int number = ref CollectionsMarshal.GetValueRefOrAddDefault(numbers, text, out bool exists);
        if (!exists)
        {
            number = numbers.Count - 1;
        }

        return number;
    }

    private static long Pair(int key, int region) => ((long)key << 32) | (uint)region;

    /// <summary>Gets a catalog of the factors in <paramref name="factors"/>, which it keeps without a copy: the array must not change afterwards.</summary>
    internal static FactorCatalog Own(EmissionFactor[] factors) => new(ImmutableCollectionsMarshal.AsImmutableArray(factors), owned: true);

    /// <summary>Gets an empty catalog.</summary>
    public static FactorCatalog Empty { get; } = new([]);

    /// <summary>Gets every factor, in the order given.</summary>
    public ImmutableArray<EmissionFactor> Factors { get; }

    /// <summary>Gets the number of factors.</summary>
    public int Count => Factors.Length;

    /// <summary>Gets the distinct keys, ordered.</summary>
    public IEnumerable<string> Keys => _keys.Keys.Order(StringComparer.OrdinalIgnoreCase);

    /// <summary>Finds the best factor for a request, applying the policy's fallbacks and recording them.</summary>
    /// <param name="request">The request.</param>
    /// <param name="providerName">The name recorded as the provider that answered.</param>
    /// <param name="policy">The fallbacks allowed; <see langword="null"/> for <see cref="FallbackPolicy.Default"/>.</param>
    /// <returns>The match; not found when no factor for the key is within the fallbacks allowed; of the wrong dimension when the only factors within reach are per a unit of another dimension.</returns>
    public FactorLookup Find(FactorRequest request, string providerName, FallbackPolicy? policy = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Find(request, providerName, policy ?? FallbackPolicy.Default, batch: null);
    }

    /// <summary>As <see cref="Find(FactorRequest, string, FallbackPolicy?)"/>, sharing region chains and fallback records with the other requests of a batch.</summary>
    /// <param name="request">The request.</param>
    /// <param name="providerName">The name recorded as the provider that answered.</param>
    /// <param name="policy">The fallbacks allowed; the same for the whole batch.</param>
    /// <param name="batch">What the batch's requests share so far; <see langword="null"/> for a request on its own.</param>
    internal FactorLookup Find(FactorRequest request, string providerName, FallbackPolicy policy, Batch? batch)
    {
        var chain = batch is null ? new Chain(policy.Regions.Chain(request.Region, policy.FallBackToGlobal)) : batch.ChainOf(request.Region, policy);

        if (!_keys.TryGetValue(request.Key, out int key))
        {
            return FactorLookup.NotFound;
        }

        // The factors of each region of the chain, looked up once.
        var regions = chain.NumbersIn(this);
        EmissionFactor[]?[]? lists = null;
        for (int step = 0; step < regions.Length; step++)
        {
            if (regions[step] >= 0 && _index.TryGetValue(Pair(key, regions[step]), out var found))
            {
                lists ??= new EmissionFactor[regions.Length][];
                lists[step] = found;
            }
        }

        if (lists is null)
        {
            return FactorLookup.NotFound;
        }

        EmissionFactor? wrongDimension = null;
        if (request.Year is not { } year)
        {
            for (int step = 0; step < chain.Regions.Count; step++)
            {
                if (lists[step] is { } list && PickLatest(list, request.Unit, ref wrongDimension) is { } f)
                {
                    return Match(request, f, chain, batch, step, 0, providerName, policy);
                }
            }
        }
        else if (policy.Order == FallbackOrder.PreferSameYear)
        {
            for (int back = 0; back <= policy.MaxYearsBack; back++)
            {
                for (int step = 0; step < chain.Regions.Count; step++)
                {
                    if (lists[step] is { } list && Pick(list, year - back, back == 0, request.Unit, ref wrongDimension) is { } f)
                    {
                        return Match(request, f, chain, batch, step, back, providerName, policy);
                    }
                }
            }
        }
        else
        {
            for (int step = 0; step < chain.Regions.Count; step++)
            {
                if (lists[step] is not { } list)
                {
                    continue;
                }

                for (int back = 0; back <= policy.MaxYearsBack; back++)
                {
                    if (Pick(list, year - back, back == 0, request.Unit, ref wrongDimension) is { } f)
                    {
                        return Match(request, f, chain, batch, step, back, providerName, policy);
                    }
                }
            }
        }

        return wrongDimension is null ? FactorLookup.NotFound : FactorLookup.WrongDimension(wrongDimension.PerUnit);
    }

    /// <summary>Lists factors whose key or name contains <paramref name="text"/>, optionally for one region, year and kind.</summary>
    /// <param name="text">Text to look for in the key and name, ignoring case; <see langword="null"/> for all.</param>
    /// <param name="region">Only factors of this region (ignoring case), if given.</param>
    /// <param name="year">Only factors of this reference year, if given.</param>
    /// <param name="kind">Only factors of this kind, if given.</param>
    /// <returns>The factors, in catalog order.</returns>
    public IEnumerable<EmissionFactor> Search(string? text = null, string? region = null, int? year = null, FactorKind? kind = null) =>
        Factors.Where(f =>
            (string.IsNullOrEmpty(text) || f.Key.Contains(text, StringComparison.OrdinalIgnoreCase) || f.Name.Contains(text, StringComparison.OrdinalIgnoreCase))
            && (region is null || string.Equals(f.Region, region, StringComparison.OrdinalIgnoreCase))
            && (year is null || f.Year == year)
            && (kind is null || f.Provenance.Kind == kind));

    // A copy of a region's factors with one more, after every factor of the same or a later year (so stable: document order
    // among equal years). Copying is quadratic in the factors of one key and region, which are a few years' worth.
    private static EmissionFactor[] Insert(EmissionFactor[] list, EmissionFactor factor)
    {
        int year = factor.Year ?? int.MinValue;
        int at = list.Length;
        while (at > 0 && (list[at - 1].Year ?? int.MinValue) < year)
        {
            at--;
        }

        var longer = new EmissionFactor[list.Length + 1];
        Array.Copy(list, longer, at);
        longer[at] = factor;
        Array.Copy(list, at, longer, at + 1, list.Length - at);
        return longer;
    }

    // The factor of one year (back == 0 also admits year-less factors) in the requested unit, else one of the same dimension.
    private static EmissionFactor? Pick(EmissionFactor[] list, int year, bool admitYearless, Unit unit, ref EmissionFactor? wrongDimension)
    {
        EmissionFactor? sameDimension = null;
        foreach (var f in list)
        {
            if (f.Year != year && !(f.Year is null && admitYearless))
            {
                continue;
            }

            if (f.PerUnit.Dimension != unit.Dimension)
            {
                wrongDimension ??= f;
            }
            else if (f.PerUnit == unit)
            {
                return f;
            }
            else
            {
                sameDimension ??= f;
            }
        }

        return sameDimension;
    }

    // The latest factor of the requested dimension (the list runs latest first), in the requested unit if that year has one.
    private static EmissionFactor? PickLatest(EmissionFactor[] list, Unit unit, ref EmissionFactor? wrongDimension)
    {
        EmissionFactor? best = null;
        foreach (var f in list)
        {
            if (f.PerUnit.Dimension != unit.Dimension)
            {
                wrongDimension ??= f;
                continue;
            }

            if (best is not null && f.Year != best.Year)
            {
                break;
            }

            if (f.PerUnit == unit)
            {
                return f;
            }

            best ??= f;
        }

        return best;
    }

    private static FactorMatch Match(FactorRequest request, EmissionFactor factor, Chain chain, Batch? batch, int step, int back, string providerName, FallbackPolicy policy)
    {
        RegionFallback? region = step > 0 ? chain.Fallbacks[step] ??= new RegionFallback(chain.Regions[0], chain.Regions[step], step) : null;
        YearFallback? past = null;
        if (back > 0 && request.Year is { } year)
        {
            past = batch is null ? new YearFallback(year, year - back) : batch.YearFallback(year, year - back);
        }

        UnitConversion? converted = null;
        if (factor.PerUnit != request.Unit)
        {
            // Amount per requested unit = amount per factor unit x (factor units in one requested unit): per kWh -> per MWh is x 1000.
            converted = batch is null ? Conversion(factor.PerUnit, request.Unit) : batch.Conversion(factor.PerUnit, request.Unit);
        }

        double conversion = converted?.Factor ?? 1;
        var fallbacks = batch is null ? Fallbacks(region, past, converted) : batch.Fallbacks(region, past, converted);
        var quality = factor.DataQuality?.Worsen(step * policy.RegionStepPenalty, back * policy.YearPenalty);
        return FactorMatch.Create(factor, providerName, fallbacks, conversion, quality);
    }

    // The fallbacks in order: region, year, unit.
    private static FactorFallback[] Fallbacks(RegionFallback? region, YearFallback? past, UnitConversion? converted)
    {
        int count = (region is null ? 0 : 1) + (past is null ? 0 : 1) + (converted is null ? 0 : 1);
        if (count == 0)
        {
            return [];
        }

        var fallbacks = new FactorFallback[count];
        int next = 0;
        if (region is not null)
        {
            fallbacks[next++] = region;
        }

        if (past is not null)
        {
            fallbacks[next++] = past;
        }

        if (converted is not null)
        {
            fallbacks[next] = converted;
        }

        return fallbacks;
    }

    private static UnitConversion Conversion(Unit factorUnit, Unit requestedUnit) =>
        new(factorUnit, requestedUnit, Quantity.Of(1, requestedUnit).As(factorUnit));

    /// <summary>What the requests of one batch share: the region chain of each requested region, and fallback records, equal for
    /// many requests and immutable, so one instance each.</summary>
    /// <remarks>Implementation note: 100,000 requests made as many chains and about as many fallback records, all kept
    /// alive by the matches. One per provider batch, so it needs no locking and ends with the batch.</remarks>
    internal sealed class Batch
    {
        private readonly Dictionary<string, Chain> _chains = new(StringComparer.Ordinal);
        private readonly Dictionary<(int Requested, int Used), YearFallback> _years = [];
        private readonly Dictionary<(Unit From, Unit To), UnitConversion> _conversions = new(SameUnits.Instance);
        private readonly Dictionary<(RegionFallback?, YearFallback?, UnitConversion?), FactorFallback[]> _fallbacks = new(SameFallbacks.Instance);

        // One array per combination of (shared) records: the matches' fallback arrays are immutable once made.
        internal FactorFallback[] Fallbacks(RegionFallback? region, YearFallback? past, UnitConversion? converted)
        {
            ref var fallbacks = ref CollectionsMarshal.GetValueRefOrAddDefault(_fallbacks, (region, past, converted), out _);
            return fallbacks ??= FactorCatalog.Fallbacks(region, past, converted);
        }

        internal Chain ChainOf(string? region, FallbackPolicy policy)
        {
            ref var chain = ref CollectionsMarshal.GetValueRefOrAddDefault(_chains, region ?? string.Empty, out _);
            return chain ??= new Chain(policy.Regions.Chain(region, policy.FallBackToGlobal));
        }

        internal YearFallback YearFallback(int requested, int used)
        {
            ref var fallback = ref CollectionsMarshal.GetValueRefOrAddDefault(_years, (requested, used), out _);
            return fallback ??= new YearFallback(requested, used);
        }

        internal UnitConversion Conversion(Unit factorUnit, Unit requestedUnit)
        {
            ref var conversion = ref CollectionsMarshal.GetValueRefOrAddDefault(_conversions, (factorUnit, requestedUnit), out _);
            return conversion ??= FactorCatalog.Conversion(factorUnit, requestedUnit);
        }
    }

    // Units by identity, so that a conversion record is shared only between requests with the very same unit objects.
    private sealed class SameUnits : IEqualityComparer<(Unit From, Unit To)>
    {
        public static readonly SameUnits Instance = new();

        public bool Equals((Unit From, Unit To) x, (Unit From, Unit To) y) => ReferenceEquals(x.From, y.From) && ReferenceEquals(x.To, y.To);

        public int GetHashCode((Unit From, Unit To) obj) => HashCode.Combine(RuntimeHelpers.GetHashCode(obj.From), RuntimeHelpers.GetHashCode(obj.To));
    }

    // Fallback records by identity: within a batch, equal records are one instance.
    private sealed class SameFallbacks : IEqualityComparer<(RegionFallback?, YearFallback?, UnitConversion?)>
    {
        public static readonly SameFallbacks Instance = new();

        public bool Equals((RegionFallback?, YearFallback?, UnitConversion?) x, (RegionFallback?, YearFallback?, UnitConversion?) y) =>
            ReferenceEquals(x.Item1, y.Item1) && ReferenceEquals(x.Item2, y.Item2) && ReferenceEquals(x.Item3, y.Item3);

        public int GetHashCode((RegionFallback?, YearFallback?, UnitConversion?) obj) =>
            HashCode.Combine(RuntimeHelpers.GetHashCode(obj.Item1), RuntimeHelpers.GetHashCode(obj.Item2), RuntimeHelpers.GetHashCode(obj.Item3));
    }

    // A region chain and, filled as matches need them, the catalog's number of each region (-1 when it has no factor for
    // the region) and the fallback record of each step up it. A chain serves one catalog.
    internal sealed class Chain(IReadOnlyList<string> regions)
    {
        private int[]? _numbers;

        public IReadOnlyList<string> Regions { get; } = regions;

        public RegionFallback?[] Fallbacks { get; } = new RegionFallback?[regions.Count];

        public int[] NumbersIn(FactorCatalog catalog)
        {
            if (_numbers is null)
            {
                _numbers = new int[Regions.Count];
                for (int step = 0; step < _numbers.Length; step++)
                {
                    _numbers[step] = catalog._regions.TryGetValue(Regions[step], out int number) ? number : -1;
                }
            }

            return _numbers;
        }
    }
}
