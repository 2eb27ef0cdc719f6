namespace Pcf.Accounting.Model;

/// <summary>What kind of technosphere flow a <see cref="Flow"/> is.</summary>
/// <remarks>Greenhouse gases to and from the environment (elementary flows) are not <see cref="Flow"/>s:
/// they are <see cref="ElementaryExchange"/>s of a <see cref="Gases.GreenhouseGas"/>.</remarks>
public enum FlowKind
{
    /// <summary>A product or service with a use: steel billet, electricity, transport.</summary>
    Product = 0,

    /// <summary>A waste that needs treatment; its treatment is supplied like a product.</summary>
    Waste = 1,
}
