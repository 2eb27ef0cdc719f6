using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pcf.Accounting.Fuzz;

/// <summary>The mutation engine of the in-process loop: byte-level mutations (flips, interesting bytes, splices, invalid and
/// overlong UTF-8), and structure-aware ones on the JSON tree (extreme numbers, extreme and empty strings, deleted, repeated
/// and renamed members, changed types, deep nesting, subtrees copied between documents).</summary>
/// <remarks>Deterministic for a seed. Mutated inputs stay below <see cref="MaxLength"/> bytes except the few "extremes" that
/// are large on purpose (a long string, a long array, deep nesting), which stay below 2 MiB.</remarks>
internal sealed class Mutator(Random random, IReadOnlyList<string> dictionary)
{
    /// <summary>The length beyond which byte mutations stop growing an input.</summary>
    public const int MaxLength = 64 * 1024;

    // Numbers at the edges: overflow to infinity, the largest and smallest doubles, subnormals, -0, beyond int and long.
    private static readonly string[] Numbers =
    [
        "0", "-0", "1", "-1", "0.5", "1e309", "-1e400", "1e308", "-1e308", "1.7976931348623157e308", "5e-324", "1e-400", "4.9e-324",
        "2147483647", "2147483648", "-2147483649", "9223372036854775808", "99999999999999999999999999999", "1e15", "1e-15",
        "0.9999999999999999", "1.0000000000000002", "3", "100", "1000000", "1e100", "-1e-300", "12345678901234567890e-10",
    ];

    // Strings at the edges: empty, blank, controls, a lone surrogate, paths to endless files, units, gases and formats.
    private static readonly string[] Strings =
    [
        "", " ", "\t", "\n", "\u0000", "x\u0000y", "\u00e9", "中文", "\ud83d\ude00", "\u202e", "/dev/zero", "/dev/urandom", "/proc/self/mem",
        "../../../../etc/passwd", ".", "..", "kg", "t", "kWh", "MJ", "m3", "tkm", "piece", "pc", "%", "kg/t", "t/TJ", "currency:USD",
        "currency:", "currency:usd", "kg*kg/kg", "kg^99", "CO2-fossil", "CO2-biogenic", "CH4-fossil", "N2O", "SF6", "HFC134a", "CO2e",
        "AR4", "AR5", "AR6", "AR5-ccf", "ISO14067", "PACT3", "pcf-system/1", "pcf-factors/1", "pcf-vector/1", "pcf-result/1", "3.0", "2.3",
        "2023-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "0001-01-01T00:00:00Z", "2023-02-30", "urn:pact:sample.com:product-id:44055-9c05bc35-68f8",
        "00000000-0000-0000-0000-000000000000", "a b", "A'B\"C\\D", "$.x[0]", "{}", "[]", "null", "NaN", "Infinity", "-Infinity",
    ];

    /// <summary>Applies one to four mutations.</summary>
    /// <param name="input">The input (unchanged).</param>
    /// <param name="other">Another corpus entry, for splices and subtree copies.</param>
    /// <returns>The mutated input.</returns>
    public byte[] Mutate(byte[] input, byte[] other)
    {
        byte[] data = input;
        int count = 1 + random.Next(4);
        for (int i = 0; i < count; i++)
        {
            data = random.Next(100) switch
            {
                < 55 => TryMutateJson(data, other) ?? MutateBytes(data, other),
                < 97 => MutateBytes(data, other),
                _ => Extreme(data),
            };
        }

        return data;
    }

