using System.Collections.Immutable;
using Pcf.Accounting.Pact.Json;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Pact;

/// <summary>Converts footprints between PACT 2.3 and 3.0, exactly where the versions agree, and lists every field that is dropped, approximated or defaulted.</summary>
/// <remarks>
/// <para><b>Declared unit.</b> 2.3 states figures per one <c>declaredUnit</c> and says in <c>unitaryProductAmount</c> how
/// many the product holds; 3.0 states figures per <c>declaredUnitAmount</c> × <c>declaredUnitOfMeasurement</c>. So 2.3 → 3.0
/// keeps the amount and multiplies every kgCO2e, kgC and kg figure by it (exact in decimal); 3.0 → 2.3 divides
/// (rounded to 12 places, and reported, when the quotient does not terminate). 3.0 <c>piece</c> has no 2.3 unit: it is
/// re-expressed per kilogram through <c>productMassPerDeclaredUnit</c> (reported as approximated).</para>
/// <para><b>Headline totals.</b> 2.3 <c>pCfExcludingBiogenic</c> leaves biogenic CO2 out; 3.0 <c>pcfExcludingBiogenicUptake</c>
/// includes biogenic emissions and leaves out only the uptake. 2.3 → 3.0 recomputes both 3.0 totals from the mapped
/// categories by the 3.0 sum rules, so the result is valid, and reports a difference from 2.3's
/// <c>pCfIncludingBiogenic</c>. 3.0 → 2.3 sets <c>pCfIncludingBiogenic</c> = <c>pcfIncludingBiogenicUptake</c> and
/// <c>pCfExcludingBiogenic</c> = <c>pcfExcludingBiogenicUptake</c> − <c>landManagementBiogenicCO2Emissions</c> −
/// <c>landManagementBiogenicCO2Removals</c> (the biogenic CO2 flows 3.0 reports).</para>
/// <para>The field-by-field table is in <c>docs/pact.md</c>.</para>
/// </remarks>
/// <threadsafety>Thread-safe.</threadsafety>
public static class PactConverter
{
    private const int Places = 12;

