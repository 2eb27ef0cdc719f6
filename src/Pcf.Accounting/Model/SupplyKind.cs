namespace Pcf.Accounting.Model;

/// <summary>Where a product input comes from.</summary>
public enum SupplyKind
{
    /// <summary>A process inside the system (foreground).</summary>
    Process = 0,

    /// <summary>An emission factor (background): a cradle-to-gate factor per unit of the flow.</summary>
    Factor = 1,
}
