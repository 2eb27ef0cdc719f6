using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Pcf.Accounting.Units;

/// <summary>A unit that may be compound: a product and quotient of registered units, such as <c>kg/t</c>, <c>t/TJ</c>,
/// <c>GJ/t</c> or <c>kg/(t·km)</c>; a plain unit (<c>kg</c>) and the pure number (<c>1</c>) are expressions too.</summary>
/// <remarks>
/// <para>Sector formulas state their inputs in such units (an emission factor in t CO2/TJ, a net calorific value in
/// GJ/t, a clinker ratio in t/t). An expression converts exactly as its units do: each factor's exact rational factor
/// to its dimension's base unit, raised to its exponent. Two expressions measure the same thing when their dimensions,
/// with exponents, are equal (<see cref="IsCommensurableWith"/>); <c>kg/t</c> and <c>%</c> both measure a pure number.</para>
/// <para>Grammar: <c>numerator[/denominator]</c>, each a product of registered unit symbols separated by <c>·</c>,
/// <c>⋅</c> or <c>*</c>, each optionally raised to an integer power with <c>^</c>; the denominator may be in parentheses.
/// A side that is itself a registered symbol (such as <c>t·km</c>) is read as that unit. <c>1</c> is the pure number.</para>
/// <para>Two expressions are equal when their canonical texts are equal.</para>
/// </remarks>
/// <example><code>
/// var perTonne = UnitExpression.Parse("kg/t");
/// double fraction = perTonne.ToBase(525);   // 525 kg/t = 0.525 (a pure number)
/// </code></example>
/// <threadsafety>Immutable.</threadsafety>
public sealed class UnitExpression : IEquatable<UnitExpression>
{
    private UnitExpression(string text, ImmutableArray<(Unit Unit, int Exponent)> factors)
    {
        Text = text;
        Factors = factors;
        double scale = 1;
        var dims = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var (unit, exponent) in factors)
        {
            double toBase = Unit.Convert(1, unit, Unit.BaseUnitOf(unit.Dimension));
            scale *= Math.Pow(toBase, exponent);
            if (unit.Dimension.Kind != DimensionKind.Dimensionless)
            {
                string name = unit.Dimension.ToString();
                int e = dims.GetValueOrDefault(name) + exponent;
                if (e == 0)
                {
                    dims.Remove(name);
                }
                else
                {
                    dims[name] = e;
                }
            }
        }

