using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Pact.Json;

/// <summary>Checks a ProductFootprint JSON element against the rules of its version, collecting every problem with its JSON path.</summary>
/// <remarks>
/// The rules are those of the 2.3.3 and 3.0.3 OpenAPI documents (types, required properties, patterns,
/// enumerations, array sizes, the geography <c>oneOf</c>), plus rules their prose states as MUST
/// (signs of x-comment <c>&gt;= 0</c>/<c>&lt;= 0</c>, packaging, <c>Other</c> operator, DQR ranges) and the 3.0 sum rules.
/// </remarks>
internal sealed partial class PactValidator
{
    private readonly List<ValidationProblem> _errors;
    private readonly List<ValidationProblem> _warnings;
    private readonly PactReadOptions _options;

    // While set, violations go where rules beyond the 3.0 text go (warnings unless strict): see Field.Lenient.
    private bool _lenient;

    public PactValidator(List<ValidationProblem> errors, List<ValidationProblem> warnings, PactReadOptions options)
    {
        _errors = errors;
        _warnings = warnings;
        _options = options;
    }

    private enum K
    {
        Text,
        NonEmpty,
        Uuid,
        DateTime,
        Urn,
        Uri,
        SpecVersion,
        Decimal,
        DecimalPositiveOrZero,
        DecimalPositive,
        DecimalNegativeOrZero,
        DecimalPercent,
        DecimalDqr5,
        Boolean,
        Integer,
        NumberPercent,
        NumberDqr3,
        Country,
        Subdivision,
        Ar,
        Object,
    }

    [GeneratedRegex(@"^[+-]?\d+(\.\d+)?$", RegexOptions.CultureInvariant)]
    internal static partial Regex DecimalPattern();

    [GeneratedRegex(@"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$", RegexOptions.CultureInvariant)]
    internal static partial Regex UuidPattern();

    // RFC 3339 section 5.6 date-time (JSON Schema format "date-time").
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex DateTimePattern();

    [GeneratedRegex(@"^[uU][rR][nN]:", RegexOptions.CultureInvariant)]
    internal static partial Regex UrnPattern();

    [GeneratedRegex(@"^\d+\.\d+\.\d+(-\d{8})?$", RegexOptions.CultureInvariant)]
    private static partial Regex SpecVersionPattern();

