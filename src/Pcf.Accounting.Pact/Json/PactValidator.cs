using System.Text.Json;
using Pcf.Accounting.Json;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Pact.Json;

/// <summary>Checks a ProductFootprint JSON element against the rules of its version, collecting every problem with its JSON path.</summary>
/// <remarks>
/// <para>The rules are those of the 2.3.3 and 3.0.3 OpenAPI documents (types, required properties, patterns,
/// enumerations, array sizes, the geography <c>oneOf</c>), plus rules their prose states as MUST
/// (signs of x-comment <c>&gt;= 0</c>/<c>&lt;= 0</c>, packaging, <c>Other</c> operator, DQR ranges) and the 3.0 sum rules.</para>
/// <para>Values are read with the walker of every Pcf.Accounting format (<see cref="JsonWalker"/>), so a fault they share
/// (a required member missing, a value of the wrong type, an unknown member, a number beyond the range of a double) is
/// reported with the same code and message as in <c>pcf-system/1</c> or <c>pcf-factors/1</c>. Two walkers share the
/// options: one writes errors, the other warnings (unknown members, and rules beyond the 3.0 text unless strict).</para>
/// <para>This file holds the machinery: fields described by kind, read member by member. The rules of each group of fields
/// are in the partial files beside it: identity and status, company and product, period and validity, the <c>pcf</c> block
/// with its sum rules, data quality, and assurance or verification. Events are checked by <see cref="PactEventValidator"/>.</para>
/// </remarks>
internal sealed partial class PactValidator
{
    private readonly JsonWalker _errors;
    private readonly JsonWalker _warnings;
    private readonly PactReadOptions _options;

    // While set, violations go where rules beyond the 3.0 text go (warnings unless strict): see Field.Lenient.
    private bool _lenient;

    public PactValidator(List<ValidationProblem> errors, List<ValidationProblem> warnings, PactReadOptions options)
    {
        _errors = new JsonWalker(options, errors);
        _warnings = new JsonWalker(options, warnings);
        _options = options;
    }

    /// <summary>The kinds of value the specification's properties have.</summary>
    private enum K
    {
        Text,
        Unit,
        NonEmpty,
        Uuid,
        DateTime,
        Urn,
        Uri,
        SpecVersion,
        Decimal,
        DecimalPositiveOrZero,
        DecimalPositive,
        DecimalNegativeOrZero,
        DecimalPercent,
        DecimalDqr5,
        Boolean,
        Integer,
        NumberPercent,
        NumberDqr3,
        Country,
        Subdivision,
        Ar,
        Object,
    }

    /// <summary>A property: its name and kind, whether it is required, an array (of unique items, non-empty when present), a
    /// closed list of values, or lenient (checked, but reported as a rule beyond the 3.0 text).</summary>
    private sealed record Field(string Name, K Kind, bool Required = false, bool IsArray = false, string[]? Allowed = null, bool Unique = true, bool AllowEmpty = false, bool Lenient = false);

    /// <summary>The properties of one kind of object, the ones its version removed (warned about, then ignored), and whether
    /// other members are reported (an extension's members are its own).</summary>
    private sealed class Shape
    {
        public Shape(Field[] fields, string[]? removed = null, bool open = false)
        {
            Fields = fields;
            Members = new JsonMembers([.. fields.Select(f => f.Name)]);
            Removed = removed ?? [];
            Open = open;
        }

        public Field[] Fields { get; }

        public JsonMembers Members { get; }

        public string[] Removed { get; }

        public bool Open { get; }
    }

    /// <summary>Validates one footprint of the given version; returns the number of errors it added.</summary>
    public int ValidateFootprint(JsonElement footprint, JsonPath path, PactSpecVersion version)
    {
        int before = _errors.Found;
        bool v3 = version == PactSpecVersion.Version30;
        if (!Object(footprint, path, v3 ? FootprintV3 : FootprintV2))
        {
            return _errors.Found - before;
        }

        SpecVersionMajor(footprint, path, v3);
        ValidityPeriod(footprint, path, v3);
        Extensions(footprint, path);
        if (footprint.TryGetProperty("pcf", out var pcf) && pcf.ValueKind == JsonValueKind.Object)
        {
            if (v3)
            {
                CarbonFootprint3(pcf, path.Member("pcf"));
            }
            else
            {
                CarbonFootprint2(pcf, path.Member("pcf"));
            }
        }

        return _errors.Found - before;
    }

