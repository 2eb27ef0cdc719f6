using System.Buffers;
using System.Collections.Immutable;
using System.Text.Json;
using Pcf.Accounting.Json;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Templates;

/// <summary>Reads and writes <c>pcf-template-params/1</c>: a template's id and the values of its parameters.</summary>
/// <remarks>
/// <code>
/// {
///   "format": "pcf-template-params/1",
///   "template": "cement/cement",
///   "parameters": {
///     "cementType": "P·O 42.5",
///     "clinkerRatio": 0.82,                                        // in the parameter's unit
///     "electricity": { "value": 95, "unit": "kWh/t", "source": "plant meters 2025" },
///     "fuels": [ { "fuel": "bituminous-coal", "amount": { "value": 110, "unit": "kg/t" } } ]
///   },
///   "about": { "clinkerRatio": "what the parameter is, its range ..." }   // written by init, ignored when read
/// }
/// </code>
/// A number is bare (in the parameter's unit) or <c>{ "value", "unit", "source" }</c>; a choice, flag or text is bare or
/// <c>{ "value", "source" }</c>; a list is an array of objects of field values; <c>null</c> marks a value still to be filled in.
/// A value equal to the template's default and naming the default's source counts as the default, so a file written by
/// <see cref="WriteInit"/> and run unchanged reports every parameter as a default.
/// </remarks>
public static class TemplateParametersJson
{
    /// <summary>The format name.</summary>
    public const string Format = "pcf-template-params/1";

    private static readonly string[] ValueMembers = ["value", "unit", "source"];
    private static readonly string[] DocumentMembers = ["format", "template", "parameters", "about"];

    /// <summary>Reads a document.</summary>
    /// <param name="utf8Json">The document.</param>
    /// <param name="limits">The size and depth limits; <see langword="null"/> for the defaults.</param>
    /// <returns>The template id and the input, or every problem of the document's structure, with its JSON path. The values are
    /// checked against the template's parameters by <see cref="TemplateValues.Bind"/>.</returns>
    public static ValidationResult<(string Template, TemplateInput Input)> Read(ReadOnlyMemory<byte> utf8Json, JsonReadOptions? limits = null)
    {
        var parsed = JsonFile.Parse(utf8Json, limits);
        if (!parsed.IsValid)
        {
            return ValidationResult.Failure<(string, TemplateInput)>(parsed.Problems);
        }

        using var document = parsed.Value;
        var problems = new List<ValidationProblem>();
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return Fail("$", ProblemCodes.WrongType, "A pcf-template-params/1 document is an object.");
        }

        string? format = root.TryGetProperty("format", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null;
        if (format != Format)
        {
            return Fail("$.format", ProblemCodes.UnsupportedFormat, $"The document's \"format\" must be \"{Format}\".");
        }

        foreach (var member in root.EnumerateObject().Where(m => !DocumentMembers.Contains(m.Name)))
        {
            problems.Add(new ValidationProblem($"$.{Shorten(member.Name)}", ProblemCodes.UnknownMember,
                $"'{Shorten(member.Name)}' is not a member of a pcf-template-params/1 document; known: {string.Join(", ", DocumentMembers)}."));
        }

        string? template = root.TryGetProperty("template", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        if (string.IsNullOrWhiteSpace(template))
        {
            problems.Add(new ValidationProblem("$.template", ProblemCodes.Required, "The document needs the template's id, such as \"cement/cement\"."));
        }

        TemplateInput input = TemplateInput.Empty.At("$.parameters");
        if (root.TryGetProperty("parameters", out var p))
        {
            input = ReadParameters(p, "$.parameters", problems);
        }

        return problems.Count > 0 || template is null
            ? ValidationResult.Failure<(string, TemplateInput)>(problems)
            : ValidationResult.Success((template, input));

        static ValidationResult<(string, TemplateInput)> Fail(string path, string code, string message) =>
            ValidationResult.Failure<(string, TemplateInput)>([new ValidationProblem(path, code, message)]);
    }

    /// <summary>Reads the <c>parameters</c> object alone, as a template vector holds it.</summary>
    /// <param name="utf8Json">The object.</param>
    /// <param name="path">The JSON path of the object, for problems (<c>$</c>).</param>
    /// <param name="limits">The size and depth limits; <see langword="null"/> for the defaults.</param>
    /// <returns>The input, or every problem of its structure.</returns>
    public static ValidationResult<TemplateInput> ReadParameters(ReadOnlyMemory<byte> utf8Json, string path = "$", JsonReadOptions? limits = null)
    {
        var parsed = JsonFile.Parse(utf8Json, limits);
        if (!parsed.IsValid)
        {
            return ValidationResult.Failure<TemplateInput>(parsed.Problems);
        }

        using var document = parsed.Value;
        var problems = new List<ValidationProblem>();
        var input = ReadParameters(document.RootElement, path, problems);
        return problems.Count > 0 ? ValidationResult.Failure<TemplateInput>(problems) : ValidationResult.Success(input);
    }

    private static TemplateInput ReadParameters(JsonElement obj, string path, List<ValidationProblem> problems)
    {
        var input = TemplateInput.Empty.At(path);
        if (obj.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new ValidationProblem(path, ProblemCodes.WrongType, "The parameters are an object: parameter name to value."));
            return input;
        }

        foreach (var member in obj.EnumerateObject())
        {
            string at = $"{path}.{Shorten(member.Name)}";
            if (ReadValue(member.Value, at, problems, allowList: true) is { } value)
            {
                input = input.With(member.Name, value);
            }
        }

        return input;
    }

