using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Pcf.Accounting.Tests.TestSupport;

/// <summary>
/// Checks a JSON document against the subset of JSON Schema 2020-12 that the project's own schemas use:
/// type, const, enum, required, properties, additionalProperties: false, unevaluatedProperties: false, items,
/// minItems, $ref to #/$defs (with sibling keywords, as 2020-12 applies them), allOf, anyOf, oneOf, not,
/// minimum, maximum, exclusiveMinimum, minLength, maxLength, pattern. Annotations are skipped; any other keyword throws,
/// so a schema never passes by being half read.
/// </summary>
internal static class MiniSchema
{
    private static readonly HashSet<string> Annotations = ["$schema", "$id", "$defs", "$comment", "title", "description", "default", "examples", "format", "deprecated"];

    private static readonly HashSet<string> Assertions =
    [
        "$ref", "allOf", "anyOf", "oneOf", "not", "type", "const", "enum", "minimum", "maximum", "exclusiveMinimum",
        "minLength", "maxLength", "pattern", "required", "properties", "additionalProperties", "unevaluatedProperties", "items", "minItems",
    ];

    public static List<string> Validate(JsonElement schemaRoot, JsonElement instance)
    {
        var errors = new List<string>();
        Check(schemaRoot, schemaRoot, instance, "$", errors);
        return errors;
    }

    // Returns the names of the object members this schema (with its in-place applicators) evaluated.
    private static HashSet<string> Check(JsonElement root, JsonElement schema, JsonElement value, string path, List<string> errors)
    {
        var evaluated = new HashSet<string>(StringComparer.Ordinal);
        if (schema.ValueKind is JsonValueKind.True)
        {
            return evaluated;
        }

        foreach (var keyword in schema.EnumerateObject())
        {
            if (!Annotations.Contains(keyword.Name) && !Assertions.Contains(keyword.Name))
            {
                throw new NotSupportedException($"MiniSchema does not know the keyword '{keyword.Name}'.");
            }
        }

        if (schema.TryGetProperty("$ref", out var reference))
        {
            var target = root;
            foreach (var part in reference.GetString()!.TrimStart('#', '/').Split('/'))
            {
                target = target.GetProperty(part);
            }

            evaluated.UnionWith(Check(root, target, value, path, errors));
        }

        if (schema.TryGetProperty("allOf", out var allOf))
        {
            foreach (var sub in allOf.EnumerateArray())
            {
                evaluated.UnionWith(Check(root, sub, value, path, errors));
            }
        }

        if (schema.TryGetProperty("anyOf", out var anyOf))
        {
            bool any = false;
            foreach (var sub in anyOf.EnumerateArray())
            {
                var e = new List<string>();
                var names = Check(root, sub, value, path, e);
                if (e.Count == 0)
                {
                    any = true;
                    evaluated.UnionWith(names);
                }
            }

            if (!any)
            {
                errors.Add($"{path}: matches none of anyOf");
            }
        }

        if (schema.TryGetProperty("oneOf", out var oneOf))
        {
            var passing = new List<HashSet<string>>();
            foreach (var sub in oneOf.EnumerateArray())
            {
                var e = new List<string>();
                var names = Check(root, sub, value, path, e);
                if (e.Count == 0)
                {
                    passing.Add(names);
                }
            }

            if (passing.Count == 1)
            {
                evaluated.UnionWith(passing[0]);
            }
            else
            {
                errors.Add($"{path}: matches {passing.Count} of oneOf");
            }
        }

        if (schema.TryGetProperty("not", out var not) && Passes(root, not, value, path))
        {
            errors.Add($"{path}: matches a schema under 'not'");
        }

        if (schema.TryGetProperty("type", out var type))
        {
            var types = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToArray() : [type.GetString()!];
            if (!types.Any(t => Is(t, value)))
            {
                errors.Add($"{path}: expected {string.Join("|", types)}, got {value.ValueKind}");
                return evaluated;
            }
        }

        if (schema.TryGetProperty("const", out var constant) && !Compat.JsonEquals(constant, value))
        {
            errors.Add($"{path}: expected {constant}");
        }

        if (schema.TryGetProperty("enum", out var values) && !values.EnumerateArray().Any(v => Compat.JsonEquals(v, value)))
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

            if (schema.TryGetProperty("exclusiveMinimum", out var exclusiveMin) && x <= exclusiveMin.GetDouble())
            {
                errors.Add($"{path}: {x.ToString(CultureInfo.InvariantCulture)} <= exclusiveMinimum {exclusiveMin}");
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

            if (schema.TryGetProperty("maxLength", out var maxLength) && s.Length > maxLength.GetInt32())
            {
                errors.Add($"{path}: longer than {maxLength}");
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
                    evaluated.Add(member.Name);
                }
                else if (closed)
                {
                    errors.Add($"{path}: unexpected member '{member.Name}'");
                }
            }

            if (closed)
            {
                evaluated.UnionWith(value.EnumerateObject().Select(m => m.Name));
            }

            if (schema.TryGetProperty("unevaluatedProperties", out var unevaluated) && unevaluated.ValueKind == JsonValueKind.False)
            {
                foreach (var member in value.EnumerateObject().Where(m => !evaluated.Contains(m.Name)))
                {
                    errors.Add($"{path}: unexpected member '{member.Name}'");
                }

                evaluated.UnionWith(value.EnumerateObject().Select(m => m.Name));
            }
        }

        if (value.ValueKind == JsonValueKind.Array)
        {
            if (schema.TryGetProperty("minItems", out var minItems) && value.GetArrayLength() < minItems.GetInt32())
            {
                errors.Add($"{path}: fewer than {minItems} items");
            }

            if (schema.TryGetProperty("items", out var items))
            {
                int i = 0;
                foreach (var item in value.EnumerateArray())
                {
                    Check(root, items, item, $"{path}[{i++}]", errors);
                }
            }
        }

        return evaluated;
    }

    private static bool Passes(JsonElement root, JsonElement schema, JsonElement value, string path)
    {
        var errors = new List<string>();
        Check(root, schema, value, path, errors);
        return errors.Count == 0;
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