    [GeneratedRegex(@"^[A-Z]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex CountryPattern();

    [GeneratedRegex(@"^[A-Z]{2}-[A-Z0-9]{1,3}$", RegexOptions.CultureInvariant)]
    private static partial Regex SubdivisionPattern();

    [GeneratedRegex(@"^AR\d+$", RegexOptions.CultureInvariant)]
    private static partial Regex ArPattern();

    private sealed record Field(string Name, K Kind, bool Required = false, bool IsArray = false, string[]? Allowed = null, bool Unique = true, bool AllowEmpty = false, bool Lenient = false);

    private static readonly Field[] FootprintV3 =
    [
        new("id", K.Uuid, true), new("specVersion", K.SpecVersion, true), new("precedingPfIds", K.Uuid, IsArray: true),
        new("created", K.DateTime, true), new("status", K.Text, true, Allowed: ["Active", "Deprecated"]),
        new("validityPeriodStart", K.DateTime), new("validityPeriodEnd", K.DateTime), new("companyName", K.NonEmpty, true),
        new("companyIds", K.Urn, true, IsArray: true), new("productDescription", K.Text, true), new("productIds", K.Urn, true, IsArray: true),
        new("productClassifications", K.Urn, IsArray: true), new("productNameCompany", K.NonEmpty, true), new("comment", K.Text),
        new("pcf", K.Object, true), new("extensions", K.Object, IsArray: true, Unique: false, AllowEmpty: true),

        // Removed in 3.0 (a warning), but still checked against their 2.x definitions: a malformed value is a warning too
        // (3.0 says nothing of them), an error only when reading strictly.
        new("version", K.Integer, Lenient: true), new("updated", K.DateTime, Lenient: true),
    ];

    private static readonly string[] RemovedFromFootprintV3 = ["version", "updated", "statusComment", "productCategoryCpc"];

    private static readonly Field[] CarbonFootprintV3 =
    [
        new("declaredUnitOfMeasurement", K.Text, true, Allowed: [.. PactNames.UnitsV3.Select(u => u.Item1)]),
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
    ];

    private static readonly string[] RemovedFromCarbonFootprintV3 =
    [
        "declaredUnit", "unitaryProductAmount", "pCfExcludingBiogenic", "pCfIncludingBiogenic", "dLucGhgEmissions",
        "landManagementGhgEmissions", "otherBiogenicGhgEmissions", "iLucGhgEmissions", "biogenicCarbonWithdrawal",
        "characterizationFactors", "ipccCharacterizationFactorsSources", "crossSectoralStandardsUsed",
        "biogenicAccountingMethodology", "uncertaintyAssessmentDescription", "assurance",
    ];

    private static readonly Field[] FootprintV2 =
    [
        new("id", K.Uuid, true), new("specVersion", K.SpecVersion, true), new("precedingPfIds", K.Uuid, IsArray: true),
        new("version", K.Integer, true), new("created", K.DateTime, true), new("updated", K.DateTime),
        new("status", K.Text, true, Allowed: ["Active", "Deprecated"]), new("statusComment", K.Text),
        new("validityPeriodStart", K.DateTime), new("validityPeriodEnd", K.DateTime), new("companyName", K.NonEmpty, true),
        new("companyIds", K.Urn, true, IsArray: true), new("productDescription", K.Text, true), new("productIds", K.Urn, true, IsArray: true),
        new("productClassifications", K.Urn, IsArray: true), new("productCategoryCpc", K.NonEmpty, true),
        new("productNameCompany", K.NonEmpty, true), new("comment", K.Text, true), new("pcf", K.Object, true),
        new("extensions", K.Object, IsArray: true, Unique: false, AllowEmpty: true),
    ];

    private static readonly Field[] CarbonFootprintV2 =
    [
        new("declaredUnit", K.Text, true, Allowed: [.. PactNames.UnitsV2.Select(u => u.Item1)]),
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
    ];

    private static readonly Field[] RuleFields = [new("operator", K.Text, true, Allowed: PactNames.Operators), new("ruleNames", K.NonEmpty, true, IsArray: true), new("otherOperatorName", K.NonEmpty)];

    private static readonly Field[] SourceFields = [new("name", K.NonEmpty, true), new("version", K.NonEmpty, true)];

    private static readonly Field[] ExtensionFields = [new("specVersion", K.Text, true), new("dataSchema", K.Uri, true), new("documentation", K.Uri), new("data", K.Object, true)];

    private static readonly Field[] DqiV3 = [new("technologicalDQR", K.DecimalDqr5, true), new("geographicalDQR", K.DecimalDqr5, true), new("temporalDQR", K.DecimalDqr5, true)];

    private static readonly Field[] VerificationV3 =
    [
        new("coverage", K.Text, Allowed: PactNames.CoveragesV3), new("providerName", K.Text), new("completedAt", K.DateTime),
        new("standardName", K.Text), new("comments", K.Text),
    ];

    private static readonly Field[] DqiV2 =
    [
        new("coveragePercent", K.NumberPercent, true), new("technologicalDQR", K.NumberDqr3, true), new("temporalDQR", K.NumberDqr3, true),
        new("geographicalDQR", K.NumberDqr3, true), new("completenessDQR", K.NumberDqr3, true), new("reliabilityDQR", K.NumberDqr3, true),
    ];

    private static readonly Field[] AssuranceV2 =
    [
        new("assurance", K.Boolean, true), new("coverage", K.Text, Allowed: PactNames.AssuranceCoverages),
        new("level", K.Text, Allowed: PactNames.AssuranceLevels), new("boundary", K.Text, Allowed: PactNames.AssuranceBoundaries),
        new("providerName", K.Text, true), new("completedAt", K.DateTime), new("standardName", K.Text), new("comments", K.Text),
    ];

    /// <summary>Validates one footprint of the given version; returns the number of errors it added.</summary>
    public int ValidateFootprint(JsonElement footprint, string path, PactSpecVersion version)
    {
        int before = _errors.Count;
        bool v3 = version == PactSpecVersion.Version30;
        if (!Object(footprint, path, v3 ? FootprintV3 : FootprintV2, v3 ? RemovedFromFootprintV3 : []))
        {
            return _errors.Count - before;
        }

        if (footprint.TryGetProperty("specVersion", out var spec) && spec.ValueKind == JsonValueKind.String
            && SpecVersionPattern().IsMatch(spec.GetString()!))
        {
            int major = int.Parse(spec.GetString()!.Split('.')[0], CultureInfo.InvariantCulture);
            if (v3 ? major != 3 : major is not (1 or 2))
            {
                Error(path + ".specVersion", PactProblemCodes.UnsupportedSpecVersion,
                    $"'{spec.GetString()}' is not a {(v3 ? "3.x" : "2.x")} version.");
            }
        }

        if (footprint.TryGetProperty("validityPeriodStart", out var vs) && footprint.TryGetProperty("validityPeriodEnd", out var ve))
        {
            Ordered(vs, ve, path + ".validityPeriodEnd", "validityPeriodEnd");
        }

        if (v3 && footprint.TryGetProperty("pcf", out var refPcf) && refPcf.ValueKind == JsonValueKind.Object
            && refPcf.TryGetProperty("referencePeriodEnd", out var refEnd) && Time(refEnd) is { } referenceEnd)
        {
            // 3.0 "Validity Period": the period lies between referencePeriodEnd and referencePeriodEnd + 3 years (MUSTs of the prose).
            if (footprint.TryGetProperty("validityPeriodStart", out var start) && Time(start) is { } s && s < referenceEnd)
            {
                Beyond(path + ".validityPeriodStart", PactProblemCodes.ConditionalRule,
                    $"validityPeriodStart ({start.GetString()}) MUST be at or after pcf.referencePeriodEnd ({refEnd.GetString()}).");
            }

            if (footprint.TryGetProperty("validityPeriodEnd", out var end) && Time(end) is { } e && e > referenceEnd.AddYears(3))
            {
                Beyond(path + ".validityPeriodEnd", PactProblemCodes.ConditionalRule,
                    $"validityPeriodEnd ({end.GetString()}) MUST be at most 3 years after pcf.referencePeriodEnd ({refEnd.GetString()}).");
            }
        }

        if (footprint.TryGetProperty("extensions", out var extensions) && extensions.ValueKind == JsonValueKind.Array)
        {
            int i = 0;
            foreach (var extension in extensions.EnumerateArray())
            {
                Object(extension, $"{path}.extensions[{i++}]", ExtensionFields, []);
            }
        }

        if (footprint.TryGetProperty("pcf", out var pcf) && pcf.ValueKind == JsonValueKind.Object)
        {
            if (v3)
            {
                CarbonFootprint3(pcf, path + ".pcf");
            }
            else
            {
                CarbonFootprint2(pcf, path + ".pcf");
            }
        }

        return _errors.Count - before;
    }

    private void CarbonFootprint3(JsonElement pcf, string path)
    {
        Object(pcf, path, CarbonFootprintV3, RemovedFromCarbonFootprintV3);
        Common(pcf, path);
        if (pcf.TryGetProperty("dqi", out var dqi))
        {
            Object(dqi, path + ".dqi", DqiV3, []);
        }

        if (pcf.TryGetProperty("verification", out var verification))
        {
            Object(verification, path + ".verification", VerificationV3, []);
        }

        if (!pcf.TryGetProperty("packagingEmissionsIncluded", out _))
        {
            _warnings.Add(new(path + ".packagingEmissionsIncluded", ProblemCodes.Required,
                "packagingEmissionsIncluded SHALL be stated (3.0 x-rule SHALL), though the schema does not require it."));
        }

        if (pcf.TryGetProperty("ccsTechnologicalCO2CaptureIncluded", out var ccs) && ccs.ValueKind == JsonValueKind.False)
        {
            foreach (string name in (string[])["ccsTechnologicalCO2Capture", "technologicalCO2Removals", "technologicalCO2CaptureOrigin"])
            {
                if (pcf.TryGetProperty(name, out _))
                {
                    // 3.0 describes the flag, but no rule ties these fields to it: stricter than the text.
                    Beyond($"{path}.{name}", PactProblemCodes.ConditionalRule, $"{name} should be undefined when ccsTechnologicalCO2CaptureIncluded is false.");
                }
            }
        }

        // Sum rules (x-comment of pcfExcludingBiogenicUptake and pcfIncludingBiogenicUptake), in decimal arithmetic.
        decimal? excluding = Dec(pcf, "pcfExcludingBiogenicUptake"), including = Dec(pcf, "pcfIncludingBiogenicUptake");
        if (excluding is { } ex && including is { } inc && Dec(pcf, "fossilGhgEmissions") is { } fossil)
        {
            decimal sum = fossil + Opt(pcf, "landUseChangeGhgEmissions") + Opt(pcf, "landManagementBiogenicCO2Emissions")
                + Opt(pcf, "landManagementBiogenicCO2Removals") + Opt(pcf, "technologicalCO2Removals")
                + Opt(pcf, "ccsTechnologicalCO2Capture") + Opt(pcf, "biogenicNonCO2Emissions");
            var sink = _options.SumRulesAreErrors || _options.Strict ? _errors : _warnings;
            if (sum != ex)
            {
                sink.Add(new(path + ".pcfExcludingBiogenicUptake", PactProblemCodes.SumRuleViolated,
                    $"pcfExcludingBiogenicUptake is {Text(ex)} but fossilGhgEmissions + landUseChangeGhgEmissions + landManagementBiogenicCO2Emissions + landManagementBiogenicCO2Removals + technologicalCO2Removals + ccsTechnologicalCO2Capture + biogenicNonCO2Emissions = {Text(sum)}."));
            }

            decimal withUptake = ex + Opt(pcf, "biogenicCO2Uptake");
            if (withUptake != inc)
            {
                sink.Add(new(path + ".pcfIncludingBiogenicUptake", PactProblemCodes.SumRuleViolated,
                    $"pcfIncludingBiogenicUptake is {Text(inc)} but pcfExcludingBiogenicUptake + biogenicCO2Uptake = {Text(withUptake)}."));
            }
        }

        if (Dec(pcf, "landManagementFossilGhgEmissions") is { } lmFossil && Dec(pcf, "fossilGhgEmissions") is { } f && lmFossil > f)
        {
            _warnings.Add(new(path + ".landManagementFossilGhgEmissions", PactProblemCodes.OutOfRange,
                $"landManagementFossilGhgEmissions ({Text(lmFossil)}) is part of fossilGhgEmissions ({Text(f)}) and cannot exceed it."));
        }
    }

    private void CarbonFootprint2(JsonElement pcf, string path)
    {
        Object(pcf, path, CarbonFootprintV2, []);
        Common(pcf, path);
        if (pcf.TryGetProperty("dqi", out var dqi))
        {
            Object(dqi, path + ".dqi", DqiV2, []);
        }

        if (pcf.TryGetProperty("assurance", out var assurance))
        {
            Object(assurance, path + ".assurance", AssuranceV2, []);
        }
    }

    private void Common(JsonElement pcf, string path)
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
            Beyond(path + ".packagingGhgEmissions", PactProblemCodes.ConditionalRule,
                "packagingGhgEmissions should be undefined unless packagingEmissionsIncluded is true.");
        }

        if (pcf.TryGetProperty("referencePeriodStart", out var start) && pcf.TryGetProperty("referencePeriodEnd", out var end))
        {
            Ordered(start, end, path + ".referencePeriodEnd", "referencePeriodEnd");
        }

        if (pcf.TryGetProperty("productOrSectorSpecificRules", out var rules) && rules.ValueKind == JsonValueKind.Array)
        {
            int i = 0;
            foreach (var rule in rules.EnumerateArray())
            {
                string rulePath = $"{path}.productOrSectorSpecificRules[{i++}]";
                if (Object(rule, rulePath, RuleFields, [])
                    && rule.TryGetProperty("operator", out var op) && op.ValueKind == JsonValueKind.String && op.GetString() == "Other"
                    && !rule.TryGetProperty("otherOperatorName", out _))
                {
                    // The prose says "must be populated", the schema does not require it, and the 3.0 examples 1 and 2 misplace it: a warning.
                    _warnings.Add(new(rulePath + ".otherOperatorName", PactProblemCodes.ConditionalRule, "otherOperatorName must be populated when operator is 'Other'."));
                }
            }
        }

        if (pcf.TryGetProperty("secondaryEmissionFactorSources", out var sources) && sources.ValueKind == JsonValueKind.Array)
        {
            int i = 0;
            foreach (var source in sources.EnumerateArray())
            {
                Object(source, $"{path}.secondaryEmissionFactorSources[{i++}]", SourceFields, []);
            }
        }
    }

