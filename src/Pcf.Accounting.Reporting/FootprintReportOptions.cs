namespace Pcf.Accounting.Reporting;

/// <summary>What a footprint report shows and in which language.</summary>
/// <remarks>A plain settable options class; <see cref="FootprintReport"/> checks it once per call and reports every
/// setting out of range in one exception.</remarks>
public sealed class FootprintReportOptions
{
    /// <summary>Gets or sets the language of the labels.</summary>
    /// <value>The default value is <see cref="ReportLanguage.English"/>.</value>
    public ReportLanguage Language { get; set; } = ReportLanguage.English;

    /// <summary>Gets or sets the title of the page.</summary>
    /// <value>The default value is <see langword="null"/>: the product system's name.</value>
    public string? Title { get; set; }

    /// <summary>Gets or sets how many items a contribution chart draws before it sums the rest into one "other" bar.</summary>
    /// <value>The default value is 10. From 1 to 100. The data tables list every item (up to <see cref="MaximumTableRows"/>).</value>
    public int MaximumChartItems { get; set; } = 10;

    /// <summary>Gets or sets how many rows a table lists before it sums the rest into one row (the CSV always has every row).</summary>
    /// <value>The default value is 500. At least 1.</value>
    public int MaximumTableRows { get; set; } = 500;

    /// <summary>Gets or sets the share of the gross total below which a supply-chain process is passed through to its customers and a source merged into "other".</summary>
    /// <value>The default value is 0.01 (1 %). From 0 to 1.</value>
    public double SupplyChainMinimumShare { get; set; } = 0.01;

    /// <summary>Gets or sets how many nodes the supply-chain diagram draws at most, besides the product and "other".</summary>
    /// <value>The default value is 30. From 2 to 200.</value>
    public int SupplyChainMaximumNodes { get; set; } = 30;

    /// <summary>Checks every setting and lists all that are out of range.</summary>
    /// <exception cref="ArgumentException">A setting is out of range; the message names each.</exception>
    internal void Validate()
    {
        var errors = new List<string>();
        if (!Enum.IsDefined(Language))
        {
            errors.Add($"{nameof(Language)} must be English or Chinese (was {(int)Language}).");
        }

        if (MaximumChartItems is < 1 or > 100)
        {
            errors.Add($"{nameof(MaximumChartItems)} must be from 1 to 100 (was {MaximumChartItems}).");
        }

        if (MaximumTableRows < 1)
        {
            errors.Add($"{nameof(MaximumTableRows)} must be at least 1 (was {MaximumTableRows}).");
        }

        if (!(SupplyChainMinimumShare is >= 0 and <= 1))
        {
            errors.Add($"{nameof(SupplyChainMinimumShare)} must be from 0 to 1 (was {SupplyChainMinimumShare}).");
        }

        if (SupplyChainMaximumNodes is < 2 or > 200)
        {
            errors.Add($"{nameof(SupplyChainMaximumNodes)} must be from 2 to 200 (was {SupplyChainMaximumNodes}).");
        }

        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid report options: " + string.Join(" ", errors), "options");
        }
    }
}
