using System.Globalization;
using Pcf.Accounting.Units;

namespace Pcf.Accounting.Model;

/// <summary>Reads and evaluates the arithmetic of a <see cref="Derivation"/>: numbers, input symbols, + − × / and parentheses,
/// with the dimensions of the inputs checked (only like dimensions add; products and quotients combine them).</summary>
/// <remarks>Implementation note: shunting-yard into postfix, then a stack evaluation; no recursion, so a long formula cannot
/// exhaust the stack. Values are carried in base units (kg, J, m3, ...), so <c>t × kg/t</c> is kg without a stated conversion.</remarks>
internal static class Formula
{
    /// <summary>The longest formula accepted, in characters.</summary>
    public const int MaxLength = 2_000;

    private enum Kind
    {
        Number,
        Symbol,
        Plus,
        Minus,
        Times,
        Divide,
        Negate,
        Open,
        Close,
    }

    private readonly record struct Token(Kind Kind, double Number, string? Symbol, int Position);

    /// <summary>A value in base units with its dimensions (name → exponent).</summary>
    private readonly record struct Value(double Number, SortedDictionary<string, int> Dimensions);

    /// <summary>The symbols a formula names, in order of first use; or why it cannot be read.</summary>
    public static bool TryGetSymbols(string formula, out List<string> symbols, out string? error)
    {
        symbols = [];
        if (!TryTokenize(formula, out var tokens, out error))
        {
            return false;
        }

        foreach (var t in tokens)
        {
            if (t.Kind == Kind.Symbol && !symbols.Contains(t.Symbol!, StringComparer.Ordinal))
            {
                symbols.Add(t.Symbol!);
            }
        }

        return true;
    }

    /// <summary>Evaluates a formula over inputs given in their own units; the result is in base units, with its dimension signature.</summary>
    public static bool TryEvaluate(string formula, IReadOnlyDictionary<string, Measure> inputs, out double baseValue, out string signature, out string? error)
    {
        baseValue = 0;
        signature = string.Empty;
        if (!TryTokenize(formula, out var tokens, out error) || !TryToPostfix(tokens, out var postfix, out error))
        {
            return false;
        }

        var stack = new Stack<Value>();
        foreach (var t in postfix)
        {
            switch (t.Kind)
            {
                case Kind.Number:
                    stack.Push(new Value(t.Number, new(StringComparer.Ordinal)));
                    break;
                case Kind.Symbol:
                    if (!inputs.TryGetValue(t.Symbol!, out var m))
                    {
                        error = $"'{t.Symbol}' (at character {t.Position + 1}) is not an input of the derivation.";
                        return false;
                    }

                    stack.Push(new Value(m.Unit.ToBase(m.Value), Dimensions(m.Unit)));
                    break;
                case Kind.Negate:
                    var v = stack.Pop();
                    stack.Push(v with { Number = -v.Number });
                    break;
                default:
                    var right = stack.Pop();
                    var left = stack.Pop();
                    if (t.Kind is Kind.Plus or Kind.Minus)
                    {
                        if (!SameDimensions(left.Dimensions, right.Dimensions))
                        {
                            error = $"'{(t.Kind == Kind.Plus ? '+' : '−')}' at character {t.Position + 1} adds {Describe(left.Dimensions)} and {Describe(right.Dimensions)}; only like dimensions add.";
                            return false;
                        }

                        stack.Push(new Value(t.Kind == Kind.Plus ? left.Number + right.Number : left.Number - right.Number, left.Dimensions));
                    }
                    else
                    {
                        int sign = t.Kind == Kind.Times ? 1 : -1;
                        if (t.Kind == Kind.Divide && right.Number == 0)
                        {
                            error = $"The division at character {t.Position + 1} is by zero.";
                            return false;
                        }

                        var dims = new SortedDictionary<string, int>(left.Dimensions, StringComparer.Ordinal);
                        foreach (var (name, e) in right.Dimensions)
                        {
                            int sum = dims.GetValueOrDefault(name) + sign * e;
                            if (sum == 0)
                            {
                                dims.Remove(name);
                            }
                            else
                            {
                                dims[name] = sum;
                            }
                        }

                        stack.Push(new Value(t.Kind == Kind.Times ? left.Number * right.Number : left.Number / right.Number, dims));
                    }

                    break;
            }
        }

        var result = stack.Pop();
        if (!double.IsFinite(result.Number))
        {
            error = "The formula's value is not finite.";
            return false;
        }

        baseValue = result.Number;
        signature = Signature(result.Dimensions);
        return true;
    }

    private static SortedDictionary<string, int> Dimensions(UnitExpression unit)
    {
        var dims = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var (u, e) in unit.Factors)
        {
            if (u.Dimension.Kind == DimensionKind.Dimensionless)
            {
                continue;
            }

            string name = u.Dimension.ToString();
            int sum = dims.GetValueOrDefault(name) + e;
            if (sum == 0)
            {
                dims.Remove(name);
            }
            else
            {
                dims[name] = sum;
            }
        }