    private byte[] MutateBytes(byte[] data, byte[] other)
    {
        var list = new List<byte>(data);
        switch (random.Next(14))
        {
            case 0 when list.Count > 0:
                int bit = random.Next(list.Count * 8);
                list[bit / 8] ^= (byte)(1 << (bit % 8));
                break;
            case 1 when list.Count > 0:
                list[random.Next(list.Count)] = (byte)random.Next(256);
                break;
            case 2 when list.Count > 0:
                byte[] interesting = [0x00, 0x7F, 0x80, 0xBF, 0xC0, 0xC1, 0xE0, 0xED, 0xF0, 0xF4, 0xF5, 0xFE, 0xFF, (byte)'"', (byte)'\\', (byte)'{', (byte)'[', (byte)',', (byte)'e', (byte)'-', (byte)'.', (byte)'0', (byte)'9'];
                list[random.Next(list.Count)] = interesting[random.Next(interesting.Length)];
                break;
            case 3 when list.Count > 1:
                int start = random.Next(list.Count);
                list.RemoveRange(start, Math.Min(list.Count - start, 1 + random.Next(Math.Min(64, list.Count))));
                break;
            case 4 when list.Count > 0 && list.Count < MaxLength:
                int from = random.Next(list.Count);
                int length = Math.Min(list.Count - from, 1 + random.Next(256));
                list.InsertRange(random.Next(list.Count), list.GetRange(from, length));
                break;
            case 5:
                list.InsertRange(random.Next(list.Count + 1), Encoding.UTF8.GetBytes(Token()));
                break;
            case 6:
                // Invalid UTF-8: overlong forms, encoded surrogates, stray continuation bytes, cut sequences, a BOM.
                byte[][] bad = [[0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF], [0x80], [0xFF], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0xEF, 0xBB, 0xBF], [0xF0, 0x9F, 0x98]];
                list.InsertRange(random.Next(list.Count + 1), bad[random.Next(bad.Length)]);
                break;
            case 7 when other.Length > 0:
                int cut = random.Next(list.Count + 1);
                int otherCut = random.Next(other.Length);
                list.RemoveRange(cut, list.Count - cut);
                list.AddRange(other.AsSpan(otherCut, Math.Max(0, Math.Min(other.Length - otherCut, MaxLength - list.Count))).ToArray());
                break;
            case 8 when list.Count > 0:
                int keep = random.Next(list.Count);
                list.RemoveRange(keep, list.Count - keep); // a truncated document
                break;
            case 9 when list.Count > 2:
                int a = random.Next(list.Count);
                int b = random.Next(list.Count);
                (list[a], list[b]) = (list[b], list[a]);
                break;
            case 10 when list.Count > 0:
                // A digit run: an integer that grows past every range.
                list.InsertRange(random.Next(list.Count), Encoding.ASCII.GetBytes(new string('9', 1 + random.Next(400))));
                break;
            case 11 when list.Count > 0:
                list.Insert(random.Next(list.Count), (byte)random.Next(32));
                break;
            case 12:
                list.InsertRange(0, [0xEF, 0xBB, 0xBF]);
                break;
            default:
                int at = random.Next(list.Count + 1);
                list.InsertRange(at, Encoding.UTF8.GetBytes(Numbers[random.Next(Numbers.Length)]));
                break;
        }