    /// <summary>Converts a 2.3 footprint to 3.0.</summary>
    /// <param name="source">The 2.3 footprint.</param>
    /// <param name="productMassPerDeclaredUnit">The mass in kg of the 3.0 declared unit (<c>unitaryProductAmount</c> units), required by 3.0, for a footprint that does not state it; ignored when it does.</param>
    /// <returns>The 3.0 footprint and its losses, or the problems that prevent a valid 3.0 document (a missing product mass for a volume, area or piece unit).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is <see langword="null"/>.</exception>
    public static ValidationResult<PactConversion<V3.ProductFootprint>> ToV3(V2.ProductFootprint source, decimal? productMassPerDeclaredUnit = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        var losses = new List<PactConversionLoss>();
        var problems = new List<ValidationProblem>();
        var p = source.Pcf;
        decimal n = p.UnitaryProductAmount;
        decimal Scale(decimal v) => PactDecimals.Normalize(v * n);
        decimal? ScaleOpt(decimal? v) => v is { } x ? Scale(x) : null;
        void Lost(string path, PactLossKind kind, string reason) => losses.Add(new(path, kind, reason));

        losses.Add(new("$.version", PactLossKind.Dropped, $"3.0 has no version number (was {source.Version}); a changed footprint gets a new id instead."));
        if (source.Updated is { } updated)
        {
            Lost("$.updated", PactLossKind.Dropped, $"3.0 has no 'updated' ({updated:O}); footprints are immutable.");
        }

        if (source.StatusComment is not null)
        {
            Lost("$.statusComment", PactLossKind.Dropped, "3.0 has no statusComment.");
        }

        var classifications = (source.ProductClassifications ?? []).ToList();
        string cpcUrn = "urn:pact:productclassification:un-cpc:" + source.ProductCategoryCpc;
        if (!classifications.Contains(cpcUrn, StringComparer.OrdinalIgnoreCase))
        {
            classifications.Add(cpcUrn); // 3.0 replaces productCategoryCpc with this URN form.
        }

        var unit = PactUnits.ToV3(p.DeclaredUnit);
        decimal mass;
        if (p.ProductMassPerDeclaredUnit is { } m)
        {
            mass = Scale(m);
        }
        else if (productMassPerDeclaredUnit is { } given)
        {
            mass = PactDecimals.Normalize(given);
            Lost("$.pcf.productMassPerDeclaredUnit", PactLossKind.Defaulted, $"Not given in 2.3; {PactDecimals.Text(mass)} kg as supplied by the caller.");
        }
        else if (unit == V3.DeclaredUnitOfMeasurement.Kilogram)
        {
            mass = PactDecimals.Normalize(n);
            Lost("$.pcf.productMassPerDeclaredUnit", PactLossKind.Defaulted, $"Not given in 2.3; {n} kilogram weighs {PactDecimals.Text(mass)} kg.");
        }
        else if (unit is V3.DeclaredUnitOfMeasurement.KilowattHour or V3.DeclaredUnitOfMeasurement.Megajoule or V3.DeclaredUnitOfMeasurement.TonKilometer)
        {
            mass = 0;
            Lost("$.pcf.productMassPerDeclaredUnit", PactLossKind.Defaulted, "Not given in 2.3; 0, as 3.0 requires for energy and transport.");
        }
        else
        {
            mass = 0;
            problems.Add(new("$.pcf.productMassPerDeclaredUnit", PactProblemCodes.MissingMetadata,
                $"3.0 requires productMassPerDeclaredUnit for {PactNames.Name(p.DeclaredUnit)}; the 2.3 footprint does not state it; pass productMassPerDeclaredUnit."));
        }

        decimal? lmEmissions = null, lmRemovals = null;
        if (p.LandManagementGhgEmissions is { } lm)
        {
            if (lm >= 0)
            {
                lmEmissions = Scale(lm);
            }
            else
            {
                lmRemovals = Scale(lm);
            }

            if (lm != 0)
            {
                Lost("$.pcf.landManagementGhgEmissions", PactLossKind.Approximated,
                    $"2.3 gives one net land-management figure ({PactDecimals.Text(lm)}); 3.0 splits it. Carried as landManagementBiogenicCO2{(lm >= 0 ? "Emissions" : "Removals")}; any fossil or non-CO2 part cannot be separated.");
            }
        }

        if (p.OtherBiogenicGhgEmissions is { } other && other != 0)
        {
            Lost("$.pcf.otherBiogenicGhgEmissions", PactLossKind.Approximated,
                "2.3 'other biogenic' emissions may include biogenic CO2; carried as biogenicNonCO2Emissions, the only 3.0 field for other biogenic emissions.");
        }

        if (p.ILucGhgEmissions is { } iluc && iluc != 0)
        {
            Lost("$.pcf.iLucGhgEmissions", PactLossKind.Approximated, "Carried as landCarbonLeakage, a 3.0 placeholder outside the 3.0 totals.");
        }

        var pcf = new V3.CarbonFootprint
        {
            DeclaredUnitOfMeasurement = unit,
            DeclaredUnitAmount = PactDecimals.Normalize(n),
            ProductMassPerDeclaredUnit = mass,
            ReferencePeriodStart = p.ReferencePeriodStart,
            ReferencePeriodEnd = p.ReferencePeriodEnd,
            GeographyRegionOrSubregion = p.GeographyRegionOrSubregion,
            GeographyCountry = p.GeographyCountry,
            GeographyCountrySubdivision = p.GeographyCountrySubdivision,
            BoundaryProcessesDescription = p.BoundaryProcessesDescription,
            FossilGhgEmissions = Scale(p.FossilGhgEmissions),
            FossilCarbonContent = Scale(p.FossilCarbonContent),
            BiogenicCarbonContent = Scale(p.BiogenicCarbonContent),
            LandUseChangeGhgEmissions = ScaleOpt(p.DLucGhgEmissions),
            LandCarbonLeakage = ScaleOpt(p.ILucGhgEmissions),
            LandManagementBiogenicCo2Emissions = lmEmissions,
            LandManagementBiogenicCo2Removals = lmRemovals,
            BiogenicCo2Uptake = ScaleOpt(p.BiogenicCarbonWithdrawal),
            BiogenicNonCo2Emissions = ScaleOpt(p.OtherBiogenicGhgEmissions),
            AircraftGhgEmissions = ScaleOpt(p.AircraftGhgEmissions),
            PackagingEmissionsIncluded = p.PackagingEmissionsIncluded,
            PackagingGhgEmissions = ScaleOpt(p.PackagingGhgEmissions),
            IpccCharacterizationFactors = p.IpccCharacterizationFactorsSources,
            CrossSectoralStandards = CrossSectoral(p),
            ProductOrSectorSpecificRules = p.ProductOrSectorSpecificRules,
            ExemptedEmissionsPercent = p.ExemptedEmissionsPercent,
            ExemptedEmissionsDescription = p.ExemptedEmissionsDescription,
            AllocationRulesDescription = p.AllocationRulesDescription,
            SecondaryEmissionFactorSources = p.SecondaryEmissionFactorSources,
            PrimaryDataShare = p.PrimaryDataShare,
            PcfExcludingBiogenicUptake = 0,
            PcfIncludingBiogenicUptake = 0,
        };
        var (excluding, including) = Totals(pcf);
        pcf = pcf with { PcfExcludingBiogenicUptake = excluding, PcfIncludingBiogenicUptake = including };
        if (p.PcfIncludingBiogenic is { } inc && Scale(inc) != including)
        {
            Lost("$.pcf.pCfIncludingBiogenic", PactLossKind.Approximated,
                $"3.0 totals are recomputed by the 3.0 sum rules: pcfIncludingBiogenicUptake = {PactDecimals.Text(including)} per {PactDecimals.Text(n)} {PactNames.Name(p.DeclaredUnit)}; 2.3 stated {PactDecimals.Text(inc)} per {PactNames.Name(p.DeclaredUnit)} (= {PactDecimals.Text(Scale(inc))}).");
        }

        Lost("$.pcf.pCfExcludingBiogenic", PactLossKind.Dropped,
            $"2.3 pCfExcludingBiogenic ({PactDecimals.Text(p.PcfExcludingBiogenic)}) leaves biogenic CO2 out; 3.0 pcfExcludingBiogenicUptake includes biogenic emissions and is recomputed as {PactDecimals.Text(excluding)}.");

        if (p.BiogenicAccountingMethodology is { } method)
        {
            Lost("$.pcf.biogenicAccountingMethodology", PactLossKind.Dropped, $"Removed in 3.0 (was '{method}').");
        }

        if (p.UncertaintyAssessmentDescription is not null)
        {
            Lost("$.pcf.uncertaintyAssessmentDescription", PactLossKind.Dropped, "Removed in 3.0.");
        }

        if (p.Dqi is { } dqi)
        {
            // 2.3 rates 1 to 3, 3.0 rates 1 to 5: 1 + (r - 1) × 2 maps 1 → 1, 2 → 3, 3 → 5.
            static decimal Rescale(decimal r) => PactDecimals.Normalize(1 + ((r - 1) * 2));
            pcf = pcf with { Dqi = new(Rescale(dqi.TechnologicalDqr), Rescale(dqi.GeographicalDqr), Rescale(dqi.TemporalDqr)) };
            Lost("$.pcf.dqi", PactLossKind.Approximated, "2.3 ratings (1 to 3) are re-scaled to 3.0's 1 to 5 by 1 + (r - 1) × 2; coveragePercent, completenessDQR and reliabilityDQR have no 3.0 field.");
        }

        if (p.Assurance is { } assurance)
        {
            if (assurance.IsAssured)
            {
                pcf = pcf with
                {
                    Verification = new V3.Verification
                    {
                        Coverage = assurance.Coverage == "product level" ? "product level" : null,
                        ProviderName = string.IsNullOrEmpty(assurance.ProviderName) ? null : assurance.ProviderName,
                        CompletedAt = assurance.CompletedAt,
                        StandardName = assurance.StandardName,
                        Comments = assurance.Comments,
                    },
                };
            }

            if (!assurance.IsAssured || assurance.Level is not null || assurance.Boundary is not null || assurance.Coverage is not (null or "product level"))
            {
                Lost("$.pcf.assurance", PactLossKind.Approximated, "3.0 'verification' is present only for verified footprints and has no level or boundary; 2.3 coverages other than 'product level' have no 3.0 equivalent.");
            }
        }

        if (problems.Count > 0)
        {
            return ValidationResult.Failure<PactConversion<V3.ProductFootprint>>(problems);
        }

        var result = new V3.ProductFootprint
        {
            Id = source.Id,
            SpecVersion = "3.0.0",
            PrecedingPfIds = source.PrecedingPfIds,
            Created = source.Created,
            Status = source.Status,
            ValidityPeriodStart = source.ValidityPeriodStart,
            ValidityPeriodEnd = source.ValidityPeriodEnd,
            CompanyName = source.CompanyName,
            CompanyIds = source.CompanyIds,
            ProductDescription = source.ProductDescription,
            ProductIds = source.ProductIds,
            ProductClassifications = [.. classifications],
            ProductNameCompany = source.ProductNameCompany,
            Comment = source.Comment,
            Pcf = pcf,
            Extensions = source.Extensions,
        };
        return ValidationResult.Success(new PactConversion<V3.ProductFootprint>(result, [.. losses]));
    }

