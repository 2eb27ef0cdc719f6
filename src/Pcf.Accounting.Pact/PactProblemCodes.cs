using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Pact;

/// <summary>The stable codes of PACT problems: the <c>PCF07xx</c> range, owned by this package.</summary>
/// <remarks>
/// A fault every format shares keeps the core's code, so it reads the same in a PACT footprint as in <c>pcf-system/1</c>:
/// <see cref="ProblemCodes.MalformedJson"/>, <see cref="ProblemCodes.Required"/>, <see cref="ProblemCodes.WrongType"/>,
/// <see cref="ProblemCodes.NumberOutOfRange"/> (a number outside its range or of the wrong sign: emissions &gt;= 0, uptake,
/// removals and capture &lt;= 0, percentages 0 to 100, data-quality ratings), <see cref="ProblemCodes.UnknownUnit"/> (a
/// declared unit outside the version's list), the limits (<see cref="ProblemCodes.DocumentTooLarge"/>,
/// <see cref="ProblemCodes.DocumentTooDeep"/>, <see cref="ProblemCodes.TooMany"/>) and, as a warning,
/// <see cref="ProblemCodes.UnknownMember"/>. Codes never change meaning once published; <c>PCF0703</c> is not used.
/// </remarks>
public static class PactProblemCodes
{
    /// <summary>A string does not have the form the specification requires (decimal, UUID, URN, RFC 3339 date-time, ISO 3166 code, <c>AR6</c>, <c>major.minor.patch</c>).</summary>
    public const string InvalidFormat = "PCF0701";

    /// <summary>A value is not one of the values the specification allows (a closed enumeration).</summary>
    public const string NotAllowedValue = "PCF0702";

    /// <summary>An array is empty where the specification requires at least one item.</summary>
    public const string EmptyArray = "PCF0704";

    /// <summary>An array repeats an item where the specification requires unique items.</summary>
    public const string DuplicateItem = "PCF0705";

    /// <summary>More than one of <c>geographyRegionOrSubregion</c>, <c>geographyCountry</c> and <c>geographyCountrySubdivision</c> is set.</summary>
    public const string GeographyConflict = "PCF0706";

    /// <summary>A headline total does not equal the sum the 3.0 specification defines (<c>x-comment</c> of <c>pcfExcludingBiogenicUptake</c> and <c>pcfIncludingBiogenicUptake</c>); a warning on import unless <see cref="PactReadOptions.SumRulesAreErrors"/>.</summary>
    public const string SumRuleViolated = "PCF0707";

    /// <summary>A rule linking two properties is broken (packaging emissions given while <c>packagingEmissionsIncluded</c> is not true, <c>Other</c> operator without a name, a period that ends before it starts).</summary>
    public const string ConditionalRule = "PCF0708";

    /// <summary>The <c>specVersion</c> is not a version this package reads, or the document is not of the version asked for.</summary>
    public const string UnsupportedSpecVersion = "PCF0709";

    /// <summary>A warning: a property that the document's version removed (such as <c>updated</c> or <c>pcf.biogenicAccountingMethodology</c> in a 3.0 document); it is ignored, though <c>updated</c> and <c>version</c> must still be well-formed.</summary>
    public const string RemovedProperty = "PCF0710";

    /// <summary>A document holds no ProductFootprint (neither a footprint, nor <c>data</c> with footprints, nor an event with <c>data.pfs</c>).</summary>
    public const string NoFootprint = "PCF0711";

    /// <summary>Export: a field PACT requires is missing from the product metadata and cannot be derived from the result.</summary>
    public const string MissingMetadata = "PCF0712";

    /// <summary>Export or conversion: the declared unit cannot be expressed in the target version's unit list.</summary>
    public const string UnsupportedDeclaredUnit = "PCF0713";

    /// <summary>Export or conversion: a quantity has a sign the target field cannot hold (negative fossil emissions from system-expansion credits, for example).</summary>
    public const string UnrepresentableValue = "PCF0714";

    /// <summary>Supplier factor: the footprint is deprecated and should not be used.</summary>
    public const string DeprecatedFootprint = "PCF0715";

    /// <summary>A decimal has more significant digits or places than a <see cref="decimal"/> holds exactly (28), or a magnitude above its range; it is refused rather than rounded.</summary>
    public const string InexactDecimal = "PCF0716";

    /// <summary>An event envelope (CloudEvents <c>type</c>, <c>specversion</c>, <c>id</c>, <c>source</c>, <c>time</c>, <c>data</c>) breaks a rule of its event type.</summary>
    public const string InvalidEvent = "PCF0717";
}
