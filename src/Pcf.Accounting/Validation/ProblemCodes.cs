namespace Pcf.Accounting.Validation;

/// <summary>The stable codes of <see cref="ValidationProblem"/>s, grouped by area.</summary>
/// <remarks>
/// Codes never change meaning once published. Ranges: <c>PCF00xx</c> documents (JSON syntax, size,
/// format), <c>PCF01xx</c> units and quantities, <c>PCF02xx</c> gases and GWP sets, <c>PCF03xx</c>
/// the product-system model, <c>PCF04xx</c> emission factors and resolution, <c>PCF05xx</c> the
/// calculation.
/// </remarks>
public static class ProblemCodes
{
    /// <summary>The document is not well-formed JSON.</summary>
    public const string MalformedJson = "PCF0001";

    /// <summary>The document is larger than the configured limit.</summary>
    public const string DocumentTooLarge = "PCF0002";

    /// <summary>The document nests deeper than the configured limit.</summary>
    public const string DocumentTooDeep = "PCF0003";

    /// <summary>The <c>format</c> member is missing or names a format this version does not read.</summary>
    public const string UnsupportedFormat = "PCF0004";

    /// <summary>A required member is missing or null.</summary>
    public const string Required = "PCF0005";

    /// <summary>A member has the wrong JSON type (a string where a number belongs, and so on).</summary>
    public const string WrongType = "PCF0006";

    /// <summary>A member is not part of the format (a likely typo).</summary>
    public const string UnknownMember = "PCF0007";

    /// <summary>A collection has more items than the configured limit.</summary>
    public const string TooMany = "PCF0008";

    /// <summary>The document is not valid UTF-8 (an invalid byte, an overlong encoding, a lone surrogate).</summary>
    public const string InvalidEncoding = "PCF0009";

    /// <summary>A string is longer than the configured limit.</summary>
    public const string TooLong = "PCF0010";

    /// <summary>A unit symbol is not known.</summary>
    public const string UnknownUnit = "PCF0102";

    /// <summary>A unit is of the wrong dimension for the flow or field.</summary>
    public const string WrongDimension = "PCF0103";

    /// <summary>A number is NaN, infinite, or outside the allowed range.</summary>
    public const string NumberOutOfRange = "PCF0104";

    /// <summary>A greenhouse gas is not known.</summary>
    public const string UnknownGas = "PCF0201";

    /// <summary>A GWP set is not known.</summary>
    public const string UnknownGwpSet = "PCF0202";

    /// <summary>A GWP set has no characterization factor for a gas in the inventory.</summary>
    public const string MissingGwp = "PCF0203";

    /// <summary>An id is empty or malformed.</summary>
    public const string InvalidId = "PCF0301";

    /// <summary>Two items share an id that must be unique.</summary>
    public const string DuplicateId = "PCF0302";

    /// <summary>A reference names a flow or process that does not exist.</summary>
    public const string UnknownReference = "PCF0303";

    /// <summary>A product input is linked neither to a process in the system nor to an emission factor.</summary>
    public const string UnlinkedInput = "PCF0304";

    /// <summary>The reference product is missing or not produced by any process.</summary>
    public const string InvalidReferenceProduct = "PCF0305";

    /// <summary>A process has no output, or more than one output marked as reference.</summary>
    public const string InvalidOutputs = "PCF0306";

    /// <summary>Allocation properties of co-products are missing or do not allow the allocation asked for.</summary>
    public const string InvalidAllocation = "PCF0307";

    /// <summary>An exchange uses a flow of the wrong kind (an elementary flow as a product input, and so on).</summary>
    public const string WrongFlowKind = "PCF0308";

    /// <summary>A value is not one of the allowed names (an unknown stage, an unknown enum value).</summary>
    public const string UnknownValue = "PCF0309";

    /// <summary>A derivation is not valid: its formula does not read, uses an unknown symbol or adds unlike dimensions, an input is unused, or its result is not what its amount says.</summary>
    public const string DerivationMismatch = "PCF0310";

    /// <summary>A tag is not valid: empty, too long, or not printable ASCII without spaces.</summary>
    public const string InvalidTag = "PCF0311";

    /// <summary>A rule set named by id is not registered.</summary>
    public const string UnknownRuleSet = "PCF0312";

    /// <summary>The technosphere cannot be solved: a loop nets no output, or a product is made by nobody.</summary>
    public const string SingularSystem = "PCF0501";

    /// <summary>A calculation produced a number that is not finite (an ill-conditioned system).</summary>
    public const string NonFiniteResult = "PCF0502";

    /// <summary>The product asked for is not made by any process of the system.</summary>
    public const string UnknownDemand = "PCF0503";

    /// <summary>A view registered for the calculation failed (its exception's message is in the problem).</summary>
    public const string ViewFailed = "PCF0504";

    /// <summary>A warning: a loop of the system nearly makes no net output (its condition estimate passes 10¹²), so rounding alone may change the result's leading digits.</summary>
    public const string IllConditionedSystem = "PCF0505";

    /// <summary>A Monte Carlo draw kept making the technosphere singular or the result not finite, however often it was redrawn; the message names the iteration and the processes.</summary>
    public const string MonteCarloDrawFailed = "PCF0506";

    /// <summary>No registered provider has an emission factor for a request, within the fallbacks allowed.</summary>
    public const string UnresolvedFactor = "PCF0401";

    /// <summary>The emission factor found is per a unit of another dimension than the flow's (per kg for a flow in kWh); it is never converted.</summary>
    public const string FactorWrongDimension = "PCF0402";

    /// <summary>An emission-factor provider threw or timed out; the message names it.</summary>
    public const string ProviderFailed = "PCF0403";

    /// <summary>A warning: a factor given only in CO2e was built with another GWP set than the calculation's, so it could not be re-characterized.</summary>
    public const string GwpBasisMismatch = "PCF0404";

    /// <summary>A factor file or row is invalid (a duplicate factor, a CO2e amount without a GWP basis, an unreadable CSV line).</summary>
    public const string InvalidFactor = "PCF0405";

    /// <summary>A warning: a factor matched only after a fallback (another region, an earlier year, a unit conversion); the data quality was lowered.</summary>
    public const string FactorFallbackUsed = "PCF0406";

    /// <summary>A warning: a combustion-only factor (direct CO2 of burning, no upstream) was used in a cradle-to-gate footprint, which then understates the supply chain.</summary>
    public const string CombustionOnlyFactor = "PCF0407";

    /// <summary>A template named by id is not in the catalog.</summary>
    public const string UnknownTemplate = "PCF0601";

    /// <summary>A template's parameters are each valid but break a rule together (shares that sum past 100 %, a choice that needs a value not given).</summary>
    public const string InconsistentParameters = "PCF0602";

    /// <summary>A warning: a template's parameter or intermediate quantity lies outside the range its method calls plausible (such as calcination CO2 far from the IPCC Tier 1 value).</summary>
    public const string ImplausibleValue = "PCF0603";
}
