using System.Text.Json;
using Pcf.Accounting.Model;
using Pcf.Accounting.Units;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Json;

/// <summary>Reads and writes derivations and tags in the JSON formats (<c>pcf-system/1</c>, <c>pcf-result/1</c>), in the walker's style.</summary>
/// <remarks>A derivation nests inside an input that was itself derived; reading follows that nesting, which the document's
/// depth limit bounds (<see cref="JsonReadOptions.MaxDepth"/>).</remarks>
internal static class DerivationJson
{
    private static readonly JsonMembers DerivationMembers = new("name", "formula", "inputs", "result", "source", "note");
    private static readonly JsonMembers InputMembers = new("symbol", "value", "unit", "description", "source", "default", "derivation");

    /// <summary>Reads the <c>tags</c> member of an object: an array of tag strings.</summary>
    public static List<Tag> ReadTags(JsonWalker w, JsonElement obj, string at)
    {
        var tags = new List<Tag>();
        foreach (var (item, itemAt) in w.Array(obj, "tags", at))
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                w.Problem(itemAt, ProblemCodes.WrongType, "A tag must be a string.");
            }
            else if (!Tag.TryParse(item.GetString(), out var tag, out string? error))
            {
                w.Problem(itemAt, ProblemCodes.InvalidTag, error);
            }
            else
            {
                tags.Add(tag);
            }
        }

        return tags;
    }

    /// <summary>Reads the gathered <c>tags</c> member of an object: an array of tag strings; empty when absent.</summary>
    public static System.Collections.Immutable.ImmutableArray<Tag> ReadTags(JsonWalker w, JsonFields fields, JsonPath at)
    {
        var tags = System.Collections.Immutable.ImmutableArray<Tag>.Empty;
        foreach (var (item, itemAt) in w.Items(fields, "tags", at))
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                w.Problem(itemAt, ProblemCodes.WrongType, "A tag must be a string.");
            }
            else if (!Tag.TryParse(item.GetString(), out var tag, out string? error))
            {
                w.Problem(itemAt, ProblemCodes.InvalidTag, error);
            }
            else
            {
                tags = tags.Add(tag);
            }
        }

        return tags;
    }

    /// <summary>Reads the optional, gathered <c>derivation</c> member of an exchange.</summary>
    public static Derivation? ReadMember(JsonWalker w, JsonFields fields, JsonPath at) =>
        w.Object(fields, "derivation", at) is { } d ? Read(w, d, JsonWalker.Member(at.ToString(), "derivation")) : null;

    /// <summary>Reads the optional <c>derivation</c> member of an exchange.</summary>
    public static Derivation? ReadMember(JsonWalker w, JsonElement obj, string at) =>
        w.Object(obj, "derivation", at) is { } d ? Read(w, d, JsonWalker.Member(at, "derivation")) : null;

    /// <summary>Reads a derivation object; its formula is evaluated, and a stated result value must agree.</summary>
    public static Derivation? Read(JsonWalker w, JsonElement d, string at)
    {
        w.OnlyMembers(d, at, DerivationMembers);
        string? name = w.String(d, "name", at, required: true);
        string? formula = w.String(d, "formula", at, required: true);
        string? source = w.String(d, "source", at, required: true);
        string? note = w.String(d, "note", at);
        UnitExpression? resultUnit = null;
        double? statedResult = null;
        string resultAt = JsonWalker.Member(at, "result");
        if (w.Object(d, "result", at, required: true) is { } r)
        {
            w.OnlyMembers(r, resultAt, "value", "unit");
            statedResult = w.Number(r, "value", resultAt);
            resultUnit = ReadUnit(w, w.String(r, "unit", resultAt, required: true), JsonWalker.Member(resultAt, "unit"));
        }

        var inputs = new List<DerivationInput>();
        bool inputsOk = true;
        foreach (var (item, itemAt) in w.Array(d, "inputs", at, required: true))
        {
            if (!w.IsObject(item, itemAt))
            {
                inputsOk = false;
                continue;
            }

            w.OnlyMembers(item, itemAt, InputMembers);
            string? symbol = w.String(item, "symbol", itemAt, required: true);
            double? value = w.Number(item, "value", itemAt, required: true);
            var unit = ReadUnit(w, w.String(item, "unit", itemAt, required: true), JsonWalker.Member(itemAt, "unit"));
            string? description = w.String(item, "description", itemAt);
            string? inputSource = w.String(item, "source", itemAt);
            bool isDefault = w.Boolean(item, "default", itemAt) ?? false;
            var derivedFrom = w.Object(item, "derivation", itemAt) is { } inner ? Read(w, inner, JsonWalker.Member(itemAt, "derivation")) : null;
            if (symbol is null || value is not { } v || unit is null)
            {
                inputsOk = false;
                continue;
            }

            inputs.Add(new DerivationInput(symbol, Measure.Of(v, unit))
            {
                Description = description,
                Source = inputSource,
                IsDefault = isDefault,
                DerivedFrom = derivedFrom,
            });
        }

        if (name is null || formula is null || source is null || resultUnit is null || !inputsOk)
        {
            return null;
        }

        if (!Derivation.TryCreate(name, formula, inputs, resultUnit, source, out var derivation, out var problems))
        {
            foreach (var (member, message) in problems)
            {
                w.Problem(at + "." + member, ProblemCodes.DerivationMismatch, message);
            }

            return null;
        }

        if (statedResult is { } stated && !Derivation.Same(derivation.Result.Value, stated))
        {
            w.Problem(JsonWalker.Member(resultAt, "value"), ProblemCodes.DerivationMismatch,
                $"The stated result {JsonWalker.Format(stated)} {resultUnit} differs from the formula's value {JsonWalker.Format(derivation.Result.Value)} {resultUnit}.");
            return null;
        }

        return note is null ? derivation : derivation.WithNote(note);
    }

    private static UnitExpression? ReadUnit(JsonWalker w, string? text, string at)
    {
        if (text is null)
        {
            return null;
        }

        if (UnitExpression.TryParse(text, out var unit, out string? error))
        {
            return unit;
        }

        w.Problem(at, ProblemCodes.UnknownUnit, $"'{text}' is not a unit: {error}");
        return null;
    }

    /// <summary>The wire form of a derivation.</summary>
    public static DerivationDocument? ToDocument(Derivation? d) => d is null ? null : new DerivationDocument(
        d.Name,
        d.Formula,
        [.. d.Inputs.Select(i => new DerivationInputDocument(i.Symbol, i.Value.Value, i.Value.Unit.Text, i.Description, i.Source, i.IsDefault ? true : null, ToDocument(i.DerivedFrom)))],
        new MeasureDocument(d.Result.Value, d.Result.Unit.Text),
        d.Source,
        d.Note);

    /// <summary>The wire form of tags: <see langword="null"/> when there are none.</summary>
    public static IReadOnlyList<string>? ToDocument(System.Collections.Immutable.ImmutableArray<Tag> tags) => tags.IsDefaultOrEmpty ? null : [.. tags.Select(t => t.Text)];
}