    private static readonly Shape FootprintV3 = new(
        [.. IdentityV3, .. ValidityPeriodFields, .. CompanyAndProductV3, new("pcf", K.Object, true), ExtensionsField, .. RemovedButCheckedV3],
        RemovedFromFootprintV3);

    private static readonly Shape FootprintV2 = new([.. IdentityV2, .. ValidityPeriodFields, .. CompanyAndProductV2, new("pcf", K.Object, true), ExtensionsField]);

    /// <summary>Checks an object's members in the order of its fields, then warns of members it does not define; returns false when the value is not an object.</summary>
    private bool Object(JsonElement value, JsonPath path, Shape shape)
    {
        if (!Walker.IsObject(value, path))
        {
            return false;
        }

        foreach (var field in shape.Fields)
        {
            if (Walker.Get(value, field.Name, path, field.Required) is not { } member)
            {
                continue;
            }

            bool lenient = _lenient;
            _lenient |= field.Lenient;
            if (field.IsArray)
            {
                Array(value, member, path, field);
            }
            else
            {
                Member(value, path, field);
            }

            _lenient = lenient;
        }

        foreach (var property in value.EnumerateObject())
        {
            if (shape.Removed.Contains(property.Name))
            {
                // A warning, not an error: the specification's own 3.0 examples still carry biogenicAccountingMethodology.
                _warnings.Problem(JsonWalker.Member(path.ToString(), property.Name), PactProblemCodes.RemovedProperty,
                    $"{property.Name} is not part of this version (it was removed or renamed in 3.0); it is ignored.");
            }
            else if (!shape.Open && shape.Members.IndexOf(property) < 0)
            {
                // PACT tells recipients to ignore what they do not know: a warning, with the message of every format.
                _warnings.UnknownMember(path, property.Name, shape.Members);
            }
        }

        return true;
    }

    /// <summary>Checks a member that is present and not null.</summary>
    private void Member(JsonElement obj, JsonPath path, Field field)
    {
        var w = Walker;
        JsonPath at = path.Member(field.Name);
        switch (field.Kind)
        {
            case K.Object:
                w.Object(obj, field.Name, path);
                return;
            case K.Boolean:
                w.Boolean(obj, field.Name, path);
                return;
            case K.Integer:
                if (w.Integer(obj, field.Name, path) is int n && n < 0)
                {
                    Error(at, ProblemCodes.NumberOutOfRange, $"'{field.Name}' must be zero or positive; it is {n}.");
                }

                return;
            case K.NumberPercent or K.NumberDqr3:
                // 2.3 numbers: a JSON number (a finite double, as in every format), then read exactly as a decimal.
                if (w.Number(obj, field.Name, path) is null)
                {
                    return;
                }

                if (!PactDecimals.TryParseExact(obj.GetProperty(field.Name).GetRawText(), out decimal number, out string? why))
                {
                    Error(at, PactProblemCodes.InexactDecimal, why!);
                }
                else
                {
                    Range(at, field.Name, number, field.Kind == K.NumberPercent ? 0 : 1, field.Kind == K.NumberPercent ? 100 : 3);
                }

                return;
        }

        if (w.String(obj, field.Name, path) is { } text)
        {
            Text(text, at, field);
        }
    }

    /// <summary>Checks an array member that is present and not null: its type, size, items and their uniqueness.</summary>
    private void Array(JsonElement obj, JsonElement value, JsonPath path, Field field)
    {
        var w = Walker;
        if (value.ValueKind == JsonValueKind.Array && value.GetArrayLength() == 0 && !field.AllowEmpty)
        {
            Error(path.Member(field.Name), PactProblemCodes.EmptyArray, $"{field.Name} must have at least one item when present.");
        }

        var seen = field.Unique ? new HashSet<string>(StringComparer.Ordinal) : null;
        foreach (var (item, at) in w.Items(obj, field.Name, path))
        {
            if (field.Kind == K.Object)
            {
                w.IsObject(item, at);
            }
            else if (w.StringItem(item, at, field.Name) is { } text)
            {
                Text(text, at, field);
            }

            if (seen is not null && !seen.Add(item.GetRawText()))
            {
                Error(at, PactProblemCodes.DuplicateItem, $"{field.Name} must not repeat {item.GetRawText()}.");
            }
        }
    }