    private void Ordered(JsonElement start, JsonElement end, string path, string name)
    {
        if (Time(start) is { } s && Time(end) is { } e && e < s)
        {
            // Neither schema states an order; a period that ends before it starts is surely wrong, but stricter than the text.
            Beyond(path, PactProblemCodes.ConditionalRule, $"{name} ({end.GetString()}) is before the start ({start.GetString()}).");
        }
    }

    private static DateTimeOffset? Time(JsonElement value) => value.ValueKind == JsonValueKind.String ? ParseTime(value.GetString()!) : null;

    /// <summary>Parses an RFC 3339 date-time (section 5.6), whose <c>T</c> and <c>Z</c> may be lower case (section 5.6, note); <see langword="null"/> when it is not one.</summary>
    internal static DateTimeOffset? ParseTime(string text) =>
        DateTimePattern().IsMatch(text)
        && DateTimeOffset.TryParse(text.ToUpperInvariant(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;

    private static decimal? Dec(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && PactDecimals.TryParseExact(value.GetString()!, out decimal d, out _) ? d : null;

    private static decimal Opt(JsonElement obj, string name) => Dec(obj, name) ?? 0m;

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Checks an object's members; returns false when the value is not an object.</summary>
    private bool Object(JsonElement value, string path, Field[] fields, string[] removed)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            Error(path, ProblemCodes.WrongType, $"Expected an object, found {Describe(value)}.");
            return false;
        }

        foreach (var field in fields)
        {
            if (!value.TryGetProperty(field.Name, out var member) || member.ValueKind == JsonValueKind.Null)
            {
                if (field.Required)
                {
                    Error($"{path}.{field.Name}", ProblemCodes.Required, $"{field.Name} is required.");
                }

                continue;
            }

            string memberPath = $"{path}.{field.Name}";
            bool lenient = _lenient;
            _lenient |= field.Lenient;
            if (field.IsArray)
            {
                Array(member, memberPath, field);
            }
            else
            {
                Value(member, memberPath, field);
            }

            _lenient = lenient;
        }

        foreach (var property in value.EnumerateObject())
        {
            if (removed.Contains(property.Name))
            {
                // A warning, not an error: the specification's own 3.0 examples still carry biogenicAccountingMethodology.
                _warnings.Add(new($"{path}.{property.Name}", PactProblemCodes.RemovedProperty,
                    $"{property.Name} is not part of this version (it was removed or renamed in 3.0); it is ignored."));
            }
            else if (fields.Length > 0 && !fields.Any(f => f.Name == property.Name) && !ReferenceEquals(fields, ExtensionFields))
            {
                _warnings.Add(new($"{path}.{property.Name}", ProblemCodes.UnknownMember, $"{property.Name} is not a property of this object; it is ignored."));
            }
        }

        return true;
    }

    private void Array(JsonElement value, string path, Field field)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            Error(path, ProblemCodes.WrongType, $"Expected an array, found {Describe(value)}.");
            return;
        }

