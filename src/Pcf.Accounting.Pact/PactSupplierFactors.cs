using System.Globalization;
using Pcf.Accounting.Factors;
using Pcf.Accounting.Gases;
using Pcf.Accounting.Model;
using Pcf.Accounting.Sampling;
using Pcf.Accounting.Uncertainty;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Pact;

/// <summary>Turns a supplier's PACT footprint into an <see cref="EmissionFactor"/>: primary data per one unit of the supplied product.</summary>
/// <remarks>
/// <para>The factor is per one PACT unit (kg, L, m3, kWh, MJ, tkm, m2, piece, h): each figure divided by
/// <c>declaredUnitAmount</c>. Components are kg CO2e with the footprint's GWP basis (<c>["AR6"]</c> →
/// <see cref="GwpSet.Ar6"/>; several reports → none, so resolution warns <c>PCF0404</c>), one per separately
/// reported category so the engine keeps them apart: fossil (less its land-management part) as a fossil
/// emission; land-management fossil, land-management biogenic CO2, land-use change, removals, uptake,
/// technological removals and CCS with their own <see cref="ElementaryExchangeKind"/>s; biogenic non-CO2 as kg of
/// biogenic methane (CO2e divided by the basis' GWP, so the engine files it as biogenic non-CO2), or as biogenic
/// CO2e when the basis is unknown. Aircraft, packaging and outbound logistics are "of which" lines, already inside
/// these, and are not carried.</para>
/// <para>Provenance: publisher = <c>companyName</c>; document = footprint id, spec version and reference period;
/// <see cref="FactorProvenance.IsPrimaryData"/> is <see langword="true"/>, so the engine counts the factor in the
/// primary-data share. Region = the footprint's subdivision, country or UN region (global when none); year = the
/// year of the reference period's last instant.</para>
/// <para>Uncertainty: the footprint's data-quality ratings (<c>dqi</c>) widened by the pedigree matrix into one lognormal
/// distribution for the factor (<see cref="EmissionFactor.Uncertainty"/>), which a Monte Carlo run samples.</para>
/// </remarks>
/// <example><code>
/// EmissionFactor factor = PactSupplierFactors.ToEmissionFactor(supplierFootprint, "steel/hot-rolled-coil").ThrowIfInvalid();
/// var supplier = new InMemoryFactorProvider("supplier-pact", [factor]); // register before the national databases
/// </code></example>
/// <threadsafety>Thread-safe.</threadsafety>
public static class PactSupplierFactors
{
    /// <summary>Converts a 3.0 footprint into an emission factor under a caller-chosen key.</summary>
    /// <param name="footprint">The supplier's footprint.</param>
    /// <param name="key">The factor key the product system's flow uses (for example the supplier's product id, or your own key).</param>
    /// <param name="allowDeprecated">Whether a <see cref="PfStatus.Deprecated"/> footprint may be used (the spec says it should not).</param>
    /// <returns>The factor, or the problems (a deprecated footprint, a unit with no <see cref="Units.Unit"/>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="footprint"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="key"/> is empty.</exception>
    public static ValidationResult<EmissionFactor> ToEmissionFactor(V3.ProductFootprint footprint, string key, bool allowDeprecated = false) =>
        ToEmissionFactor(footprint, key, allowDeprecated, sourceSpecVersion: null, sourceDqi: null);

