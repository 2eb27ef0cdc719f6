using System.Runtime.CompilerServices;

namespace Pcf.Accounting.Tests.TestSupport;

/// <summary>Whether the official reference files that the repository may not redistribute are beside the checkout.</summary>
/// <remarks>
/// The PACT examples and OpenAPI files are WBCSD's and licensed without the right to redistribute them, so the
/// repository carries its own documents written from the specification (<c>TestData/pact</c>) and compares with the
/// official files only where they are present: in the project's CI, which lays them out in <c>../shared/reference</c>
/// beside its clone. A fresh clone has no such folder, and those comparisons are skipped with the reason below.
/// </remarks>
internal static class ReferenceData
{
    /// <summary>The reason a comparison with the official files in <paramref name="folder"/> cannot run, or <see langword="null"/> when it can.</summary>
    /// <param name="folder">A folder under the reference folder, such as <c>pact</c>.</param>
    public static string? SkipReason(string folder)
    {
        string path = Paths.Shared(folder);
        return Directory.Exists(path)
            ? null
            : $"Compares with the official reference files in {path}, which are not beside this checkout: the project's CI " +
              "provides them, a clone does not (some may not be redistributed). The repository's own test data cover the same code.";
    }

    /// <summary>The name a skipped reference test shows in the default (minimal) <c>dotnet test</c> output, which prints no skip
    /// reasons: the class and method, and the folder it needs.</summary>
    public static string? SkippedDisplayName(string folder, string? skip, string file, string test) =>
        skip is null ? null : $"{Path.GetFileNameWithoutExtension(file)}.{test} [skipped: needs the official files in ../shared/reference/{folder}, which are not in the repository (CI has them)]";
}

/// <summary>A fact that reads the official reference files beside the checkout; skipped, with the reason, when they are absent.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class ReferenceFactAttribute : FactAttribute
{
    /// <param name="folder">The folder under <c>../shared/reference</c> that the test reads, such as <c>pact</c>.</param>
    /// <param name="file">Filled in by the compiler.</param>
    /// <param name="test">Filled in by the compiler.</param>
    public ReferenceFactAttribute(string folder, [CallerFilePath] string file = "", [CallerMemberName] string test = "")
    {
        Skip = ReferenceData.SkipReason(folder);
        DisplayName = ReferenceData.SkippedDisplayName(folder, Skip, file, test);
    }
}

/// <summary>A theory that reads the official reference files beside the checkout; skipped, with the reason, when they are absent.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class ReferenceTheoryAttribute : TheoryAttribute
{
    /// <param name="folder">The folder under <c>../shared/reference</c> that the test reads, such as <c>pact</c>.</param>
    /// <param name="file">Filled in by the compiler.</param>
    /// <param name="test">Filled in by the compiler.</param>
    public ReferenceTheoryAttribute(string folder, [CallerFilePath] string file = "", [CallerMemberName] string test = "")
    {
        Skip = ReferenceData.SkipReason(folder);
        DisplayName = ReferenceData.SkippedDisplayName(folder, Skip, file, test);
    }
}
