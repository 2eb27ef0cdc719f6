using System.Globalization;
using System.Text;

namespace Pcf.Accounting.Results;

/// <summary>Renders an explanation's terms as arithmetic text: <c>12 runs × 0.5 kWh per run = 6 kWh × 0.58 kg CO2e/kWh = 3.48 kg CO2e</c>.</summary>
public static class ExplanationText
{
    /// <summary>Formats a number as explanations do: six significant digits, invariant culture.</summary>
    /// <param name="value">The number.</param>
    /// <returns>The text.</returns>
    public static string Number(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    /// <summary>Renders the arithmetic of one node, with its note and its derivation's formula when it has them.</summary>
    /// <param name="node">The node.</param>
    /// <returns>The arithmetic.</returns>
    public static string Arithmetic(Explanation node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var text = new StringBuilder();
        bool negative = node.Terms.Any(t => t.Kind == ExplanationTermKind.Sign);
        if (negative)
        {
            text.Append('−');
        }

        double running = 1;
        string? runningUnit = null;
        bool first = true;
        int multiplied = 0;
        foreach (var term in node.Terms)
        {
            switch (term.Kind)
            {
                case ExplanationTermKind.Sign:
                    continue;
                case ExplanationTermKind.Runs:
                    Times().Append(Number(term.Value)).Append(" runs");
                    running *= term.Value;
                    multiplied++;
                    break;
                case ExplanationTermKind.AmountPerRun:
                    Times().Append(Number(term.Value)).Append(' ').Append(term.Unit).Append(" per run");
                    running *= term.Value;
                    runningUnit = term.Unit;
                    multiplied++;
                    break;
                case ExplanationTermKind.Conversion:
                    // "(2 t = 2000 kg)": the amount per run restated in the reference unit.
                    text.Append(" (").Append(term.Detail).Append(')');
                    running *= term.Value;
                    runningUnit = term.Unit;
                    break;
                case ExplanationTermKind.AllocationShare:
                    Times().Append("allocation share ").Append(Number(term.Value));
                    running *= term.Value;
                    multiplied++;
                    break;
                case ExplanationTermKind.Amount:
                    Times().Append(Number(term.Value)).Append(' ').Append(term.Unit);
                    running *= term.Value;
                    runningUnit = term.Unit;
                    multiplied++;
                    break;
                case ExplanationTermKind.FootprintPerUnit:
                case ExplanationTermKind.FactorPerUnit:
                case ExplanationTermKind.GasPerUnit:
                    Intermediate();
                    Times().Append(Number(term.Value)).Append(' ').Append(term.Unit);
                    if (term.Detail is not null)
                    {
                        text.Append(" (").Append(term.Detail).Append(')');
                    }

                    running *= term.Value;
                    multiplied++;

                    // kg of a gas per unit of activity makes kg of that gas: the amount shown before its GWP.
                    runningUnit = term.Kind == ExplanationTermKind.GasPerUnit && term.Unit.IndexOf('/', StringComparison.Ordinal) is int slash and > 0 ? term.Unit[..slash] : null;
                    break;
                case ExplanationTermKind.Gwp:
                    Intermediate();
                    Times().Append("GWP ").Append(Number(term.Value));
                    if (term.Detail is not null)
                    {
                        text.Append(" (").Append(term.Detail).Append(')');
                    }

                    running *= term.Value;
                    multiplied++;
                    runningUnit = null;
                    break;
            }

            first = false;
        }

        if (!first)
        {
            text.Append(" = ");
        }

        text.Append(Number(node.Co2e.Value)).Append(" kg CO2e");
        if (node.Derivation is { } d)
        {
            text.Append("; per run from ").Append(d.Name).Append(" = ").Append(d.Formula).Append(" = ").Append(Number(d.Result.Value)).Append(' ').Append(d.Result.Unit.Text)
                .Append(" (").Append(d.Source).Append(')');
        }

        if (node.Note is not null)
        {
            text.Append("; ").Append(node.Note);
        }

        return text.ToString();

        // "= 6 kWh": the amount the terms so far make, shown before it is multiplied by a factor, when more than one term made it.
        void Intermediate()
        {
            if (runningUnit is not null && multiplied > 1)
            {
                text.Append(" = ").Append(Number(running)).Append(' ').Append(runningUnit);
            }
        }

        StringBuilder Times() => first || text.Length == 0 || (text.Length == 1 && negative) ? text : text.Append(" × ");
    }

    // A pure number (unit "1") is shown without its unit.
    private static string WithUnit(double value, string unit) => unit is "1" or "" ? Number(value) : $"{Number(value)} {unit}";

    /// <summary>Renders a derivation and every derivation behind its inputs, one line each, indented by depth, with every input's value, unit and source.</summary>
    /// <param name="derivation">The derivation.</param>
    /// <returns>The lines.</returns>
    public static IEnumerable<string> Lines(Model.Derivation derivation)
    {
        ArgumentNullException.ThrowIfNull(derivation);
        var stack = new Stack<(Model.Derivation D, int Depth)>();
        stack.Push((derivation, 0));
        while (stack.Count > 0)
        {
            var (d, depth) = stack.Pop();
            string indent = new(' ', 2 * depth);
            yield return $"{indent}{d.Name} = {d.Formula} = {WithUnit(d.Result.Value, d.Result.Unit.Text)}   [{d.Source}]";
            foreach (var input in d.Inputs)
            {
                string origin = input.Source is { } s ? $"   [{(input.IsDefault ? "default: " : string.Empty)}{s}]" : input.IsDefault ? "   [default]" : "   [site data]";
                yield return $"{indent}  {input.Symbol} = {WithUnit(input.Value.Value, input.Value.Unit.Text)}{(input.Description is { } desc ? $" ({desc})" : string.Empty)}{origin}";
            }

            if (d.Note is not null)
            {
                yield return $"{indent}  note: {d.Note}";
            }

            for (int i = d.Inputs.Length - 1; i >= 0; i--)
            {
                if (d.Inputs[i].DerivedFrom is { } inner)
                {
                    stack.Push((inner, depth + 1));
                }
            }
        }
    }
}
