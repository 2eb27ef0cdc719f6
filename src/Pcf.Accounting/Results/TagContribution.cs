namespace Pcf.Accounting.Results;

/// <summary>The CO2e of the processes that carry one value of a tag name, such as every process tagged <c>supplier=acme</c>.</summary>
/// <param name="Name">The tag name, such as <c>supplier</c>.</param>
/// <param name="Value">The value after <c>=</c>; <see langword="null"/> for the tag without a value, and for the processes without the tag
/// (<see cref="Tagged"/> false).</param>
/// <param name="Tagged">Whether this line is of processes that carry the tag.</param>
/// <param name="Co2e">The kg CO2e of those processes (direct and background), for the demand.</param>
/// <param name="Share">Co2e divided by the total excluding biogenic uptake.</param>
/// <param name="Processes">How many processes.</param>
/// <threadsafety>Immutable value type.</threadsafety>
public readonly record struct TagContribution(string Name, string? Value, bool Tagged, double Co2e, double Share, int Processes);