        FactorToBase = scale;
        Signature = dims.Count == 0 ? string.Empty : string.Join("·", dims.Select(d => d.Value == 1 ? d.Key : $"{d.Key}^{d.Value}"));
    }

    /// <summary>Gets the pure number, <c>1</c>.</summary>
    public static UnitExpression One { get; } = new("1", []);

    /// <summary>Gets the canonical text, such as <c>kg/t</c>.</summary>
    public string Text { get; }

    /// <summary>Gets the registered units and their exponents (negative in the denominator).</summary>
    public ImmutableArray<(Unit Unit, int Exponent)> Factors { get; }

    /// <summary>Gets the dimension with exponents, such as <c>energy·mass^-1</c>; empty for a pure number.</summary>
    public string Signature { get; }

    /// <summary>Gets a value indicating whether the expression measures a pure number (<c>1</c>, <c>%</c>, <c>kg/t</c>).</summary>
    public bool IsDimensionless => Signature.Length == 0;

    /// <summary>Gets the factor from this expression to the product of its dimensions' base units (1 kg/t is 0.001 kg/kg).</summary>
    internal double FactorToBase { get; }

    /// <summary>Gets the expression of one registered unit.</summary>
    /// <param name="unit">The unit.</param>
    /// <returns>The expression.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="unit"/> is <see langword="null"/>.</exception>
    public static UnitExpression Of(Unit unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return ReferenceEquals(unit, Unit.One) ? One : new(unit.Symbol, [(unit, 1)]);
    }

    /// <summary>Reads an expression.</summary>
    /// <param name="text">The text, such as <c>t/TJ</c>.</param>
    /// <returns>The expression.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">The text is not an expression of registered units; the message says why.</exception>
    public static UnitExpression Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var unit, out string? error) ? unit : throw new FormatException(error);
    }

    /// <summary>Tries to read an expression.</summary>
    /// <param name="text">The text.</param>
    /// <param name="unit">The expression, when the text is one.</param>
    /// <param name="error">Why it is not, otherwise.</param>
    /// <returns><see langword="true"/> when the text is an expression of registered units.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out UnitExpression? unit, [NotNullWhen(false)] out string? error)
    {
        unit = null;
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "A unit is required.";
            return false;
        }

        string t = text.Trim();
        if (t.Length > 64)
        {
            error = $"A unit expression has at most 64 characters; this one has {t.Length}.";
            return false;
        }

        if (t == "1")
        {
            unit = One;
            return true;
        }

        if (Unit.TryParse(t, out var single))
        {
            unit = Of(single);
            return true;
        }

        int slash = t.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0 && t.IndexOf('/', slash + 1) >= 0)
        {
            error = $"'{t}' has more than one '/'; write the denominator in parentheses, such as kg/(t·km).";
            return false;
        }

        var factors = new List<(Unit, int)>();
        string numerator = slash < 0 ? t : t[..slash].Trim();
        if (!(numerator == "1" || ReadSide(numerator, 1, factors, out error)))
        {
            return false;
        }

        if (slash >= 0)
        {
            string denominator = t[(slash + 1)..].Trim();
            if (denominator.Length > 1 && denominator[0] == '(' && denominator[^1] == ')')
            {
                denominator = denominator[1..^1].Trim();
            }

            if (!ReadSide(denominator, -1, factors, out error))
            {
                return false;
            }
        }

        unit = new UnitExpression(Canonical(factors), [.. factors]);
        return true;
    }

    private static bool ReadSide(string side, int sign, List<(Unit, int)> factors, [NotNullWhen(false)] out string? error)
    {
        error = null;
        if (side.Length == 0)
        {
            error = "A side of '/' is empty.";
            return false;
        }

        if (Unit.TryParse(side, out var whole))
        {
            factors.Add((whole, sign));
            return true;
        }

        foreach (string part in side.Split(['·', '⋅', '*'], StringSplitOptions.TrimEntries))
        {
            string symbol = part;
            int exponent = 1;
            int caret = part.IndexOf('^', StringComparison.Ordinal);
            if (caret >= 0)
            {
                symbol = part[..caret].Trim();
                if (!int.TryParse(part.AsSpan(caret + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent) || exponent is 0 or < -9 or > 9)
                {
                    error = $"'{part}': an exponent is a whole number from -9 to 9, not 0.";
                    return false;
                }
            }

            if (!Unit.TryParse(symbol, out var u))
            {
                error = $"'{symbol}' is not a known unit.";
                return false;
            }

            factors.Add((u, sign * exponent));
        }

        return true;
    }

    private static string Canonical(List<(Unit Unit, int Exponent)> factors)
    {
        static string Term(Unit u, int e) => e == 1 ? u.Symbol : $"{u.Symbol}^{e.ToString(CultureInfo.InvariantCulture)}";
        var top = factors.Where(f => f.Exponent > 0).Select(f => Term(f.Unit, f.Exponent)).ToList();
        var bottom = factors.Where(f => f.Exponent < 0).Select(f => Term(f.Unit, -f.Exponent)).ToList();
        var text = new StringBuilder(top.Count == 0 ? "1" : string.Join("·", top));
        if (bottom.Count == 1)
        {
            text.Append('/').Append(bottom[0]);
        }
        else if (bottom.Count > 1)
        {
            text.Append("/(").Append(string.Join("·", bottom)).Append(')');
        }

        return text.ToString();
    }

    /// <summary>Gets a value indicating whether this expression measures what <paramref name="other"/> measures, so values convert between them.</summary>
    /// <param name="other">The other expression.</param>
    /// <returns><see langword="true"/> when the dimensions with their exponents are equal.</returns>
    public bool IsCommensurableWith(UnitExpression other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return string.Equals(Signature, other.Signature, StringComparison.Ordinal);
    }

    /// <summary>Converts a value in this expression to the product of its dimensions' base units.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The value in base units (525 kg/t is 0.525).</returns>
    public double ToBase(double value) => value * FactorToBase;

    /// <summary>Converts a value to another expression of the same dimensions.</summary>
    /// <param name="value">The value in this expression.</param>
    /// <param name="to">The target expression.</param>
    /// <returns>The value in <paramref name="to"/>.</returns>
    /// <exception cref="ArgumentException">The expressions measure different things.</exception>
    public double ConvertTo(double value, UnitExpression to)
    {
        ArgumentNullException.ThrowIfNull(to);
        if (!IsCommensurableWith(to))
        {
            throw new ArgumentException($"'{Text}' ({DescribeSignature()}) does not convert to '{to.Text}' ({to.DescribeSignature()}).", nameof(to));
        }

        return ReferenceEquals(this, to) || FactorToBase == to.FactorToBase ? value : value * FactorToBase / to.FactorToBase;
    }

    /// <summary>Describes the dimensions: <c>a pure number</c>, or the signature.</summary>
    /// <returns>The description.</returns>
    internal string DescribeSignature() => IsDimensionless ? "a pure number" : Signature;

    /// <inheritdoc/>
    public bool Equals(UnitExpression? other) => other is not null && string.Equals(Text, other.Text, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as UnitExpression);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Text);

    /// <summary>Returns the canonical text.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Text;
}
