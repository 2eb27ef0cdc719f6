using System.Collections.Frozen;
using Pcf.Accounting.Model;

namespace Pcf.Accounting.Json;

/// <summary>The camelCase names under which the model's enums travel in JSON.</summary>
internal static class JsonNames
{
    public static readonly FrozenDictionary<string, LifeCycleStage> Stages = new Dictionary<string, LifeCycleStage>
    {
        ["unspecified"] = LifeCycleStage.Unspecified,
        ["rawMaterialAcquisition"] = LifeCycleStage.RawMaterialAcquisition,
        ["production"] = LifeCycleStage.Production,
        ["distribution"] = LifeCycleStage.Distribution,
        ["use"] = LifeCycleStage.Use,
        ["endOfLife"] = LifeCycleStage.EndOfLife,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static readonly FrozenDictionary<string, FlowKind> FlowKinds = new Dictionary<string, FlowKind>
    {
        ["product"] = FlowKind.Product,
        ["waste"] = FlowKind.Waste,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // The roles of the first pcf-system/1 documents, read as the tags that replaced them.
    public static readonly FrozenDictionary<string, Tag> Roles = new Dictionary<string, Tag>
    {
        ["aircraftTransport"] = Tags.AircraftTransport,
        ["packaging"] = Tags.Packaging,
        ["outboundLogistics"] = Tags.OutboundLogistics,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static readonly FrozenDictionary<string, AllocationMethod> Allocation = new Dictionary<string, AllocationMethod>
    {
        ["systemExpansion"] = AllocationMethod.SystemExpansion,
        ["mass"] = AllocationMethod.Mass,
        ["energy"] = AllocationMethod.Energy,
        ["economic"] = AllocationMethod.Economic,
        ["stated"] = AllocationMethod.Stated,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static readonly FrozenDictionary<string, ElementaryExchangeKind> ExchangeKinds = new Dictionary<string, ElementaryExchangeKind>
    {
        ["emission"] = ElementaryExchangeKind.Emission,
        ["biogenicUptake"] = ElementaryExchangeKind.BiogenicUptake,
        ["landUseChangeEmission"] = ElementaryExchangeKind.LandUseChangeEmission,
        ["landManagementEmission"] = ElementaryExchangeKind.LandManagementEmission,
        ["landManagementRemoval"] = ElementaryExchangeKind.LandManagementRemoval,
        ["technologicalRemoval"] = ElementaryExchangeKind.TechnologicalRemoval,
        ["ccsCapture"] = ElementaryExchangeKind.CcsCapture,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // The first name of the value in the dictionary's order (a plain loop: writers call this for every process and exchange).
    public static string NameOf<T>(FrozenDictionary<string, T> names, T value)
        where T : struct
    {
        foreach (var (name, named) in names)
        {
            if (EqualityComparer<T>.Default.Equals(named, value))
            {
                return name;
            }
        }

        throw new InvalidOperationException("Sequence contains no matching element");
    }
}
