using Pcf.Accounting.Model;
using Pcf.Accounting.Units;

namespace Pcf.Accounting.Templates.Electronics.Parts;

/// <summary>The settings of the whole product that part models read: where ICs are made by default and which grid factor
/// electricity takes.</summary>
/// <param name="FabRegion">The region of the fab's grid for parts that name none (ISO 3166 or a sub-region, such as <c>TW</c> or <c>CN-JS</c>).</param>
/// <param name="GridKey">The factor key of grid electricity (life-cycle <c>electricity/grid</c>, or combustion-only CO2).</param>
internal sealed record ProductSettings(string FabRegion, string GridKey);

/// <summary>One background input of a part: so much of a flow supplied by a factor.</summary>
/// <remarks><see cref="Year"/> asks the factor for a year other than the reference year (the embedded packaging factors are DESNZ 2025 only).</remarks>
internal sealed record PartInput(string Key, string FlowName, Unit Unit, Derivation? Derivation, double Amount, string? Region, int? Year = null);

/// <summary>What a part model builds for one node: the node's path, and the inputs it adds, each an amount derived from the
/// part's parameters and supplied by a factor.</summary>
internal sealed class PartContext(string path, ProductSettings settings)
{
    /// <summary>The region of model factors, which hold for any region.</summary>
    public const string Global = "GLO";

    public string Path { get; } = path;

    public ProductSettings Settings { get; } = settings;

    public List<PartInput> Inputs { get; } = [];

    /// <summary>Makes a derivation named after the part: <c>mainboard/cpu: wafer area per good die</c>.</summary>
    public Derivation Derive(string what, string formula, IEnumerable<DerivationInput> inputs, Unit unit, string source) =>
        Derivation.Create($"{Path}: {what}", formula, inputs, UnitExpression.Of(unit), source);

    /// <summary>Adds an input of a factor's flow with a derived amount.</summary>
    public void Use(string key, string flowName, Unit unit, Derivation amount, string? region = Global) =>
        Inputs.Add(new PartInput(key, flowName, unit, amount, amount.Result.As(UnitExpression.Of(unit)), region));

    /// <summary>Adds an input of a factor's flow with a fixed amount (one piece of a per-piece factor).</summary>
    public void Use(string key, string flowName, Unit unit, double amount, string? region = Global) =>
        Inputs.Add(new PartInput(key, flowName, unit, null, amount, region));

    /// <summary>Adds grid electricity in a region.</summary>
    public void UseElectricity(Derivation kilowattHours, string region) =>
        Use(Settings.GridKey, "Electricity, grid", Unit.KilowattHour, kilowattHours, region);
}