    /// <summary>Checks a string value against its field's allowed values and form.</summary>
    private void Text(string text, JsonPath path, Field field)
    {
        if (field.Allowed is { } allowed && !allowed.Contains(text, StringComparer.Ordinal))
        {
            // A declared unit outside the version's list is the fault every format calls an unknown unit.
            string list = string.Join(", ", allowed.Select(a => "'" + a + "'"));
            if (field.Kind == K.Unit)
            {
                Error(path, ProblemCodes.UnknownUnit, $"'{text}' is not a known unit (PACT names a declared unit in words: {list}).");
            }
            else
            {
                Error(path, PactProblemCodes.NotAllowedValue, $"'{text}' is not allowed; use one of: {list}.");
            }

            return;
        }

        switch (field.Kind)
        {
            case K.NonEmpty when text.Length == 0:
                Error(path, PactProblemCodes.InvalidFormat, $"{field.Name} must not be empty.");
                break;
            case K.Decimal or K.DecimalPositive or K.DecimalPositiveOrZero or K.DecimalNegativeOrZero or K.DecimalPercent or K.DecimalDqr5:
                Decimal(text, path, field.Name, field.Kind);
                break;
            default:
                Format(text, path, field.Kind);
                break;
        }
    }

    private void Decimal(string text, JsonPath path, string name, K kind)
    {
        if (!DecimalPattern().IsMatch(text))
        {
            Error(path, PactProblemCodes.InvalidFormat, $"'{text}' is not a decimal string (digits, an optional sign and decimal point, such as \"1.25\").");
            return;
        }

        if (!PactDecimals.TryParseExact(text, out decimal d, out string? why))
        {
            Error(path, PactProblemCodes.InexactDecimal, why!);
            return;
        }

        switch (kind)
        {
            case K.DecimalPositive when d <= 0:
                Error(path, ProblemCodes.NumberOutOfRange, $"'{name}' must be positive; it is {text}.");
                break;
            case K.DecimalPositiveOrZero when d < 0:
                Error(path, ProblemCodes.NumberOutOfRange, $"'{name}' must be zero or positive (emissions and contents are never negative); it is {text}.");
                break;
            case K.DecimalNegativeOrZero when d > 0:
                Error(path, ProblemCodes.NumberOutOfRange, $"'{name}' must be zero or negative (uptake, removals and capture are negative); it is {text}.");
                break;
            case K.DecimalPercent when d < 0 || d > 100:
                // 3.0 types percentages as plain decimals (its exemptedEmissionsPercent note even removed the old bound): a range is our reading.
                Beyond(path, ProblemCodes.NumberOutOfRange, $"'{name}' is a percentage, from 0 to 100; it is {text}.");
                break;
            case K.DecimalDqr5:
                Range(path, name, d, 1, 5);
                break;
        }
    }

    private void Range(JsonPath path, string name, decimal value, decimal min, decimal max)
    {
        if (value < min || value > max)
        {
            Error(path, ProblemCodes.NumberOutOfRange, $"'{name}' must be from {PactDecimals.Text(min)} to {PactDecimals.Text(max)}; it is {PactDecimals.Text(value)}.");
        }
    }

    /// <summary>Gets the walker a violation goes to: the errors, or the warnings while checking a lenient field without <see cref="PactReadOptions.Strict"/>.</summary>
    private JsonWalker Walker => _lenient && !_options.Strict ? _warnings : _errors;

    private void Error(JsonPath path, string code, string message) => Walker.Problem(path, code, message);

    /// <summary>A rule stricter than the 3.0 text (or a MUST of its prose the schema does not carry): a warning, an error when reading strictly.</summary>
    private void Beyond(JsonPath path, string code, string message) => (_options.Strict ? _errors : _warnings).Problem(path, code, message);

    /// <summary>A rule whose breach is only ever a warning.</summary>
    private void Warning(JsonPath path, string code, string message) => _warnings.Problem(path, code, message);

    private static decimal? Dec(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && PactDecimals.TryParseExact(value.GetString()!, out decimal d, out _) ? d : null;

    private static decimal Opt(JsonElement obj, string name) => Dec(obj, name) ?? 0m;
}
