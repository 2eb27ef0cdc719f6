using Pcf.Accounting.Factors;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Pact;

/// <summary>An emission-factor provider over suppliers' PACT footprints: each footprint is primary data per one unit of the
/// supplier's product, filed under a key the buyer's flows name (the supplier's product id, or a key of the buyer's choice).</summary>
/// <remarks>
/// <para>With <see cref="SupplierFootprintMatching.KeyOnly"/> (the default) a request finds the footprint of its key whatever
/// the request's region and year: they describe the buyer's process, while the footprint describes the product bought (its own
/// region and reference period stay in its provenance). The match records <see cref="KeyOnlyMatch"/> when they differ, so the
/// result shows the rule. Amounts convert only to a requested unit of the same dimension. When one key has several footprints,
/// the one of the request's region and year is preferred, then the latest.</para>
/// <para>With <see cref="SupplierFootprintMatching.KeyRegionAndYear"/> the footprints are matched like any factor, with the
/// fallbacks of <see cref="FallbackPolicy.Default"/>.</para>
/// </remarks>
/// <example><code>
/// var supplier = SupplierFootprintProvider.Read("acme-footprint.json", File.ReadAllBytes("acme-footprint.json"), key: "steel/acme-coil").ThrowIfInvalid();
/// services.AddPcfAccounting().AddFactors(supplier).AddDefaultFactors();
/// </code></example>
/// <threadsafety>Immutable and thread-safe.</threadsafety>
public sealed class SupplierFootprintProvider : EmissionFactorProvider
{
    /// <summary>Initializes a new instance over factors made from footprints (<see cref="PactSupplierFactors"/>).</summary>
    /// <param name="name">The provider's name, shown in results (such as the file's name).</param>
    /// <param name="catalog">The supplier factors.</param>
    /// <param name="matching">How requests find them.</param>
    public SupplierFootprintProvider(string name, FactorCatalog catalog, SupplierFootprintMatching matching = SupplierFootprintMatching.KeyOnly)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        Catalog = catalog;
        Matching = matching;
    }

    /// <summary>Gets the supplier factors.</summary>
    public FactorCatalog Catalog { get; }

    /// <summary>Gets how requests find them.</summary>
    public SupplierFootprintMatching Matching { get; }

    /// <summary>Reads a PACT document (3.0 or 2.3: one footprint, or a list or get response) as a provider.</summary>
    /// <param name="name">The provider's name (the file's, say).</param>
    /// <param name="utf8Json">The document.</param>
    /// <param name="key">The factor key to file its one footprint under; <see langword="null"/> to file each footprint under each of its <c>productIds</c>.</param>
    /// <param name="matching">How requests find the footprints.</param>
    /// <returns>The provider, or every problem (the document's, with JSON paths; a deprecated footprint; a key given for several footprints).</returns>
    public static ValidationResult<SupplierFootprintProvider> Read(string name, ReadOnlyMemory<byte> utf8Json, string? key = null, SupplierFootprintMatching matching = SupplierFootprintMatching.KeyOnly)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var read = ReadCatalog(utf8Json, key);
        return read.IsValid ? ValidationResult.Success(new SupplierFootprintProvider(name, read.Value, matching)) : ValidationResult.Failure<SupplierFootprintProvider>(read.Problems);
    }

    /// <summary>Reads the footprints of a PACT document as factors.</summary>
    /// <param name="utf8Json">The document.</param>
    /// <param name="key">The factor key to file its one footprint under; <see langword="null"/> for each footprint's product ids.</param>
    /// <returns>The factors, or every problem.</returns>
    public static ValidationResult<FactorCatalog> ReadCatalog(ReadOnlyMemory<byte> utf8Json, string? key = null)
    {
        var read = PactJson.Read(utf8Json.ToArray());
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
                $"The key '{key}' names one footprint, but the document holds {footprints.Length}; without a key each footprint is filed under its productIds.")]);
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

    /// <inheritdoc/>
    public override ValueTask<FactorLookup> FindAsync(FactorRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Matching == SupplierFootprintMatching.KeyRegionAndYear)
        {
            return ValueTask.FromResult(Catalog.Find(request, Name, FallbackPolicy.Default));
        }

        string requestedRegion = request.Region ?? RegionHierarchy.Global;
        var factor = Catalog.Factors.Where(f => f.Key == request.Key)
            .OrderByDescending(f => f.Region == requestedRegion && f.Year == request.Year)
            .ThenByDescending(f => f.Year ?? int.MinValue)
            .FirstOrDefault();
        if (factor is null)
        {
            return ValueTask.FromResult(FactorLookup.NotFound);
        }

        // Asked again for the footprint's own region and year, nothing but a unit conversion can apply.
        var lookup = Catalog.Find(request with { Region = factor.Region, Year = factor.Year }, Name, FallbackPolicy.ExactOnly);
        if (lookup.Match is { } match && (factor.Region != requestedRegion || (request.Year is not null && factor.Year != request.Year)))
        {
            lookup = match with { Fallbacks = [new KeyOnlyMatch(request.Region, request.Year, factor.Region, factor.Year), .. match.Fallbacks] };
        }

        return ValueTask.FromResult(lookup);
    }
}
