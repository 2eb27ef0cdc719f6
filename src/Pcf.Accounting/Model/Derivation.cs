using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Pcf.Accounting.Units;

namespace Pcf.Accounting.Model;

/// <summary>How an amount was derived: a named formula, its typed inputs, the result, and the source of the method
/// (document, clause, table), such as the calcination CO2 of clinker from its CaO and MgO content.</summary>
/// <remarks>
/// <para>An exchange (an emission, an input, an output) may carry a derivation; its amount is then the derivation's
/// <see cref="Result"/>, and explanations and <c>pcf-result/1</c> show the formula with every input and its source.
/// Sector templates compute through derivations, never on the side, so every number explains itself.</para>
/// <para>The formula is evaluated when the derivation is made, with the inputs' units: only like dimensions add, and the
/// result must have the dimensions of <see cref="Result"/>'s unit (<c>t × kg/t</c> is a mass). An input may itself be
/// derived (<see cref="DerivationInput.DerivedFrom"/>); its value must equal that derivation's result.</para>
/// <para>Two derivations are equal when their names, formulas, inputs (in order), results and sources are equal.</para>
/// </remarks>
/// <example><code>
/// var calcination = Derivation.Create(
///     "calcination CO2 per t clinker",
///     "(CaO - CaO_nc) * 44.01 / 56.08",
///     [new DerivationInput("CaO", Measure.Of(65, "%")), new DerivationInput("CaO_nc", Measure.Of(0.4, "%"))],
///     UnitExpression.Parse("kg/t"),
///     "GB/T 32151.8-2015, formula (5)");
/// // calcination.Result: 506.9... kg/t   ((0.65 − 0.004) × 44.01 / 56.08 × 1000)
/// </code></example>
/// <threadsafety>Immutable.</threadsafety>
public sealed class Derivation : IEquatable<Derivation>
{
    /// <summary>The relative difference within which a stated value equals a derived one.</summary>
    public const double Tolerance = 1e-9;

    private Derivation(string name, string formula, ImmutableArray<DerivationInput> inputs, Measure result, string source)
    {
        Name = name;
        Formula = formula;
        Inputs = inputs;
        Result = result;
        Source = source;
    }

    /// <summary>Gets the name, such as <c>calcination CO2 per t clinker</c>; a vector or a view finds the derivation by it.</summary>
    public string Name { get; }

    /// <summary>Gets the formula over the input symbols, such as <c>(CaO - CaO_nc) * 44.01 / 56.08</c>.</summary>
    public string Formula { get; }

    /// <summary>Gets the inputs, in order.</summary>
    public ImmutableArray<DerivationInput> Inputs { get; }

    /// <summary>Gets the value of the formula, in the unit asked for.</summary>
    public Measure Result { get; }

    /// <summary>Gets the source of the method: document, clause or table, year.</summary>
    public string Source { get; }

    /// <summary>Gets a note: a caveat, or what was chosen and why.</summary>
    public string? Note { get; init; }

    /// <summary>Makes a derivation, evaluating its formula.</summary>
    /// <param name="name">The name.</param>
    /// <param name="formula">The formula.</param>
    /// <param name="inputs">The inputs; every one used by the formula, every symbol of the formula an input.</param>
    /// <param name="resultUnit">The unit of the result.</param>
    /// <param name="source">The source of the method.</param>
    /// <returns>The derivation.</returns>
    /// <exception cref="ArgumentException">The derivation is not valid; the message lists every problem.</exception>
    public static Derivation Create(string name, string formula, IEnumerable<DerivationInput> inputs, UnitExpression resultUnit, string source) =>
        TryCreate(name, formula, inputs, resultUnit, source, out var derivation, out var problems)
            ? derivation
            : throw new ArgumentException($"The derivation '{name}' is not valid: {string.Join(" ", problems.Select(p => p.Message))}", nameof(formula));

