using Pcf.Accounting.Model;
using Pcf.Accounting.Units;

namespace Pcf.Accounting.Results;

/// <summary>What a result is about: the product system's name, reference product, declared unit and the product facts that
/// reports and PACT exports need, with the system's content hash.</summary>
/// <param name="Name">The system's name.</param>
/// <param name="ReferenceProduct">The reference product.</param>
/// <param name="ReferenceProcess">The process that makes it.</param>
/// <param name="DeclaredUnit">The declared unit.</param>
/// <param name="ContentHash">The SHA-256 of the system's canonical content (<c>sha256:</c> and 64 hex digits): equal hashes, equal systems.</param>
/// <threadsafety>Immutable.</threadsafety>
public sealed record SystemSummary(string Name, FlowId ReferenceProduct, ProcessId ReferenceProcess, Quantity DeclaredUnit, string ContentHash)
{
    /// <summary>Gets the system's description, if any.</summary>
    public string? Description { get; init; }

    /// <summary>Gets the system's default region, if stated.</summary>
    public string? Region { get; init; }

    /// <summary>Gets the reference year of the data, if stated.</summary>
    public int? ReferenceYear { get; init; }

    /// <summary>Gets the mass of product per declared unit, if stated or implied.</summary>
    public Quantity? ProductMassPerDeclaredUnit { get; init; }

    /// <summary>Gets the carbon content of the product per declared unit, if stated.</summary>
    public CarbonContent? CarbonContent { get; init; }

    /// <summary>Summarizes a product system.</summary>
    /// <param name="system">The system.</param>
    /// <param name="contentHash">Its content hash.</param>
    /// <returns>The summary.</returns>
    public static SystemSummary Of(ProductSystem system, string contentHash)
    {
        ArgumentNullException.ThrowIfNull(system);
        return new(system.Name, system.ReferenceProduct, system.ReferenceProcess, system.DeclaredUnit, contentHash)
        {
            Description = system.Description,
            Region = system.Region,
            ReferenceYear = system.ReferenceYear,
            ProductMassPerDeclaredUnit = system.ProductMassPerDeclaredUnit,
            CarbonContent = system.CarbonContent,
        };
    }
}
