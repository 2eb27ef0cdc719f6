using System.Text.Json;
using Pcf.Accounting.Json;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Pact.Json;

/// <summary>The <c>pcf</c> block: declared unit, geography, the emission and carbon-content figures with their signs, the
/// standards and rules applied, packaging and CCS, and the 3.0 sum rules. Its data quality and assurance or verification
/// are in their own files.</summary>
internal sealed partial class PactValidator
{
    private static readonly Shape CarbonFootprintV3 = new(
    [
        new("declaredUnitOfMeasurement", K.Unit, true, Allowed: [.. PactNames.UnitsV3.Select(u => u.Item1)]),
        new("declaredUnitAmount", K.DecimalPositive, true), new("productMassPerDeclaredUnit", K.DecimalPositiveOrZero, true),
        new("referencePeriodStart", K.DateTime, true), new("referencePeriodEnd", K.DateTime, true),
        new("geographyRegionOrSubregion", K.Text, Allowed: PactNames.Regions), new("geographyCountry", K.Country),
        new("geographyCountrySubdivision", K.Subdivision), new("boundaryProcessesDescription", K.Text),
        new("pcfExcludingBiogenicUptake", K.Decimal, true), new("pcfIncludingBiogenicUptake", K.Decimal, true),
        new("fossilCarbonContent", K.DecimalPositiveOrZero, true), new("biogenicCarbonContent", K.DecimalPositiveOrZero),
        new("recycledCarbonContent", K.DecimalPositiveOrZero), new("fossilGhgEmissions", K.DecimalPositiveOrZero, true),
        new("landUseChangeGhgEmissions", K.DecimalPositiveOrZero), new("landCarbonLeakage", K.DecimalPositiveOrZero),
        new("landManagementFossilGhgEmissions", K.DecimalPositiveOrZero), new("landManagementBiogenicCO2Emissions", K.DecimalPositiveOrZero),
        new("landManagementBiogenicCO2Removals", K.DecimalNegativeOrZero), new("biogenicCO2Uptake", K.DecimalNegativeOrZero),
        new("biogenicNonCO2Emissions", K.DecimalPositiveOrZero), new("landAreaOccupation", K.DecimalPositiveOrZero),
        new("aircraftGhgEmissions", K.DecimalPositiveOrZero), new("packagingEmissionsIncluded", K.Boolean),
        new("packagingGhgEmissions", K.DecimalPositiveOrZero), new("packagingBiogenicCarbonContent", K.DecimalPositiveOrZero),
        new("outboundLogisticsGhgEmissions", K.DecimalPositiveOrZero), new("ccsTechnologicalCO2CaptureIncluded", K.Boolean),
        new("ccsTechnologicalCO2Capture", K.DecimalNegativeOrZero), new("technologicalCO2CaptureOrigin", K.Text),
        new("technologicalCO2Removals", K.DecimalNegativeOrZero), new("ccuCarbonContent", K.DecimalPositiveOrZero),
        new("ccuCalculationApproach", K.Text, Allowed: PactNames.CcuApproaches), new("ccuCreditCertification", K.Uri),
        new("ipccCharacterizationFactors", K.Ar, true, IsArray: true), new("crossSectoralStandards", K.Text, true, IsArray: true),
        new("productOrSectorSpecificRules", K.Object, IsArray: true, Unique: false), new("exemptedEmissionsPercent", K.DecimalPercent, true),
        new("exemptedEmissionsDescription", K.Text), new("allocationRulesDescription", K.Text),
        new("secondaryEmissionFactorSources", K.Object, IsArray: true, Unique: false), new("primaryDataShare", K.DecimalPercent),
        new("dqi", K.Object), new("verification", K.Object),
    ],
    [
        "declaredUnit", "unitaryProductAmount", "pCfExcludingBiogenic", "pCfIncludingBiogenic", "dLucGhgEmissions",
        "landManagementGhgEmissions", "otherBiogenicGhgEmissions", "iLucGhgEmissions", "biogenicCarbonWithdrawal",
        "characterizationFactors", "ipccCharacterizationFactorsSources", "crossSectoralStandardsUsed",
        "biogenicAccountingMethodology", "uncertaintyAssessmentDescription", "assurance",
    ]);

