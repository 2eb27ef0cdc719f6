using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Cli.Pact;

/// <summary>Checks a JSON tree against the shape of a source-generated document type, reporting every unknown member and
/// every value of the wrong kind with its JSON path and a rule in the document's words (never a .NET type name).</summary>
/// <remarks>Values in error are removed (members) or nulled (array items, keeping the indices of the others), so that the
/// typed read that follows cannot fail on them and the remaining checks still run: every problem is reported at once.</remarks>
internal static class JsonShape
{
    /// <summary>Checks an object, its members and everything below them.</summary>
    /// <param name="node">The object.</param>
    /// <param name="type">Its document type.</param>
    /// <param name="path">Its JSON path.</param>
    /// <param name="problems">Where problems go.</param>
    public static void Check(JsonNode node, JsonTypeInfo type, string path, List<ValidationProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(type);
        _ = IsValid(node, type.Type, path, problems, inArray: false);
    }

    private static bool IsValid(JsonNode? node, Type type, string path, List<ValidationProblem> problems, bool inArray)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        string name = Name(path);
        if (node is null)
        {
            // A null member means "absent" unless the member is a plain number (a rating); null items of a list are errors.
            if (inArray || (type.IsValueType && underlying is null))
            {
                problems.Add(new(path, ProblemCodes.WrongType, $"{name} must be {Expected(underlying ?? type)}, not null."));
                return false;
            }

            return true;
        }

        type = underlying ?? type;
        var info = CliJsonContext.Default.GetTypeInfo(type);
        if (info is { Kind: JsonTypeInfoKind.Object })
        {
            if (node is not JsonObject obj)
            {
                problems.Add(new(path, ProblemCodes.WrongType, $"{name} must be an object, not {Describe(node)}."));
                return false;
            }

            var members = info.Properties.ToDictionary(p => p.Name, StringComparer.Ordinal);
            foreach (var (member, child) in obj.ToList())
            {
                string at = $"{path}.{member}";
                if (!members.TryGetValue(member, out var property))
                {
                    problems.Add(new(at, ProblemCodes.UnknownMember, UnknownMember(member, members.Keys)));
                    obj.Remove(member);
                }
                else if (!IsValid(child, property.PropertyType, at, problems, inArray: false))
                {
                    obj.Remove(member);
                }
            }

            return true;
        }

        if (info is { Kind: JsonTypeInfoKind.Enumerable, ElementType: { } itemType })
        {
            if (node is not JsonArray array)
            {
                problems.Add(new(path, ProblemCodes.WrongType, $"{name} must be an array of {Expected(itemType, plural: true)}, not {Describe(node)}."));
                return false;
            }

            for (int i = 0; i < array.Count; i++)
            {
                if (!IsValid(array[i], itemType, $"{path}[{i}]", problems, inArray: true))
                {
                    array[i] = null;
                }
            }

            return true;
        }

        bool valid = node is JsonValue value && value.GetValueKind() switch
        {
            JsonValueKind.String when type == typeof(string) => true,
            JsonValueKind.String when type == typeof(Guid) => value.TryGetValue<Guid>(out _),
            JsonValueKind.String when type == typeof(DateTimeOffset) => value.TryGetValue<DateTimeOffset>(out _),
            JsonValueKind.Number when type == typeof(double) => value.TryGetValue<double>(out double d) && double.IsFinite(d),
            JsonValueKind.True or JsonValueKind.False when type == typeof(bool) => true,
            _ => false,
        };
        if (!valid)
        {
            problems.Add(new(path, ProblemCodes.WrongType, $"{name} must be {Expected(type)}, not {Describe(node)}."));
        }

        return valid;
    }

    private static string Expected(Type type, bool plural = false) => type switch
    {
        _ when type == typeof(string) => plural ? "strings" : "a string",
        _ when type == typeof(double) => plural ? "numbers" : "a number",
        _ when type == typeof(bool) => plural ? "true or false values" : "true or false",
        _ when type == typeof(Guid) => plural ? "UUID strings" : "a UUID string such as \"3fa85f64-5717-4562-b3fc-2c963f66afa6\"",
        _ when type == typeof(DateTimeOffset) => plural ? "date-time strings" : "an RFC 3339 date-time string such as \"2025-01-01T00:00:00Z\"",
        _ => plural ? "objects" : "an object",
    };

    private static string Describe(JsonNode? node) => node?.GetValueKind() switch
    {
        null or JsonValueKind.Null => "null",
        JsonValueKind.String => $"\"{node.GetValue<string>()}\"",
        JsonValueKind.Number => $"the number {node.ToJsonString()}",
        JsonValueKind.True or JsonValueKind.False => node.ToJsonString(),
        JsonValueKind.Array => "an array",
        _ => "an object",
    };

    // The member's name for messages: the last segment of the path, or the document.
    private static string Name(string path)
    {
        int dot = path.LastIndexOf('.');
        return dot < 0 ? "The document" : path[(dot + 1)..];
    }

    private static string UnknownMember(string member, IEnumerable<string> known)
    {
        var names = known.ToList();
        string? near = names.FirstOrDefault(n => string.Equals(n, member, StringComparison.OrdinalIgnoreCase))
            ?? names.Select(n => (Name: n, Distance: Distance(n, member))).Where(x => x.Distance <= 2).OrderBy(x => x.Distance).Select(x => x.Name).FirstOrDefault();
        return string.Create(CultureInfo.InvariantCulture,
            $"unknown property '{member}'{(near is null ? string.Empty : $" (did you mean '{near}'?)")}; known ones are {string.Join(", ", names)}.");
    }

    // Levenshtein distance, for "did you mean" (names are short).
    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int substitution = previous[j - 1] + (char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1);
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), substitution);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
