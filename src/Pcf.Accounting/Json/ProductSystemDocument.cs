namespace Pcf.Accounting.Json;

// The pcf-system/1 wire format, as written. Reading walks the document by hand (JsonWalker) so that
// every problem is reported at once with its path; a round-trip test keeps the two in step.
#pragma warning disable CA1812 // instantiated by the source-generated serializer
internal sealed record ProductSystemDocument(
    string Format,
    string Name,
    string? Description,
    string? Region,
    int? ReferenceYear,
    ReferenceProductDocument ReferenceProduct,
    QuantityDocument DeclaredUnit,
    QuantityDocument? ProductMassPerDeclaredUnit,
    CarbonContentDocument? CarbonContent,
    IReadOnlyList<FlowDocument> Flows,
    IReadOnlyList<ProcessDocument> Processes);

internal sealed record ReferenceProductDocument(string Flow, string? Process);

internal sealed record QuantityDocument(double Amount, string Unit);

internal sealed record CarbonContentDocument(QuantityDocument Fossil, QuantityDocument Biogenic, QuantityDocument? Recycled, QuantityDocument? PackagingBiogenic);

internal sealed record FlowDocument(string Id, string Name, string Unit, string? Kind, string? FactorKey, IReadOnlyList<string>? Tags);

internal sealed record ProcessDocument(
    string Id,
    string Name,
    string? Description,
    string? Stage,
    string? Region,
    IReadOnlyList<string>? Tags,
    bool? PrimaryData,
    string? Allocation,
    OutputDocument Output,
    IReadOnlyList<OutputDocument>? CoProducts,
    IReadOnlyList<InputDocument>? Inputs,
    IReadOnlyList<EmissionDocument>? Emissions);

internal sealed record OutputDocument(
    string Flow,
    double Amount,
    string Unit,
    QuantityDocument? MassPerUnit,
    QuantityDocument? EnergyPerUnit,
    QuantityDocument? PricePerUnit,
    double? Share,
    SupplyDocument? Displaces,
    DerivationDocument? Derivation)
{
    public UncertaintyDocument? Uncertainty { get; init; }
}

internal sealed record InputDocument(string Flow, double Amount, string Unit, SupplyDocument? From, DerivationDocument? Derivation)
{
    public UncertaintyDocument? Uncertainty { get; init; }
}

internal sealed record SupplyDocument(string? Process, string? Factor, string? Region, int? Year);

internal sealed record EmissionDocument(string Gas, double Amount, string Unit, string? Kind, DerivationDocument? Derivation)
{
    public UncertaintyDocument? Uncertainty { get; init; }
}

internal sealed record UncertaintyDocument(string Distribution, double? Spread, double? Minimum, double? Maximum);

internal sealed record DerivationDocument(string Name, string Formula, IReadOnlyList<DerivationInputDocument> Inputs, MeasureDocument Result, string Source, string? Note);

internal sealed record DerivationInputDocument(string Symbol, double Value, string Unit, string? Description, string? Source, bool? Default, DerivationDocument? Derivation);

internal sealed record MeasureDocument(double Value, string Unit);
#pragma warning restore CA1812
