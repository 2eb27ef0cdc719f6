using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Pcf.Accounting.Model;
using Pcf.Accounting.Uncertainty;

namespace Pcf.Accounting.Sampling;

/// <summary>Every draw of every reported quantity of a Monte Carlo run, by iteration: what <see cref="MonteCarloOptions.KeepSamples"/> keeps.</summary>
/// <remarks>Values are kg CO2e for the result's demand; iteration i is the i-th draw of the run (its numbers depend only on the seed
/// and i). <see cref="WriteCsv(TextWriter)"/> writes them for a spreadsheet or a statistics package.</remarks>
/// <threadsafety>Immutable.</threadsafety>
public sealed class MonteCarloSamples
{
    private readonly double[][] _values;

    internal MonteCarloSamples(ImmutableArray<string> quantities, double[][] values, int count)
    {
        Quantities = quantities;
        Count = count;
        _values = values;
    }

    /// <summary>Gets the quantities' <c>pcf-result/1</c> names, in column order (<see cref="UncertaintyStatistics.QuantityNames"/>).</summary>
    public ImmutableArray<string> Quantities { get; }

    /// <summary>Gets the number of iterations.</summary>
    public int Count { get; }

    /// <summary>Gets the draws of one quantity, by iteration.</summary>
    /// <param name="quantity">The quantity's name, such as <c>pcfExcludingBiogenicUptake</c>.</param>
    /// <returns>The draws.</returns>
    /// <exception cref="KeyNotFoundException">No quantity has that name.</exception>
    public ReadOnlyMemory<double> ValuesOf(string quantity)
    {
        int q = Quantities.IndexOf(quantity);
        return q >= 0 ? _values[q].AsMemory(0, Count) : throw new KeyNotFoundException($"'{quantity}' is not a sampled quantity; they are {string.Join(", ", Quantities)}.");
    }

    /// <summary>Writes the draws as CSV: a header <c>iteration,pcfExcludingBiogenicUptake,...</c>, then one row per iteration, numbers in
    /// their shortest round-trip form (culture-invariant), LF line ends.</summary>
    /// <param name="writer">Where to write.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> is <see langword="null"/>.</exception>
    public void WriteCsv(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var line = new StringBuilder();
        line.Append("iteration");
        foreach (var q in Quantities)
        {
            line.Append(',').Append(q);
        }

        writer.Write(line.Append('\n'));
        for (int i = 0; i < Count; i++)
        {
            line.Clear().Append(i.ToString(CultureInfo.InvariantCulture));
            for (int q = 0; q < _values.Length; q++)
            {
                line.Append(',').Append(_values[q][i].ToString("R", CultureInfo.InvariantCulture));
            }

            writer.Write(line.Append('\n'));
        }
    }

    /// <summary>Writes the draws as UTF-8 CSV to a stream (see <see cref="WriteCsv(TextWriter)"/>).</summary>
    /// <param name="utf8">The stream; left open.</param>
    /// <exception cref="ArgumentNullException"><paramref name="utf8"/> is <see langword="null"/>.</exception>
    public void WriteCsv(Stream utf8)
    {
        ArgumentNullException.ThrowIfNull(utf8);
        using var writer = new StreamWriter(utf8, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        WriteCsv(writer);
    }
}
