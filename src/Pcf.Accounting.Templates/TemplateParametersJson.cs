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

    private static readonly JsonMembers ValueMembers = new("value", "unit", "source");
    private static readonly JsonMembers DocumentMembers = new("format", "template", "parameters", "about");

    /// <summary>Reads a document.</summary>
    /// <param name="utf8Json">The document.</param>
    /// <param name="limits">The limits (size, depth, items of a list, characters of a string or name, magnitude of a number,
    /// problems listed); <see langword="null"/> for <see cref="JsonReadOptions.Default"/>.</param>
    /// <returns>The template id and the input, or every problem of the document's structure, with its JSON path: invalid UTF-8
    /// (<c>PCF0009</c>), malformed JSON, a document past a limit, an unknown member (the nearest known one named), a value of the
    /// wrong type, a number past the magnitude limit, a parameter named twice or with an empty name. The values are checked
    /// against the template's parameters by <see cref="TemplateValues.Bind"/>.</returns>
    /// <remarks>Read like every Pcf.Accounting document: a UTF-8 byte-order mark is skipped, comments are allowed, and the limits
    /// are the same options type as the other formats' (<see cref="JsonReadOptions"/>). Nothing partial is returned.</remarks>
    public static ValidationResult<(string Template, TemplateInput Input)> Read(ReadOnlyMemory<byte> utf8Json, JsonReadOptions? limits = null)
    {
        var w = new JsonWalker(limits ?? JsonReadOptions.Default);
        using var document = w.Parse(utf8Json);
        if (document is null)
        {
            return ValidationResult.Failure<(string, TemplateInput)>(w.Problems);
        }

        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            w.Problem("$", ProblemCodes.WrongType, $"A pcf-template-params/1 document is an object, found {JsonWalker.Describe(root)}.");
            return ValidationResult.Failure<(string, TemplateInput)>(w.Problems);
        }

        string? format = root.TryGetProperty("format", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null;
        if (format != Format)
        {
            w.Problem("$.format", ProblemCodes.UnsupportedFormat, $"The document's \"format\" must be \"{Format}\".");
            return ValidationResult.Failure<(string, TemplateInput)>(w.Problems);
        }

        var fields = w.Fields(root, "$", DocumentMembers, new JsonElement[DocumentMembers.Names.Length]);
        int found = w.Found;
        string? template = w.String(fields, "template", "$");
        if (string.IsNullOrWhiteSpace(template) && w.Found == found)
        {
            w.Problem("$.template", ProblemCodes.Required, "The document needs the template's id, such as \"cement/cement\".");
        }

        TemplateInput input = TemplateInput.Empty.At("$.parameters");
        if (w.Object(fields, "parameters", "$") is { } parameters)
        {
            input = ReadParameters(w, parameters, ((JsonPath)"$").Member("parameters"));
        }

        // "about" is what init writes for people; it is not read.
        return w.Found > 0 || template is null
            ? ValidationResult.Failure<(string, TemplateInput)>(w.Problems)
            : ValidationResult.Success((template, input));
    }

    /// <summary>Reads the <c>parameters</c> object alone, as a template vector holds it.</summary>
    /// <param name="utf8Json">The object.</param>
    /// <param name="path">The JSON path of the object, for problems (<c>$</c>).</param>
    /// <param name="limits">The limits; <see langword="null"/> for <see cref="JsonReadOptions.Default"/>.</param>
    /// <returns>The input, or every problem of its structure.</returns>
    public static ValidationResult<TemplateInput> ReadParameters(ReadOnlyMemory<byte> utf8Json, string path = "$", JsonReadOptions? limits = null)
    {
        var w = new JsonWalker(limits ?? JsonReadOptions.Default);
        using var document = w.Parse(utf8Json);
        if (document is null)
        {
            return ValidationResult.Failure<TemplateInput>(w.Problems);
        }

        var input = TemplateInput.Empty.At(path);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            w.Problem(path, ProblemCodes.WrongType, $"The parameters are an object: parameter name to value, found {JsonWalker.Describe(document.RootElement)}.");
        }
        else
        {
            input = ReadParameters(w, document.RootElement, path);
        }

        return w.Found > 0 ? ValidationResult.Failure<TemplateInput>(w.Problems) : ValidationResult.Success(input);
    }

    // An object of parameter (or list field) name to value; a name is given once and is not empty.
    private static TemplateInput ReadParameters(JsonWalker w, JsonElement obj, JsonPath path, bool allowList = true)
    {
        var input = TemplateInput.Empty.At(path.ToString());
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in obj.EnumerateObject())
        {
            string name = member.Name;
            var at = path.Member(name);
            string what = allowList ? "parameter" : "field";
            if (string.IsNullOrWhiteSpace(name))
            {
                w.Problem(at, ProblemCodes.UnknownMember, $"A {what}'s name is empty.");
                continue;
            }

            if (name.Length > w.Options.MaxStringLength)
            {
                w.Problem(at, ProblemCodes.TooLong, $"A {what}'s name has {name.Length} characters; the limit is {w.Options.MaxStringLength} (JsonLimits:MaxStringLength).");
                continue;
            }

            if (!seen.Add(name))
            {
                w.Problem(at, ProblemCodes.DuplicateId, $"The {what} '{name}' is given twice; a {what} has one value.");
                continue;
            }

            if (ReadValue(w, obj, name, path, allowList) is { } value)
            {
                input = input.With(name, value);
            }
        }

        return input;
    }

    // The value of member 'name' of obj (at path.name): a scalar, a value object, or (a parameter's) a list of items.
    private static TemplateInputValue? ReadValue(JsonWalker w, JsonElement obj, string name, JsonPath path, bool allowList)
    {
        var value = obj.GetProperty(name);
        var at = path.Member(name);
        switch (value.ValueKind)
        {
            case JsonValueKind.Null:
                return new TemplateInputValue(null);
            case JsonValueKind.Number:
                return w.Number(obj, name, path) is { } number ? new TemplateInputValue(number) : null;
            case JsonValueKind.String:
                int found = w.Found;
                string? text = w.String(obj, name, path);
                return w.Found == found ? new TemplateInputValue(text) : null;
            case JsonValueKind.True:
            case JsonValueKind.False:
                return new TemplateInputValue(value.GetBoolean());
            case JsonValueKind.Array when allowList:
                var items = ImmutableArray.CreateBuilder<TemplateInput>();
                found = w.Found;
                foreach (var (item, itemAt) in w.Items(obj, name, path))
                {
                    if (item.ValueKind != JsonValueKind.Object)
                    {
                        w.Problem(itemAt, ProblemCodes.WrongType, $"An item of a list is an object of field values, found {JsonWalker.Describe(item)}.");
                        continue;
                    }

                    items.Add(ReadParameters(w, item, itemAt, allowList: false));
                }

                return w.Found == found ? new TemplateInputValue(items.ToImmutable()) : null;
            case JsonValueKind.Object:
                found = w.Found;
                var fields = w.Fields(value, at, ValueMembers, new JsonElement[ValueMembers.Names.Length]);
                string? unit = w.String(fields, "unit", at);
                string? source = w.String(fields, "source", at);
                var inner = fields["value"];
                if (inner.ValueKind == JsonValueKind.Undefined)
                {
                    w.Problem(at.Member("value"), ProblemCodes.Required, "A value object needs \"value\".");
                    return null;
                }

                if (inner.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                {
                    w.Problem(at.Member("value"), ProblemCodes.WrongType, $"\"value\" is a number, text, true or false, or null, found {JsonWalker.Describe(inner)}.");
                    return null;
                }

                var read = ReadValue(w, value, "value", at, allowList: false);
                return w.Found == found && read is not null ? read with { Unit = unit, Source = source } : null;
            default:
                w.Problem(at, ProblemCodes.WrongType, allowList
                    ? $"A parameter's value is a number, text, true or false, a value object, a list of items, or null, found {JsonWalker.Describe(value)}."
                    : $"A field's value is a number, text, true or false, a value object, or null, found {JsonWalker.Describe(value)}.");
                return null;
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

}
