using System.CommandLine;
using System.Runtime.CompilerServices;

namespace Pcf.Accounting.Cli;

/// <summary>Example invocations shown at the end of each command's help.</summary>
internal static class Examples
{
    private static readonly ConditionalWeakTable<Command, string[]> ByCommand = [];

    /// <summary>Adds examples to a command's help.</summary>
    /// <param name="command">The command.</param>
    /// <param name="examples">The example command lines.</param>
    public static void Add(Command command, params string[] examples) => ByCommand.AddOrUpdate(command, examples);

    /// <summary>Gets the examples of a command.</summary>
    /// <param name="command">The command.</param>
    /// <returns>Its example command lines; empty when it has none.</returns>
    public static IReadOnlyList<string> Of(Command command) => ByCommand.TryGetValue(command, out var examples) ? examples : [];

    /// <summary>Writes the examples of a command after its help.</summary>
    /// <param name="command">The command whose help was shown.</param>
    /// <param name="output">The help's writer.</param>
    public static void Write(Command command, TextWriter output)
    {
        if (!ByCommand.TryGetValue(command, out var examples))
        {
            return;
        }

        output.WriteLine("Examples:");
        foreach (var example in examples)
        {
            output.WriteLine($"  {example}");
        }

        output.WriteLine();
    }
}
