using System.Text;

namespace Pcf.Accounting.Reporting.Html;

/// <summary>Escaping for HTML text and attribute values (names come from user files).</summary>
internal static class HtmlText
{
    /// <summary>Escapes text for an element's content or a quoted attribute value.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The escaped text.</returns>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length + 16);
        foreach (char c in text)
        {
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '"': builder.Append("&quot;"); break;
                case '\'': builder.Append("&#39;"); break;
                default:
                    // Control characters (other than tab and line breaks) have no place in a page.
                    if (char.IsControl(c) && c is not '\t' and not '\n' and not '\r')
                    {
                        builder.Append('\uFFFD');
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>Estimates the width of a text in SVG user units at a font size (no font metrics at hand: CJK full width, others about 0.58 em).</summary>
    /// <param name="text">The text.</param>
    /// <param name="fontSize">The font size.</param>
    /// <returns>The estimated width.</returns>
    public static double Width(string text, double fontSize)
    {
        double em = 0;
        foreach (char c in text)
        {
            em += c >= '\u2E80' ? 1.0 : char.IsUpper(c) || c is 'm' or 'w' ? 0.68 : 0.52;
        }

        return em * fontSize;
    }

    /// <summary>Shortens a text to fit a width, ending it with an ellipsis.</summary>
    /// <param name="text">The text.</param>
    /// <param name="width">The width available.</param>
    /// <param name="fontSize">The font size.</param>
    /// <returns>The text, or a shortened one.</returns>
    public static string Fit(string text, double width, double fontSize)
    {
        if (Width(text, fontSize) <= width)
        {
            return text;
        }

        int length = text.Length;
        while (length > 1 && Width(text[..length], fontSize) + fontSize > width)
        {
            length--;
        }

        if (char.IsHighSurrogate(text[length - 1]))
        {
            length--; // never split a surrogate pair
        }

        return text[..length].TrimEnd() + "…";
    }
}
