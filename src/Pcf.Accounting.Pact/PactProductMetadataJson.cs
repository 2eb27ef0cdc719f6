using System.Collections.Immutable;
using System.Text.Json;
using Pcf.Accounting.Factors;
using Pcf.Accounting.Json;
using Pcf.Accounting.Model;
using Pcf.Accounting.Pact.Json;
using Pcf.Accounting.Units;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Pact;

/// <summary>Reads product metadata files: the JSON that <c>pcf export --product</c> and <c>pcf publish --product</c> take, the
/// PACT properties a footprint result cannot supply (docs/pact.md lists the members).</summary>
/// <remarks>
/// <para>Members are the camel-case names of <see cref="PactProductMetadata"/>'s properties; quantities are written as in
/// <c>pcf-system/1</c> (<c>{ "amount": 0.4, "unit": "kg" }</c>), emissions as numbers of kg CO2e per declared unit, times
/// as RFC 3339 date-times. The declared unit of measurement, sector rules and verification are not read from the file:
/// set them on the value read (<c>with</c>).</para>
/// <para>The file is read like every Pcf.Accounting document, with the same limits (<see cref="JsonReadOptions"/>), a UTF-8
/// byte-order mark skipped, comments allowed, and every problem reported at once with its JSON path and the same code and
/// message as the other formats: an unknown member (an error here, so a typo never drops a field; the nearest member is
/// named), a value of the wrong type, a missing required member, a number beyond the range of a double, a unit of the
/// wrong dimension, a rating outside 1 to 5. Nothing partial is returned.</para>
/// </remarks>
/// <example><code>
/// ValidationResult&lt;PactProductMetadata&gt; read = PactProductMetadataJson.Read(File.ReadAllBytes("bracket.meta.json"));
/// foreach (var problem in read.Problems) Console.WriteLine(problem); // $.productNameCompany  PCF0005  'productNameCompany' is required.
/// var export = PactExporter.ToV3(result, read.ThrowIfInvalid());
/// </code></example>
/// <threadsafety>Thread-safe.</threadsafety>
public static class PactProductMetadataJson
{
    private static readonly JsonMembers Members = new(
        "companyName", "companyIds", "productIds", "productNameCompany", "productDescription", "id", "created", "productCategoryCpc",
        "productClassifications", "comment", "precedingPfIds", "validityPeriodStart", "validityPeriodEnd", "referencePeriodStart",
        "referencePeriodEnd", "geographyRegionOrSubregion", "geographyCountry", "geographyCountrySubdivision", "productMassPerDeclaredUnit",
        "carbonContent", "crossSectoralStandards", "boundaryProcessesDescription", "allocationRulesDescription", "exemptedEmissionsDescription",
        "secondaryEmissionFactorSources", "packagingEmissionsIncluded", "packagingGhgEmissions", "outboundLogisticsGhgEmissions", "dataQuality");

    private static readonly JsonMembers CarbonMembers = new("fossil", "biogenic", "recycled", "packagingBiogenic");

    private static readonly JsonMembers SourceMembers = new("name", "version");

    private static readonly JsonMembers QualityMembers = new("technological", "geographical", "temporal", "completeness", "reliability");

    /// <summary>Reads product metadata from UTF-8 JSON.</summary>
    /// <param name="utf8Json">The document.</param>
    /// <param name="options">Limits; <see langword="null"/> for <see cref="JsonReadOptions.Default"/>.</param>
    /// <returns>The metadata, or every problem found.</returns>
    public static ValidationResult<PactProductMetadata> Read(ReadOnlyMemory<byte> utf8Json, JsonReadOptions? options = null)
    {
        var w = new JsonWalker(options ?? JsonReadOptions.Default);
        using var document = w.Parse(utf8Json);
        if (document is null)
        {
            return ValidationResult.Failure<PactProductMetadata>(w.Problems);
        }

        var metadata = ReadRoot(w, document.RootElement);
        return w.Problems.Count > 0 || metadata is null
            ? ValidationResult.Failure<PactProductMetadata>(w.Problems)
            : ValidationResult.Success(metadata);
    }

