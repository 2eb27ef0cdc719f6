using Pcf.Accounting.Model;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Json;

/// <summary>Reads <c>pcf-system/1</c> documents with configured limits; the service form of <see cref="ProductSystemJson"/>.</summary>
/// <param name="limits">The limits applied to every document.</param>
/// <threadsafety>Immutable and thread-safe.</threadsafety>
public sealed class ProductSystemReader(JsonReadOptions limits)
{
    /// <summary>Gets the limits applied to every document.</summary>
    public JsonReadOptions Limits { get; } = limits ?? throw new ArgumentNullException(nameof(limits));

    /// <summary>Reads a product system from UTF-8 JSON.</summary>
    /// <param name="utf8Json">The document.</param>
    /// <returns>The product system, or every problem found.</returns>
    public ValidationResult<ProductSystem> Read(ReadOnlyMemory<byte> utf8Json) => ProductSystemJson.Read(utf8Json, Limits);

    /// <summary>Reads a product system from a stream.</summary>
    /// <param name="utf8Json">The stream.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The product system, or every problem found.</returns>
    public ValueTask<ValidationResult<ProductSystem>> ReadAsync(Stream utf8Json, CancellationToken cancellationToken = default) =>
        ProductSystemJson.ReadAsync(utf8Json, Limits, cancellationToken);

    /// <summary>Reads a product system from a file.</summary>
    /// <param name="path">The file's path.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The product system, or every problem found (a missing file is reported as a problem at <c>$</c>).</returns>
    public async ValueTask<ValidationResult<ProductSystem>> ReadFileAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            return ValidationResult.Failure<ProductSystem>([new("$", ProblemCodes.Required, $"The file '{path}' does not exist.")]);
        }

        var stream = File.OpenRead(path);
        await using (stream.ConfigureAwait(false))
        {
            return await ReadAsync(stream, cancellationToken).ConfigureAwait(false);
        }
    }
}
