namespace Pcf.Accounting.Results;

/// <summary>The work one explanation did, counted so that tests can hold it to the size of its output rather than to a time.</summary>
internal sealed class ExplanationWork
{
    /// <summary>Gets or sets the nodes taken from the work list (expanded or summarized for the budget).</summary>
    public int NodesVisited { get; set; }

    /// <summary>Gets or sets the child nodes built under expanded nodes, before the cap on children and the budget cut them.</summary>
    public int NodesBuilt { get; set; }
}
