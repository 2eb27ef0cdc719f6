using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Pcf.Accounting.Gases;
using Pcf.Accounting.Model;
using Pcf.Accounting.Pact.Json;
using Pcf.Accounting.Results;
using Pcf.Accounting.Units;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Pact;

/// <summary>Writes a <see cref="FootprintResult"/> and its product metadata as a PACT ProductFootprint (3.0 by default, 2.3 on request).</summary>
/// <remarks>
/// <para>The declared unit is the result's <see cref="Demand.Amount"/> in the matching PACT unit (1 t becomes
/// 1000 <c>kilogram</c>); every figure is per that declared unit. Each reported category is rounded once to
/// <see cref="PactExportOptions.DecimalPlaces"/>, and <c>pcfExcludingBiogenicUptake</c> and
/// <c>pcfIncludingBiogenicUptake</c> are summed in decimal from those rounded strings, so the 3.0 sum rules hold
/// exactly in every document. The document is checked by the import validator (sum rules strict) before it is
/// returned.</para>
/// <para>The field mapping is in <c>docs/pact.md</c>.</para>
/// </remarks>
/// <example><code>
/// var metadata = new PactProductMetadata
/// {
///     CompanyName = "Example Steel", CompanyIds = ["urn:pact:company:example"],
///     ProductIds = ["urn:pact:product:bracket-400"], ProductNameCompany = "Bracket 400",
///     ProductDescription = "Steel bracket, 0.4 kg", ProductCategoryCpc = "42999",
/// };
/// ValidationResult&lt;PactConversion&lt;V3.ProductFootprint&gt;&gt; export = PactExporter.ToV3(result, metadata);
/// byte[] json = PactJson.Write(export.ThrowIfInvalid().Value);
/// </code></example>
/// <threadsafety>Thread-safe.</threadsafety>
public static partial class PactExporter
{
    /// <summary>Exports a result as a PACT 3.0 footprint.</summary>
    /// <param name="result">The footprint result.</param>
    /// <param name="metadata">The product and company metadata.</param>
    /// <param name="options">Export options; <see langword="null"/> for <see cref="PactExportOptions.Default"/>.</param>
    /// <returns>The footprint and what was approximated, or every problem (missing metadata, units PACT cannot express, signs PACT fields cannot hold).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> or <paramref name="metadata"/> is <see langword="null"/>.</exception>
    public static ValidationResult<PactConversion<V3.ProductFootprint>> ToV3(FootprintResult result, PactProductMetadata metadata, PactExportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(metadata);
        return Export(Figures.Of(result), metadata, options ?? PactExportOptions.Default);
    }

    /// <summary>Exports a result as a PACT 2.3 footprint: the 3.0 export converted by <see cref="PactConverter.ToV2"/>.</summary>
    /// <param name="result">The footprint result.</param>
    /// <param name="metadata">The product and company metadata; 2.3 also needs <see cref="PactProductMetadata.ProductCategoryCpc"/>.</param>
    /// <param name="options">Export options.</param>
    /// <returns>The footprint and the losses of both steps, or every problem.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> or <paramref name="metadata"/> is <see langword="null"/>.</exception>
    public static ValidationResult<PactConversion<V2.ProductFootprint>> ToV2(FootprintResult result, PactProductMetadata metadata, PactExportOptions? options = null)
    {
        var v3 = ToV3(result, metadata, options);
        if (!v3.TryGetValue(out var exported))
        {
            return ValidationResult.Failure<PactConversion<V2.ProductFootprint>>(v3.Problems);
        }

        var v2 = PactConverter.ToV2(exported.Value);
        return v2.TryGetValue(out var converted)
            ? ValidationResult.Success(converted with { Losses = [.. exported.Losses, .. converted.Losses] })
            : v2;
    }