        return [.. list];
    }

    private string Token() => random.Next(3) switch
    {
        0 when dictionary.Count > 0 => $"\"{dictionary[random.Next(dictionary.Count)]}\"",
        1 => Numbers[random.Next(Numbers.Length)],
        _ => new[] { "{", "}", "[", "]", ",", ":", "\"", "null", "true", "false", "\\u0000", "\\ud800", "\\udfff", "/*", "*/", "//", "\"\":", "{\"\":{}}" }[random.Next(18)],
    };

    private byte[]? TryMutateJson(byte[] data, byte[] other)
    {
        try
        {
            return MutateJson(data, other);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or JsonException or FormatException)
        {
            return null; // not JSON that the tree reads (invalid UTF-8 in a name): a byte mutation instead
        }
    }

    private byte[]? MutateJson(byte[] data, byte[] other)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(data, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 256 });
        }
        catch (JsonException)
        {
            return null;
        }
        catch (ArgumentException)
        {
            return null;
        }

        if (root is null)
        {
            return null;
        }

        var nodes = Collect(root);
        var target = nodes[random.Next(nodes.Count)];
        try
        {
            switch (random.Next(11))
            {
                case 0:
                    Replace(root, target, JsonNode.Parse(Numbers[random.Next(Numbers.Length)]));
                    break;
                case 1:
                    Replace(root, target, JsonValue.Create(Strings[random.Next(Strings.Length)]));
                    break;
                case 2 when dictionary.Count > 0:
                    Replace(root, target, JsonValue.Create(dictionary[random.Next(dictionary.Count)]));
                    break;
                case 3 when target.Parent is JsonObject parentObject:
                    parentObject.Remove(target.GetPropertyName());
                    break;
                case 4 when target.Parent is JsonArray parentArray:
                    int copies = new[] { 1, 2, 3, 10, 100, 1000 }[random.Next(6)];
                    for (int i = 0; i < copies && parentArray.Count < 5000; i++)
                    {
                        parentArray.Add(target.DeepClone());
                    }

                    break;
                case 5 when target is JsonObject obj && dictionary.Count > 0:
                    obj[dictionary[random.Next(dictionary.Count)]] = random.Next(2) == 0 ? JsonNode.Parse(Numbers[random.Next(Numbers.Length)]) : JsonValue.Create(Strings[random.Next(Strings.Length)]);
                    break;
                case 6 when target.Parent is JsonObject renamed && dictionary.Count > 0:
                    string name = target.GetPropertyName();
                    renamed.Remove(name);
                    renamed[dictionary[random.Next(dictionary.Count)]] = target;
                    break;
                case 7:
                    Replace(root, target, random.Next(5) switch { 0 => null, 1 => new JsonArray(), 2 => new JsonObject(), 3 => JsonValue.Create(true), _ => new JsonArray(target.DeepClone()) });
                    break;
                case 8 when other.Length > 0:
                    if (JsonNode.Parse(other, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 256 }) is { } donor)
                    {
                        var pieces = Collect(donor);
                        var piece = pieces[random.Next(pieces.Count)];
                        Replace(root, target, piece.DeepClone());
                    }

                    break;
                case 9 when target is JsonArray array && array.Count > 0:
                    array.RemoveAt(random.Next(array.Count));
                    break;
                default:
                    // Another value of the same document in this place: references to ids that exist elsewhere, loops, self-references.
                    Replace(root, target, nodes[random.Next(nodes.Count)]?.DeepClone());
                    break;
            }

            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true, MaxDepth = 100_000 }))
            {
                root.WriteTo(writer);
            }

            return buffer.ToArray();
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or JsonException or FormatException)
        {
            return null; // a value the writer refuses (a lone surrogate): a byte mutation instead
        }
    }

    // A few inputs that are large on purpose: a long string, a long array, deep nesting, many members.
    private byte[] Extreme(byte[] data)
    {
        var text = Encoding.UTF8.GetString(data);
        int at = random.Next(text.Length + 1);
        string insert = random.Next(5) switch
        {
            0 => $"\"{new string('A', 1 + random.Next(1_500_000))}\"",
            1 => "[" + string.Join(",", Enumerable.Repeat("0", 1 + random.Next(200_000))) + "]",
            2 => new string('[', 1 + random.Next(100_000)) + new string(']', random.Next(100_000)),
            3 => "{" + string.Join(",", Enumerable.Range(0, 1 + random.Next(50_000)).Select(i => $"\"m{i}\":1")) + "}",
            _ => $"\"{string.Concat(Enumerable.Repeat("\\u00e9", 1 + random.Next(100_000)))}\"",
        };
        return Encoding.UTF8.GetBytes(text.Insert(at, insert));
    }

    private static List<JsonNode> Collect(JsonNode root)
    {
        var nodes = new List<JsonNode>();
        var stack = new Stack<JsonNode>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            nodes.Add(node);
            switch (node)
            {
                case JsonObject o:
                    foreach (var (_, value) in o)
                    {
                        if (value is not null)
                        {
                            stack.Push(value);
                        }
                    }

                    break;
                case JsonArray a:
                    foreach (var value in a)
                    {
                        if (value is not null)
                        {
                            stack.Push(value);
                        }
                    }

                    break;
            }
        }

        return nodes;
    }

    private static void Replace(JsonNode root, JsonNode target, JsonNode? value)
    {
        if (ReferenceEquals(root, target))
        {
            return;
        }

        switch (target.Parent)
        {
            case JsonObject o:
                o[target.GetPropertyName()] = value;
                break;
            case JsonArray a:
                a[target.GetElementIndex()] = value;
                break;
        }
    }
}
