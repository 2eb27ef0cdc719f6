namespace Pcf.Accounting.Validation;

/// <summary>One problem found in user input: where it is, a stable code, and the rule it breaks.</summary>
/// <remarks>
/// <para><see cref="Path"/> is a JSON path (<c>$.processes[3].inputs[0].unit</c>) for documents, or a
/// parameter or property name (<c>declaredUnit</c>) for values built in code.</para>
/// <para><see cref="Subject"/>, when set, names the thing the problem concerns as data.</para>
/// <para><see cref="Code"/> is stable across versions (<c>PCF0102</c>), so tools can match on it;
/// <see cref="Message"/> is for people and may be reworded. The codes are listed in
/// <see cref="ProblemCodes"/>.</para>
/// <para>A problem is one printable line of bounded length, whatever the input: control characters (a line break in an echoed
/// value) become spaces, a value echoed in the message is cut after <see cref="MaxEchoLength"/> characters with <c>…</c>, and
/// the message is at most <see cref="MaxMessageLength"/> characters, the path at most <see cref="MaxPathLength"/>, so a 50 MiB
/// unknown unit never makes a 50 MB message.</para>
/// </remarks>
/// <param name="Path">Where the problem is: a JSON path or a parameter name.</param>
/// <param name="Code">A stable problem code such as <c>PCF0102</c>.</param>
/// <param name="Message">What rule is broken, in words, naming the offending value.</param>
/// <threadsafety>Immutable.</threadsafety>
public sealed record ValidationProblem(string Path, string Code, string Message)
{
    /// <summary>The longest message kept, in characters; a longer one is cut with <c>…</c>.</summary>
    public const int MaxMessageLength = 1_000;

    /// <summary>The longest path kept, in characters; member names in a longer one are cut with <c>…</c>.</summary>
    public const int MaxPathLength = 300;

    /// <summary>The longest quoted value or unbroken word kept in a message, in characters; a longer one is cut with <c>…</c>.</summary>
    public const int MaxEchoLength = 64;

    private readonly string _path = BoundedText.BoundPath(Path);
    private readonly string _message = BoundedText.BoundMessage(Message);

    /// <summary>Gets where the problem is: a JSON path or a parameter name (bounded, printable).</summary>
    public string Path
    {
        get => _path;
        init => _path = BoundedText.BoundPath(value);
    }

    /// <summary>Gets what rule is broken, in words (bounded, printable).</summary>
    public string Message
    {
        get => _message;
        init => _message = BoundedText.BoundMessage(value);
    }

    /// <summary>Gets what the problem is about, as data, when it concerns a thing rather than a place in a document: a factor
    /// request (<see cref="Factors.FactorRequestSubject"/>), a process, a provider. Callers match on it, never on <see cref="Path"/> or <see cref="Message"/> text.</summary>
    public ProblemSubject? Subject { get; init; }

    /// <summary>Formats the problem as one line: <c>path  code  message</c>.</summary>
    /// <returns>The problem on one line.</returns>
    public override string ToString() => $"{Path}  {Code}  {Message}";
}