    /// <summary>Converts a 3.0 footprint to 2.3.</summary>
    /// <param name="source">The 3.0 footprint.</param>
    /// <returns>The 2.3 footprint and its losses, or the problems that prevent a valid 2.3 document (a unit 2.3 cannot express, no CPC code, no AR5/AR6, no standard 2.3 names).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is <see langword="null"/>.</exception>
    public static ValidationResult<PactConversion<V2.ProductFootprint>> ToV2(V3.ProductFootprint source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var losses = new List<PactConversionLoss>();
        var problems = new List<ValidationProblem>();
        void Lost(string path, PactLossKind kind, string reason) => losses.Add(new(path, kind, reason));
        var p = source.Pcf;

        // The 2.3 declared unit and the divisor that turns "per declared unit (3.0)" into "per one 2.3 declared unit".
        V2.DeclaredUnit unit = V2.DeclaredUnit.Kilogram;
        decimal divisor = p.DeclaredUnitAmount, amount = p.DeclaredUnitAmount;
        if (PactUnits.ToV2(p.DeclaredUnitOfMeasurement) is { } same)
        {
            unit = same;
        }
        else if (p.DeclaredUnitOfMeasurement == V3.DeclaredUnitOfMeasurement.Piece && p.ProductMassPerDeclaredUnit > 0)
        {
            divisor = amount = p.ProductMassPerDeclaredUnit;
            Lost("$.pcf.declaredUnitOfMeasurement", PactLossKind.Approximated,
                $"2.3 has no 'piece': {PactDecimals.Text(p.DeclaredUnitAmount)} piece weigh {PactDecimals.Text(amount)} kg (productMassPerDeclaredUnit), so figures are per kilogram and unitaryProductAmount is {PactDecimals.Text(amount)}.");
        }
        else
        {
            problems.Add(new("$.pcf.declaredUnitOfMeasurement", PactProblemCodes.UnsupportedDeclaredUnit,
                $"2.3 cannot express '{PactNames.Name(p.DeclaredUnitOfMeasurement)}'{(p.DeclaredUnitOfMeasurement == V3.DeclaredUnitOfMeasurement.Piece ? " without a product mass" : string.Empty)}."));
        }

        decimal Per(decimal value, string name)
        {
            decimal q = PactDecimals.Divide(value, divisor, Places, out bool exact);
            if (!exact)
            {
                Lost("$.pcf." + name, PactLossKind.Approximated, $"{PactDecimals.Text(value)} / {PactDecimals.Text(divisor)} does not terminate; rounded to {PactDecimals.Text(q)}.");
            }

            return q;
        }

        decimal? PerOpt(decimal? value, string name) => value is { } v ? Per(v, name) : null;

        decimal lmNet = (p.LandManagementBiogenicCo2Emissions ?? 0) + (p.LandManagementBiogenicCo2Removals ?? 0);
        decimal excludingBiogenic = p.PcfExcludingBiogenicUptake - lmNet;
        if (lmNet != 0 || p.LandManagementBiogenicCo2Emissions is not null || p.LandManagementBiogenicCo2Removals is not null)
        {
            Lost("$.pcf.pcfExcludingBiogenicUptake", PactLossKind.Approximated,
                $"2.3 pCfExcludingBiogenic leaves biogenic CO2 out: pcfExcludingBiogenicUptake ({PactDecimals.Text(p.PcfExcludingBiogenicUptake)}) minus land-management biogenic CO2 emissions and removals ({PactDecimals.Text(lmNet)}); biogenic methane stays in.");
        }

        if (excludingBiogenic < 0)
        {
            problems.Add(new("$.pcf.pcfExcludingBiogenicUptake", PactProblemCodes.UnrepresentableValue,
                $"2.3 pCfExcludingBiogenic must be 0 or more; it would be {PactDecimals.Text(excludingBiogenic)} (removals and capture exceed the emissions)."));
        }

        foreach (var (name, value) in new (string, decimal?)[]
        {
            ("landManagementFossilGhgEmissions", p.LandManagementFossilGhgEmissions),
            ("technologicalCO2Removals", p.TechnologicalCo2Removals),
            ("ccsTechnologicalCO2Capture", p.CcsTechnologicalCo2Capture),
            ("recycledCarbonContent", p.RecycledCarbonContent),
            ("landAreaOccupation", p.LandAreaOccupation),
            ("packagingBiogenicCarbonContent", p.PackagingBiogenicCarbonContent),
            ("outboundLogisticsGhgEmissions", p.OutboundLogisticsGhgEmissions),
            ("ccuCarbonContent", p.CcuCarbonContent),
        })
        {
            if (value is { } v)
            {
                Lost("$.pcf." + name, PactLossKind.Dropped, name switch
                {
                    "landManagementFossilGhgEmissions" => $"No 2.3 field ({PactDecimals.Text(v)}); it remains inside fossilGhgEmissions.",
                    "technologicalCO2Removals" or "ccsTechnologicalCO2Capture" => $"No 2.3 field ({PactDecimals.Text(v)}); it remains inside the 2.3 totals.",
                    _ => $"No 2.3 field ({PactDecimals.Text(v)}).",
                });
            }
        }

        foreach (var (name, present) in new (string, bool)[]
        {
            ("ccsTechnologicalCO2CaptureIncluded", p.CcsTechnologicalCo2CaptureIncluded is not null),
            ("technologicalCO2CaptureOrigin", p.TechnologicalCo2CaptureOrigin is not null),
            ("ccuCalculationApproach", p.CcuCalculationApproach is not null),
            ("ccuCreditCertification", p.CcuCreditCertification is not null),
        })
        {
            if (present)
            {
                Lost("$.pcf." + name, PactLossKind.Dropped, "No 2.3 field.");
            }
        }

        if (p.Dqi is not null)
        {
            Lost("$.pcf.dqi", PactLossKind.Dropped, "2.3 dqi needs coveragePercent, completeness and reliability (and rates 1 to 3); 3.0 has only three ratings from 1 to 5.");
        }

        string? cpc = (source.ProductClassifications ?? [])
            .FirstOrDefault(c => c.StartsWith("urn:pact:productclassification:un-cpc:", StringComparison.OrdinalIgnoreCase))?["urn:pact:productclassification:un-cpc:".Length..];
        if (string.IsNullOrEmpty(cpc))
        {
            problems.Add(new("$.productClassifications", PactProblemCodes.MissingMetadata,
                "2.3 requires productCategoryCpc; add a classification 'urn:pact:productclassification:un-cpc:<code>'."));
        }

        string? characterization = p.IpccCharacterizationFactors.Where(PactNames.CharacterizationFactorsV2.Contains).Order(StringComparer.Ordinal).FirstOrDefault();
        if (characterization is null)
        {
            problems.Add(new("$.pcf.ipccCharacterizationFactors", PactProblemCodes.NotAllowedValue, "2.3 characterizationFactors must be AR5 or AR6; neither is listed."));
        }

        var used = p.CrossSectoralStandards.Select(s => s.Value switch
        {
            "GHGP-Product" => "GHG Protocol Product standard",
            "ISO14067" => "ISO Standard 14067",
            "ISO14040-44" => "ISO Standard 14044",
            _ => null,
        }).OfType<string>().Distinct().ToImmutableArray();
        if (used.IsEmpty)
        {
            problems.Add(new("$.pcf.crossSectoralStandards", PactProblemCodes.NotAllowedValue,
                "2.3 crossSectoralStandardsUsed needs GHGP-Product, ISO14067 or ISO14040-44; none is listed."));
        }

        var standards = p.CrossSectoralStandards.Where(s => PactNames.CrossSectoralStandardsV2.Contains(s.Value)).ToImmutableArray();
        foreach (var dropped in p.CrossSectoralStandards.Where(s => !PactNames.CrossSectoralStandardsV2.Contains(s.Value)))
        {
            Lost("$.pcf.crossSectoralStandards", PactLossKind.Dropped, $"'{dropped.Value}' is not a 2.3 value.");
        }

        if (p.PackagingEmissionsIncluded is null)
        {
            Lost("$.pcf.packagingEmissionsIncluded", PactLossKind.Defaulted, "Required in 2.3; set to false because the 3.0 footprint does not state it.");
        }

        if (p.BiogenicCarbonContent is null)
        {
            Lost("$.pcf.biogenicCarbonContent", PactLossKind.Defaulted, "Required in 2.3; set to 0 because the 3.0 footprint does not state it.");
        }

        foreach (var (name, value) in new (string, string?)[]
        {
            ("boundaryProcessesDescription", p.BoundaryProcessesDescription), ("exemptedEmissionsDescription", p.ExemptedEmissionsDescription),
        })
        {
            if (value is null)
            {
                Lost("$.pcf." + name, PactLossKind.Defaulted, "Required in 2.3; set to the empty string.");
            }
        }

        V2.Assurance? assurance = null;
        if (p.Verification is { } verification)
        {
            assurance = new V2.Assurance(true, verification.ProviderName ?? string.Empty)
            {
                Coverage = verification.Coverage == "product level" ? "product level" : null,
                CompletedAt = verification.CompletedAt,
                StandardName = verification.StandardName,
                Comments = verification.Comments,
            };
            if (verification.Coverage is not (null or "product level"))
            {
                Lost("$.pcf.verification.coverage", PactLossKind.Dropped, $"'{verification.Coverage}' is not a 2.3 assurance coverage.");
            }
        }

        if (problems.Count > 0)
        {
            return ValidationResult.Failure<PactConversion<V2.ProductFootprint>>(problems);
        }

        var pcf = new V2.CarbonFootprint
        {
            DeclaredUnit = unit,
            UnitaryProductAmount = PactDecimals.Normalize(amount),
            ProductMassPerDeclaredUnit = Per(p.ProductMassPerDeclaredUnit, "productMassPerDeclaredUnit"),
            PcfExcludingBiogenic = Per(excludingBiogenic, "pcfExcludingBiogenicUptake"),
            PcfIncludingBiogenic = Per(p.PcfIncludingBiogenicUptake, "pcfIncludingBiogenicUptake"),
            FossilGhgEmissions = Per(p.FossilGhgEmissions, "fossilGhgEmissions"),
            FossilCarbonContent = Per(p.FossilCarbonContent, "fossilCarbonContent"),
            BiogenicCarbonContent = Per(p.BiogenicCarbonContent ?? 0, "biogenicCarbonContent"),
            DLucGhgEmissions = PerOpt(p.LandUseChangeGhgEmissions, "landUseChangeGhgEmissions"),
            LandManagementGhgEmissions = p.LandManagementBiogenicCo2Emissions is null && p.LandManagementBiogenicCo2Removals is null ? null : Per(lmNet, "landManagementBiogenicCO2Emissions"),
            OtherBiogenicGhgEmissions = PerOpt(p.BiogenicNonCo2Emissions, "biogenicNonCO2Emissions"),
            ILucGhgEmissions = PerOpt(p.LandCarbonLeakage, "landCarbonLeakage"),
            BiogenicCarbonWithdrawal = PerOpt(p.BiogenicCo2Uptake, "biogenicCO2Uptake"),
            AircraftGhgEmissions = PerOpt(p.AircraftGhgEmissions, "aircraftGhgEmissions"),
            PackagingEmissionsIncluded = p.PackagingEmissionsIncluded ?? false,
            PackagingGhgEmissions = PerOpt(p.PackagingGhgEmissions, "packagingGhgEmissions"),
            CharacterizationFactors = characterization!,
            IpccCharacterizationFactorsSources = p.IpccCharacterizationFactors,
            CrossSectoralStandardsUsed = used,
            CrossSectoralStandards = standards.IsEmpty ? null : standards,
            ProductOrSectorSpecificRules = p.ProductOrSectorSpecificRules,
            BoundaryProcessesDescription = p.BoundaryProcessesDescription ?? string.Empty,
            ReferencePeriodStart = p.ReferencePeriodStart,
            ReferencePeriodEnd = p.ReferencePeriodEnd,
            GeographyRegionOrSubregion = p.GeographyRegionOrSubregion,
            GeographyCountry = p.GeographyCountry,
            GeographyCountrySubdivision = p.GeographyCountrySubdivision,
            SecondaryEmissionFactorSources = p.SecondaryEmissionFactorSources,
            ExemptedEmissionsPercent = p.ExemptedEmissionsPercent,
            ExemptedEmissionsDescription = p.ExemptedEmissionsDescription ?? string.Empty,
            AllocationRulesDescription = p.AllocationRulesDescription,
            PrimaryDataShare = p.PrimaryDataShare,
            Assurance = assurance,
        };

        var result = new V2.ProductFootprint
        {
            Id = source.Id,
            SpecVersion = "2.3.0",
            PrecedingPfIds = source.PrecedingPfIds,
            Version = 1,
            Created = source.Created,
            Status = source.Status,
            ValidityPeriodStart = source.ValidityPeriodStart,
            ValidityPeriodEnd = source.ValidityPeriodEnd,
            CompanyName = source.CompanyName,
            CompanyIds = source.CompanyIds,
            ProductDescription = source.ProductDescription,
            ProductIds = source.ProductIds,
            ProductClassifications = source.ProductClassifications,
            ProductCategoryCpc = cpc!,
            ProductNameCompany = source.ProductNameCompany,
            Comment = source.Comment ?? string.Empty,
            Pcf = pcf,
            Extensions = source.Extensions,
        };
        return ValidationResult.Success(new PactConversion<V2.ProductFootprint>(result, [.. losses]));
    }