    /// <summary>The conversion, with the spec version of the document the footprint came from (a 2.x footprint converted to 3.0 keeps
    /// its own) and its 2.x data-quality ratings (3.0 dropped completeness and reliability).</summary>
    private static ValidationResult<EmissionFactor> ToEmissionFactor(V3.ProductFootprint footprint, string key, bool allowDeprecated, string? sourceSpecVersion, V2.DataQualityIndicators? sourceDqi)
    {
        ArgumentNullException.ThrowIfNull(footprint);
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        var problems = new List<ValidationProblem>();
        var p = footprint.Pcf;
        if (footprint.Status == PfStatus.Deprecated && !allowDeprecated)
        {
            problems.Add(new("$.status", PactProblemCodes.DeprecatedFootprint, $"Footprint {footprint.Id} is deprecated; use its successor."));
        }

        if (!PactUnits.TryGetUnit(p.DeclaredUnitOfMeasurement, out var unit))
        {
            problems.Add(new("$.pcf.declaredUnitOfMeasurement", PactProblemCodes.UnsupportedDeclaredUnit,
                $"'{PactUnits.NameOf(p.DeclaredUnitOfMeasurement)}' has no unit in Pcf.Accounting."));
        }

        if (problems.Count > 0)
        {
            return ValidationResult.Failure<EmissionFactor>(problems);
        }

        GwpSet? basis = p.IpccCharacterizationFactors.Length == 1 && GwpSet.TryFind(p.IpccCharacterizationFactors[0], out var set) ? set : null;
        double Per(decimal value) => (double)(value / p.DeclaredUnitAmount);
        var components = new List<FactorComponent>();
        void Add(decimal? value, ElementaryExchangeKind kind, CarbonOrigin origin)
        {
            if (value is { } v && v != 0)
            {
                components.Add(new FactorComponent(null, kind, Math.Abs(Per(v))) { Origin = origin });
            }
        }

        decimal lmFossil = p.LandManagementFossilGhgEmissions ?? 0;
        Add(p.FossilGhgEmissions - lmFossil, ElementaryExchangeKind.Emission, CarbonOrigin.Fossil);
        Add(lmFossil, ElementaryExchangeKind.LandManagementEmission, CarbonOrigin.Fossil);
        Add(p.LandManagementBiogenicCo2Emissions, ElementaryExchangeKind.LandManagementEmission, CarbonOrigin.Biogenic);
        Add(p.LandManagementBiogenicCo2Removals, ElementaryExchangeKind.LandManagementRemoval, CarbonOrigin.Biogenic);
        Add(p.LandUseChangeGhgEmissions, ElementaryExchangeKind.LandUseChangeEmission, CarbonOrigin.NotApplicable);
        Add(p.BiogenicCo2Uptake, ElementaryExchangeKind.BiogenicUptake, CarbonOrigin.Biogenic);
        Add(p.TechnologicalCo2Removals, ElementaryExchangeKind.TechnologicalRemoval, CarbonOrigin.NotApplicable);
        Add(p.CcsTechnologicalCo2Capture, ElementaryExchangeKind.CcsCapture, CarbonOrigin.NotApplicable);
        if (p.BiogenicNonCo2Emissions is { } methane && methane != 0)
        {
            if (basis is not null && basis.TryGetFactor(GreenhouseGas.Ch4Biogenic, out double gwp))
            {
                // kg CH4 = kg CO2e / GWP100(biogenic CH4) of the footprint's own GWP set (AR6: 27.0).
                components.Add(new FactorComponent(GreenhouseGas.Ch4Biogenic, ElementaryExchangeKind.Emission, Per(methane) / gwp));
            }
            else
            {
                Add(methane, ElementaryExchangeKind.Emission, CarbonOrigin.Biogenic);
            }
        }

        if (components.Count == 0)
        {
            components.Add(FactorComponent.Co2e(0, CarbonOrigin.Fossil));
        }

        string period = string.Create(CultureInfo.InvariantCulture, $"{p.ReferencePeriodStart:yyyy-MM-dd} to {p.ReferencePeriodEnd:yyyy-MM-dd}");
        string specVersion = sourceSpecVersion ?? footprint.SpecVersion;
        string converted = sourceSpecVersion is null ? string.Empty : ", read through its 3.0 conversion";
        var provenance = new FactorProvenance(footprint.CompanyName, $"PACT ProductFootprint {footprint.Id} (specVersion {specVersion}{converted}), reference period {period}")
        {
            PublicationYear = footprint.Created.Year,
            Dataset = "pact:" + footprint.Id.ToString("D"),
            DatasetVersion = specVersion,
            Kind = FactorKind.LifeCycle,
            IsPrimaryData = true,
            Note = $"Supplier footprint for {footprint.ProductNameCompany} ({string.Join(", ", footprint.ProductIds)}) by {string.Join(", ", footprint.CompanyIds)}; status {footprint.Status}; "
                + $"per {PactUnits.NameOf(p.DeclaredUnitOfMeasurement)} = declared unit / {p.DeclaredUnitAmount.ToString(CultureInfo.InvariantCulture)}.",
        };
        var validFrom = footprint.ValidityPeriodStart ?? p.ReferencePeriodEnd;
        var validUntil = footprint.ValidityPeriodEnd ?? Events.PactRequestCriteria.ThreeYearsAfter(p.ReferencePeriodEnd); // 3.0: valid 3 years after referencePeriodEnd when unstated.
        var factor = new EmissionFactor(key, footprint.ProductNameCompany, unit!, p.GeographyCountrySubdivision ?? p.GeographyCountry ?? p.GeographyRegionOrSubregion,
            p.ReferencePeriodEnd.AddTicks(-1).Year, components, provenance)
        {
            GwpBasis = basis,
            ValidFrom = DateOnly.FromDateTime(validFrom.UtcDateTime),
            ValidUntil = DateOnly.FromDateTime(validUntil.UtcDateTime),
            Uncertainty = Uncertainty(p.Dqi, sourceDqi),
        };
        return ValidationResult.Success(factor);
    }

