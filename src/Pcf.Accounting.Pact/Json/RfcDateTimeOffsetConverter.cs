using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pcf.Accounting.Pact.Json;

/// <summary>Reads RFC 3339 date-times as the validator accepts them, lower-case <c>t</c> and <c>z</c> included (RFC 3339 section 5.6
/// allows them; System.Text.Json's own reader does not), so validating and reading agree. Writes as System.Text.Json does.</summary>
internal sealed class RfcDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out var value))
        {
            return value;
        }

        string? text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return text is not null && PactValidator.ParseTime(text) is { } time
            ? time
            : throw new JsonException($"'{text}' is not an RFC 3339 date-time.");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value);
    }
}
