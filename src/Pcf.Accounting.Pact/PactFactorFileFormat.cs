using Pcf.Accounting.Factors;
using Pcf.Accounting.Factors.Files;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Pact;

/// <summary>The factor file format of suppliers' PACT footprints (3.0 or 2.3: one footprint, or a list or get response), read as
/// primary-data factors by a <see cref="SupplierFootprintProvider"/> matched by key alone.</summary>
/// <remarks>Recognized by the root members of a footprint (<c>specVersion</c>) or a response (<c>data</c>), without <c>format</c>.
/// Add it to a <see cref="FactorFileLoader"/> before the core formats.</remarks>
public sealed class PactFactorFileFormat : IFactorFileFormat
{
    /// <summary>Gets the format with key-alone matching.</summary>
    public static PactFactorFileFormat Instance { get; } = new(SupplierFootprintMatching.KeyOnly);

    /// <summary>Initializes a new instance.</summary>
    /// <param name="matching">How requests find the footprints.</param>
    public PactFactorFileFormat(SupplierFootprintMatching matching) => Matching = matching;

    /// <summary>Gets how requests find the footprints.</summary>
    public SupplierFootprintMatching Matching { get; }

    /// <inheritdoc/>
    public string Name => "PACT footprint";

    /// <inheritdoc/>
    public bool Recognizes(string path, ReadOnlySpan<byte> content)
    {
        var members = FactorFileFormats.RootMembers(content);
        return !members.Contains("format") && (members.Contains("specVersion") || members.Contains("data"));
    }

    /// <inheritdoc/>
    public ValidationResult<IEmissionFactorProvider> Read(string name, ReadOnlyMemory<byte> content, string? key, FactorFileOptions options)
    {
        var read = SupplierFootprintProvider.Read(name, content, key, Matching);
        return read.IsValid ? ValidationResult.Success<IEmissionFactorProvider>(read.Value) : ValidationResult.Failure<IEmissionFactorProvider>(read.Problems);
    }
}