    private static PactProductMetadata? ReadRoot(JsonWalker w, JsonElement root)
    {
        const string path = "$";
        if (!w.IsObject(root, path))
        {
            return null;
        }

        var fields = w.Fields(root, path, Members, new JsonElement[Members.Names.Length]);
        string? companyName = w.String(fields, "companyName", path, required: true);
        var companyIds = Ids(w, fields, "companyIds", "a company URN, such as urn:pact:company:customcode:buyer-assigned:4321");
        var productIds = Ids(w, fields, "productIds", "a product URN, such as urn:gtin:4712345060507");
        string? productNameCompany = w.String(fields, "productNameCompany", path, required: true);
        string? productDescription = w.String(fields, "productDescription", path, required: true);
        var id = Uuid(w, fields["id"], ((JsonPath)path).Member("id"), "'id'");
        var created = Time(w, fields, "created");
        string? cpc = w.String(fields, "productCategoryCpc", path);
        var classifications = Strings(w, fields, "productClassifications");
        string? comment = w.String(fields, "comment", path);
        var preceding = ImmutableArray.CreateBuilder<Guid>();
        foreach (var (item, at) in w.Items(fields, "precedingPfIds", path))
        {
            if (Uuid(w, item, at, "Each item of 'precedingPfIds'") is { } guid)
            {
                preceding.Add(guid);
            }
        }

        var validityStart = Time(w, fields, "validityPeriodStart");
        var validityEnd = Time(w, fields, "validityPeriodEnd");
        var referenceStart = Time(w, fields, "referencePeriodStart");
        var referenceEnd = Time(w, fields, "referencePeriodEnd");
        string? region = w.String(fields, "geographyRegionOrSubregion", path);
        string? country = w.String(fields, "geographyCountry", path);
        string? subdivision = w.String(fields, "geographyCountrySubdivision", path);
        var mass = ReadMass(w, root, "productMassPerDeclaredUnit", path);
        var carbon = w.Object(fields, "carbonContent", path) is { } c ? ReadCarbonContent(w, c) : null;
        var standards = Strings(w, fields, "crossSectoralStandards");
        string? boundary = w.String(fields, "boundaryProcessesDescription", path);
        string? allocation = w.String(fields, "allocationRulesDescription", path);
        string? exempted = w.String(fields, "exemptedEmissionsDescription", path);
        var sources = ImmutableArray.CreateBuilder<EmissionFactorSource>();
        foreach (var (item, at) in w.Items(fields, "secondaryEmissionFactorSources", path))
        {
            if (w.IsObject(item, at))
            {
                var source = w.Fields(item, at, SourceMembers, new JsonElement[2]);
                string? name = w.String(source, "name", at, required: true);
                string? version = w.String(source, "version", at, required: true);
                if (name is not null && version is not null)
                {
                    sources.Add(new EmissionFactorSource(name, version));
                }
            }
        }

        bool? packagingIncluded = w.Boolean(fields, "packagingEmissionsIncluded", path);
        double? packaging = w.Number(fields, "packagingGhgEmissions", path);
        double? outbound = w.Number(fields, "outboundLogisticsGhgEmissions", path);
        var quality = w.Object(fields, "dataQuality", path) is { } q ? ReadDataQuality(w, q) : null;
        if (w.Problems.Count > 0)
        {
            return null;
        }

        return new PactProductMetadata
        {
            CompanyName = companyName!,
            CompanyIds = companyIds,
            ProductIds = productIds,
            ProductNameCompany = productNameCompany!,
            ProductDescription = productDescription!,
            Id = id,
            Created = created,
            ProductCategoryCpc = cpc,
            ProductClassifications = classifications,
            Comment = comment,
            PrecedingPfIds = preceding.ToImmutable(),
            ValidityPeriodStart = validityStart,
            ValidityPeriodEnd = validityEnd,
            ReferencePeriodStart = referenceStart,
            ReferencePeriodEnd = referenceEnd,
            GeographyRegionOrSubregion = region,
            GeographyCountry = country,
            GeographyCountrySubdivision = subdivision,
            ProductMassPerDeclaredUnit = mass,
            CarbonContent = carbon,
            CrossSectoralStandards = [.. standards.Select(s => new CrossSectoralStandard(s))],
            BoundaryProcessesDescription = boundary,
            AllocationRulesDescription = allocation,
            ExemptedEmissionsDescription = exempted,
            SecondaryEmissionFactorSources = sources.ToImmutable(),
            PackagingEmissionsIncluded = packagingIncluded,
            PackagingGhgEmissions = packaging is { } p ? Quantity.Of(p, Unit.Kilogram) : null,
            OutboundLogisticsGhgEmissions = outbound is { } o ? Quantity.Of(o, Unit.Kilogram) : null,
            DataQuality = quality,
        };
    }

