using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pcf.Accounting.Pact.Json;

/// <summary>Reads and writes an enum as the specification's exact names (<c>cubic meter</c>), on every target framework.</summary>
/// <remarks>Documents are validated before they are deserialized, so an unknown name here is a bug or an unvalidated document: it throws <see cref="JsonException"/>.</remarks>
internal abstract class NamedEnumConverter<T> : JsonConverter<T>
    where T : struct, Enum
{
    private readonly (string Name, T Value)[] _names;

    protected NamedEnumConverter((string Name, T Value)[] names) => _names = names;

    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        string? text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        foreach (var (name, value) in _names)
        {
            if (string.Equals(name, text, StringComparison.Ordinal))
            {
                return value;
            }
        }

        throw new JsonException($"'{text}' is not a {typeof(T).Name} value.");
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        foreach (var (name, v) in _names)
        {
            if (EqualityComparer<T>.Default.Equals(v, value))
            {
                writer.WriteStringValue(name);
                return;
            }
        }

        throw new JsonException($"{typeof(T).Name} value {value} has no PACT name.");
    }
}

internal sealed class PfStatusConverter() : NamedEnumConverter<PfStatus>(PactNames.Statuses);

internal sealed class DeclaredUnitOfMeasurementConverter() : NamedEnumConverter<V3.DeclaredUnitOfMeasurement>(PactNames.UnitsV3);

internal sealed class DeclaredUnitConverter() : NamedEnumConverter<V2.DeclaredUnit>(PactNames.UnitsV2);

internal sealed class CrossSectoralStandardConverter : JsonConverter<CrossSectoralStandard>
{
    public override CrossSectoralStandard Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String
            ? new CrossSectoralStandard(reader.GetString()!)
            : throw new JsonException("A cross-sectoral standard must be a string.");

    public override void Write(Utf8JsonWriter writer, CrossSectoralStandard value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Value);
    }
}