        if (value.GetArrayLength() == 0 && !field.AllowEmpty)
        {
            Error(path, PactProblemCodes.EmptyArray, $"{field.Name} must have at least one item when present.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        int i = 0;
        foreach (var item in value.EnumerateArray())
        {
            string itemPath = $"{path}[{i++}]";
            Value(item, itemPath, field);
            if (field.Unique && !seen.Add(item.GetRawText()))
            {
                Error(itemPath, PactProblemCodes.DuplicateItem, $"{field.Name} must not repeat {item.GetRawText()}.");
            }
        }
    }

    private void Value(JsonElement value, string path, Field field)
    {
        switch (field.Kind)
        {
            case K.Object:
                if (value.ValueKind != JsonValueKind.Object)
                {
                    Error(path, ProblemCodes.WrongType, $"Expected an object, found {Describe(value)}.");
                }

                return;
            case K.Boolean:
                if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    Error(path, ProblemCodes.WrongType, $"Expected true or false, found {Describe(value)}.");
                }

                return;
            case K.Integer:
                if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out int n))
                {
                    Error(path, ProblemCodes.WrongType, $"Expected an integer, found {Describe(value)}.");
                }
                else if (n < 0)
                {
                    Error(path, PactProblemCodes.OutOfRange, $"{n} must be 0 or more.");
                }

