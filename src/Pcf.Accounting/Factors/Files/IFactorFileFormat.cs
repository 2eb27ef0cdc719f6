using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Factors.Files;

/// <summary>A kind of factor file the <see cref="FactorFileLoader"/> reads: the factor CSV, <c>pcf-factors/1</c> JSON, a supplier's
/// PACT footprint (from the Pcf.Accounting.Pact package), or your own format.</summary>
public interface IFactorFileFormat
{
    /// <summary>Gets the format's name, for messages, such as <c>pcf-factors/1</c>.</summary>
    string Name { get; }

    /// <summary>Gets a value indicating whether this format reads a file, judged by its name and content (such as a JSON root member).</summary>
    /// <param name="path">The file's path.</param>
    /// <param name="content">The file's bytes.</param>
    /// <returns><see langword="true"/> when the file is of this format.</returns>
    bool Recognizes(string path, ReadOnlySpan<byte> content);

    /// <summary>Reads the file as a provider.</summary>
    /// <param name="name">The provider's name (the file's name).</param>
    /// <param name="content">The file's bytes.</param>
    /// <param name="key">A key the file's factors are filed under, for formats that take one (a PACT footprint); <see langword="null"/> otherwise.</param>
    /// <param name="options">The limits and fallbacks.</param>
    /// <returns>The provider, or every problem with its path inside the file.</returns>
    ValidationResult<IEmissionFactorProvider> Read(string name, ReadOnlyMemory<byte> content, string? key, FactorFileOptions options);
}