    private static TemplateInputValue? ReadValue(JsonElement value, string at, List<ValidationProblem> problems, bool allowList)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Null:
                return new TemplateInputValue(null);
            case JsonValueKind.Number:
                if (!value.TryGetDouble(out double number) || !double.IsFinite(number))
                {
                    problems.Add(new ValidationProblem(at, ProblemCodes.NumberOutOfRange, "The number is too large for a double."));
                    return null;
                }

                return new TemplateInputValue(number);
            case JsonValueKind.String:
                return new TemplateInputValue(value.GetString());
            case JsonValueKind.True:
            case JsonValueKind.False:
                return new TemplateInputValue(value.GetBoolean());
            case JsonValueKind.Array when allowList:
                var items = ImmutableArray.CreateBuilder<TemplateInput>();
                int i = 0;
                foreach (var item in value.EnumerateArray())
                {
                    string itemAt = $"{at}[{i++}]";
                    if (item.ValueKind != JsonValueKind.Object)
                    {
                        problems.Add(new ValidationProblem(itemAt, ProblemCodes.WrongType, "An item of a list is an object of field values."));
                        continue;
                    }

                    var fields = TemplateInput.Empty.At(itemAt);
                    foreach (var member in item.EnumerateObject())
                    {
                        if (ReadValue(member.Value, $"{itemAt}.{Shorten(member.Name)}", problems, allowList: false) is { } field)
                        {
                            fields = fields.With(member.Name, field);
                        }
                    }

                    items.Add(fields);
                }

                return new TemplateInputValue(items.ToImmutable());
            case JsonValueKind.Object:
                bool ok = true;
                foreach (var member in value.EnumerateObject().Where(m => !ValueMembers.Contains(m.Name)))
                {
                    problems.Add(new ValidationProblem($"{at}.{Shorten(member.Name)}", ProblemCodes.UnknownMember,
                        $"A value object holds only \"value\", \"unit\" and \"source\"; '{Shorten(member.Name)}' is not one of them."));
                    ok = false;
                }

                string? unit = null, source = null;
                if (value.TryGetProperty("unit", out var u))
                {
                    unit = u.ValueKind == JsonValueKind.String ? u.GetString() : null;
                    ok &= Check(u.ValueKind == JsonValueKind.String, $"{at}.unit", "The unit is text, such as \"kWh/t\".");
                }

                if (value.TryGetProperty("source", out var s))
                {
                    source = s.ValueKind == JsonValueKind.String ? s.GetString() : null;
                    ok &= Check(s.ValueKind is JsonValueKind.String or JsonValueKind.Null, $"{at}.source", "The source is text, such as \"lab report 2025-03\".");
                }

                if (!value.TryGetProperty("value", out var v))
                {
                    problems.Add(new ValidationProblem($"{at}.value", ProblemCodes.Required, "A value object needs \"value\"."));
                    return null;
                }

                if (v.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                {
                    problems.Add(new ValidationProblem($"{at}.value", ProblemCodes.WrongType, "\"value\" is a number, text, true or false, or null."));
                    return null;
                }

                var inner = ReadValue(v, $"{at}.value", problems, allowList: false);
                return ok && inner is not null ? inner with { Unit = unit, Source = source } : null;
            default:
                problems.Add(new ValidationProblem(at, ProblemCodes.WrongType, allowList
                    ? "A parameter's value is a number, text, true or false, a value object, a list of items, or null."
                    : "A field's value is a number, text, true or false, a value object, or null."));
                return null;
        }

