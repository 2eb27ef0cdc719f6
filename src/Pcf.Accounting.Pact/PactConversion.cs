using System.Collections.Immutable;

namespace Pcf.Accounting.Pact;

/// <summary>A converted or exported footprint and the list of what did not carry over exactly.</summary>
/// <typeparam name="T">The footprint type.</typeparam>
/// <param name="Value">The footprint; valid for its version.</param>
/// <param name="Losses">What was dropped, approximated or defaulted; empty when the conversion is lossless.</param>
/// <threadsafety>Immutable.</threadsafety>
public sealed record PactConversion<T>(T Value, ImmutableArray<PactConversionLoss> Losses)
{
    /// <summary>Gets a value indicating whether nothing was lost.</summary>
    public bool IsLossless => Losses.IsDefaultOrEmpty;
}
