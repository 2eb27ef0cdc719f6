using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Pcf.Accounting.Vectors;

/// <summary>Evaluates a vector's <c>path</c> on a pcf-result/1 document: dotted member names; <c>[x]</c> on an array selects the item
/// whose identifying member (the first present of <c>process</c>, <c>gas</c>, <c>stage</c>, <c>key</c>, <c>flow</c>, <c>id</c>, <c>name</c>,
/// <c>symbol</c>) equals x, or,
/// when none does and x is a whole number, the item at that index.</summary>
internal static class VectorPath
{
    private static readonly string[] IdentifyingMembers = ["process", "gas", "stage", "key", "flow", "id", "name", "symbol"];

    /// <summary>Finds the value at a path.</summary>
    /// <param name="root">The result document's root.</param>
    /// <param name="path">The path, such as <c>byProcess[p2].co2e</c>.</param>
    /// <param name="value">The value, when found.</param>
    /// <param name="error">Why it was not found: the part of the path that failed.</param>
    /// <returns>Whether the path names a value.</returns>
    public static bool TryEvaluate(JsonElement root, string path, out JsonElement value, out string error)
    {
        value = root;
        error = string.Empty;
        if (!TryParse(path, out var segments, out error))
        {
            return false;
        }

        var walked = new StringBuilder();
        foreach (var (name, isSelector) in segments)
        {
            if (!isSelector)
            {
                if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty(name, out var member))
                {
                    error = $"{path} not found: {(walked.Length == 0 ? "the result" : walked.ToString())} has no member '{name}'";
                    return false;
                }

                value = member;
                walked.Append(walked.Length == 0 ? string.Empty : ".").Append(name);
                continue;
            }

            if (value.ValueKind != JsonValueKind.Array)
            {
                error = $"{path} not found: {walked} is not an array";
                return false;
            }

            if (!TrySelect(value, name, out var item))
            {
                error = $"{path} not found: {walked} has no item '{name}'";
                return false;
            }

            value = item;
            walked.Append('[').Append(name).Append(']');
        }

        return true;
    }

    /// <summary>Splits a path into member names and selectors.</summary>
    /// <param name="path">The path.</param>
    /// <param name="segments">The segments.</param>
    /// <param name="error">What is wrong with the path.</param>
    /// <returns>Whether the path is well formed.</returns>
    internal static bool TryParse(string path, out List<(string Text, bool IsSelector)> segments, out string error)
    {
        var list = new List<(string Text, bool IsSelector)>();
        segments = list;
        error = string.Empty;
        var current = new StringBuilder();
        for (int i = 0; i < path.Length; i++)
        {
            char c = path[i];
            if (c == '.')
            {
                if (current.Length == 0 && (list.Count == 0 || !list[^1].IsSelector))
                {
                    error = $"'{path}' has an empty member name at position {i}";
                    return false;
                }

                Flush();
            }
            else if (c == '[')
            {
                Flush();
                int close = path.IndexOf(']', i + 1);
                if (close < 0 || close == i + 1)
                {
                    error = $"'{path}' has an unclosed or empty [ ] at position {i}";
                    return false;
                }

                list.Add((path[(i + 1)..close], true));
                i = close;
            }
            else
            {
                current.Append(c);
            }
        }

        Flush();
        if (list.Count == 0)
        {
            error = "the path is empty";
            return false;
        }

        return true;

        void Flush()
        {
            if (current.Length > 0)
            {
                list.Add((current.ToString(), false));
                current.Clear();
            }
        }
    }

    private static bool TrySelect(JsonElement array, string selector, out JsonElement item)
    {
        foreach (var candidate in array.EnumerateArray())
        {
            if (candidate.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            foreach (var member in IdentifyingMembers)
            {
                if (candidate.TryGetProperty(member, out var id))
                {
                    if (id.ValueKind == JsonValueKind.String && id.GetString() == selector)
                    {
                        item = candidate;
                        return true;
                    }

                    break;
                }
            }
        }

        if (int.TryParse(selector, NumberStyles.None, CultureInfo.InvariantCulture, out int index) && index < array.GetArrayLength())
        {
            item = array[index];
            return true;
        }

        item = default;
        return false;
    }
}