    /// <summary>The 3.0 sum rules: excluding = fossil + LUC + LM biogenic CO2 emissions + LM removals + technological removals + CCS + biogenic non-CO2; including = excluding + uptake.</summary>
    internal static (decimal Excluding, decimal Including) Totals(V3.CarbonFootprint p)
    {
        decimal excluding = p.FossilGhgEmissions + (p.LandUseChangeGhgEmissions ?? 0) + (p.LandManagementBiogenicCo2Emissions ?? 0)
            + (p.LandManagementBiogenicCo2Removals ?? 0) + (p.TechnologicalCo2Removals ?? 0) + (p.CcsTechnologicalCo2Capture ?? 0)
            + (p.BiogenicNonCo2Emissions ?? 0);
        return (PactDecimals.Normalize(excluding), PactDecimals.Normalize(excluding + (p.BiogenicCo2Uptake ?? 0)));
    }

    private static ImmutableArray<CrossSectoralStandard> CrossSectoral(V2.CarbonFootprint p)
    {
        if (p.CrossSectoralStandards is { IsDefaultOrEmpty: false } standards)
        {
            return standards;
        }

        return [.. p.CrossSectoralStandardsUsed.Select(s => s switch
        {
            "GHG Protocol Product standard" => CrossSectoralStandard.GhgpProduct,
            "ISO Standard 14067" => CrossSectoralStandard.Iso14067,
            _ => CrossSectoralStandard.Iso14040And44,
        }).Distinct()];
    }
}
