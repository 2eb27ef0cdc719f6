using Pcf.Accounting.Json;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Factors.Files;

/// <summary>Reads factor files of any registered kind into providers: the file says what it is (a <c>.csv</c> name, a JSON root
/// member), and the first format that recognizes it reads it. A value <c>KEY=FILE</c> files a supplier footprint under KEY.</summary>
/// <remarks>Formats are asked in order; the core registers the factor CSV and <c>pcf-factors/1</c>, and the Pcf.Accounting.Pact package
/// adds suppliers' PACT footprints (<c>AddPactFactorFiles()</c>), before them. Files are read within the size limit, enforced while reading.</remarks>
/// <example><code>
/// var loader = new FactorFileLoader([FactorFileFormats.Csv, FactorFileFormats.PcfFactors]);
/// var provider = (await loader.LoadAsync("company-factors.json")).ThrowIfInvalid();
/// </code></example>
/// <threadsafety>Immutable and thread-safe.</threadsafety>
public sealed class FactorFileLoader
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="formats">The formats, asked in order.</param>
    /// <param name="options">Limits and fallbacks; <see langword="null"/> for <see cref="FactorFileOptions.Default"/>.</param>
    public FactorFileLoader(IEnumerable<IFactorFileFormat> formats, FactorFileOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(formats);
        Formats = [.. formats];
        Options = options ?? FactorFileOptions.Default;
    }

    /// <summary>Gets a loader of the core formats (factor CSV, <c>pcf-factors/1</c>).</summary>
    public static FactorFileLoader Default { get; } = new([FactorFileFormats.Csv, FactorFileFormats.PcfFactors]);

    /// <summary>Gets the formats, in the order they are asked.</summary>
    public IReadOnlyList<IFactorFileFormat> Formats { get; }

    /// <summary>Gets the limits and fallbacks.</summary>
    public FactorFileOptions Options { get; }

    /// <summary>Splits a value into an optional key and a file: <c>KEY=FILE</c> when the whole value names no file but the part after the first <c>=</c> does.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The key (or <see langword="null"/>) and the file.</returns>
    public static (string? Key, string File) SplitKey(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        int equals = value.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0 || File.Exists(value) || Directory.Exists(value))
        {
            return (null, value);
        }

        string file = value[(equals + 1)..];
        return File.Exists(file) || Directory.Exists(file) ? (value[..equals], file) : (null, value);
    }

    /// <summary>Reads a factor file (or <c>KEY=FILE</c>) into a provider named after the file.</summary>
    /// <param name="value">The file, or <c>KEY=FILE</c>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The provider, or every problem (paths inside the file); a missing, oversized or unrecognized file is a problem at <c>$</c>.</returns>
    public async ValueTask<ValidationResult<IEmissionFactorProvider>> LoadAsync(string value, CancellationToken cancellationToken = default)
    {
        var (key, path) = SplitKey(value);
        var bytes = await JsonFile.ReadAsync(path, Options.Limits, cancellationToken).ConfigureAwait(false);
        if (!bytes.IsValid)
        {
            return ValidationResult.Failure<IEmissionFactorProvider>(bytes.Problems);
        }

        return Read(Path.GetFileName(path), path, bytes.Value, key);
    }

    /// <summary>Reads factor-file content already in memory.</summary>
    /// <param name="name">The provider's name.</param>
    /// <param name="path">The file's path or name (its extension counts).</param>
    /// <param name="content">The content.</param>
    /// <param name="key">The key for a PACT footprint, or <see langword="null"/>.</param>
    /// <returns>The provider, or every problem.</returns>
    public ValidationResult<IEmissionFactorProvider> Read(string name, string path, ReadOnlyMemory<byte> content, string? key = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(path);
        foreach (var format in Formats)
        {
            if (format.Recognizes(path, content.Span))
            {
                return format.Read(name, content, key, Options);
            }
        }

        return ValidationResult.Failure<IEmissionFactorProvider>([new("$", ProblemCodes.UnsupportedFormat,
            $"'{path}' is none of the factor file formats read here: {string.Join(", ", Formats.Select(f => f.Name))}.")]);
    }

    /// <summary>Gets the name of the format that reads a file, for messages.</summary>
    /// <param name="path">The file's path.</param>
    /// <param name="content">Its content.</param>
    /// <returns>The format's name, or <see langword="null"/>.</returns>
    public string? FormatOf(string path, ReadOnlySpan<byte> content)
    {
        foreach (var format in Formats)
        {
            if (format.Recognizes(path, content))
            {
                return format.Name;
            }
        }

        return null;
    }
}