    private static readonly Shape CarbonFootprintV2 = new(
    [
        new("declaredUnit", K.Unit, true, Allowed: [.. PactNames.UnitsV2.Select(u => u.Item1)]),
        new("unitaryProductAmount", K.DecimalPositive, true), new("productMassPerDeclaredUnit", K.DecimalPositiveOrZero),
        new("pCfExcludingBiogenic", K.DecimalPositiveOrZero, true), new("pCfIncludingBiogenic", K.Decimal),
        new("fossilGhgEmissions", K.DecimalPositiveOrZero, true), new("fossilCarbonContent", K.DecimalPositiveOrZero, true),
        new("biogenicCarbonContent", K.DecimalPositiveOrZero, true), new("dLucGhgEmissions", K.DecimalPositiveOrZero),

        // x-comment says ">= 0", but the description says "emissions and removals": any sign is accepted.
        new("landManagementGhgEmissions", K.Decimal),
        new("otherBiogenicGhgEmissions", K.DecimalPositiveOrZero), new("iLucGhgEmissions", K.DecimalPositiveOrZero),
        new("biogenicCarbonWithdrawal", K.DecimalNegativeOrZero), new("aircraftGhgEmissions", K.DecimalPositiveOrZero),
        new("packagingEmissionsIncluded", K.Boolean, true), new("packagingGhgEmissions", K.DecimalPositiveOrZero),
        new("characterizationFactors", K.Text, true, Allowed: PactNames.CharacterizationFactorsV2),
        new("ipccCharacterizationFactorsSources", K.Ar, true, IsArray: true),
        new("crossSectoralStandardsUsed", K.Text, true, IsArray: true, Allowed: PactNames.CrossSectoralStandardsUsedV2),
        new("crossSectoralStandards", K.Text, IsArray: true, Allowed: PactNames.CrossSectoralStandardsV2),
        new("productOrSectorSpecificRules", K.Object, IsArray: true, Unique: false),
        new("biogenicAccountingMethodology", K.Text, Allowed: PactNames.BiogenicAccountingMethodologies),
        new("boundaryProcessesDescription", K.Text, true), new("referencePeriodStart", K.DateTime, true),
        new("referencePeriodEnd", K.DateTime, true), new("geographyRegionOrSubregion", K.Text, Allowed: PactNames.Regions),
        new("geographyCountry", K.Country), new("geographyCountrySubdivision", K.Subdivision),
        new("secondaryEmissionFactorSources", K.Object, IsArray: true, Unique: false),
        new("exemptedEmissionsPercent", K.NumberPercent, true), new("exemptedEmissionsDescription", K.Text, true),
        new("allocationRulesDescription", K.Text), new("uncertaintyAssessmentDescription", K.Text),
        new("primaryDataShare", K.NumberPercent), new("dqi", K.Object), new("assurance", K.Object),
    ]);

    private static readonly Shape Rule = new([new("operator", K.Text, true, Allowed: PactNames.Operators), new("ruleNames", K.NonEmpty, true, IsArray: true), new("otherOperatorName", K.NonEmpty)]);

    private static readonly Shape Source = new([new("name", K.NonEmpty, true), new("version", K.NonEmpty, true)]);

    // The terms of pcfExcludingBiogenicUptake (x-comment of 3.0), in the order the message states them.
    private static readonly string[] ExcludingTerms =
    [
        "fossilGhgEmissions", "landUseChangeGhgEmissions", "landManagementBiogenicCO2Emissions", "landManagementBiogenicCO2Removals",
        "technologicalCO2Removals", "ccsTechnologicalCO2Capture", "biogenicNonCO2Emissions",
    ];

    private void CarbonFootprint3(JsonElement pcf, JsonPath path)
    {
        Object(pcf, path, CarbonFootprintV3);
        Common(pcf, path);
        DataQuality3(pcf, path);
        Verification3(pcf, path);
        if (!pcf.TryGetProperty("packagingEmissionsIncluded", out _))
        {
            Warning(path.Member("packagingEmissionsIncluded"), Validation.ProblemCodes.Required,
                "packagingEmissionsIncluded SHALL be stated (3.0 x-rule SHALL), though the schema does not require it.");
        }

        if (pcf.TryGetProperty("ccsTechnologicalCO2CaptureIncluded", out var ccs) && ccs.ValueKind == JsonValueKind.False)
        {
            foreach (string name in (string[])["ccsTechnologicalCO2Capture", "technologicalCO2Removals", "technologicalCO2CaptureOrigin"])
            {
                if (pcf.TryGetProperty(name, out _))
                {
                    // 3.0 describes the flag, but no rule ties these fields to it: stricter than the text.
                    Beyond(path.Member(name), PactProblemCodes.ConditionalRule, $"{name} should be undefined when ccsTechnologicalCO2CaptureIncluded is false.");
                }
            }
        }

        SumRules(pcf, path);
        if (Dec(pcf, "landManagementFossilGhgEmissions") is { } lmFossil && Dec(pcf, "fossilGhgEmissions") is { } f && lmFossil > f)
        {
            Warning(path.Member("landManagementFossilGhgEmissions"), Validation.ProblemCodes.NumberOutOfRange,
                $"landManagementFossilGhgEmissions ({PactDecimals.Text(lmFossil)}) is part of fossilGhgEmissions ({PactDecimals.Text(f)}) and cannot exceed it.");
        }
    }