                return;
            case K.NumberPercent or K.NumberDqr3:
                if (value.ValueKind != JsonValueKind.Number)
                {
                    Error(path, ProblemCodes.WrongType, $"Expected a JSON number (2.3), found {Describe(value)}.");
                }
                else if (!PactDecimals.TryParseExact(value.GetRawText(), out decimal number, out string? why))
                {
                    Error(path, PactProblemCodes.InexactDecimal, why!);
                }
                else
                {
                    Range(path, number, field.Kind == K.NumberPercent ? 0 : 1, field.Kind == K.NumberPercent ? 100 : 3);
                }

                return;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            Error(path, ProblemCodes.WrongType, $"Expected a string, found {Describe(value)}.");
            return;
        }

        string text = value.GetString()!;
        if (field.Allowed is { } allowed && !allowed.Contains(text, StringComparer.Ordinal))
        {
            Error(path, PactProblemCodes.NotAllowedValue, $"'{text}' is not allowed; use one of: {string.Join(", ", allowed.Select(a => "'" + a + "'"))}.");
            return;
        }

        switch (field.Kind)
        {
            case K.NonEmpty when text.Length == 0:
                Error(path, PactProblemCodes.InvalidFormat, $"{field.Name} must not be empty.");
                break;
            case K.Uuid when !UuidPattern().IsMatch(text):
                Error(path, PactProblemCodes.InvalidFormat, $"'{text}' is not a UUID.");
                break;
            case K.DateTime when Time(value) is null:
                Error(path, PactProblemCodes.InvalidFormat, $"'{text}' is not an RFC 3339 date-time (such as 2025-01-08T14:47:32Z).");
                break;
            case K.Urn when !UrnPattern().IsMatch(text):
                Error(path, PactProblemCodes.InvalidFormat, $"'{text}' is not a URN (it must start with 'urn:').");
                break;
            case K.Uri when !Uri.TryCreate(text, UriKind.Absolute, out _):
                Error(path, PactProblemCodes.InvalidFormat, $"'{text}' is not an absolute URI.");
                break;
            case K.SpecVersion when !SpecVersionPattern().IsMatch(text):
                Error(path, PactProblemCodes.InvalidFormat, $"'{text}' is not a version of the form major.minor.patch.");
                break;
            case K.Country when !CountryPattern().IsMatch(text):
                Error(path, PactProblemCodes.InvalidFormat, $"'{text}' is not an ISO 3166-1 alpha-2 code.");
                break;
            case K.Country when !Iso3166.IsCountry(text):
                Error(path, PactProblemCodes.NotAllowedValue, $"'{text}' has the form of an ISO 3166-1 alpha-2 code but is not an assigned one.");
                break;
            case K.Subdivision when !SubdivisionPattern().IsMatch(text):
                Error(path, PactProblemCodes.InvalidFormat, $"'{text}' is not an ISO 3166-2 code (such as CN-JS).");
                break;
            case K.Subdivision when !Iso3166.IsCountry(text[..2]):
                Error(path, PactProblemCodes.NotAllowedValue, $"'{text}': '{text[..2]}' is not an assigned ISO 3166-1 country code, so this is no ISO 3166-2 subdivision.");
                break;
            case K.Ar when !ArPattern().IsMatch(text):
                Error(path, PactProblemCodes.InvalidFormat, $"'{text}' is not an IPCC report of the form AR6.");
                break;
            case K.Decimal or K.DecimalPositive or K.DecimalPositiveOrZero or K.DecimalNegativeOrZero or K.DecimalPercent or K.DecimalDqr5:
                Decimal(text, path, field.Kind);
                break;
        }
    }

    private void Decimal(string text, string path, K kind)
    {
        if (!DecimalPattern().IsMatch(text))
        {
            Error(path, PactProblemCodes.InvalidFormat, $"'{text}' is not a decimal string (digits, an optional sign and decimal point, such as \"1.25\").");
            return;
        }

        if (!PactDecimals.TryParseExact(text, out decimal d, out string? why))
        {
            Error(path, PactProblemCodes.InexactDecimal, why!);
            return;
        }

        switch (kind)
        {
            case K.DecimalPositive when d <= 0:
                Error(path, PactProblemCodes.OutOfRange, $"{text} must be greater than 0.");
                break;
            case K.DecimalPositiveOrZero when d < 0:
                Error(path, PactProblemCodes.OutOfRange, $"{text} must be 0 or more (emissions and contents are never negative).");
                break;
            case K.DecimalNegativeOrZero when d > 0:
                Error(path, PactProblemCodes.OutOfRange, $"{text} must be 0 or less (uptake, removals and capture are negative).");
                break;
            case K.DecimalPercent when d < 0 || d > 100:
                // 3.0 types percentages as plain decimals (its exemptedEmissionsPercent note even removed the old bound): a range is our reading.
                Beyond(path, PactProblemCodes.OutOfRange, $"{text} is a percentage outside 0 to 100.");
                break;
            case K.DecimalDqr5:
                Range(path, d, 1, 5);
                break;
        }
    }

    private void Range(string path, decimal value, decimal min, decimal max)
    {
        if (value < min || value > max)
        {
            Error(path, PactProblemCodes.OutOfRange, $"{Text(value)} must be from {Text(min)} to {Text(max)}.");
        }
    }

    private void Error(string path, string code, string message) => (_lenient && !_options.Strict ? _warnings : _errors).Add(new(path, code, message));

    /// <summary>A rule stricter than the 3.0 text (or a MUST of its prose the schema does not carry): a warning, an error when reading strictly.</summary>
    private void Beyond(string path, string code, string message) => (_options.Strict ? _errors : _warnings).Add(new(path, code, message));

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => "null",
    };
}
