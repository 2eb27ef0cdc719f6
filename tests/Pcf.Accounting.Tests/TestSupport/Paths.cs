using System.Reflection;

namespace Pcf.Accounting.Tests.TestSupport;

/// <summary>Where the repository and ../shared/reference are, as recorded at build time.</summary>
internal static class Paths
{
    internal static string RepoRoot => Metadata("RepoRoot");

    internal static string SharedReference => Metadata("SharedReferenceDir");

    internal static string Shared(string relative) => Path.Combine(SharedReference, relative);

    private static string Metadata(string key) =>
        typeof(Paths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException(key);
}
