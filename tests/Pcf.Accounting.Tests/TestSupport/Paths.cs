using System.Reflection;

namespace Pcf.Accounting.Tests.TestSupport;

/// <summary>Where the repository, its test data and the optional official reference files are, as recorded at build time.</summary>
internal static class Paths
{
    /// <summary>The repository root (ends with a separator).</summary>
    internal static string RepoRoot => Metadata("RepoRoot");

    /// <summary>The optional folder of official reference files beside the checkout (<c>../shared/reference/</c>).</summary>
    /// <remarks>Not part of the repository: tests that read it are <see cref="ReferenceFactAttribute"/> or
    /// <see cref="ReferenceTheoryAttribute"/>, skipped with their reason when it is absent.</remarks>
    internal static string SharedReference => Metadata("SharedReferenceDir");

    /// <summary>A file of the official reference folder, such as <c>pact/openapi-3.0.3.yaml</c>.</summary>
    internal static string Shared(string relative) => Path.Combine(SharedReference, relative);

    /// <summary>A file of the repository's own test data, such as <c>pact/get-footprint-response-3.0.json</c>.</summary>
    internal static string TestData(string relative) => Path.Combine(RepoRoot, "tests", "Pcf.Accounting.Tests", "TestData", relative);

    private static string Metadata(string key) =>
        typeof(Paths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException(key);
}
