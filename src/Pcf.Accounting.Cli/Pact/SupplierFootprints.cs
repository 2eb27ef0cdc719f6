using System.Text.Json;
using Pcf.Accounting.Factors;
using Pcf.Accounting.Pact;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Cli.Pact;

/// <summary>Reads a supplier's PACT ProductFootprint document (3.0 or 2.3; one footprint, or a list or get response) as emission factors,
/// through <see cref="PactSupplierFactors.ToEmissionFactor(Accounting.Pact.V3.ProductFootprint, string, bool)"/>: primary data per PACT unit.</summary>
/// <remarks>Each footprint becomes one factor per key: the key given (<c>--factors KEY=FILE</c>), or else each of its
/// <c>productIds</c>, so that a flow of the buyer's system names the supplier's product by its URN as its <c>factorKey</c>.</remarks>
internal static class SupplierFootprints
{
    /// <summary>Gets whether a JSON document is a PACT document rather than a pcf-factors/1 one: an object without <c>format</c>
    /// that has a footprint's <c>specVersion</c> or a response's <c>data</c>.</summary>
    /// <param name="utf8Json">The document.</param>
    /// <returns><see langword="true"/> for a PACT document; <see langword="false"/> otherwise, malformed JSON included (the factor reader reports it).</returns>
    public static bool IsPactDocument(byte[] utf8Json)
    {
        // Only the root's member names are looked at, without building a document: factor files can be large.
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        bool pact = false;
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("format"u8))
                {
                    return false;
                }

                pact |= reader.ValueTextEquals("specVersion"u8) || reader.ValueTextEquals("data"u8);
                if (!reader.Read() || !reader.TrySkip())
                {
                    return false;
                }
            }
        }
        catch (JsonException)
        {
            return pact; // malformed: whichever reader the members seen so far point to reports it
        }

        return pact;
    }

    /// <summary>Reads the footprints of a PACT document as factors.</summary>
    /// <param name="utf8Json">The document.</param>
    /// <param name="key">The factor key to file the footprint under; <see langword="null"/> for its product ids.</param>
    /// <returns>The factors, or every problem (the document's, with their JSON paths; a deprecated footprint; a key given for several footprints).</returns>
    public static ValidationResult<FactorCatalog> Read(byte[] utf8Json, string? key)
    {
        var read = PactJson.Read(utf8Json);
        if (!read.IsValid)
        {
            return ValidationResult.Failure<FactorCatalog>(read.Problems);
        }

        var footprints = read.Value.Footprints;
        if (footprints.IsEmpty)
        {
            return ValidationResult.Failure<FactorCatalog>([new("$", ProblemCodes.Required, "The PACT document holds no footprint.")]);
        }

        if (key is not null && footprints.Length > 1)
        {
            return ValidationResult.Failure<FactorCatalog>([new("$", ProblemCodes.TooMany,
                $"'{key}=' names one footprint, but the document holds {footprints.Length}; without a key each footprint is filed under its productIds.")]);
        }

        var factors = new List<EmissionFactor>();
        var problems = new List<ValidationProblem>();
        foreach (var footprint in footprints)
        {
            var productIds = footprint.V3?.ProductIds ?? footprint.V2!.ProductIds;
            foreach (var k in key is null ? productIds : [key])
            {
                var factor = footprint.V3 is { } v3 ? PactSupplierFactors.ToEmissionFactor(v3, k) : PactSupplierFactors.ToEmissionFactor(footprint.V2!, k);
                if (factor.IsValid)
                {
                    factors.Add(factor.Value);
                }
                else
                {
                    // The converter's paths are inside the footprint; prefix where the footprint sits in the document.
                    problems.AddRange(factor.Problems.Select(p => p with { Path = footprint.Path + p.Path.TrimStart('$') }));
                }
            }
        }

        return problems.Count > 0
            ? ValidationResult.Failure<FactorCatalog>(problems.Distinct())
            : ValidationResult.Success(new FactorCatalog(factors));
    }

    /// <summary>Splits a <c>--factors</c> value into an optional key and a file: <c>KEY=FILE</c> when the whole value names no file but the part after the first <c>=</c> does.</summary>
    /// <param name="value">The option's value.</param>
    /// <returns>The key (or <see langword="null"/>) and the file.</returns>
    public static (string? Key, string File) SplitKey(string value)
    {
        int equals = value.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0 || File.Exists(value) || Directory.Exists(value))
        {
            return (null, value);
        }

        string file = value[(equals + 1)..];
        return File.Exists(file) || Directory.Exists(file) ? (value[..equals], file) : (null, value);
    }
}

/// <summary>Answers requests from suppliers' footprints by key alone: a supplier's product is the same wherever and whenever the buyer's process runs.</summary>
/// <remarks>The region and year of a request describe the buyer's process; the footprint describes the supplier's product (its own region and
/// reference period, kept in its provenance). So the factor of the key is used as it is, converted only to the requested unit of the same
/// dimension; when one key has several footprints, the one for the request's region and year is preferred, then the latest.</remarks>
/// <param name="name">The provider's name (the file's).</param>
/// <param name="catalog">The supplier factors.</param>
internal sealed class SupplierFootprintProvider(string name, FactorCatalog catalog) : EmissionFactorProvider(name)
{
    /// <summary>Gets the supplier factors.</summary>
    public FactorCatalog Catalog { get; } = catalog;

    /// <inheritdoc/>
    public override ValueTask<FactorMatch?> FindAsync(FactorRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var factor = Catalog.Factors.Where(f => f.Key == request.Key)
            .OrderByDescending(f => f.Region == (request.Region ?? RegionHierarchy.Global) && f.Year == request.Year)
            .ThenByDescending(f => f.Year ?? int.MinValue)
            .FirstOrDefault();
        // Asked again for the factor's own region and year, nothing but a unit conversion can apply.
        return ValueTask.FromResult(factor is null ? null : Catalog.Find(request with { Region = factor.Region, Year = factor.Year }, Name, FallbackPolicy.ExactOnly));
    }
}