        bool Check(bool condition, string path, string message)
        {
            if (!condition)
            {
                problems.Add(new ValidationProblem(path, ProblemCodes.WrongType, message));
            }

            return condition;
        }
    }

    /// <summary>Writes a document with values.</summary>
    /// <param name="templateId">The template's id.</param>
    /// <param name="values">The values; defaults are written with their source.</param>
    /// <returns>The document, UTF-8, indented.</returns>
    public static byte[] Write(string templateId, TemplateValues values)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(templateId);
        ArgumentNullException.ThrowIfNull(values);
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("format", Format);
            w.WriteString("template", templateId);
            w.WriteStartObject("parameters");
            foreach (var v in values.All)
            {
                w.WritePropertyName(v.Parameter.Name);
                WriteValue(w, v);
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteValue(Utf8JsonWriter w, TemplateValue v)
    {
        if (v.Value is ImmutableArray<TemplateValues> items)
        {
            w.WriteStartArray();
            foreach (var item in items)
            {
                w.WriteStartObject();
                foreach (var field in item.All)
                {
                    w.WritePropertyName(field.Parameter.Name);
                    WriteValue(w, field);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            return;
        }

        w.WriteStartObject();
        w.WritePropertyName("value");
        WriteScalar(w, v.Value);
        if (v.Parameter.Unit is { } unit)
        {
            w.WriteString("unit", unit.Text);
        }

        w.WriteString("source", v.Source);
        w.WriteEndObject();
    }

    private static void WriteScalar(Utf8JsonWriter w, object? value)
    {
        switch (value)
        {
            case null: w.WriteNullValue(); break;
            case double d: w.WriteNumberValue(d); break;
            case bool b: w.WriteBooleanValue(b); break;
            default: w.WriteStringValue(value.ToString()); break;
        }
    }

    /// <summary>Writes the parameter file <c>pcf template init</c> gives: every parameter with a default at its default and
    /// the default's source, every required one <c>null</c> to be filled in, and under <c>about</c> what each parameter is.</summary>
    /// <param name="template">The template.</param>
    /// <returns>The document, UTF-8, indented. Run unchanged (with the required values filled in), it reports every default as a default.</returns>
    public static byte[] WriteInit(ITemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("format", Format);
            w.WriteString("template", template.Descriptor.Id);
            w.WriteStartObject("parameters");
            foreach (var p in template.Parameters)
            {
                w.WritePropertyName(p.Name);
                if (p.Kind == TemplateParameterKind.List)
                {
                    w.WriteStartArray();
                    w.WriteEndArray();
                }
                else if (p.Default is { } d)
                {
                    WriteValue(w, new TemplateValue(p, d.Value, IsDefault: true, d.Source));
                }
                else
                {
                    w.WriteNullValue();
                }
            }

            w.WriteEndObject();
            w.WriteStartObject("about");
            foreach (var p in template.Parameters)
            {
                w.WriteString(p.Name, About(p));
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Describes a parameter in one line: description, unit and range or choices, site data or optional, list fields.</summary>
    /// <param name="p">The parameter.</param>
    /// <returns>The text.</returns>
    public static string About(TemplateParameter p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var parts = new List<string> { p.Description.TrimEnd('.') };
        switch (p.Kind)
        {
            case TemplateParameterKind.Number:
                parts.Add(p.RangeText() is { Length: > 0 } range ? $"number, {range}" : $"number, in {p.Unit}");
                break;
            case TemplateParameterKind.Choice:
                parts.Add($"one of {string.Join(", ", p.Choices)}");
                break;
            case TemplateParameterKind.Flag:
                parts.Add("true or false");
                break;
            case TemplateParameterKind.Text:
                parts.Add("text");
                break;
            case TemplateParameterKind.List:
                parts.Add($"items of {{ {string.Join("; ", p.Fields.Select(f => $"{f.Name}: {About(f)}"))} }}");
                break;
        }

        if (p.IsSiteData)
        {
            parts.Add("site data");
        }

        if (p.IsRequired)
        {
            parts.Add("required");
        }
        else if (p.IsOptional && p.Default is null && p.Kind != TemplateParameterKind.List)
        {
            parts.Add("optional");
        }

        return string.Join("; ", parts) + ".";
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : string.Concat(text.AsSpan(0, 77), "...");
}
