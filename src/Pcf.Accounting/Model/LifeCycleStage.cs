namespace Pcf.Accounting.Model;

/// <summary>The life-cycle stage a process belongs to (ISO 14067 / GB/T 24067 stages).</summary>
/// <remarks>A cradle-to-gate footprint covers <see cref="RawMaterialAcquisition"/> and
/// <see cref="Production"/>; the others exist for wider boundaries and for reporting.</remarks>
public enum LifeCycleStage
{
    /// <summary>Not stated.</summary>
    Unspecified = 0,

    /// <summary>Raw material acquisition and pre-processing, including inbound transport.</summary>
    RawMaterialAcquisition = 1,

    /// <summary>Production (manufacturing) up to the factory gate.</summary>
    Production = 2,

    /// <summary>Distribution and storage (outbound logistics).</summary>
    Distribution = 3,

    /// <summary>Use of the product.</summary>
    Use = 4,

    /// <summary>End of life: collection, treatment, disposal.</summary>
    EndOfLife = 5,
}
