using System.Collections.Immutable;
using Pcf.Accounting.Pact;
using Pcf.Accounting.Pact.V3;

namespace Pcf.Accounting.Pact.Host.Tests;

/// <summary>Invented footprints for the tests (no specification material): the smallest valid 3.0 documents.</summary>
internal static class Footprints
{
    public static readonly DateTimeOffset ReferenceEnd = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static ProductFootprint Make(
        string product = "urn:pact:product:a", string company = "urn:pact:company:x", string? country = "DE", string? classification = "urn:pact:productclassification:un-cpc:42999",
        decimal fossil = 1.5m, DateTimeOffset? referenceEnd = null, DateTimeOffset? validFrom = null, DateTimeOffset? validTo = null, Guid? id = null)
    {
        var end = referenceEnd ?? ReferenceEnd;
        return new ProductFootprint
        {
            Id = id ?? Guid.NewGuid(),
            SpecVersion = "3.0.0",
            Created = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero),
            Status = PfStatus.Active,
            ValidityPeriodStart = validFrom,
            ValidityPeriodEnd = validTo,
            CompanyName = "Example Co",
            CompanyIds = [company],
            ProductDescription = "A test product",
            ProductIds = [product],
            ProductClassifications = classification is null ? null : [classification],
            ProductNameCompany = "Product " + product,
            Pcf = new CarbonFootprint
            {
                DeclaredUnitOfMeasurement = DeclaredUnitOfMeasurement.Kilogram,
                DeclaredUnitAmount = 1,
                ProductMassPerDeclaredUnit = 1,
                ReferencePeriodStart = end.AddYears(-1),
                ReferencePeriodEnd = end,
                GeographyCountry = country,
                PcfExcludingBiogenicUptake = fossil,
                PcfIncludingBiogenicUptake = fossil,
                FossilCarbonContent = 0,
                FossilGhgEmissions = fossil,
                PackagingEmissionsIncluded = false,
                IpccCharacterizationFactors = ["AR6"],
                CrossSectoralStandards = [CrossSectoralStandard.Iso14067],
                ExemptedEmissionsPercent = 0,
            },
        };
    }
}

/// <summary>A clock the test moves.</summary>
public sealed class ManualTime(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
