using System.Text;

namespace Pcf.Accounting.Validation;

/// <summary>Keeps the text of problems printable and bounded, whatever the input echoed in them.</summary>
/// <remarks>Implementation note: readers echo the offending value ("'kWhh' is not a known unit"), and a hostile document can
/// make that value megabytes long or put line breaks in it. Rather than trusting every message to cut its values, the problem
/// record bounds its own text: nearly every message is short and printable and passes untouched after one scan.</remarks>
internal static class BoundedText
{
    /// <summary>Cuts a value for echoing in a message: printable, at most <see cref="ValidationProblem.MaxEchoLength"/> characters.</summary>
    public static string Echo(string? value)
    {
        if (value is null)
        {
            return string.Empty;
        }

        var text = Printable(value);
        return text.Length <= ValidationProblem.MaxEchoLength ? text : Cut(text, ValidationProblem.MaxEchoLength);
    }

    public static string BoundMessage(string? message)
    {
        ArgumentNullException.ThrowIfNull(message, nameof(ValidationProblem.Message));
        var text = Printable(message);
        if (text.Length <= 200 && !HasLongRun(text))
        {
            return text;
        }

        text = ShortenRuns(text);
        return text.Length <= ValidationProblem.MaxMessageLength ? text : Cut(text, ValidationProblem.MaxMessageLength);
    }

    public static string BoundPath(string? path)
    {
        ArgumentNullException.ThrowIfNull(path, nameof(ValidationProblem.Path));
        var text = Printable(path);
        if (text.Length <= ValidationProblem.MaxPathLength)
        {
            return text;
        }

        // Member names are the long parts ($['<a 1 MB name>']): cut each, keep the structure.
        var shape = new StringBuilder(ValidationProblem.MaxPathLength);
        int i = 0;
        while (i < text.Length)
        {
            int open = text.IndexOf("['", i, StringComparison.Ordinal);
            if (open < 0)
            {
                shape.Append(ShortenRuns(text[i..], 48));
                break;
            }

            shape.Append(ShortenRuns(text[i..open], 48)).Append("['");
            int close = text.IndexOf("']", open + 2, StringComparison.Ordinal);
            string name = close < 0 ? text[(open + 2)..] : text[(open + 2)..close];
            shape.Append(name.Length <= 48 ? name : Cut(name, 48));
            if (close < 0)
            {
                break;
            }

            shape.Append("']");
            i = close + 2;
        }

        var bounded = shape.ToString();
        return bounded.Length <= ValidationProblem.MaxPathLength ? bounded : Cut(bounded, ValidationProblem.MaxPathLength);
    }

    // Control characters (line breaks in an echoed value) become spaces: a problem is one line.
    private static string Printable(string text)
    {
        int first = -1;
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsControl(text[i]))
            {
                first = i;
                break;
            }
        }

        if (first < 0)
        {
            return text;
        }

        return string.Create(text.Length, text, static (span, source) =>
        {
            for (int i = 0; i < source.Length; i++)
            {
                span[i] = char.IsControl(source[i]) ? ' ' : source[i];
            }
        });
    }

    private static bool HasLongRun(string text)
    {
        int run = 0;
        foreach (char c in text)
        {
            run = c == ' ' ? 0 : run + 1;
            if (run > ValidationProblem.MaxEchoLength + 16)
            {
                return true;
            }
        }

        return false;
    }

    // Cuts every unbroken run of characters and every quoted value longer than the echo limit.
    private static string ShortenRuns(string text, int limit = ValidationProblem.MaxEchoLength)
    {
        var result = new StringBuilder(Math.Min(text.Length, 2 * ValidationProblem.MaxMessageLength));
        int i = 0;
        while (i < text.Length && result.Length <= 2 * ValidationProblem.MaxMessageLength)
        {
            char c = text[i];
            if (c is '\'' or '"')
            {
                int close = text.IndexOf(c, i + 1);
                int end = close < 0 ? text.Length : close;
                string inner = text[(i + 1)..end];
                result.Append(c).Append(inner.Length <= limit ? inner : Cut(inner, limit));
                if (close >= 0)
                {
                    result.Append(c);
                }

                i = end + 1;
                continue;
            }

            int next = i;
            while (next < text.Length && text[next] != ' ' && text[next] is not ('\'' or '"'))
            {
                next++;
            }

            if (next == i)
            {
                result.Append(c);
                i++;
                continue;
            }

            string word = text[i..next];
            result.Append(word.Length <= limit + 16 ? word : Cut(word, limit));
            i = next;
        }

        return result.ToString();
    }

    private static string Cut(string text, int limit)
    {
        int keep = limit - 1;
        if (keep > 0 && char.IsHighSurrogate(text[keep - 1]))
        {
            keep--; // never split a surrogate pair
        }

        return string.Concat(text.AsSpan(0, keep), "…");
    }
}