    /// <summary>Tries to make a derivation, reporting every problem.</summary>
    /// <param name="name">The name.</param>
    /// <param name="formula">The formula.</param>
    /// <param name="inputs">The inputs.</param>
    /// <param name="resultUnit">The unit of the result.</param>
    /// <param name="source">The source of the method.</param>
    /// <param name="derivation">The derivation, when valid.</param>
    /// <param name="problems">Otherwise every problem: the member (<c>name</c>, <c>formula</c>, <c>inputs[2].symbol</c>, <c>source</c>, <c>result</c>) and the rule broken.</param>
    /// <returns><see langword="true"/> when the derivation is valid.</returns>
    public static bool TryCreate(
        string? name,
        string? formula,
        IEnumerable<DerivationInput>? inputs,
        UnitExpression? resultUnit,
        string? source,
        [NotNullWhen(true)] out Derivation? derivation,
        out ImmutableArray<(string Member, string Message)> problems)
    {
        derivation = null;
        var list = ImmutableArray.CreateBuilder<(string, string)>();
        if (string.IsNullOrWhiteSpace(name))
        {
            list.Add(("name", "A derivation needs a name."));
        }

        if (string.IsNullOrWhiteSpace(source))
        {
            list.Add(("source", "A derivation needs the source of its method (document, clause or table, year)."));
        }

        if (resultUnit is null)
        {
            list.Add(("result", "A derivation needs the unit of its result."));
        }

        var given = inputs?.ToImmutableArray() ?? [];
        var bySymbol = new Dictionary<string, Measure>(StringComparer.Ordinal);
        for (int i = 0; i < given.Length; i++)
        {
            var input = given[i];
            if (input is null)
            {
                list.Add(($"inputs[{i}]", "An input is missing."));
                continue;
            }

            if (!IsSymbol(input.Symbol))
            {
                list.Add(($"inputs[{i}].symbol", $"'{input.Symbol}' is not a symbol: letters, digits and '_', starting with a letter."));
            }
            else if (!bySymbol.TryAdd(input.Symbol, input.Value))
            {
                list.Add(($"inputs[{i}].symbol", $"The symbol '{input.Symbol}' is given twice."));
            }

            if (input.Value.Unit is null)
            {
                list.Add(($"inputs[{i}].value", $"The input '{input.Symbol}' needs a value with a unit."));
                bySymbol.Remove(input.Symbol ?? string.Empty);
            }
            else if (input.DerivedFrom is { } from)
            {
                if (!from.Result.Unit.IsCommensurableWith(input.Value.Unit))
                {
                    list.Add(($"inputs[{i}].derivation", $"The input '{input.Symbol}' is in {input.Value.Unit} but its derivation '{from.Name}' gives {from.Result.Unit}."));
                }
                else if (!Same(from.Result.As(input.Value.Unit), input.Value.Value))
                {
                    list.Add(($"inputs[{i}].value", string.Create(CultureInfo.InvariantCulture,
                        $"The input '{input.Symbol}' is {input.Value} but its derivation '{from.Name}' gives {from.Result}.")));
                }
            }
        }

        if (string.IsNullOrWhiteSpace(formula))
        {
            list.Add(("formula", "A derivation needs a formula."));
        }
        else if (!Model.Formula.TryGetSymbols(formula, out var symbols, out string? syntax))
        {
            list.Add(("formula", syntax!));
        }
        else
        {
            foreach (var symbol in symbols.Where(s => !given.Any(g => g is not null && g.Symbol == s)))
            {
                list.Add(("formula", $"The formula uses '{symbol}', which is not an input."));
            }

            for (int i = 0; i < given.Length; i++)
            {
                if (given[i] is { } g && IsSymbol(g.Symbol) && !symbols.Contains(g.Symbol, StringComparer.Ordinal))
                {
                    list.Add(($"inputs[{i}].symbol", $"The input '{g.Symbol}' is not used by the formula."));
                }
            }

            if (list.Count == 0)
            {
                if (!Model.Formula.TryEvaluate(formula, bySymbol, out double baseValue, out string signature, out string? error))
                {
                    list.Add(("formula", error!));
                }
                else if (!string.Equals(signature, resultUnit!.Signature, StringComparison.Ordinal))
                {
                    list.Add(("result", $"The formula gives {(signature.Length == 0 ? "a pure number" : signature)}, which '{resultUnit.Text}' ({resultUnit.DescribeSignature()}) does not measure."));
                }
                else
                {
                    double value = baseValue / resultUnit.FactorToBase;
                    if (!double.IsFinite(value))
                    {
                        list.Add(("result", "The result is not finite."));
                    }
                    else
                    {
                        derivation = new Derivation(name!.Trim(), formula.Trim(), given, Measure.Of(value, resultUnit), source!.Trim());
                    }
                }
            }
        }

        problems = list.ToImmutable();
        return derivation is not null && problems.IsEmpty;
    }

    /// <summary>Returns this derivation with a note.</summary>
    /// <param name="note">The note: a caveat, or what was chosen and why.</param>
    /// <returns>The derivation with the note.</returns>
    public Derivation WithNote(string? note) => new(Name, Formula, Inputs, Result, Source) { Note = string.IsNullOrWhiteSpace(note) ? null : note };

    /// <summary>Gets a value indicating whether a stated value equals a derived one within <see cref="Tolerance"/>.</summary>
    internal static bool Same(double derived, double stated) =>
        derived == stated || Math.Abs(derived - stated) <= Tolerance * Math.Max(Math.Abs(derived), Math.Abs(stated));

    private static bool IsSymbol(string? symbol) =>
        !string.IsNullOrEmpty(symbol) && symbol.Length <= 64 && char.IsLetter(symbol[0]) && symbol.All(c => char.IsLetterOrDigit(c) || c == '_');

    /// <summary>Enumerates this derivation and every derivation its inputs were derived from, depth first, without recursion.</summary>
    /// <returns>The derivations, this one first.</returns>
    public IEnumerable<Derivation> Flatten()
    {
        var stack = new Stack<Derivation>();
        stack.Push(this);
        while (stack.Count > 0)
        {
            var d = stack.Pop();
            yield return d;
            for (int i = d.Inputs.Length - 1; i >= 0; i--)
            {
                if (d.Inputs[i].DerivedFrom is { } inner)
                {
                    stack.Push(inner);
                }
            }
        }
    }

    /// <inheritdoc/>
    public bool Equals(Derivation? other) =>
        other is not null && (ReferenceEquals(this, other)
            || (Name == other.Name && Formula == other.Formula && Source == other.Source && Note == other.Note
                && Result.Value.Equals(other.Result.Value) && Equals(Result.Unit, other.Result.Unit) && Inputs.SequenceEqual(other.Inputs)));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Derivation);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Name, Formula, Result.Value);

    /// <summary>Returns the name, formula and result, such as <c>calcination CO2 per t clinker = (CaO - CaO_nc) * 44.01 / 56.08 = 506.9 kg/t</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Name} = {Formula} = {Result.Value:G6} {Result.Unit}");
}
