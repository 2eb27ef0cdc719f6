namespace Pcf.Accounting.Pact;

/// <summary>How results are written as PACT footprints.</summary>
/// <threadsafety>Immutable.</threadsafety>
public sealed record PactExportOptions
{
    /// <summary>Gets the default options.</summary>
    public static PactExportOptions Default { get; } = new();

    /// <summary>Gets the decimal places of exported kgCO2e and kgC figures (per declared unit), from 0 to 15.</summary>
    /// <value>The default value is 6 (a milligram per declared unit). Each category is rounded once; the totals are then summed from the rounded values, so the sum rules hold exactly.</value>
    /// <exception cref="ArgumentOutOfRangeException">Set outside 0 to 15.</exception>
    public int DecimalPlaces
    {
        get;
        init => field = value is >= 0 and <= 15 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Decimal places must be from 0 to 15 (a double carries about 15 significant digits).");
    } = 6;

    /// <summary>Gets where biogenic CO2 emissions outside land management go.</summary>
    /// <value>The default value is <see cref="PactBiogenicCo2Handling.AddToLandManagementBiogenicCo2Emissions"/>.</value>
    public PactBiogenicCo2Handling BiogenicCo2Emissions { get; init; }

    /// <summary>Gets what to do with system-expansion credits in the result.</summary>
    /// <value>The default value is <see cref="PactSystemExpansionHandling.Disclose"/>.</value>
    public PactSystemExpansionHandling SystemExpansionCredits { get; init; }

    /// <summary>Gets the clock for <c>created</c> when the metadata does not give it.</summary>
    /// <value>The default value is <see cref="TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