        return dims;
    }

    private static bool SameDimensions(SortedDictionary<string, int> a, SortedDictionary<string, int> b) =>
        a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out int e) && e == kv.Value);

    private static string Signature(SortedDictionary<string, int> dims) =>
        dims.Count == 0 ? string.Empty : string.Join("·", dims.Select(d => d.Value == 1 ? d.Key : $"{d.Key}^{d.Value}"));

    private static string Describe(SortedDictionary<string, int> dims) => dims.Count == 0 ? "a pure number" : Signature(dims);

    private static bool TryTokenize(string formula, out List<Token> tokens, out string? error)
    {
        tokens = [];
        error = null;
        if (string.IsNullOrWhiteSpace(formula))
        {
            error = "The formula is empty.";
            return false;
        }

        if (formula.Length > MaxLength)
        {
            error = $"A formula has at most {MaxLength} characters; this one has {formula.Length}.";
            return false;
        }

        int i = 0;
        while (i < formula.Length)
        {
            char c = formula[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < formula.Length && char.IsAsciiDigit(formula[i + 1])))
            {
                int start = i;
                while (i < formula.Length && (char.IsAsciiDigit(formula[i]) || formula[i] == '.'))
                {
                    i++;
                }

                if (i < formula.Length && formula[i] is 'e' or 'E' && i + 1 < formula.Length
                    && (char.IsAsciiDigit(formula[i + 1]) || (formula[i + 1] is '+' or '-' && i + 2 < formula.Length && char.IsAsciiDigit(formula[i + 2]))))
                {
                    i += 2;
                    while (i < formula.Length && char.IsAsciiDigit(formula[i]))
                    {
                        i++;
                    }
                }

                if (!double.TryParse(formula.AsSpan(start, i - start), NumberStyles.Float, CultureInfo.InvariantCulture, out double number) || !double.IsFinite(number))
                {
                    error = $"'{formula[start..i]}' at character {start + 1} is not a number.";
                    return false;
                }

                tokens.Add(new Token(Kind.Number, number, null, start));
                continue;
            }

            if (char.IsLetter(c) || c == '_')
            {
                int start = i;
                while (i < formula.Length && (char.IsLetterOrDigit(formula[i]) || formula[i] == '_'))
                {
                    i++;
                }

                tokens.Add(new Token(Kind.Symbol, 0, formula[start..i], start));
                continue;
            }

            Kind? kind = c switch
            {
                '+' => Kind.Plus,
                '-' or '−' => Kind.Minus,
                '*' or '×' or '·' or '⋅' => Kind.Times,
                '/' or '÷' => Kind.Divide,
                '(' => Kind.Open,
                ')' => Kind.Close,
                _ => null,
            };
            if (kind is null)
            {
                error = $"'{c}' at character {i + 1} is not allowed in a formula (numbers, input symbols, + − × / and parentheses are).";
                return false;
            }

            // A minus or plus where an operand is expected is a sign.
            bool operandExpected = tokens.Count == 0 || tokens[^1].Kind is Kind.Plus or Kind.Minus or Kind.Times or Kind.Divide or Kind.Negate or Kind.Open;
            if (operandExpected && kind == Kind.Minus)
            {
                tokens.Add(new Token(Kind.Negate, 0, null, i));
            }
            else if (!(operandExpected && kind == Kind.Plus))
            {
                tokens.Add(new Token(kind.Value, 0, null, i));
            }

            i++;
        }

        return true;
    }

    private static int Precedence(Kind kind) => kind switch
    {
        Kind.Plus or Kind.Minus => 1,
        Kind.Times or Kind.Divide => 2,
        Kind.Negate => 3,
        _ => 0,
    };

    private static bool TryToPostfix(List<Token> tokens, out List<Token> output, out string? error)
    {
        output = [];
        error = null;
        var operators = new Stack<Token>();
        bool expectOperand = true;
        foreach (var t in tokens)
        {
            switch (t.Kind)
            {
                case Kind.Number or Kind.Symbol:
                    if (!expectOperand)
                    {
                        error = $"An operator is missing before character {t.Position + 1}.";
                        return false;
                    }

                    output.Add(t);
                    expectOperand = false;
                    break;
                case Kind.Negate:
                    operators.Push(t);
                    break;
                case Kind.Open:
                    if (!expectOperand)
                    {
                        error = $"An operator is missing before the '(' at character {t.Position + 1}.";
                        return false;
                    }

                    operators.Push(t);
                    break;
                case Kind.Close:
                    if (expectOperand)
                    {
                        error = $"An operand is missing before the ')' at character {t.Position + 1}.";
                        return false;
                    }

                    while (operators.Count > 0 && operators.Peek().Kind != Kind.Open)
                    {
                        output.Add(operators.Pop());
                    }

                    if (operators.Count == 0)
                    {
                        error = $"The ')' at character {t.Position + 1} has no '('.";
                        return false;
                    }

                    operators.Pop();
                    break;
                default:
                    if (expectOperand)
                    {
                        error = $"An operand is missing before character {t.Position + 1}.";
                        return false;
                    }

                    while (operators.Count > 0 && operators.Peek().Kind != Kind.Open && Precedence(operators.Peek().Kind) >= Precedence(t.Kind))
                    {
                        output.Add(operators.Pop());
                    }

                    operators.Push(t);
                    expectOperand = true;
                    break;
            }
        }

        if (expectOperand)
        {
            error = "The formula ends where an operand is expected.";
            return false;
        }

        while (operators.Count > 0)
        {
            var op = operators.Pop();
            if (op.Kind == Kind.Open)
            {
                error = $"The '(' at character {op.Position + 1} is not closed.";
                return false;
            }

            output.Add(op);
        }

        return true;
    }
}
