using System.Diagnostics.CodeAnalysis;
using Pcf.Accounting.Units;

namespace Pcf.Accounting.Factors;

/// <summary>A provider's answer to one factor request, as data: found (with the match), not found, or found only per a unit of another dimension.</summary>
/// <remarks>Providers return it instead of throwing, so the resolver can report every request's outcome at once. A
/// <see cref="FactorMatch"/> converts to a found lookup, and <see langword="null"/> to <see cref="NotFound"/>, so a provider can
/// simply <c>return match;</c>. <c>default</c> is <see cref="NotFound"/>.</remarks>
/// <threadsafety>Immutable value type.</threadsafety>
public readonly record struct FactorLookup
{
    private FactorLookup(FactorLookupStatus status, FactorMatch? match, Unit? factorUnit)
    {
        Status = status;
        Match = match;
        FactorUnit = factorUnit;
    }

    /// <summary>Gets the answer for a request the provider has nothing for.</summary>
    public static FactorLookup NotFound => default;

    /// <summary>Gets how the provider answered.</summary>
    public FactorLookupStatus Status { get; }

    /// <summary>Gets the match, when <see cref="Status"/> is <see cref="FactorLookupStatus.Found"/>.</summary>
    public FactorMatch? Match { get; }

    /// <summary>Gets the unit the provider's factor is per, when <see cref="Status"/> is <see cref="FactorLookupStatus.WrongDimension"/>.</summary>
    public Unit? FactorUnit { get; }

    /// <summary>Gets a value indicating whether a factor was found.</summary>
    [MemberNotNullWhen(true, nameof(Match))]
    public bool IsFound => Status == FactorLookupStatus.Found;

    /// <summary>Creates the answer for a factor found.</summary>
    /// <param name="match">The match.</param>
    /// <returns>The lookup.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="match"/> is <see langword="null"/>.</exception>
    public static FactorLookup Found(FactorMatch match)
    {
        ArgumentNullException.ThrowIfNull(match);
        return new(FactorLookupStatus.Found, match, null);
    }

    /// <summary>Creates the answer for a factor per a unit of another dimension.</summary>
    /// <param name="factorUnit">The unit the provider's factor is per.</param>
    /// <returns>The lookup.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="factorUnit"/> is <see langword="null"/>.</exception>
    public static FactorLookup WrongDimension(Unit factorUnit)
    {
        ArgumentNullException.ThrowIfNull(factorUnit);
        return new(FactorLookupStatus.WrongDimension, null, factorUnit);
    }

    /// <summary>Converts a match (or <see langword="null"/>) to a lookup.</summary>
    /// <param name="match">The match, or <see langword="null"/> for none.</param>
    public static implicit operator FactorLookup(FactorMatch? match) => match is null ? NotFound : Found(match);

    /// <summary>Converts a match to a lookup (the named form of the implicit conversion).</summary>
    /// <param name="match">The match, or <see langword="null"/>.</param>
    /// <returns>The lookup.</returns>
    public static FactorLookup FromMatch(FactorMatch? match) => match;
}
