using System.Reflection;
using System.Text.RegularExpressions;
using NetArchTest.Rules;

namespace Pcf.Accounting.Tests.Architecture;

/// <summary>The layering of docs/architecture.md: each namespace of the core uses only the namespaces below it (so no two
/// depend on each other), and the core depends on none of the packages built on it.</summary>
public sealed class ArchitectureTests
{
    private static readonly Assembly Core = typeof(Pcf.Accounting.Model.ProductSystem).Assembly;

    // Bottom to top; a namespace may use those in earlier layers only (and itself).
    private static readonly string[][] Layers =
    [
        ["Pcf.Accounting.Units", "Pcf.Accounting.Validation", "Pcf.Accounting.Engine.Sparse", "Pcf.Accounting.Diagnostics"],
        ["Pcf.Accounting.Gases"],
        ["Pcf.Accounting.Model"],
        ["Pcf.Accounting.Rules"],
        ["Pcf.Accounting.Factors"],
        ["Pcf.Accounting.Uncertainty"],
        ["Pcf.Accounting.Results"],
        ["Pcf.Accounting.Json"],
        ["Pcf.Accounting.Factors.Files"],
        ["Pcf.Accounting.Engine"],
        ["Pcf.Accounting.Sampling"],
        ["Pcf.Accounting.Vectors"],
        ["Pcf.Accounting.DependencyInjection", "Microsoft.Extensions.DependencyInjection"],
    ];

    public static TheoryData<string> Namespaces() => [.. Layers.SelectMany(l => l)];

    [Fact]
    public void EveryNamespaceOfTheCore_HasALayer()
    {
        var namespaces = Core.GetTypes().Select(t => t.Namespace).Where(n => n is not null && !n.StartsWith('<') && n != "System.Runtime.CompilerServices"
            && n != "System.Diagnostics.CodeAnalysis" && n != "Microsoft.CodeAnalysis").Distinct().Order(StringComparer.Ordinal);
        Assert.Empty(namespaces.Except(Layers.SelectMany(l => l)));
    }

    [Theory]
    [MemberData(nameof(Namespaces))]
    public void Namespace_UsesOnlyTheLayersBelow(string ns)
    {
        int layer = Array.FindIndex(Layers, l => l.Contains(ns));
        // The core's types in the namespaces at its layer and above, by full name (a dependency check matches name
        // prefixes, so naming a namespace would also match its sub-namespaces, such as Engine.Sparse under Engine).
        var forbidden = Layers.Skip(layer).SelectMany(l => l).Where(n => n != ns).SelectMany(TypesIn).ToArray();

        var result = Types.InAssembly(Core).That().ResideInNamespaceMatching($"^{Regex.Escape(ns)}$").ShouldNot().HaveDependencyOnAny(forbidden).GetResult();

        Assert.True(result.IsSuccessful, $"{ns} uses a namespace at its layer or above: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void Core_DependsOnNoPackageBuiltOnIt()
    {
        var result = Types.InAssembly(Core).ShouldNot().HaveDependencyOnAny(
            "Pcf.Accounting.Cli", "Pcf.Accounting.Data", "Pcf.Accounting.Pact", "Pcf.Accounting.Reporting", "Pcf.Accounting.Templates",
            "Spectre", "System.CommandLine", "Microsoft.AspNetCore").GetResult();

        Assert.True(result.IsSuccessful, string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void LibraryPackages_DoNotDependOnTheCli()
    {
        foreach (var assembly in new[] { typeof(Pcf.Accounting.Pact.PactJson).Assembly, typeof(Pcf.Accounting.Data.DefaultFactors).Assembly })
        {
            var result = Types.InAssembly(assembly).ShouldNot().HaveDependencyOnAny("Pcf.Accounting.Cli", "Spectre", "System.CommandLine").GetResult();
            Assert.True(result.IsSuccessful, $"{assembly.GetName().Name}: {string.Join(", ", result.FailingTypeNames ?? [])}");
        }
    }

    private static IEnumerable<string> TypesIn(string ns) =>
        Core.GetTypes().Where(t => t.Namespace == ns && !t.IsNested).Select(t => t.FullName!);
}