    /// <summary>The footprint's data-quality ratings widened by the pedigree matrix (ecoinvent 3, see <see cref="PedigreeMatrix"/>), as
    /// one lognormal for the whole footprint: the technological, geographical and temporal DQRs (1 to 5 in 3.0) are the pedigree
    /// scores of the same names; completeness and reliability come from a 2.x document (1 to 3, re-scaled by 1 + (r − 1) × 2 as
    /// the 3.0 conversion does) and are otherwise unrated, adding nothing. No ratings, or one outside 1 to 5: no distribution.</summary>
    private static UncertaintyDistribution? Uncertainty(V3.DataQualityIndicators? dqi, V2.DataQualityIndicators? source)
    {
        if (dqi is null)
        {
            return null;
        }

        static double? Rescaled(decimal? r) => r is { } v ? (double)(1 + ((v - 1) * 2)) : null;
        double technological = (double)dqi.TechnologicalDqr, geographical = (double)dqi.GeographicalDqr, temporal = (double)dqi.TemporalDqr;
        double? completeness = Rescaled(source?.CompletenessDqr), reliability = Rescaled(source?.ReliabilityDqr);
        static bool Rated(double? r) => r is null or (>= 1 and <= 5);
        return Rated(technological) && Rated(geographical) && Rated(temporal) && Rated(completeness) && Rated(reliability)
            ? PedigreeMatrix.Ecoinvent3.Widen(technological, geographical, temporal, completeness, reliability)
            : null;
    }

    /// <summary>Converts a 2.3 footprint into an emission factor (through <see cref="PactConverter.ToV3"/>).</summary>
    /// <param name="footprint">The supplier's 2.3 footprint.</param>
    /// <param name="key">The factor key.</param>
    /// <param name="allowDeprecated">Whether a deprecated footprint may be used.</param>
    /// <returns>The factor, or the problems.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="footprint"/> is <see langword="null"/>.</exception>
    public static ValidationResult<EmissionFactor> ToEmissionFactor(V2.ProductFootprint footprint, string key, bool allowDeprecated = false)
    {
        ArgumentNullException.ThrowIfNull(footprint);

        // The factor does not use the product mass, which 3.0 requires and 2.3 may lack.
        var converted = PactConverter.ToV3(footprint, footprint.Pcf.ProductMassPerDeclaredUnit is null ? 0 : null);
        return converted.TryGetValue(out var v3)
            ? ToEmissionFactor(v3.Value, key, allowDeprecated, footprint.SpecVersion, footprint.Pcf.Dqi)
            : ValidationResult.Failure<EmissionFactor>(converted.Problems);
    }
}