    /// <summary>The numbers of a result the exporter uses (a seam for tests and other callers inside the package).</summary>
    internal sealed record Figures(
        ReportedQuantities Reported,
        Quantity DeclaredAmount,
        GwpSet GwpSet,
        double PrimaryDataShare,
        double CutOffShare,
        ImmutableArray<string> CutOffRules,
        Quantity? ProductMass,
        CarbonContent? CarbonContent,
        string? Region,
        int? ReferenceYear,
        string? AllocationDescription)
    {
        /// <summary>Gets the system-expansion credits already inside <see cref="Reported"/> (negative when displaced supplies emit), kg CO2e.</summary>
        public Quantity SystemExpansionCredits => Reported.SystemExpansionCredits;

        public static Figures Of(FootprintResult result)
        {
            var system = result.System;

            // The system states mass and carbon per its own declared unit; scale them to the demand when it is the same product.
            double? scale = result.Demand.Product == system.ReferenceProduct && result.Demand.Amount.Unit.CanConvertTo(system.DeclaredUnit.Unit) && system.DeclaredUnit.Value != 0
                ? result.Demand.Amount.As(system.DeclaredUnit.Unit) / system.DeclaredUnit.Value
                : null;
            Quantity? Scaled(Quantity? q) => q is { } v && scale is { } s ? Quantity.Of(v.Value * s, v.Unit) : null;
            CarbonContent? carbon = system.CarbonContent is { } c && scale is not null
                ? new CarbonContent(Scaled(c.Fossil)!.Value, Scaled(c.Biogenic)!.Value, Scaled(c.Recycled), Scaled(c.PackagingBiogenic))
                : null;
            string? allocation = result.Allocations.IsDefaultOrEmpty ? null
                : string.Join("; ", result.Allocations.Select(a => $"process '{a.Process.Value}': {a.Method} allocation ({a.Basis})"));
            return new(result.Reported, result.Demand.Amount, result.GwpSet, result.PrimaryDataShare, result.CutOff.Share, result.CutOff.Rules,
                Scaled(system.ProductMassPerDeclaredUnit), carbon, system.Region, system.ReferenceYear, allocation);
        }
    }

