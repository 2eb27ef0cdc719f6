using System.Globalization;
using System.Text.RegularExpressions;
using Pcf.Accounting.Json;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Pact.Json;

/// <summary>The forms of PACT strings: decimals, UUIDs, RFC 3339 date-times, URNs, URIs, versions, ISO 3166 codes and IPCC reports.</summary>
internal sealed partial class PactValidator
{
    [GeneratedRegex(@"^[+-]?\d+(\.\d+)?$", RegexOptions.CultureInvariant)]
    internal static partial Regex DecimalPattern();

    [GeneratedRegex(@"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$", RegexOptions.CultureInvariant)]
    internal static partial Regex UuidPattern();

    // RFC 3339 section 5.6 date-time (JSON Schema format "date-time").
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex DateTimePattern();

    [GeneratedRegex(@"^[uU][rR][nN]:", RegexOptions.CultureInvariant)]
    internal static partial Regex UrnPattern();

    [GeneratedRegex(@"^\d+\.\d+\.\d+(-\d{8})?$", RegexOptions.CultureInvariant)]
    private static partial Regex SpecVersionPattern();

    [GeneratedRegex(@"^[A-Z]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex CountryPattern();

    [GeneratedRegex(@"^[A-Z]{2}-[A-Z0-9]{1,3}$", RegexOptions.CultureInvariant)]
    private static partial Regex SubdivisionPattern();

    [GeneratedRegex(@"^AR\d+$", RegexOptions.CultureInvariant)]
    private static partial Regex ArPattern();

    /// <summary>Parses an RFC 3339 date-time (section 5.6), whose <c>T</c> and <c>Z</c> may be lower case (section 5.6, note); <see langword="null"/> when it is not one.</summary>
    internal static DateTimeOffset? ParseTime(string text) =>
        DateTimePattern().IsMatch(text)
        && DateTimeOffset.TryParse(text.ToUpperInvariant(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;

    /// <summary>The message for a string that is not an RFC 3339 date-time, the same for footprints, events and product metadata.</summary>
    internal static string NotADateTime(string text) => $"'{text}' is not an RFC 3339 date-time (such as 2025-01-08T14:47:32Z).";

    /// <summary>Checks the form of a string of the given kind (kinds without a form pass).</summary>
    private void Format(string text, JsonPath path, K kind)
    {
        switch (kind)
        {
            case K.Uuid when !UuidPattern().IsMatch(text):
                Error(path, PactProblemCodes.InvalidFormat, $"'{text}' is not a UUID.");
                break;
            case K.DateTime when ParseTime(text) is null:
                Error(path, PactProblemCodes.InvalidFormat, NotADateTime(text));
                break;
            case K.Urn when !UrnPattern().IsMatch(text):
                Error(path, PactProblemCodes.InvalidFormat, $"'{text}' is not a URN (it must start with 'urn:').");
                break;
            case K.Uri when !Uri.TryCreate(text, UriKind.Absolute, out _):
                Error(path, PactProblemCodes.InvalidFormat, $"'{text}' is not an absolute URI.");
                break;
            case K.SpecVersion when !SpecVersionPattern().IsMatch(text):
                Error(path, PactProblemCodes.InvalidFormat, $"'{text}' is not a version of the form major.minor.patch.");
                break;
            case K.Country when !CountryPattern().IsMatch(text):
                Error(path, PactProblemCodes.InvalidFormat, $"'{text}' is not an ISO 3166-1 alpha-2 code.");
                break;
            case K.Country when !Iso3166.IsCountry(text):
                Error(path, PactProblemCodes.NotAllowedValue, $"'{text}' has the form of an ISO 3166-1 alpha-2 code but is not an assigned one.");
                break;
            case K.Subdivision when !SubdivisionPattern().IsMatch(text):
                Error(path, PactProblemCodes.InvalidFormat, $"'{text}' is not an ISO 3166-2 code (such as CN-JS).");
                break;
            case K.Subdivision when !Iso3166.IsCountry(text[..2]):
                Error(path, PactProblemCodes.NotAllowedValue, $"'{text}': '{text[..2]}' is not an assigned ISO 3166-1 country code, so this is no ISO 3166-2 subdivision.");
                break;
            case K.Ar when !ArPattern().IsMatch(text):
                Error(path, PactProblemCodes.InvalidFormat, $"'{text}' is not an IPCC report of the form AR6.");
                break;
        }
    }
}
