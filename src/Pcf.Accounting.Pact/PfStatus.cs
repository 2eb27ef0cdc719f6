using System.Text.Json.Serialization;
using Pcf.Accounting.Pact.Json;

namespace Pcf.Accounting.Pact;

/// <summary>The status of a ProductFootprint (PACT <c>status</c>, the same in 2.3 and 3.0).</summary>
/// <remarks>Only the most recent version of a footprint is <see cref="Active"/>; see <see cref="PactLifecycle.Supersede(V3.ProductFootprint, V3.ProductFootprint, Guid?)"/>.</remarks>
[JsonConverter(typeof(PfStatusConverter))]
public enum PfStatus
{
    /// <summary><c>Active</c>: the most recent version, the one data recipients should use.</summary>
    Active = 0,

    /// <summary><c>Deprecated</c>: superseded; data recipients should not use it.</summary>
    Deprecated = 1,
}