    [GeneratedRegex("^[A-Z]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex Country();

    [GeneratedRegex("^[A-Z]{2}-[A-Z0-9]{1,3}$", RegexOptions.CultureInvariant)]
    private static partial Regex Subdivision();

    internal static ValidationResult<PactConversion<V3.ProductFootprint>> Export(Figures figures, PactProductMetadata metadata, PactExportOptions options)
    {
        var problems = new List<ValidationProblem>();
        var losses = new List<PactConversionLoss>();
        var reported = figures.Reported;
        int places = options.DecimalPlaces;

        // --- Declared unit: the demand, in the PACT unit of its dimension.
        V3.DeclaredUnitOfMeasurement declaredUnit = default;
        decimal declaredAmount = 1;
        var amount = figures.DeclaredAmount;
        bool unitKnown = metadata.DeclaredUnitOfMeasurement is { } chosen ? (declaredUnit = chosen) == chosen : PactUnits.TryGetDeclaredUnit(amount.Unit, out declaredUnit);
        if (!unitKnown || !PactUnits.TryGetUnit(declaredUnit, out var pactUnit) || !amount.Unit.CanConvertTo(pactUnit))
        {
            problems.Add(new("result.demand.amount", PactProblemCodes.UnsupportedDeclaredUnit,
                $"PACT cannot declare a footprint per '{amount.Unit.Symbol}' ({amount.Unit.Dimension}); PACT units are kilogram, liter, cubic meter, kilowatt hour, megajoule, ton kilometer, square meter, piece and hour."));
        }
        else
        {
            declaredAmount = PactDecimals.FromDouble(amount.As(pactUnit), 12);
            if (declaredAmount <= 0)
            {
                problems.Add(new("result.demand.amount", PactProblemCodes.UnrepresentableValue, $"The declared unit amount must be greater than 0; it is {amount}."));
            }
        }

        // --- Categories: each rounded once; the totals are sums of the rounded values.
        decimal R(Quantity q) => PactDecimals.FromDouble(q.As(Unit.Kilogram), places);
        void Sign(decimal value, bool positive, string field)
        {
            if (positive ? value < 0 : value > 0)
            {
                problems.Add(new("result.reported." + field, PactProblemCodes.UnrepresentableValue,
                    $"{field} is {PactDecimals.Text(value)} kg CO2e; PACT requires {(positive ? "0 or more" : "0 or less")}. {(positive ? "Check system-expansion credits and displaced supplies." : string.Empty)}".TrimEnd()));
            }
        }

        decimal fossil = R(reported.FossilGhgEmissions), luc = R(reported.LandUseChangeEmissions), lmFossil = R(reported.LandManagementFossilGhgEmissions),
            lmBio = R(reported.LandManagementBiogenicCo2Emissions), lmRemovals = R(reported.LandManagementBiogenicCo2Removals),
            uptake = R(reported.BiogenicCo2Uptake), bioNonCo2 = R(reported.BiogenicNonCo2Emissions), bioCo2 = R(reported.BiogenicCo2Emissions),
            tech = R(reported.TechnologicalCo2Removals), ccs = R(reported.CcsTechnologicalCo2Capture), aircraft = R(reported.AircraftEmissions);
        Sign(fossil, true, "fossilGhgEmissions");
        Sign(luc, true, "landUseChangeGhgEmissions");
        Sign(lmFossil, true, "landManagementFossilGhgEmissions");
        Sign(lmBio, true, "landManagementBiogenicCO2Emissions");
        Sign(bioNonCo2, true, "biogenicNonCO2Emissions");
        Sign(bioCo2, true, "biogenicCo2Emissions");
        Sign(aircraft, true, "aircraftGhgEmissions");
        Sign(lmRemovals, false, "landManagementBiogenicCO2Removals");
        Sign(uptake, false, "biogenicCO2Uptake");
        Sign(tech, false, "technologicalCO2Removals");
        Sign(ccs, false, "ccsTechnologicalCO2Capture");
        if (bioCo2 != 0)
        {
            if (options.BiogenicCo2Emissions == PactBiogenicCo2Handling.AddToLandManagementBiogenicCo2Emissions)
            {
                losses.Add(new("$.pcf.landManagementBiogenicCO2Emissions", PactLossKind.Approximated,
                    $"Includes {PactDecimals.Text(bioCo2)} kg CO2e of biogenic CO2 emitted outside land management (PACT 3.0 has no field for it), so that the totals include all biogenic emissions and the sum rule holds."));
                lmBio += bioCo2;
            }
            else
            {
                losses.Add(new("$.pcf.pcfExcludingBiogenicUptake", PactLossKind.Dropped,
                    $"{PactDecimals.Text(bioCo2)} kg CO2e of biogenic CO2 emitted outside land management is left out of both totals (PactBiogenicCo2Handling.ExcludeFromTotals)."));
            }
        }

        // --- Packaging and outbound logistics ("of which" lines, inside the totals).
        decimal resultPackaging = R(reported.PackagingEmissions);
        bool packagingIncluded = metadata.PackagingEmissionsIncluded ?? (resultPackaging != 0 || metadata.PackagingGhgEmissions is not null);
        decimal? packaging = null;
        if (packagingIncluded)
        {
            packaging = metadata.PackagingGhgEmissions is { } given ? Kg(given, "metadata.packagingGhgEmissions") : resultPackaging;
        }
        else if (resultPackaging != 0)
        {
            problems.Add(new("metadata.packagingEmissionsIncluded", PactProblemCodes.ConditionalRule,
                $"The result has {PactDecimals.Text(resultPackaging)} kg CO2e of packaging emissions, so packagingEmissionsIncluded cannot be false."));
        }

        decimal resultOutbound = R(reported.OutboundLogisticsEmissions);
        decimal? outbound = metadata.OutboundLogisticsGhgEmissions is { } o ? Kg(o, "metadata.outboundLogisticsGhgEmissions") : resultOutbound != 0 ? resultOutbound : null;

        decimal Kg(Quantity q, string path)
        {
            if (!q.Unit.CanConvertTo(Unit.Kilogram))
            {
                problems.Add(new(path, ProblemCodes.WrongDimension, $"Expected kg CO2e (a mass), found '{q.Unit.Symbol}'."));
                return 0;
            }

            decimal value = R(q);
            Sign(value, true, path["metadata.".Length..]);
            return value;
        }

        // --- What the result cannot supply.
        decimal? productMass = null;
        if ((metadata.ProductMassPerDeclaredUnit ?? figures.ProductMass) is { } mass)
        {
            if (mass.Unit.CanConvertTo(Unit.Kilogram))
            {
                productMass = PactDecimals.FromDouble(mass.As(Unit.Kilogram), places);
            }
            else
            {
                problems.Add(new("metadata.productMassPerDeclaredUnit", ProblemCodes.WrongDimension, $"Expected a mass, found '{mass.Unit.Symbol}'."));
            }
        }
        else if (declaredUnit is V3.DeclaredUnitOfMeasurement.KilowattHour or V3.DeclaredUnitOfMeasurement.Megajoule or V3.DeclaredUnitOfMeasurement.TonKilometer or V3.DeclaredUnitOfMeasurement.Hour)
        {
            productMass = 0; // 3.0: "SHALL be populated with 0" where mass is not relevant (energy, logistics, services).
        }
        else
        {
            problems.Add(new("metadata.productMassPerDeclaredUnit", PactProblemCodes.MissingMetadata,
                "PACT 3.0 requires productMassPerDeclaredUnit; give it in the metadata or set the product system's product mass."));
        }

        var carbon = metadata.CarbonContent ?? figures.CarbonContent;
        if (carbon is null)
        {
            problems.Add(new("metadata.carbonContent", PactProblemCodes.MissingMetadata,
                "PACT 3.0 requires fossilCarbonContent (kg C per declared unit); give the carbon content in the metadata or the product system."));
        }

        decimal? Carbon(Quantity? q, string field)
        {
            if (q is not { } v)
            {
                return null;
            }

            if (!v.Unit.CanConvertTo(Unit.Kilogram))
            {
                problems.Add(new("metadata.carbonContent." + field, ProblemCodes.WrongDimension, $"Expected kg of carbon, found '{v.Unit.Symbol}'."));
                return null;
            }

            decimal value = PactDecimals.FromDouble(v.As(Unit.Kilogram), places);
            Sign(value, true, field);
            return value;
        }

        var (periodStart, periodEnd) = (metadata.ReferencePeriodStart, metadata.ReferencePeriodEnd);
        if (figures.ReferenceYear is { } year)
        {
            periodStart ??= new DateTimeOffset(year, 1, 1, 0, 0, 0, TimeSpan.Zero);
            periodEnd ??= new DateTimeOffset(year + 1, 1, 1, 0, 0, 0, TimeSpan.Zero);
        }

        if (periodStart is null)
        {
            problems.Add(new("metadata.referencePeriodStart", PactProblemCodes.MissingMetadata, "PACT requires referencePeriodStart; give it or set the product system's reference year."));
        }

        if (periodEnd is null)
        {
            problems.Add(new("metadata.referencePeriodEnd", PactProblemCodes.MissingMetadata, "PACT requires referencePeriodEnd; give it or set the product system's reference year."));
        }

        string? ar = figures.GwpSet.Id switch
        {
            "AR4" => "AR4",
            "AR5" or "AR5-ccf" => "AR5",
            "AR6" => "AR6",
            _ => null,
        };
        if (ar is null)
        {
            problems.Add(new("result.gwpSet", PactProblemCodes.UnrepresentableValue,
                $"PACT ipccCharacterizationFactors names IPCC reports (AR4, AR5, AR6); the GWP set '{figures.GwpSet.Id}' is not one."));
        }
        else if (figures.GwpSet.Id == "AR5-ccf")
        {
            losses.Add(new("$.pcf.ipccCharacterizationFactors", PactLossKind.Approximated, "AR5 with climate-carbon feedback is written as AR5; PACT does not tell the two apart."));
        }

        // --- System-expansion credits: inside the categories, never netted silently.
        decimal credit = R(figures.SystemExpansionCredits);
        if (credit != 0 && options.SystemExpansionCredits == PactSystemExpansionHandling.Refuse)
        {
            problems.Add(new("result.reported.systemExpansionCredits", PactProblemCodes.UnrepresentableValue,
                $"The result includes {PactDecimals.Text(credit)} kg CO2e of system-expansion credits, which PACT has no field for; allocate the co-products instead, or export with SystemExpansionCredits = Disclose."));
        }

        if (problems.Count > 0)
        {
            return ValidationResult.Failure<PactConversion<V3.ProductFootprint>>(problems);
        }

        // Geography: the metadata's, or the system's region when it is an ISO 3166 code.
        string? region = metadata.GeographyRegionOrSubregion, country = metadata.GeographyCountry, subdivision = metadata.GeographyCountrySubdivision;
        if (region is null && country is null && subdivision is null && figures.Region is { } systemRegion)
        {
            if (Country().IsMatch(systemRegion))
            {
                country = systemRegion;
            }
            else if (Subdivision().IsMatch(systemRegion))
            {
                subdivision = systemRegion;
            }
        }

        var classifications = metadata.ProductClassifications.IsDefault ? [] : metadata.ProductClassifications.ToList();
        if (metadata.ProductCategoryCpc is { Length: > 0 } cpc && !classifications.Contains("urn:pact:productclassification:un-cpc:" + cpc))
        {
            classifications.Insert(0, "urn:pact:productclassification:un-cpc:" + cpc);
        }

        bool ccsIncluded = tech != 0 || ccs != 0;
        var pcf = new V3.CarbonFootprint
        {
            DeclaredUnitOfMeasurement = declaredUnit,
            DeclaredUnitAmount = declaredAmount,
            ProductMassPerDeclaredUnit = productMass!.Value,
            ReferencePeriodStart = periodStart!.Value,
            ReferencePeriodEnd = periodEnd!.Value,
            GeographyRegionOrSubregion = region,
            GeographyCountry = country,
            GeographyCountrySubdivision = subdivision,
            BoundaryProcessesDescription = metadata.BoundaryProcessesDescription,
            FossilGhgEmissions = fossil,
            FossilCarbonContent = Carbon(carbon!.Fossil, "fossil") ?? 0,
            BiogenicCarbonContent = Carbon(carbon.Biogenic, "biogenic"),
            RecycledCarbonContent = Carbon(carbon.Recycled, "recycled"),
            PackagingBiogenicCarbonContent = Carbon(carbon.PackagingBiogenic, "packagingBiogenic"),
            LandUseChangeGhgEmissions = luc,
            LandManagementFossilGhgEmissions = lmFossil,
            LandManagementBiogenicCo2Emissions = lmBio,
            LandManagementBiogenicCo2Removals = lmRemovals,
            BiogenicCo2Uptake = uptake,
            BiogenicNonCo2Emissions = bioNonCo2,
            AircraftGhgEmissions = aircraft,
            PackagingEmissionsIncluded = packagingIncluded,
            PackagingGhgEmissions = packaging,
            OutboundLogisticsGhgEmissions = outbound,
            CcsTechnologicalCo2CaptureIncluded = ccsIncluded,
            CcsTechnologicalCo2Capture = ccsIncluded ? ccs : null,
            TechnologicalCo2Removals = ccsIncluded ? tech : null,
            IpccCharacterizationFactors = [ar!],
            CrossSectoralStandards = metadata.CrossSectoralStandards.IsDefaultOrEmpty ? [CrossSectoralStandard.Iso14067] : metadata.CrossSectoralStandards,
            ProductOrSectorSpecificRules = metadata.ProductOrSectorSpecificRules.IsDefaultOrEmpty ? null : metadata.ProductOrSectorSpecificRules,
            ExemptedEmissionsPercent = PactDecimals.FromDouble(figures.CutOffShare * 100, 4),
            ExemptedEmissionsDescription = metadata.ExemptedEmissionsDescription ?? string.Join("; ", figures.CutOffRules.IsDefault ? [] : figures.CutOffRules),
            AllocationRulesDescription = metadata.AllocationRulesDescription ?? figures.AllocationDescription,
            SecondaryEmissionFactorSources = metadata.SecondaryEmissionFactorSources.IsDefaultOrEmpty ? null : metadata.SecondaryEmissionFactorSources,
            PrimaryDataShare = PactDecimals.FromDouble(figures.PrimaryDataShare * 100, 4),
            Dqi = metadata.DataQuality is { } q
                ? new V3.DataQualityIndicators(PactDecimals.FromDouble(q.Technological, 2), PactDecimals.FromDouble(q.Geographical, 2), PactDecimals.FromDouble(q.Temporal, 2))
                : null,
            Verification = metadata.Verification,
            PcfExcludingBiogenicUptake = 0,
            PcfIncludingBiogenicUptake = 0,
        };
        var (excluding, including) = PactConverter.Totals(pcf);
        pcf = pcf with { PcfExcludingBiogenicUptake = excluding, PcfIncludingBiogenicUptake = including };
        string? comment = metadata.Comment;
        if (credit != 0)
        {
            string disclosure = $"Net of system-expansion credits: pcfExcludingBiogenicUptake {PactDecimals.Text(excluding)} kg CO2e includes a credit of {PactDecimals.Text(credit)} kg CO2e "
                + $"for co-products displacing other supplies; gross of the credit it is {PactDecimals.Text(excluding - credit)} kg CO2e.";
            losses.Add(new("$.pcf.pcfExcludingBiogenicUptake", PactLossKind.Netted, disclosure));
            comment = comment is { Length: > 0 } given ? given + " " + disclosure : disclosure;
        }

        var footprint = new V3.ProductFootprint
        {
            Id = metadata.Id ?? Guid.NewGuid(),
            SpecVersion = "3.0.0",
            PrecedingPfIds = metadata.PrecedingPfIds.IsDefaultOrEmpty ? null : metadata.PrecedingPfIds,
            Created = metadata.Created ?? options.TimeProvider.GetUtcNow(),
            Status = PfStatus.Active,
            ValidityPeriodStart = metadata.ValidityPeriodStart,
            ValidityPeriodEnd = metadata.ValidityPeriodEnd,
            CompanyName = metadata.CompanyName,
            CompanyIds = metadata.CompanyIds.IsDefault ? [] : metadata.CompanyIds,
            ProductDescription = metadata.ProductDescription,
            ProductIds = metadata.ProductIds.IsDefault ? [] : metadata.ProductIds,
            ProductClassifications = classifications.Count == 0 ? null : [.. classifications],
            ProductNameCompany = metadata.ProductNameCompany,
            Comment = comment,
            Pcf = pcf,
        };

        // Check the document as a recipient would (sum rules strict): catches malformed URNs, empty lists, bad codes in the metadata.
        var report = PactJson.Validate(PactJson.Write(footprint), new PactReadOptions { SumRulesAreErrors = true });
        return report.IsValid
            ? ValidationResult.Success(new PactConversion<V3.ProductFootprint>(footprint, [.. losses]))
            : ValidationResult.Failure<PactConversion<V3.ProductFootprint>>(report.Errors.Select(p => p with { Path = MetadataPath(p.Path) }));
    }

    // Problems found in the written document point at the metadata property that produced them.
    private static string MetadataPath(string documentPath) => documentPath.Replace("$.pcf.", "metadata.", StringComparison.Ordinal).Replace("$.", "metadata.", StringComparison.Ordinal) + " (" + documentPath + ")";
}
