using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pcf.Accounting.Factors;
using Pcf.Accounting.Json;
using Pcf.Accounting.Model;
using Pcf.Accounting.Pact;
using Pcf.Accounting.Units;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Cli.Pact;

/// <summary>Reads the <c>--product</c> metadata file and maps it to <see cref="PactProductMetadata"/>, reporting every problem with its JSON path.</summary>
internal static class ProductMetadataReader
{
    /// <summary>The code of a problem in the metadata file (the library's codes for the same kinds of problem).</summary>
    private const string Malformed = ProblemCodes.MalformedJson;

    /// <summary>Reads metadata from UTF-8 JSON.</summary>
    /// <param name="utf8Json">The document.</param>
    /// <returns>The metadata, or every problem.</returns>
    public static ValidationResult<PactProductMetadata> Read(byte[] utf8Json)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        var bytes = utf8Json.AsSpan();
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        if (JsonEncoding.Check(bytes) is { } encoding)
        {
            return ValidationResult.Failure<PactProductMetadata>([encoding]);
        }

        JsonNode? root;
        try
        {
            // A member given twice is refused when parsing (it would otherwise fail when the tree is first enumerated).
            root = JsonNode.Parse(bytes, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, AllowDuplicateProperties = false, MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            return ValidationResult.Failure<PactProductMetadata>([new("$", Malformed,
                $"The file is not valid JSON: line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1}: {FirstSentence(e.Message)}")]);
        }

        if (root is not JsonObject)
        {
            return ValidationResult.Failure<PactProductMetadata>([new("$", ProblemCodes.WrongType, "The metadata must be a JSON object: { \"companyName\": ..., ... }.")]);
        }

        // Every member is checked against the document's shape first, so that every problem is reported at once; members
        // in error are removed before the typed read, which then cannot fail on them.
        var problems = new List<ValidationProblem>();
        JsonShape.Check(root, CliJsonContext.Default.ProductMetadataDocument, "$", problems);
        ProductMetadataDocument d;
        try
        {
            d = root.Deserialize(CliJsonContext.Default.ProductMetadataDocument) ?? new();
        }
        catch (JsonException e)
        {
            // Not expected after the shape check; reported without the .NET type names of the serializer's message.
            problems.Add(new(e.Path ?? "$", Malformed, "This value cannot be read here."));
            return ValidationResult.Failure<PactProductMetadata>(problems);
        }

        Require(d.CompanyName, "companyName", problems);
        Require(d.ProductNameCompany, "productNameCompany", problems);
        Require(d.ProductDescription, "productDescription", problems);
        if (d.CompanyIds is not { Count: > 0 } && !problems.Any(p => p.Path.StartsWith("$.companyIds", StringComparison.Ordinal)))
        {
            problems.Add(new("$.companyIds", ProblemCodes.Required, "companyIds is required: at least one company URN, such as urn:pact:company:customcode:buyer-assigned:4321."));
        }

        if (d.ProductIds is not { Count: > 0 } && !problems.Any(p => p.Path.StartsWith("$.productIds", StringComparison.Ordinal)))
        {
            problems.Add(new("$.productIds", ProblemCodes.Required, "productIds is required: at least one product URN, such as urn:gtin:4712345060507."));
        }

        var mass = Mass(d.ProductMassPerDeclaredUnit, "$.productMassPerDeclaredUnit", problems);
        CarbonContent? carbon = null;
        if (d.CarbonContent is { } c)
        {
            var fossil = Mass(c.Fossil, "$.carbonContent.fossil", problems, required: true);
            var biogenic = Mass(c.Biogenic, "$.carbonContent.biogenic", problems, required: true);
            var recycled = Mass(c.Recycled, "$.carbonContent.recycled", problems);
            var packaging = Mass(c.PackagingBiogenic, "$.carbonContent.packagingBiogenic", problems);
            if (fossil is { } f && biogenic is { } b)
            {
                carbon = new CarbonContent(f, b, recycled, packaging);
            }
        }

        DataQuality? quality = null;
        if (d.DataQuality is { } q)
        {
            (string Name, double Value)[] ratings =
                [("technological", q.Technological), ("geographical", q.Geographical), ("temporal", q.Temporal), ("completeness", q.Completeness), ("reliability", q.Reliability)];
            bool rated = true;
            foreach (var (name, value) in ratings)
            {
                string at = $"$.dataQuality.{name}";
                if (problems.Any(p => p.Path == at))
                {
                    rated = false;
                }
                else if (value is < 1 or > 5)
                {
                    problems.Add(new(at, ProblemCodes.NumberOutOfRange, $"{name} must be a data-quality rating from 1 (best) to 5 (worst), not {value.ToString(System.Globalization.CultureInfo.InvariantCulture)}."));
                    rated = false;
                }
            }

            if (rated)
            {
                quality = new DataQuality(q.Technological, q.Geographical, q.Temporal, q.Completeness, q.Reliability);
            }
        }

        var sources = new List<EmissionFactorSource>();
        for (int i = 0; i < (d.SecondaryEmissionFactorSources?.Count ?? 0); i++)
        {
            var s = d.SecondaryEmissionFactorSources![i];
            if (s is null || problems.Any(p => p.Path.StartsWith($"$.secondaryEmissionFactorSources[{i}]", StringComparison.Ordinal)))
            {
                continue; // reported by the shape check
            }

            if (string.IsNullOrWhiteSpace(s.Name) || string.IsNullOrWhiteSpace(s.Version))
            {
                problems.Add(new($"$.secondaryEmissionFactorSources[{i}]", ProblemCodes.Required, "A source needs a name and a version."));
            }
            else
            {
                sources.Add(new(s.Name, s.Version));
            }
        }

        if (problems.Count > 0)
        {
            return ValidationResult.Failure<PactProductMetadata>(problems);
        }

        return ValidationResult.Success(new PactProductMetadata
        {
            CompanyName = d.CompanyName!,
            CompanyIds = [.. d.CompanyIds!],
            ProductIds = [.. d.ProductIds!],
            ProductNameCompany = d.ProductNameCompany!,
            ProductDescription = d.ProductDescription!,
            Id = d.Id,
            Created = d.Created,
            ProductCategoryCpc = d.ProductCategoryCpc,
            ProductClassifications = [.. d.ProductClassifications ?? []],
            Comment = d.Comment,
            PrecedingPfIds = [.. d.PrecedingPfIds ?? []],
            ValidityPeriodStart = d.ValidityPeriodStart,
            ValidityPeriodEnd = d.ValidityPeriodEnd,
            ReferencePeriodStart = d.ReferencePeriodStart,
            ReferencePeriodEnd = d.ReferencePeriodEnd,
            GeographyRegionOrSubregion = d.GeographyRegionOrSubregion,
            GeographyCountry = d.GeographyCountry,
            GeographyCountrySubdivision = d.GeographyCountrySubdivision,
            ProductMassPerDeclaredUnit = mass,
            CarbonContent = carbon,
            CrossSectoralStandards = [.. (d.CrossSectoralStandards ?? []).Select(s => new CrossSectoralStandard(s))],
            BoundaryProcessesDescription = d.BoundaryProcessesDescription,
            AllocationRulesDescription = d.AllocationRulesDescription,
            ExemptedEmissionsDescription = d.ExemptedEmissionsDescription,
            SecondaryEmissionFactorSources = [.. sources],
            PackagingEmissionsIncluded = d.PackagingEmissionsIncluded,
            PackagingGhgEmissions = d.PackagingGhgEmissions is { } p ? Quantity.Of(p, Unit.Kilogram) : null,
            OutboundLogisticsGhgEmissions = d.OutboundLogisticsGhgEmissions is { } o ? Quantity.Of(o, Unit.Kilogram) : null,
            DataQuality = quality,
        });
    }

