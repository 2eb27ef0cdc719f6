using Pcf.Accounting.Units;

namespace Pcf.Accounting.Model;

/// <summary>The carbon contained in the product per declared unit (mass of carbon, not CO2), reported separately by ISO 14067 and PACT.</summary>
/// <param name="Fossil">Fossil carbon content (PACT <c>fossilCarbonContent</c>).</param>
/// <param name="Biogenic">Biogenic carbon content (PACT <c>biogenicCarbonContent</c>).</param>
/// <param name="Recycled">Carbon from recycled material, fossil or biogenic (PACT <c>recycledCarbonContent</c>), if known.</param>
/// <param name="PackagingBiogenic">Biogenic carbon in the packaging (PACT <c>packagingBiogenicCarbonContent</c>), if known.</param>
/// <threadsafety>Immutable.</threadsafety>
public sealed record CarbonContent(Quantity Fossil, Quantity Biogenic, Quantity? Recycled = null, Quantity? PackagingBiogenic = null);
