using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Fuzz;

/// <summary>One parser under test: its name (also its corpus folder under <c>fuzz/corpus</c>), and what one execution does.</summary>
/// <param name="Name">The name, such as <c>system</c>.</param>
/// <param name="Description">What it runs.</param>
/// <param name="Run">Runs one input; returns what it observed. Anything it throws is a crash.</param>
/// <param name="SmokeRuns">The executions of the smoke run of CI (the seeds included): a fixed count, so that the same commit
/// runs the same inputs everywhere; chosen so that all targets together take about a minute and a half on CI.</param>
internal sealed record FuzzTarget(string Name, string Description, Func<byte[], Observation> Run, int SmokeRuns = 10_000);

/// <summary>What one execution observed: the problems reported (checked by <see cref="MessageOracle"/>), other messages (vector
/// failures, tool output), and a signature of the behaviour, which guides the corpus: an input whose signature is new is kept.</summary>
internal sealed class Observation
{
    /// <summary>Gets the problems reported.</summary>
    public List<ValidationProblem> Problems { get; } = [];

    /// <summary>Gets other messages the user would read (vector failure lines, tool errors).</summary>
    public List<string> Messages { get; } = [];

    /// <summary>Gets invariant violations found on accepted input (a non-finite total, a result that does not read back).</summary>
    public List<string> Violations { get; } = [];

    /// <summary>Gets the features of the behaviour: problem codes with their paths' shapes, and the stages reached.</summary>
    public HashSet<string> Features { get; } = [];

    /// <summary>Records problems, and their codes and path shapes as features.</summary>
    /// <param name="stage">The stage that reported them (read, calculate ...).</param>
    /// <param name="problems">The problems.</param>
    public void Add(string stage, IEnumerable<ValidationProblem> problems)
    {
        foreach (var p in problems)
        {
            Problems.Add(p);
            Features.Add($"{stage}:{p.Code}:{Shape(p.Path)}");
        }
    }

    /// <summary>Records a stage reached.</summary>
    /// <param name="stage">The stage.</param>
    public void Reached(string stage) => Features.Add(stage);

    // $.processes[3].inputs[0].unit -> $.processes[].inputs[].unit; member names past 32 characters are cut.
    private static string Shape(string path)
    {
        var shape = new System.Text.StringBuilder(path.Length);
        bool inIndex = false;
        foreach (char c in path)
        {
            if (c == '[')
            {
                inIndex = true;
                shape.Append('[');
            }
            else if (c == ']')
            {
                inIndex = false;
                shape.Append(']');
            }
            else if (!inIndex || !char.IsAsciiDigit(c))
            {
                shape.Append(c);
            }

            if (shape.Length > 120)
            {
                break;
            }
        }

        return shape.ToString();
    }
}