    private static Quantity? Mass(QuantityDocument? q, string at, List<ValidationProblem> problems, bool required = false)
    {
        if (q is null)
        {
            if (required && !problems.Any(p => p.Path.StartsWith(at, StringComparison.Ordinal)))
            {
                problems.Add(new(at, ProblemCodes.Required, $"{at[2..]} is required: {{ \"amount\": number, \"unit\": \"kg\" }}."));
            }

            return null;
        }

        if (problems.Any(p => p.Path.StartsWith(at + ".", StringComparison.Ordinal)))
        {
            return null; // reported by the shape check
        }

        if (q.Amount is not { } amount || !double.IsFinite(amount) || amount < 0)
        {
            problems.Add(new(at + ".amount", ProblemCodes.NumberOutOfRange, "The amount must be a finite, non-negative number."));
        }
        else if (!Unit.TryParse(q.Unit, out var unit))
        {
            problems.Add(new(at + ".unit", ProblemCodes.UnknownUnit, $"'{q.Unit}' is not a known unit."));
        }
        else if (unit.Dimension != Unit.Kilogram.Dimension)
        {
            problems.Add(new(at + ".unit", ProblemCodes.WrongDimension, $"'{q.Unit}' is not a unit of mass."));
        }
        else
        {
            return Quantity.Of(amount, unit);
        }

        return null;
    }

    private static string FirstSentence(string message)
    {
        int end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }

    private static void Require(string? value, string name, List<ValidationProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(value) && !problems.Any(p => p.Path == $"$.{name}"))
        {
            problems.Add(new($"$.{name}", ProblemCodes.Required, $"{name} is required."));
        }
    }
}