    /// <summary>The sum rules of 3.0 (x-comment of <c>pcfExcludingBiogenicUptake</c> and <c>pcfIncludingBiogenicUptake</c>), in decimal arithmetic.</summary>
    private void SumRules(JsonElement pcf, JsonPath path)
    {
        if (Dec(pcf, "pcfExcludingBiogenicUptake") is not { } excluding || Dec(pcf, "pcfIncludingBiogenicUptake") is not { } including
            || Dec(pcf, "fossilGhgEmissions") is null)
        {
            return;
        }

        var sink = _options.SumRulesAreErrors || _options.Strict ? _errors : _warnings;
        decimal sum = 0m;
        foreach (string term in ExcludingTerms)
        {
            sum += Opt(pcf, term);
        }

        if (sum != excluding)
        {
            sink.Problem(path.Member("pcfExcludingBiogenicUptake"), PactProblemCodes.SumRuleViolated,
                $"pcfExcludingBiogenicUptake is {PactDecimals.Text(excluding)} but {string.Join(" + ", ExcludingTerms)} = {PactDecimals.Text(sum)}.");
        }

        decimal withUptake = excluding + Opt(pcf, "biogenicCO2Uptake");
        if (withUptake != including)
        {
            sink.Problem(path.Member("pcfIncludingBiogenicUptake"), PactProblemCodes.SumRuleViolated,
                $"pcfIncludingBiogenicUptake is {PactDecimals.Text(including)} but pcfExcludingBiogenicUptake + biogenicCO2Uptake = {PactDecimals.Text(withUptake)}.");
        }
    }

    private void CarbonFootprint2(JsonElement pcf, JsonPath path)
    {
        Object(pcf, path, CarbonFootprintV2);
        Common(pcf, path);
        DataQuality2(pcf, path);
        Assurance2(pcf, path);
    }

    /// <summary>The rules both versions share: one geography, packaging emissions only when included, the reference period's
    /// order, the sector rules and the emission-factor sources.</summary>
    private void Common(JsonElement pcf, JsonPath path)
    {
        string[] geography = [.. ((string[])["geographyRegionOrSubregion", "geographyCountry", "geographyCountrySubdivision"]).Where(g => pcf.TryGetProperty(g, out _))];
        if (geography.Length > 1)
        {
            Error(path, PactProblemCodes.GeographyConflict, $"At most one geography may be set; found {string.Join(", ", geography)}.");
        }

        if (pcf.TryGetProperty("packagingGhgEmissions", out _)
            && !(pcf.TryGetProperty("packagingEmissionsIncluded", out var included) && included.ValueKind == JsonValueKind.True))
        {
            // 3.0 says packagingGhgEmissions is reported when packaging is included; that it must then be absent is our reading.
            Beyond(path.Member("packagingGhgEmissions"), PactProblemCodes.ConditionalRule,
                "packagingGhgEmissions should be undefined unless packagingEmissionsIncluded is true.");
        }

        ReferencePeriod(pcf, path);
        if (pcf.TryGetProperty("productOrSectorSpecificRules", out var rules) && rules.ValueKind == JsonValueKind.Array)
        {
            int i = 0;
            foreach (var rule in rules.EnumerateArray())
            {
                JsonPath rulePath = path.Member("productOrSectorSpecificRules").Item(i++);
                if (rule.ValueKind == JsonValueKind.Object && Object(rule, rulePath, Rule)
                    && rule.TryGetProperty("operator", out var op) && op.ValueKind == JsonValueKind.String && op.GetString() == "Other"
                    && !rule.TryGetProperty("otherOperatorName", out _))
                {
                    // The prose says "must be populated", the schema does not require it, and the 3.0 examples 1 and 2 misplace it: a warning.
                    Warning(rulePath.Member("otherOperatorName"), PactProblemCodes.ConditionalRule, "otherOperatorName must be populated when operator is 'Other'.");
                }
            }
        }

        if (pcf.TryGetProperty("secondaryEmissionFactorSources", out var sources) && sources.ValueKind == JsonValueKind.Array)
        {
            int i = 0;
            foreach (var source in sources.EnumerateArray())
            {
                if (source.ValueKind == JsonValueKind.Object)
                {
                    Object(source, path.Member("secondaryEmissionFactorSources").Item(i), Source);
                }

                i++;
            }
        }
    }
}
