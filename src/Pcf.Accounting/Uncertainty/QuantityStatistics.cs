using System.Collections.Immutable;

namespace Pcf.Accounting.Uncertainty;

/// <summary>The distribution of one reported quantity over the iterations of a Monte Carlo run, in kg CO2e for the result's demand.</summary>
/// <param name="Quantity">The quantity's <c>pcf-result/1</c> name, such as <c>pcfExcludingBiogenicUptake</c> or <c>fossilGhgEmissions</c>.</param>
/// <param name="Mean">The mean.</param>
/// <param name="StandardDeviation">The sample standard deviation (divisor n − 1).</param>
/// <param name="Median">The median (the 50th percentile).</param>
/// <param name="Minimum">The smallest draw.</param>
/// <param name="Maximum">The largest draw.</param>
/// <threadsafety>Immutable.</threadsafety>
public sealed record QuantityStatistics(string Quantity, double Mean, double StandardDeviation, double Median, double Minimum, double Maximum)
{
    /// <summary>Gets the percentiles asked for, ascending, interpolated linearly between order statistics (the definition of NumPy's default and of R's type 7).</summary>
    public ImmutableArray<PercentileValue> Percentiles
    {
        get;
        init => field = value.IsDefault ? [] : value;
    } = [];

    /// <summary>Gets a percentile.</summary>
    /// <param name="level">The percentile, such as 2.5 or 97.5 (50 gives the median).</param>
    /// <returns>Its value.</returns>
    /// <exception cref="KeyNotFoundException">The run did not compute that percentile.</exception>
    public double Percentile(double level) => level == 50 ? Median
        : Percentiles.FirstOrDefault(p => p.Level == level) is { Level: > 0 } found ? found.Value
        : throw new KeyNotFoundException($"The percentile {level} was not computed; the run has {string.Join(", ", Percentiles.Select(p => p.Level))} and the median.");

    /// <inheritdoc/>
    /// <remarks>Percentiles compare by value, in order.</remarks>
    public bool Equals(QuantityStatistics? other) =>
        other is not null && Quantity == other.Quantity && Mean.Equals(other.Mean) && StandardDeviation.Equals(other.StandardDeviation)
        && Median.Equals(other.Median) && Minimum.Equals(other.Minimum) && Maximum.Equals(other.Maximum) && Percentiles.SequenceEqual(other.Percentiles);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Quantity, Mean, StandardDeviation);
}

/// <summary>A percentile and its value.</summary>
/// <param name="Level">The percentile, 0 to 100 exclusive.</param>
/// <param name="Value">The value, kg CO2e.</param>
/// <threadsafety>Immutable value type.</threadsafety>
public readonly record struct PercentileValue(double Level, double Value);

/// <summary>One bin of a histogram of Monte Carlo draws.</summary>
/// <param name="Lower">The lower bound (inclusive), kg CO2e.</param>
/// <param name="Upper">The upper bound (exclusive, but inclusive for the last bin).</param>
/// <param name="Count">The draws in the bin.</param>
/// <threadsafety>Immutable value type.</threadsafety>
public readonly record struct HistogramBin(double Lower, double Upper, int Count);

/// <summary>The running mean of the total after some iterations, and its relative standard error.</summary>
/// <param name="Iterations">The iterations so far.</param>
/// <param name="Mean">The mean of the total over them.</param>
/// <param name="StandardError">The standard error of that mean: the sample standard deviation divided by √<paramref name="Iterations"/>.</param>
/// <threadsafety>Immutable value type.</threadsafety>
public readonly record struct ConvergencePoint(int Iterations, double Mean, double StandardError)
{
    /// <summary>Gets the standard error relative to the mean's magnitude; <see langword="null"/> when the mean is zero.</summary>
    public double? RelativeStandardError => Mean == 0 ? (StandardError == 0 ? 0 : null) : StandardError / Math.Abs(Mean);
}
