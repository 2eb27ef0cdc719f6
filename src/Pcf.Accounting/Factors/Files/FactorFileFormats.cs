using System.Text.Json;
using Pcf.Accounting.Json;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Factors.Files;

/// <summary>The factor file formats of the core package: the factor CSV and <c>pcf-factors/1</c> JSON.</summary>
public static class FactorFileFormats
{
    /// <summary>Gets the factor CSV format: files whose name ends in <c>.csv</c>.</summary>
    public static IFactorFileFormat Csv { get; } = new CsvFormat();

    /// <summary>Gets the <c>pcf-factors/1</c> JSON format: a JSON object whose <c>format</c> member names it (any other JSON object
    /// without <c>specVersion</c> or <c>data</c> too, so that its reader reports what is wrong with it).</summary>
    public static IFactorFileFormat PcfFactors { get; } = new PcfFactorsFormat();

    /// <summary>Gets the names of a JSON document's root members, read without building a document (factor files can be large);
    /// empty when the document is not an object or not well-formed before the first member.</summary>
    /// <param name="content">The document.</param>
    /// <returns>The root member names, in order (at most 64).</returns>
    public static IReadOnlyList<string> RootMembers(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            content = content[3..];
        }

        var names = new List<string>();
        var reader = new Utf8JsonReader(content, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return names;
            }

            while (names.Count < 64 && reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                names.Add(reader.GetString()!);
                if (!reader.Read() || !reader.TrySkip())
                {
                    break;
                }
            }
        }
        catch (JsonException)
        {
            // Malformed: the names seen so far decide; the chosen reader reports the problem with its line.
        }
        catch (InvalidOperationException)
        {
            // Invalid UTF-8 in a name: likewise.
        }

        return names;
    }

    private sealed class CsvFormat : IFactorFileFormat
    {
        public string Name => "factor CSV";

        public bool Recognizes(string path, ReadOnlySpan<byte> content) => string.Equals(Path.GetExtension(path), ".csv", StringComparison.OrdinalIgnoreCase);

        public ValidationResult<IEmissionFactorProvider> Read(string name, ReadOnlyMemory<byte> content, string? key, FactorFileOptions options)
        {
            if (key is not null)
            {
                return ValidationResult.Failure<IEmissionFactorProvider>([new("$", ProblemCodes.UnsupportedFormat, $"'{key}=' is for a PACT footprint; a factor CSV names its own keys.")]);
            }

            var read = FactorCsv.Read(content, options.Limits);
            return read.IsValid
                ? ValidationResult.Success<IEmissionFactorProvider>(new InMemoryFactorProvider(name, read.Value, options.Policy))
                : ValidationResult.Failure<IEmissionFactorProvider>(read.Problems);
        }
    }

    private sealed class PcfFactorsFormat : IFactorFileFormat
    {
        public string Name => FactorJson.Format;

        public bool Recognizes(string path, ReadOnlySpan<byte> content)
        {
            var members = RootMembers(content);
            return members.Contains("format") || !(members.Contains("specVersion") || members.Contains("data"));
        }

        public ValidationResult<IEmissionFactorProvider> Read(string name, ReadOnlyMemory<byte> content, string? key, FactorFileOptions options)
        {
            if (key is not null)
            {
                return ValidationResult.Failure<IEmissionFactorProvider>([new("$", ProblemCodes.UnsupportedFormat, $"'{key}=' is for a PACT footprint; a {FactorJson.Format} file names its own keys.")]);
            }

            var read = FactorJson.Read(content, options.Limits);
            return read.IsValid
                ? ValidationResult.Success<IEmissionFactorProvider>(new InMemoryFactorProvider(name, read.Value, options.Policy))
                : ValidationResult.Failure<IEmissionFactorProvider>(read.Problems);
        }
    }
}
