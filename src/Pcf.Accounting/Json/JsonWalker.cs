using System.Globalization;
using System.Text.Json;
using Pcf.Accounting.Gases;
using Pcf.Accounting.Units;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Json;

/// <summary>Reads a parsed JSON document member by member, collecting every problem with its JSON path.</summary>
/// <remarks>Iterates over the document's arrays; its recursion follows the format's fixed shape, never the data's depth.</remarks>
internal sealed class JsonWalker(JsonReadOptions options, List<ValidationProblem> problems)
{
    public JsonWalker(JsonReadOptions options)
        : this(options, [])
    {
    }

    /// <summary>Gets where problems go: a list of the walker's own, or the one given (a reader that keeps errors and warnings apart walks with two walkers).</summary>
    public List<ValidationProblem> Problems { get; } = problems;

    /// <summary>Gets a value indicating whether <see cref="Parse"/> skips comments; a format exchanged between systems (PACT) allows none.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool AllowComments { get; init; } = true;

    private JsonCommentHandling Comments => AllowComments ? JsonCommentHandling.Skip : JsonCommentHandling.Disallow;

    /// <summary>Gets the limits of this read.</summary>
    public JsonReadOptions Options => options;

    /// <summary>Gets how many problems were found, the ones past <see cref="JsonReadOptions.MaxProblems"/> (not listed) included: a
    /// caller that asks "did this part add a problem?" compares this count, never <c>Problems.Count</c>, which stops growing at the limit.</summary>
    public int Found { get; private set; }

    /// <summary>Records a problem; past <see cref="JsonReadOptions.MaxProblems"/>, one last problem says that the rest are not listed.</summary>
    public void Problem(JsonPath path, string code, string message)
    {
        Found++;
        if (Problems.Count < options.MaxProblems)
        {
            Problems.Add(new(path.ToString(), code, message));
        }
        else
        {
            Overflow();
        }
    }

    /// <summary>Records a problem made elsewhere (a nested document's), within <see cref="JsonReadOptions.MaxProblems"/>.</summary>
    public void Add(ValidationProblem problem)
    {
        Found++;
        if (Problems.Count < options.MaxProblems)
        {
            Problems.Add(problem);
        }
        else
        {
            Overflow();
        }
    }

    private void Overflow()
    {
        if (Problems.Count == options.MaxProblems)
        {
            Problems.Add(new("$", ProblemCodes.TooMany,
                $"The document has more than {options.MaxProblems} problems; the first {options.MaxProblems} are listed (limit: JsonLimits:MaxProblems)."));
        }
    }

    public static string Member(string path, string name) => JsonPath.MemberText(path, name);

    private static string Member(JsonPath path, string name) => Member(path.ToString(), name);

