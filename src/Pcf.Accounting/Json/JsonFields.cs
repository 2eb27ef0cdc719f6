using System.Text.Json;

namespace Pcf.Accounting.Json;

/// <summary>The members of one JSON object gathered in a single pass (<see cref="JsonWalker.Fields"/>), read by name.</summary>
/// <remarks>Implementation note: a factor is read through about 25 member look-ups, and each search of the object
/// compared names anew; gathering once costs one pass. An absent member reads as <c>default</c> (<see cref="JsonValueKind.Undefined"/>).</remarks>
/// <threadsafety>A view of a buffer reused from object to object: valid until the next object of the same kind is gathered.</threadsafety>
internal readonly struct JsonFields(JsonMembers members, JsonElement[] values)
{
    /// <summary>Gets the value of a member, <c>default</c> when absent.</summary>
    /// <exception cref="ArgumentException">The format does not define the member (a bug).</exception>
    public JsonElement this[string name] => values[members.IndexOf(name)];
}
