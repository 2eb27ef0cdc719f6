using System.Collections.Immutable;
using Pcf.Accounting.Model;
using Pcf.Accounting.Uncertainty;

namespace Pcf.Accounting.Sampling;

/// <summary>Statistics of a sample, each computed in a fixed order so that the same sample gives the same bits.</summary>
internal static class SampleStatistics
{
    /// <summary>Mean (sum in index order), sample standard deviation (two passes), median, extremes and percentiles (linear between order
    /// statistics); a sample of one repeated value has that value as its mean and a standard deviation of exactly 0.</summary>
    public static QuantityStatistics Describe(string name, ReadOnlySpan<double> values, ImmutableArray<double> percentiles)
    {
        int n = values.Length;
        double sum = 0;
        foreach (double v in values)
        {
            sum += v;
        }

        double mean = sum / n;
        double squares = 0;
        foreach (double v in values)
        {
            double d = v - mean;
            squares += d * d;
        }

        double sd = n > 1 ? Math.Sqrt(squares / (n - 1)) : 0;
        var sorted = values.ToArray();
        Array.Sort(sorted);
        if (sorted[0] == sorted[^1])
        {
            (mean, sd) = (sorted[0], 0); // the rounding of the sum must not invent a spread
        }

        return new QuantityStatistics(name, mean, sd, Percentile(sorted, 50), sorted[0], sorted[^1])
        {
            Percentiles = [.. percentiles.Select(p => new PercentileValue(p, Percentile(sorted, p)))],
        };
    }

    /// <summary>The percentile <paramref name="level"/> (0 to 100) of sorted values: x[h] interpolated at h = (n − 1) · level / 100
    /// (Hyndman and Fan's definition 7, the default of NumPy and R).</summary>
    public static double Percentile(double[] sorted, double level)
    {
        double h = (sorted.Length - 1) * level / 100;
        int lo = (int)Math.Floor(h);
        if (lo >= sorted.Length - 1)
        {
            return sorted[^1];
        }

        double frac = h - lo;
        return frac == 0 ? sorted[lo] : sorted[lo] + (frac * (sorted[lo + 1] - sorted[lo]));
    }

    /// <summary>Equal-width bins from the smallest to the largest value (one bin when they are equal); the largest value falls in the last bin.</summary>
    public static ImmutableArray<HistogramBin> Histogram(ReadOnlySpan<double> values, int bins)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (double v in values)
        {
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }

        if (values.IsEmpty)
        {
            return [];
        }

        if (!(max > min))
        {
            return [new HistogramBin(min, max, values.Length)];
        }

        var counts = new int[bins];
        double width = max - min;
        foreach (double v in values)
        {
            int b = (int)((v - min) / width * bins);
            counts[Math.Clamp(b, 0, bins - 1)]++;
        }

        var result = ImmutableArray.CreateBuilder<HistogramBin>(bins);
        for (int b = 0; b < bins; b++)
        {
            double lower = min + (width * b / bins), upper = b == bins - 1 ? max : min + (width * (b + 1) / bins);
            result.Add(new HistogramBin(lower, upper, counts[b]));
        }

        return result.MoveToImmutable();
    }

    /// <summary>Ranks 1..n of the values, ties given their average rank.</summary>
    public static double[] Ranks(ReadOnlySpan<double> values)
    {
        int n = values.Length;
        var order = new int[n];
        var keys = values.ToArray();
        for (int i = 0; i < n; i++)
        {
            order[i] = i;
        }

        Array.Sort(keys, order);
        var ranks = new double[n];
        for (int i = 0; i < n;)
        {
            int j = i;
            while (j + 1 < n && keys[j + 1] == keys[i])
            {
                j++;
            }

            double rank = ((i + j) / 2.0) + 1;
            for (int k = i; k <= j; k++)
            {
                ranks[order[k]] = rank;
            }

            i = j + 1;
        }

        return ranks;
    }

    /// <summary>Pearson's correlation (of ranks, it is Spearman's ρ); 0 when either side has no variance.</summary>
    public static double Correlation(double[] x, double[] y)
    {
        int n = x.Length;
        double mx = 0, my = 0;
        for (int i = 0; i < n; i++)
        {
            mx += x[i];
            my += y[i];
        }

        mx /= n;
        my /= n;
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < n; i++)
        {
            double dx = x[i] - mx, dy = y[i] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }

        return sxx > 0 && syy > 0 ? Math.Clamp(sxy / Math.Sqrt(sxx * syy), -1, 1) : 0;
    }
}