    /// <summary>Parses the bytes into a document, or reports why not (syntax, size, depth).</summary>
    public JsonDocument? Parse(ReadOnlyMemory<byte> utf8)
    {
        // A UTF-8 byte-order mark is common in files saved by Windows editors; it carries no content.
        if (utf8.Span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            utf8 = utf8[3..];
        }

        if (utf8.Length > options.MaxDocumentBytes)
        {
            Problem("$", ProblemCodes.DocumentTooLarge, $"The document has {utf8.Length} bytes; the limit is {options.MaxDocumentBytes}.");
            return null;
        }

        if (JsonEncoding.Check(utf8.Span) is { } encoding)
        {
            Problems.Add(encoding);
            return null;
        }

        // Implementation note: a well-formed document within the depth limit (nearly every one) is parsed once. A parse
        // limited to MaxDepth succeeds only when no token nests deeper than MaxDepth, the case where the reader pass below
        // finds nothing; when it fails, the reader pass runs as before and reports the problem with its line or byte.
        if (options.MaxDepth >= 1)
        {
            try
            {
                return JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = options.MaxDepth, CommentHandling = Comments });
            }
            catch (JsonException)
            {
                // Reported below.
            }
        }

        // A first pass with the reader finds syntax errors and excessive depth with line numbers.
        var reader = new Utf8JsonReader(utf8.Span, new JsonReaderOptions { MaxDepth = options.MaxDepth + 8, CommentHandling = Comments });
        try
        {
            while (reader.Read())
            {
                if (reader.CurrentDepth > options.MaxDepth)
                {
                    Problem("$", ProblemCodes.DocumentTooDeep, $"The document nests deeper than {options.MaxDepth} levels (at byte {reader.TokenStartIndex}).");
                    return null;
                }
            }
        }
        catch (JsonException ex)
        {
            Problem("$", ProblemCodes.MalformedJson,
                $"The document is not valid JSON: line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}: {FirstSentence(ex.Message)}");
            return null;
        }

        return JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = options.MaxDepth + 8, CommentHandling = Comments });
    }

    public bool IsObject(JsonElement element, JsonPath path)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            return true;
        }

        Problem(path, ProblemCodes.WrongType, $"Expected an object, found {Describe(element)}.");
        return false;
    }

    /// <summary>Reports members that the format does not define (likely typos).</summary>
    public void OnlyMembers(JsonElement obj, JsonPath path, params string[] allowed) => OnlyMembers(obj, path, new JsonMembers(allowed));

    /// <summary>Reports members that the format does not define (likely typos).</summary>
    public void OnlyMembers(JsonElement obj, JsonPath path, JsonMembers allowed)
    {
        foreach (var property in obj.EnumerateObject())
        {
            if (allowed.IndexOf(property) < 0)
            {
                UnknownMember(path, property.Name, allowed);
            }
        }
    }

    /// <summary>Reports a member that the format does not define, with the nearest defined name when one is close.</summary>
    public void UnknownMember(JsonPath path, string name, JsonMembers allowed)
    {
        var near = Nearest(name, allowed.Names);
        Problem(Member(path, name), ProblemCodes.UnknownMember,
            $"'{name}' is not a member here{(near is null ? "." : $"; did you mean '{near}'?")} Allowed: {string.Join(", ", allowed.Names)}.");
    }

    /// <summary>Reports members that the format does not define, and gathers the defined ones for reading by name without a search of the object each time.</summary>
    /// <param name="obj">The object.</param>
    /// <param name="path">Its path.</param>
    /// <param name="allowed">The members the format defines.</param>
    /// <param name="buffer">Where to put the values, as long as <paramref name="allowed"/>; reused from object to object.</param>
    /// <returns>The members; a repeated member reads as its last value, as with <see cref="JsonElement.TryGetProperty(string, out JsonElement)"/>.</returns>
    public JsonFields Fields(JsonElement obj, JsonPath path, JsonMembers allowed, JsonElement[] buffer)
    {
        System.Array.Clear(buffer);
        foreach (var property in obj.EnumerateObject())
        {
            int index = allowed.IndexOf(property);
            if (index >= 0)
            {
                buffer[index] = property.Value;
            }
            else
            {
                UnknownMember(path, property.Name, allowed);
            }
        }

        return new JsonFields(allowed, buffer);
    }

    public JsonElement? Get(JsonElement obj, string name, JsonPath path, bool required) => Present(Lookup(obj, name), name, path, required);

    public JsonElement? Get(JsonFields fields, string name, JsonPath path, bool required) => Present(fields[name], name, path, required);

    private static JsonElement Lookup(JsonElement obj, string name) => obj.TryGetProperty(name, out var value) ? value : default;

    // The value of a member that was looked up (default when absent), or null when absent or null, reported when required.
    private JsonElement? Present(JsonElement value, string name, JsonPath path, bool required)
    {
        if (value.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null))
        {
            return value;
        }

        if (required)
        {
            Problem(Member(path, name), ProblemCodes.Required, $"'{name}' is required.");
        }

        return null;
    }

    public string? String(JsonElement obj, string name, JsonPath path, bool required = false) => StringOf(Lookup(obj, name), name, path, required, pool: null);

    /// <summary>Reads a string member, taking an equal string from <paramref name="pool"/> when it has one.</summary>
    public string? String(JsonFields fields, string name, JsonPath path, bool required = false, JsonStringPool? pool = null) => StringOf(fields[name], name, path, required, pool);

    private string? StringOf(JsonElement found, string name, JsonPath path, bool required, JsonStringPool? pool)
    {
        if (Present(found, name, path, required) is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            Problem(Member(path, name), ProblemCodes.WrongType, $"'{name}' must be a string, found {Describe(value)}.");
            return null;
        }

        var text = pool is null ? value.GetString() : pool.Get(value);
        if (text is not null && text.Length > options.MaxStringLength)
        {
            Problem(Member(path, name), ProblemCodes.TooLong,
                $"'{name}' has {text.Length} characters; the limit is {options.MaxStringLength} (JsonLimits:MaxStringLength).");
            return null;
        }

        if (required && string.IsNullOrWhiteSpace(text))
        {
            Problem(Member(path, name), ProblemCodes.Required, $"'{name}' must not be empty.");
            return null;
        }

        return text;
    }

    public double? Number(JsonElement obj, string name, JsonPath path, bool required = false) => NumberOf(Lookup(obj, name), name, path, required);

    public double? Number(JsonFields fields, string name, JsonPath path, bool required = false) => NumberOf(fields[name], name, path, required);

    private double? NumberOf(JsonElement found, string name, JsonPath path, bool required)
    {
        if (Present(found, name, path, required) is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out double number) || !double.IsFinite(number))
        {
            Problem(Member(path, name), value.ValueKind == JsonValueKind.Number ? ProblemCodes.NumberOutOfRange : ProblemCodes.WrongType,
                $"'{name}' must be a finite number, found {Describe(value)}.");
            return null;
        }

        if (!InRange(number))
        {
            Problem(Member(path, name), ProblemCodes.NumberOutOfRange,
                $"'{name}' is {Truncate(value.GetRawText())}: a number must be 0 or between {Format(1 / options.MaxNumberMagnitude)} and {Format(options.MaxNumberMagnitude)} in size (limit: JsonLimits:MaxNumberMagnitude).");
            return null;
        }

        return number;
    }

    /// <summary>Gets a value indicating whether a finite number is within <see cref="JsonReadOptions.MaxNumberMagnitude"/> (0, or between its reciprocal and it in size).</summary>
    public bool InRange(double number) => InRange(number, options.MaxNumberMagnitude);

    /// <summary>Gets a value indicating whether a finite number is 0 or between the reciprocal of <paramref name="maxMagnitude"/> and it in size
    /// (the rule of <see cref="JsonReadOptions.MaxNumberMagnitude"/>; shared with the streaming reader of valid documents).</summary>
    internal static bool InRange(double number, double maxMagnitude)
    {
        double size = Math.Abs(number);
        return size == 0 || maxMagnitude >= double.MaxValue || (size <= maxMagnitude && size >= 1 / maxMagnitude);
    }

    public int? Integer(JsonElement obj, string name, JsonPath path, bool required = false) => IntegerOf(Lookup(obj, name), name, path, required);

    public int? Integer(JsonFields fields, string name, JsonPath path, bool required = false) => IntegerOf(fields[name], name, path, required);

    private int? IntegerOf(JsonElement found, string name, JsonPath path, bool required)
    {
        if (Present(found, name, path, required) is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out int number))
        {
            Problem(Member(path, name), ProblemCodes.WrongType, $"'{name}' must be a whole number, found {Describe(value)}.");
            return null;
        }

        return number;
    }

    public bool? Boolean(JsonElement obj, string name, JsonPath path) => BooleanOf(Lookup(obj, name), name, path);

    public bool? Boolean(JsonFields fields, string name, JsonPath path) => BooleanOf(fields[name], name, path);

    private bool? BooleanOf(JsonElement found, string name, JsonPath path)
    {
        if (Present(found, name, path, required: false) is not { } value)
        {
            return null;
        }

        if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            Problem(Member(path, name), ProblemCodes.WrongType, $"'{name}' must be true or false, found {Describe(value)}.");
            return null;
        }

        return value.GetBoolean();
    }

    public JsonElement? Object(JsonElement obj, string name, JsonPath path, bool required = false) => ObjectOf(Lookup(obj, name), name, path, required);

    public JsonElement? Object(JsonFields fields, string name, JsonPath path, bool required = false) => ObjectOf(fields[name], name, path, required);

    private JsonElement? ObjectOf(JsonElement found, string name, JsonPath path, bool required)
    {
        if (Present(found, name, path, required) is not { } value)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Object)
        {
            return value;
        }

        Problem(Member(path, name), ProblemCodes.WrongType, $"Expected an object, found {Describe(value)}.");
        return null;
    }

    /// <summary>Returns the items of an array member with their paths; an absent optional array is empty.</summary>
    public IEnumerable<(JsonElement Item, string Path)> Array(JsonElement obj, string name, string path, bool required = false)
    {
        if (Get(obj, name, path, required) is not { } value)
        {
            return [];
        }

        string at = Member(path, name);
        if (value.ValueKind != JsonValueKind.Array)
        {
            Problem(at, ProblemCodes.WrongType, $"'{name}' must be an array, found {Describe(value)}.");
            return [];
        }

        int length = value.GetArrayLength();
        if (length > options.MaxArrayLength)
        {
            Problem(at, ProblemCodes.TooMany, $"'{name}' has {length} items; the limit is {options.MaxArrayLength}.");
            return [];
        }

        return value.EnumerateArray().Select((item, i) => (item, $"{at}[{i}]"));
    }

    /// <summary>Returns the items of an array member with their paths, written out only when reported; an absent optional array is empty.</summary>
    public IEnumerable<(JsonElement Item, JsonPath Path)> Items(JsonElement obj, string name, JsonPath path, bool required = false) => ItemsOf(Lookup(obj, name), name, path, required);

    /// <summary>Returns the items of an array member with their paths, written out only when reported; an absent optional array is empty.</summary>
    public IEnumerable<(JsonElement Item, JsonPath Path)> Items(JsonFields fields, string name, JsonPath path, bool required = false) => ItemsOf(fields[name], name, path, required);

    private IEnumerable<(JsonElement Item, JsonPath Path)> ItemsOf(JsonElement found, string name, JsonPath path, bool required)
    {
        if (Present(found, name, path, required) is not { } value)
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            Problem(Member(path, name), ProblemCodes.WrongType, $"'{name}' must be an array, found {Describe(value)}.");
            return [];
        }

        int length = value.GetArrayLength();
        if (length > options.MaxArrayLength)
        {
            Problem(Member(path, name), ProblemCodes.TooMany, $"'{name}' has {length} items; the limit is {options.MaxArrayLength}.");
            return [];
        }

        return Enumerate(value, path.Member(name));
    }

    private static IEnumerable<(JsonElement Item, JsonPath Path)> Enumerate(JsonElement array, JsonPath at)
    {
        int i = 0;
        foreach (var item in array.EnumerateArray())
        {
            yield return (item, at.Item(i++));
        }
    }

    /// <summary>Reads an item of an array of strings, reporting any other value at the item's own path.</summary>
    public string? StringItem(JsonElement item, JsonPath path, string arrayName)
    {
        if (item.ValueKind == JsonValueKind.String)
        {
            return item.GetString();
        }

        Problem(path, ProblemCodes.WrongType, $"Each item of '{arrayName}' must be a string, found {Describe(item)}.");
        return null;
    }

    public static bool IsCurrencyCode(string text) => text.Length == 3 && text.All(char.IsAsciiLetterUpper);

    public Unit? ParseUnit(string? symbol, JsonPath path)
    {
        if (symbol is null)
        {
            return null;
        }

        if (TryParseUnit(symbol) is { } unit)
        {
            return unit;
        }

        Problem(path, ProblemCodes.UnknownUnit, $"'{symbol}' is not a known unit (symbols are case-sensitive: kg, t, kWh, MJ, m3, tkm, piece; see docs/units.md).");
        return null;
    }

    /// <summary>Gets the unit a symbol names in a document (a unit symbol, or <c>currency:</c> and an ISO 4217 code), or <see langword="null"/>.</summary>
    internal static Unit? TryParseUnit(string symbol)
    {
        if (Unit.TryParse(symbol, out var unit))
        {
            return unit;
        }

        // A currency is written with its dimension's name, currency:USD, so that a misspelt unit is never taken for one.
        if (symbol.StartsWith("currency:", StringComparison.Ordinal) && Dimension.IsCurrencyCode(symbol.AsSpan(9)))
        {
            return Unit.Currency(symbol[9..]);
        }

        return null;
    }

    /// <summary>Reads <c>amount</c> and <c>unit</c> members of one object as a quantity.</summary>
    public Quantity? Quantity(JsonElement obj, string path, bool required = true)
    {
        double? amount = Number(obj, "amount", path, required);
        Unit? unit = ParseUnit(String(obj, "unit", path, required), Member(path, "unit"));
        return amount is { } a && unit is not null ? Units.Quantity.Of(a, unit) : null;
    }

    /// <summary>Reads the gathered <c>amount</c> and <c>unit</c> members of one object as a quantity, taking the unit's symbol from
    /// <paramref name="units"/> when it has an equal one.</summary>
    public Quantity? Quantity(JsonFields fields, JsonPath path, JsonStringPool? units = null, bool required = true)
    {
        double? amount = Number(fields, "amount", path, required);
        Unit? unit = ParseUnit(String(fields, "unit", path, required, units), path.Member("unit"));
        return amount is { } a && unit is not null ? Units.Quantity.Of(a, unit) : null;
    }

    /// <summary>Reads a member that is an object with <c>amount</c> and <c>unit</c>.</summary>
    public Quantity? QuantityMember(JsonElement obj, string name, string path, bool required = false)
    {
        if (Object(obj, name, path, required) is not { } value)
        {
            return null;
        }

        string at = Member(path, name);
        OnlyMembers(value, at, "amount", "unit");
        return Quantity(value, at);
    }

    public GreenhouseGas? Gas(JsonElement obj, string name, string path)
    {
        var id = String(obj, name, path, required: true);
        if (id is null)
        {
            return null;
        }

        if (GreenhouseGas.TryFind(id, out var gas))
        {
            return gas;
        }

        Problem(Member(path, name), ProblemCodes.UnknownGas, $"'{id}' is not a known greenhouse gas (such as CO2-fossil, CO2-biogenic, CH4-fossil, CH4-biogenic, N2O, SF6, HFC134a).");
        return null;
    }

    /// <summary>Reads a gathered member naming a greenhouse gas.</summary>
    public GreenhouseGas? Gas(JsonFields fields, string name, JsonPath path, JsonStringPool? pool = null)
    {
        var id = String(fields, name, path, required: true, pool);
        if (id is null)
        {
            return null;
        }

        if (GreenhouseGas.TryFind(id, out var gas))
        {
            return gas;
        }

        Problem(path.Member(name), ProblemCodes.UnknownGas, $"'{id}' is not a known greenhouse gas (such as CO2-fossil, CO2-biogenic, CH4-fossil, CH4-biogenic, N2O, SF6, HFC134a).");
        return null;
    }

    /// <summary>Reads a camelCase enum name, listing the allowed names when it is wrong.</summary>
    public T? Enum<T>(JsonElement obj, string name, JsonPath path, IReadOnlyDictionary<string, T> names)
        where T : struct => EnumOf(Lookup(obj, name), name, path, names);

    public T? Enum<T>(JsonFields fields, string name, JsonPath path, IReadOnlyDictionary<string, T> names, JsonStringPool? pool = null)
        where T : struct => EnumOf(fields[name], name, path, names, pool);

    private T? EnumOf<T>(JsonElement found, string name, JsonPath path, IReadOnlyDictionary<string, T> names, JsonStringPool? pool = null)
        where T : struct
    {
        var text = StringOf(found, name, path, required: false, pool);
        if (text is null)
        {
            return null;
        }

        if (names.TryGetValue(text, out var value))
        {
            return value;
        }

        return EnumValue(text, Member(path, name), names);
    }

    public T? EnumValue<T>(string text, JsonPath path, IReadOnlyDictionary<string, T> names)
        where T : struct
    {
        if (names.TryGetValue(text, out var value))
        {
            return value;
        }

        Problem(path, ProblemCodes.UnknownValue, $"'{text}' is not one of: {string.Join(", ", names.Keys)}.");
        return null;
    }

    /// <summary>Describes a value for a message: <c>the string "kg"</c>, <c>the number 42</c>, <c>an array</c>, <c>null</c>.</summary>
    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"the string \"{Truncate(value.GetString() ?? string.Empty)}\"",
        JsonValueKind.Number => $"the number {value.GetRawText()}",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        JsonValueKind.True or JsonValueKind.False => $"{value.GetRawText()}",
        _ => "null",
    };

    private static string Truncate(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "…");

    private static string FirstSentence(string message)
    {
        // The reader's messages end with where it stopped (" LineNumber: 0 | BytePositionInLine: 9." or " Path: ..."), which the problem says already.
        int cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal) is >= 0 and int line ? line : message.IndexOf(" Path:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).Trim();
    }

    // The allowed name that differs only in case, else the one within two edits (one for names of up to four letters),
    // counting a swap of neighbours as one edit: productNameCompanyy -> productNameCompany, pcff -> pcf, unti -> unit.
    private static string? Nearest(string name, string[] allowed)
    {
        var near = allowed.FirstOrDefault(a => string.Equals(a, name, StringComparison.OrdinalIgnoreCase));
        if (near is not null || name.Length > 64)
        {
            return near;
        }

        int best = name.Length <= 4 ? 1 : 2;
        foreach (string candidate in allowed)
        {
            int distance = Distance(name, candidate);
            if (distance > 0 && distance <= best)
            {
                (near, best) = (candidate, distance - 1);
            }
        }

        return near;
    }

    // Optimal string alignment distance (Levenshtein plus swaps of neighbours), ignoring case; names are short.
    private static int Distance(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 2)
        {
            return int.MaxValue;
        }

        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (int j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 2]) && char.ToLowerInvariant(a[i - 2]) == char.ToLowerInvariant(b[j - 1]))
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }

    internal static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