    /// <summary>A required list of ids with at least one item.</summary>
    private static ImmutableArray<string> Ids(JsonWalker w, JsonFields fields, string name, string example)
    {
        if (w.Get(fields, name, "$", required: true) is { ValueKind: JsonValueKind.Array } array && array.GetArrayLength() == 0)
        {
            w.Problem(((JsonPath)"$").Member(name), ProblemCodes.Required, $"'{name}' must have at least one item: {example}.");
            return [];
        }

        return Strings(w, fields, name);
    }

    private static ImmutableArray<string> Strings(JsonWalker w, JsonFields fields, string name)
    {
        var values = ImmutableArray.CreateBuilder<string>();
        foreach (var (item, at) in w.Items(fields, name, "$"))
        {
            if (w.StringItem(item, at, name) is { } text)
            {
                values.Add(text);
            }
        }

        return values.ToImmutable();
    }

    // A UUID, written as PACT writes one (8-4-4-4-12 hexadecimal digits). The metadata types it, so another value is of the wrong type.
    private static Guid? Uuid(JsonWalker w, JsonElement value, JsonPath at, string subject)
    {
        if (value.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String && PactValidator.UuidPattern().IsMatch(value.GetString()!))
        {
            return Guid.Parse(value.GetString()!);
        }

        w.Problem(at, ProblemCodes.WrongType, $"{subject} must be a UUID such as \"3fa85f64-5717-4562-b3fc-2c963f66afa6\", found {JsonWalker.Describe(value)}.");
        return null;
    }

    // An RFC 3339 date-time, read as PACT reads one. The metadata types it, so another value is of the wrong type.
    private static DateTimeOffset? Time(JsonWalker w, JsonFields fields, string name)
    {
        var value = fields[name];
        if (value.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String && PactValidator.ParseTime(value.GetString()!) is { } time)
        {
            return time;
        }

        w.Problem(((JsonPath)"$").Member(name), ProblemCodes.WrongType,
            $"'{name}' must be an RFC 3339 date-time such as \"2025-01-08T14:47:32Z\", found {JsonWalker.Describe(value)}.");
        return null;
    }

    private static CarbonContent? ReadCarbonContent(JsonWalker w, JsonElement carbon)
    {
        const string at = "$.carbonContent";
        w.OnlyMembers(carbon, at, CarbonMembers);
        var fossil = ReadMass(w, carbon, "fossil", at, required: true);
        var biogenic = ReadMass(w, carbon, "biogenic", at, required: true);
        var recycled = ReadMass(w, carbon, "recycled", at);
        var packaging = ReadMass(w, carbon, "packagingBiogenic", at);
        return fossil is { } f && biogenic is { } b ? new CarbonContent(f, b, recycled, packaging) : null;
    }

    // A mass as pcf-system/1 writes one, zero or more, checked with the words of that format.
    private static Quantity? ReadMass(JsonWalker w, JsonElement obj, string name, string path, bool required = false)
    {
        if (w.QuantityMember(obj, name, path, required) is not { } mass)
        {
            return null;
        }

        string at = JsonWalker.Member(path, name);
        if (mass.Dimension != Dimension.Mass)
        {
            w.Problem(at + ".unit", ProblemCodes.WrongDimension, $"'{mass.Unit}' ({mass.Dimension}) is not a unit of mass.");
            return null;
        }

        if (mass.Value < 0)
        {
            w.Problem(at + ".amount", ProblemCodes.NumberOutOfRange, $"The mass must be zero or positive; it is {JsonWalker.Format(mass.Value)}.");
            return null;
        }

        return mass;
    }

    // Ratings as pcf-factors/1 writes them; completeness and reliability may be left out (1, the best).
    private static DataQuality? ReadDataQuality(JsonWalker w, JsonElement q)
    {
        const string at = "$.dataQuality";
        w.OnlyMembers(q, at, QualityMembers);
        var scores = new double[5];
        bool ok = true;
        for (int i = 0; i < scores.Length; i++)
        {
            string name = QualityMembers.Names[i];
            if (w.Number(q, name, at, required: i < 3) is not { } score)
            {
                ok &= i >= 3; // a missing rating is reported, and so is one of the wrong type
                scores[i] = DataQuality.Best;
            }
            else if (score is < DataQuality.Best or > DataQuality.Worst)
            {
                w.Problem(((JsonPath)at).Member(name), ProblemCodes.NumberOutOfRange,
                    $"'{name}' must be from 1 (best) to 5 (worst), found {JsonWalker.Format(score)}.");
                ok = false;
            }
            else
            {
                scores[i] = score;
            }
        }

        return ok ? new DataQuality(scores[0], scores[1], scores[2], scores[3], scores[4]) : null;
    }
}
