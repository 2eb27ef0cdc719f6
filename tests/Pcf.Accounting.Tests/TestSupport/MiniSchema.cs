using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Pcf.Accounting.Tests.TestSupport;

/// <summary>
/// Checks a JSON document against the subset of JSON Schema 2020-12 that the project's own schemas use:
/// type, const, enum, required, properties, additionalProperties: false, items, $ref to #/$defs, oneOf,
/// minimum, maximum, minLength, pattern. Unknown keywords are ignored (annotations).
/// </summary>
internal static class MiniSchema
{
    public static List<string> Validate(JsonElement schemaRoot, JsonElement instance)
    {
        var errors = new List<string>();
        Check(schemaRoot, schemaRoot, instance, "$", errors);
        return errors;
    }

    private static void Check(JsonElement root, JsonElement schema, JsonElement value, string path, List<string> errors)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            var target = root;
            foreach (var part in reference.GetString()!.TrimStart('#', '/').Split('/'))
            {
                target = target.GetProperty(part);
            }

            Check(root, target, value, path, errors);
            return;
        }

        if (schema.TryGetProperty("oneOf", out var oneOf))
        {
            int passing = oneOf.EnumerateArray().Count(s => { var e = new List<string>(); Check(root, s, value, path, e); return e.Count == 0; });
            if (passing != 1)
            {
                errors.Add($"{path}: matches {passing} of oneOf");
            }

            return;
        }

        if (schema.TryGetProperty("type", out var type))
        {
            var types = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToArray() : [type.GetString()!];
            if (!types.Any(t => Is(t, value)))
            {
                errors.Add($"{path}: expected {string.Join("|", types)}, got {value.ValueKind}");
                return;
            }
        }

        if (schema.TryGetProperty("const", out var constant) && !JsonElement.DeepEquals(constant, value))
        {
            errors.Add($"{path}: expected {constant}");
        }

        if (schema.TryGetProperty("enum", out var values) && !values.EnumerateArray().Any(v => JsonElement.DeepEquals(v, value)))
        {
            errors.Add($"{path}: {value} not in enum");
        }

        if (value.ValueKind == JsonValueKind.Number)
        {
            double x = value.GetDouble();
            if (schema.TryGetProperty("minimum", out var min) && x < min.GetDouble())
            {
                errors.Add($"{path}: {x.ToString(CultureInfo.InvariantCulture)} < minimum {min}");
            }

            if (schema.TryGetProperty("maximum", out var max) && x > max.GetDouble())
            {
                errors.Add($"{path}: {x.ToString(CultureInfo.InvariantCulture)} > maximum {max}");
            }
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            string s = value.GetString()!;
            if (schema.TryGetProperty("minLength", out var minLength) && s.Length < minLength.GetInt32())
            {
                errors.Add($"{path}: shorter than {minLength}");
            }

            if (schema.TryGetProperty("pattern", out var pattern) && !Regex.IsMatch(s, pattern.GetString()!))
            {
                errors.Add($"{path}: '{s}' does not match {pattern}");
            }
        }

        if (value.ValueKind == JsonValueKind.Object)
        {
            if (schema.TryGetProperty("required", out var required))
            {
                foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
                {
                    if (!value.TryGetProperty(name, out _))
                    {
                        errors.Add($"{path}: missing required '{name}'");
                    }
                }
            }

            schema.TryGetProperty("properties", out var properties);
            bool closed = schema.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind == JsonValueKind.False;
            foreach (var member in value.EnumerateObject())
            {
                if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(member.Name, out var sub))
                {
                    Check(root, sub, member.Value, $"{path}.{member.Name}", errors);
                }
                else if (closed)
                {
                    errors.Add($"{path}: unexpected member '{member.Name}'");
                }
            }
        }

        if (value.ValueKind == JsonValueKind.Array && schema.TryGetProperty("items", out var items))
        {
            int i = 0;
            foreach (var item in value.EnumerateArray())
            {
                Check(root, items, item, $"{path}[{i++}]", errors);
            }
        }
    }

    private static bool Is(string type, JsonElement value) => type switch
    {
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "string" => value.ValueKind == JsonValueKind.String,
        "number" => value.ValueKind == JsonValueKind.Number,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "null" => value.ValueKind == JsonValueKind.Null,
        _ => throw new NotSupportedException(type),
    };
}
