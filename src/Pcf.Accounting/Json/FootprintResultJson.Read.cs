using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Pcf.Accounting.Factors;
using Pcf.Accounting.Gases;
using Pcf.Accounting.Model;
using Pcf.Accounting.Results;
using Pcf.Accounting.Rules;
using Pcf.Accounting.Units;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Json;

/// <summary>Reading <c>pcf-result/1</c>.</summary>
public static partial class FootprintResultJson
{
    internal static readonly FrozenDictionary<string, SystemBoundary> Boundaries = new Dictionary<string, SystemBoundary>
    {
        ["cradleToGate"] = SystemBoundary.CradleToGate,
        ["gateToGate"] = SystemBoundary.GateToGate,
        ["cradleToGrave"] = SystemBoundary.CradleToGrave,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, CarbonOrigin> Origins = new Dictionary<string, CarbonOrigin>
    {
        ["notApplicable"] = CarbonOrigin.NotApplicable,
        ["fossil"] = CarbonOrigin.Fossil,
        ["biogenic"] = CarbonOrigin.Biogenic,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, ExplanationKind> ExplanationKinds = new Dictionary<string, ExplanationKind>
    {
        ["demand"] = ExplanationKind.Demand,
        ["product"] = ExplanationKind.Product,
        ["directExchange"] = ExplanationKind.DirectExchange,
        ["factor"] = ExplanationKind.Factor,
        ["credit"] = ExplanationKind.Credit,
        ["summary"] = ExplanationKind.Summary,
        ["gas"] = ExplanationKind.Gas,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, ExplanationTermKind> TermKinds = new Dictionary<string, ExplanationTermKind>
    {
        ["amount"] = ExplanationTermKind.Amount,
        ["runs"] = ExplanationTermKind.Runs,
        ["amountPerRun"] = ExplanationTermKind.AmountPerRun,
        ["conversion"] = ExplanationTermKind.Conversion,
        ["allocationShare"] = ExplanationTermKind.AllocationShare,
        ["footprintPerUnit"] = ExplanationTermKind.FootprintPerUnit,
        ["factorPerUnit"] = ExplanationTermKind.FactorPerUnit,
        ["gwp"] = ExplanationTermKind.Gwp,
        ["gasPerUnit"] = ExplanationTermKind.GasPerUnit,
        ["sign"] = ExplanationTermKind.Sign,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly JsonMembers RootMembers = new("$schema", "format", "system", "product", "ruleSet", "gwpSet", "demand", "unit",
        "pcfExcludingBiogenicUptake", "pcfIncludingBiogenicUptake", "reported", "byGas", "byStage", "byProcess", "byFactor", "allocations",
        "primaryDataShare", "fallbackShare", "dataQuality", "dataQualityCoverage", "cutOff", "warnings", "views", "factorSets", "licences",
        "derivations", "uncertainty", "inventory", "explanation");

    private static readonly string[] QualityNames = ["technological", "geographical", "temporal", "completeness", "reliability"];

    private static readonly string[] ReportedNames =
    [
        "fossilGhgEmissions", "biogenicCo2Emissions", "biogenicCo2Uptake", "biogenicNonCo2Emissions", "landUseChangeEmissions",
        "landManagementFossilGhgEmissions", "landManagementBiogenicCo2Emissions", "landManagementBiogenicCo2Removals",
        "technologicalCo2Removals", "ccsTechnologicalCo2Capture", "aircraftEmissions", "packagingEmissions", "outboundLogisticsEmissions",
        "systemExpansionCredits",
    ];

    /// <summary>The limits a result is read with by default: <see cref="JsonReadOptions.Default"/>, deep enough for an explanation
    /// written at <see cref="MaximumExplanationDepth"/>.</summary>
    public static JsonReadOptions DefaultReadOptions { get; } = JsonReadOptions.Default with { MaxDepth = 2 * MaximumExplanationDepth + 16, MaxNumberMagnitude = double.MaxValue };

    /// <summary>Reads a result from UTF-8 <c>pcf-result/1</c> JSON.</summary>
    /// <param name="utf8Json">The document.</param>
    /// <param name="options">Limits; <see langword="null"/> for <see cref="DefaultReadOptions"/>.</param>
    /// <returns>The result, equal to the one written, or every problem found (JSON path, code, rule); a document without an
    /// inventory (written by an earlier release) is refused at <c>$.inventory</c>.</returns>
    public static ValidationResult<FootprintResult> Read(ReadOnlyMemory<byte> utf8Json, JsonReadOptions? options = null)
    {
        var w = new JsonWalker(options ?? DefaultReadOptions);
        using var document = w.Parse(utf8Json);
        if (document is null)
        {
            return ValidationResult.Failure<FootprintResult>(w.Problems);
        }

        var result = ReadRoot(w, document.RootElement);
        return w.Problems.Count > 0 || result is null
            ? ValidationResult.Failure<FootprintResult>(w.Problems.Count > 0 ? w.Problems : [new("$", ProblemCodes.Required, "The document holds no result.")])
            : ValidationResult.Success(result);
    }

    /// <summary>Reads a result from a <c>pcf-result/1</c> JSON string.</summary>
    /// <param name="json">The document.</param>
    /// <param name="options">Limits; <see langword="null"/> for <see cref="DefaultReadOptions"/>.</param>
    /// <returns>The result, or every problem found.</returns>
    public static ValidationResult<FootprintResult> Read(string json, JsonReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Read(Encoding.UTF8.GetBytes(json), options);
    }

    private static FootprintResult? ReadRoot(JsonWalker w, JsonElement root)
    {
        const string at = "$";
        if (!w.IsObject(root, at))
        {
            return null;
        }

        w.OnlyMembers(root, at, RootMembers);
        var format = w.String(root, "format", at, required: true);
        if (format is null)
        {
            return null;
        }

        if (format != Format)
        {
            w.Problem("$.format", ProblemCodes.UnsupportedFormat, $"'{format}' is not a format this version reads; expected '{Format}'.");
            return null;
        }

        if (!root.TryGetProperty("inventory", out _))
        {
            w.Problem("$.inventory", ProblemCodes.UnsupportedFormat,
                "The result has no inventory: it was written by an earlier release of pcf-result/1 that did not record one, so it cannot be read back or explained. Recalculate it from its product system.");
            return null;
        }

        string? name = w.String(root, "system", at, required: true);
        var summary = w.Object(root, "product", at, required: true) is { } product ? ReadProduct(w, product, name) : null;
        var ruleSet = w.Object(root, "ruleSet", at, required: true) is { } rules ? ReadRuleSet(w, rules) : null;
        GwpSet? gwp = null;
        if (w.String(root, "gwpSet", at, required: true) is { } gwpId && !GwpSet.TryFind(gwpId, out gwp))
        {
            w.Problem("$.gwpSet", ProblemCodes.UnknownGwpSet, $"'{gwpId}' is not a known GWP set; use AR4, AR5, AR5-ccf or AR6.");
        }

        var demand = w.Object(root, "demand", at, required: true) is { } d ? ReadDemand(w, d) : null;
        if (w.String(root, "unit", at, required: true) is { } unit && unit != "kg CO2e")
        {
            w.Problem("$.unit", ProblemCodes.UnknownUnit, $"A result is in 'kg CO2e', not '{unit}'.");
        }

        double? excluding = w.Number(root, "pcfExcludingBiogenicUptake", at, required: true);
        double? including = w.Number(root, "pcfIncludingBiogenicUptake", at, required: true);
        var reported = w.Object(root, "reported", at, required: true) is { } rep ? ReadReported(w, rep) : null;

        var byGas = ImmutableArray.CreateBuilder<GasContribution>();
        foreach (var (item, itemAt) in w.Items(root, "byGas", at, required: true))
        {
            if (!w.IsObject(item, itemAt))
            {
                continue;
            }

            w.OnlyMembers(item, itemAt, "gas", "massKg", "co2e");
            var co2e = w.Number(item, "co2e", itemAt, required: true);
            if (item.TryGetProperty("gas", out var g) && g.ValueKind == JsonValueKind.Null)
            {
                if (co2e is { } c)
                {
                    byGas.Add(new GasContribution(null, Kg(0), Kg(c)));
                }

                continue;
            }

            var gas = w.Gas(item, "gas", itemAt.ToString());
            var mass = w.Number(item, "massKg", itemAt, required: true);
            if (gas is not null && mass is { } m && co2e is { } e)
            {
                byGas.Add(new GasContribution(gas, Kg(m), Kg(e)));
            }
        }

        var byStage = ImmutableArray.CreateBuilder<StageContribution>();
        foreach (var (item, itemAt) in w.Items(root, "byStage", at, required: true))
        {
            if (!w.IsObject(item, itemAt))
            {
                continue;
            }

            w.OnlyMembers(item, itemAt, "stage", "co2e", "share");
            var stage = w.Enum(item, "stage", itemAt, JsonNames.Stages);
            var co2e = w.Number(item, "co2e", itemAt, required: true);
            var share = w.Number(item, "share", itemAt, required: true);
            if (stage is { } s && co2e is { } c && share is { } sh)
            {
                byStage.Add(new StageContribution(s, Kg(c), sh));
            }
        }

        var byProcess = ImmutableArray.CreateBuilder<ProcessContribution>();
        foreach (var (item, itemAt) in w.Items(root, "byProcess", at, required: true))
        {
            if (!w.IsObject(item, itemAt))
            {
                continue;
            }

            w.OnlyMembers(item, itemAt, "process", "stage", "runs", "direct", "background", "co2e", "share");
            var id = w.String(item, "process", itemAt, required: true);
            var stage = w.Enum(item, "stage", itemAt, JsonNames.Stages);
            var runs = w.Number(item, "runs", itemAt, required: true);
            var direct = w.Number(item, "direct", itemAt, required: true);
            var background = w.Number(item, "background", itemAt, required: true);
            var co2e = w.Number(item, "co2e", itemAt, required: true);
            var share = w.Number(item, "share", itemAt, required: true);
            if (id is not null && stage is { } st && runs is { } r && direct is { } di && background is { } b && co2e is { } c && share is { } sh)
            {
                byProcess.Add(new ProcessContribution(id, st, r, Kg(di), Kg(b), Kg(c), sh));
            }
        }

        var byFactor = ImmutableArray.CreateBuilder<FactorContribution>();
        var byFactorAt = new List<JsonPath>();
        foreach (var (item, itemAt) in w.Items(root, "byFactor", at, required: true))
        {
            if (!w.IsObject(item, itemAt))
            {
                continue;
            }

            w.OnlyMembers(item, itemAt, "key", "region", "year", "unit", "amountUsed", "co2ePerUnit", "co2e", "share", "primaryData", "source");
            var request = ReadRequest(w, item, itemAt);
            var used = w.Number(item, "amountUsed", itemAt, required: true);
            var perUnit = w.Number(item, "co2ePerUnit", itemAt, required: true);
            var co2e = w.Number(item, "co2e", itemAt, required: true);
            var share = w.Number(item, "share", itemAt, required: true);
            bool primary = w.Boolean(item, "primaryData", itemAt) ?? false;
            var source = w.String(item, "source", itemAt, required: true);
            if (request is not null && used is { } u && perUnit is { } pu && co2e is { } c && share is { } sh && source is not null)
            {
                byFactor.Add(new FactorContribution(request, Quantity.Of(u, request.Unit), pu, Kg(c), sh, primary, source));
                byFactorAt.Add(itemAt);
            }
        }

        var allocations = ImmutableArray.CreateBuilder<AllocationRecord>();
        foreach (var (item, itemAt) in w.Items(root, "allocations", at, required: true))
        {
            if (w.IsObject(item, itemAt) && ReadAllocation(w, item, itemAt) is { } record)
            {
                allocations.Add(record);
            }
        }

        double primaryShare = w.Number(root, "primaryDataShare", at, required: true) ?? 0;
        double fallbackShare = w.Number(root, "fallbackShare", at, required: true) ?? 0;
        DataQuality? quality = null;
        double coverage = w.Number(root, "dataQualityCoverage", at) ?? 0;
        if (root.TryGetProperty("dataQuality", out var dq) && dq.ValueKind != JsonValueKind.Null)
        {
            if (w.IsObject(dq, "$.dataQuality"))
            {
                const string qAt = "$.dataQuality";
                w.OnlyMembers(dq, qAt, "technological", "geographical", "temporal", "completeness", "reliability", "coverage");
                coverage = w.Number(dq, "coverage", qAt, required: true) ?? 0;
                var scores = QualityNames.Select(n => w.Number(dq, n, qAt, required: true)).ToArray();
                if (scores.All(x => x is >= DataQuality.Best and <= DataQuality.Worst))
                {
                    quality = new DataQuality(scores[0]!.Value, scores[1]!.Value, scores[2]!.Value, scores[3]!.Value, scores[4]!.Value);
                }
                else if (scores.All(x => x is not null))
                {
                    w.Problem(qAt, ProblemCodes.NumberOutOfRange, "Data-quality scores are from 1 (best) to 5 (worst).");
                }
            }
        }
        else if (!root.TryGetProperty("dataQuality", out _))
        {
            w.Problem("$.dataQuality", ProblemCodes.Required, "'dataQuality' is required (null when no factor has scores).");
        }

        CutOffSummary? cutOff = null;
        if (w.Object(root, "cutOff", at, required: true) is { } co)
        {
            const string cAt = "$.cutOff";
            w.OnlyMembers(co, cAt, "excludedCo2e", "share", "rules");
            var excluded = w.Number(co, "excludedCo2e", cAt, required: true);
            var share = w.Number(co, "share", cAt, required: true);
            var list = Strings(w, co, "rules", cAt);
            if (excluded is { } e && share is { } s)
            {
                cutOff = new CutOffSummary(Kg(e), s, list);
            }
        }

        var warnings = ReadProblems(w, root, "warnings", at, required: true);
        var views = ImmutableArray.CreateBuilder<ViewResult>();
        foreach (var (item, itemAt) in w.Items(root, "views", at, required: true))
        {
            if (w.IsObject(item, itemAt) && ReadView(w, item, itemAt) is { } view)
            {
                views.Add(view);
            }
        }

        var factorSets = ImmutableArray.CreateBuilder<FactorSetHash>();
        foreach (var (item, itemAt) in w.Items(root, "factorSets", at, required: true))
        {
            if (!w.IsObject(item, itemAt))
            {
                continue;
            }

            w.OnlyMembers(item, itemAt, "name", "version", "licence", "hash");
            var setName = w.String(item, "name", itemAt, required: true);
            var hash = w.String(item, "hash", itemAt, required: true);
            if (setName is not null && hash is not null)
            {
                factorSets.Add(new FactorSetHash(setName, w.String(item, "version", itemAt), w.String(item, "licence", itemAt), hash));
            }
        }

        var licences = Strings(w, root, "licences", at);
        _ = w.Get(root, "derivations", at, required: false); // an index of the inventory's derivations, rebuilt from it
        var uncertainty = w.Object(root, "uncertainty", at) is { } un ? ReadUncertainty(w, un) : null;
        var inventory = w.Object(root, "inventory", at, required: true) is { } inv ? ReadInventory(w, inv) : null;
        if (inventory is not null)
        {
            // Each factor line is explained from the inventory's factor of the same request: one that is not there cannot be.
            var known = inventory.Factors.Select(f => f.Request).ToHashSet();
            for (int i = 0; i < byFactor.Count; i++)
            {
                if (!known.Contains(byFactor[i].Request))
                {
                    w.Problem(byFactorAt[i], ProblemCodes.UnknownReference,
                        $"This line's factor ('{byFactor[i].Request.Key}', {byFactor[i].Request.Region ?? "no region"}, {byFactor[i].Request.Year?.ToString(CultureInfo.InvariantCulture) ?? "no year"}, per {byFactor[i].Request.Unit}) is not one of $.inventory.factors.");
                }
            }
        }

        if (inventory is not null && demand is not null)
        {
            // The explanation starts from the process making the demanded product: a demand that none makes cannot be explained.
            CheckDemand(w, inventory, demand);
        }

        if (root.TryGetProperty("explanation", out var explanation) && explanation.ValueKind != JsonValueKind.Object)
        {
            w.Problem("$.explanation", ProblemCodes.WrongType, "'explanation' must be an object (the explanation tree); it is rebuilt from the inventory when read.");
        }

        if (w.Problems.Count > 0 || summary is null || ruleSet is null || gwp is null || demand is null || excluding is null || including is null
            || reported is null || cutOff is null || inventory is null)
        {
            return null;
        }

        return new FootprintResult
        {
            System = summary,
            RuleSet = ruleSet,
            GwpSet = gwp,
            Demand = demand,
            Inventory = inventory,
            Allocations = allocations.ToImmutable(),
            TotalExcludingBiogenicUptake = Kg(excluding.Value),
            TotalIncludingBiogenicUptake = Kg(including.Value),
            Reported = reported,
            ByGas = byGas.ToImmutable(),
            ByProcess = byProcess.ToImmutable(),
            ByStage = byStage.ToImmutable(),
            ByFactor = byFactor.ToImmutable(),
            PrimaryDataShare = primaryShare,
            DataQuality = quality,
            DataQualityCoverage = coverage,
            FallbackShare = fallbackShare,
            CutOff = cutOff,
            Warnings = warnings,
            FactorSets = factorSets.ToImmutable(),
            Licences = licences,
            Views = views.ToImmutable(),
            Uncertainty = uncertainty,
        };
    }

    private static SystemSummary? ReadProduct(JsonWalker w, JsonElement p, string? name)
    {
        const string at = "$.product";
        w.OnlyMembers(p, at, "referenceProduct", "referenceProcess", "declaredUnit", "description", "region", "referenceYear",
            "productMassPerDeclaredUnit", "carbonContent", "contentHash");
        var product = w.String(p, "referenceProduct", at, required: true);
        var process = w.String(p, "referenceProcess", at, required: true);
        var declared = w.QuantityMember(p, "declaredUnit", at, required: true);
        var hash = w.String(p, "contentHash", at, required: true);
        var mass = w.QuantityMember(p, "productMassPerDeclaredUnit", at);
        CarbonContent? carbon = null;
        if (w.Object(p, "carbonContent", at) is { } c)
        {
            const string cAt = "$.product.carbonContent";
            w.OnlyMembers(c, cAt, "fossil", "biogenic", "recycled", "packagingBiogenic");
            var fossil = w.QuantityMember(c, "fossil", cAt, required: true);
            var biogenic = w.QuantityMember(c, "biogenic", cAt, required: true);
            if (fossil is { } f && biogenic is { } b)
            {
                carbon = new CarbonContent(f, b, w.QuantityMember(c, "recycled", cAt), w.QuantityMember(c, "packagingBiogenic", cAt));
            }
        }

        return name is null || product is null || process is null || declared is not { } du || hash is null
            ? null
            : new SystemSummary(name, product, process, du, hash)
            {
                Description = w.String(p, "description", at),
                Region = w.String(p, "region", at),
                ReferenceYear = w.Integer(p, "referenceYear", at),
                ProductMassPerDeclaredUnit = mass,
                CarbonContent = carbon,
            };
    }

    private static RuleSet? ReadRuleSet(JsonWalker w, JsonElement r)
    {
        const string at = "$.ruleSet";
        w.OnlyMembers(r, at, "id", "name", "boundary", "allocationPreference");
        var id = w.String(r, "id", at, required: true);
        var name = w.String(r, "name", at, required: true);
        var boundary = w.Enum(r, "boundary", at, Boundaries);
        if (boundary is null)
        {
            _ = w.Get(r, "boundary", at, required: true);
        }

        var methods = ImmutableArray.CreateBuilder<AllocationMethod>();
        foreach (var (item, itemAt) in w.Items(r, "allocationPreference", at, required: true))
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                w.Problem(itemAt, ProblemCodes.WrongType, "An allocation method is a string.");
            }
            else if (w.EnumValue(item.GetString()!, itemAt, JsonNames.Allocation) is { } m)
            {
                methods.Add(m);
            }
        }

        return id is null || name is null || boundary is not { } b ? null : new RuleSet(id, name, b, methods.ToImmutable());
    }

    private static void CheckDemand(JsonWalker w, FootprintInventory inventory, Demand demand)
    {
        if (demand.Process is { } named)
        {
            if (!inventory.TryGetProcess(named, out var process))
            {
                w.Problem("$.demand.process", ProblemCodes.UnknownReference, $"The demand's process '{named}' is not one of $.inventory.processes.");
            }
            else if (!process.Outputs.Any(o => o.Flow == demand.Product))
            {
                w.Problem("$.demand.flow", ProblemCodes.UnknownReference, $"The demand's product '{demand.Product}' is not an output of its process '{named}' in $.inventory.processes.");
            }
        }
        else if (!inventory.Processes.Any(p => p.Outputs.Any(o => o.Flow == demand.Product)))
        {
            w.Problem("$.demand.flow", ProblemCodes.UnknownReference, $"The demand's product '{demand.Product}' is not an output of any process of $.inventory.processes.");
        }
    }

    private static Demand? ReadDemand(JsonWalker w, JsonElement d)
    {
        const string at = "$.demand";
        w.OnlyMembers(d, at, "flow", "amount", "unit", "process");
        var flow = w.String(d, "flow", at, required: true);
        var amount = w.Quantity(d, at);
        var process = w.String(d, "process", at);
        return flow is null || amount is not { } a ? null : new Demand(flow, a, process is null ? (ProcessId?)null : new ProcessId(process));
    }

    private static ReportedQuantities? ReadReported(JsonWalker w, JsonElement r)
    {
        const string at = "$.reported";
        w.OnlyMembers(r, at, ReportedNames);
        var v = ReportedNames.Select(n => w.Number(r, n, at, required: true)).ToArray();
        if (v.Any(x => x is null))
        {
            return null;
        }

        return new ReportedQuantities
        {
            FossilGhgEmissions = Kg(v[0]!.Value),
            BiogenicCo2Emissions = Kg(v[1]!.Value),
            BiogenicCo2Uptake = Kg(v[2]!.Value),
            BiogenicNonCo2Emissions = Kg(v[3]!.Value),
            LandUseChangeEmissions = Kg(v[4]!.Value),
            LandManagementFossilGhgEmissions = Kg(v[5]!.Value),
            LandManagementBiogenicCo2Emissions = Kg(v[6]!.Value),
            LandManagementBiogenicCo2Removals = Kg(v[7]!.Value),
            TechnologicalCo2Removals = Kg(v[8]!.Value),
            CcsTechnologicalCo2Capture = Kg(v[9]!.Value),
            AircraftEmissions = Kg(v[10]!.Value),
            PackagingEmissions = Kg(v[11]!.Value),
            OutboundLogisticsEmissions = Kg(v[12]!.Value),
            SystemExpansionCredits = Kg(v[13]!.Value),
        };
    }

    private static FactorRequest? ReadRequest(JsonWalker w, JsonElement item, JsonPath at)
    {
        var key = w.String(item, "key", at, required: true);
        var region = w.String(item, "region", at);
        var year = w.Integer(item, "year", at);
        var unit = w.ParseUnit(w.String(item, "unit", at, required: true), at.Member("unit"));
        if (key is not null && string.IsNullOrWhiteSpace(key))
        {
            w.Problem(at.Member("key"), ProblemCodes.Required, "A factor key must not be empty.");
            return null;
        }

        return key is null || unit is null ? null : new FactorRequest(key, region, year, unit);
    }

    private static AllocationRecord? ReadAllocation(JsonWalker w, JsonElement item, JsonPath at)
    {
        w.OnlyMembers(item, at, "process", "method", "statedByProcess", "basis", "shares");
        var process = w.String(item, "process", at, required: true);
        var method = w.Enum(item, "method", at, JsonNames.Allocation);
        bool stated = w.Boolean(item, "statedByProcess", at) ?? false;
        var basis = w.String(item, "basis", at, required: true);
        var shares = ImmutableArray.CreateBuilder<AllocationShare>();
        foreach (var (s, sAt) in w.Items(item, "shares", at, required: true))
        {
            if (!w.IsObject(s, sAt))
            {
                continue;
            }

            w.OnlyMembers(s, sAt, "flow", "weight", "share");
            var flow = w.String(s, "flow", sAt, required: true);
            var weight = w.Number(s, "weight", sAt, required: true);
            var share = w.Number(s, "share", sAt, required: true);
            if (flow is not null && weight is { } wt && share is { } sh)
            {
                shares.Add(new AllocationShare(flow, wt, sh));
            }
        }

        return process is null || method is not { } m || basis is null ? null : new AllocationRecord(process, m, stated, shares.ToImmutable(), basis);
    }

    private static ImmutableArray<ValidationProblem> ReadProblems(JsonWalker w, JsonElement owner, string name, JsonPath at, bool required)
    {
        var list = ImmutableArray.CreateBuilder<ValidationProblem>();
        foreach (var (item, itemAt) in w.Items(owner, name, at, required))
        {
            if (!w.IsObject(item, itemAt))
            {
                continue;
            }

            w.OnlyMembers(item, itemAt, "path", "code", "message", "subject");
            var path = w.String(item, "path", itemAt, required: true);
            var code = w.String(item, "code", itemAt, required: true);
            var message = w.String(item, "message", itemAt, required: true);
            ProblemSubject? subject = null;
            if (w.Object(item, "subject", itemAt) is { } s)
            {
                var sAt = itemAt.Member("subject");
                var kind = w.String(s, "kind", sAt, required: true);
                switch (kind)
                {
                    case "factorRequest":
                        w.OnlyMembers(s, sAt, "kind", "key", "region", "year", "unit");
                        subject = ReadRequest(w, s, sAt) is { } request ? new FactorRequestSubject(request) : null;
                        break;
                    case "processes":
                        w.OnlyMembers(s, sAt, "kind", "processes");
                        subject = new ProcessSubject([.. Strings(w, s, "processes", sAt).Select(id => new ProcessId(id))]);
                        break;
                    case "provider":
                        w.OnlyMembers(s, sAt, "kind", "name");
                        subject = w.String(s, "name", sAt, required: true) is { } provider ? new ProviderSubject(provider) : null;
                        break;
                    case "parameter":
                        w.OnlyMembers(s, sAt, "kind", "name");
                        subject = w.String(s, "name", sAt, required: true) is { } parameter ? new ParameterSubject(parameter) : null;
                        break;
                    case not null:
                        w.Problem(sAt.Member("kind"), ProblemCodes.UnknownValue, $"'{kind}' is not one of: factorRequest, processes, provider, parameter.");
                        break;
                }
            }

            if (path is not null && code is not null && message is not null)
            {
                list.Add(new ValidationProblem(path, code, message) { Subject = subject });
            }
        }

        return list.ToImmutable();
    }

    private static ViewResult? ReadView(JsonWalker w, JsonElement item, JsonPath at)
    {
        w.OnlyMembers(item, at, "id", "title", "lines", "warnings");
        var id = w.String(item, "id", at, required: true);
        var title = w.String(item, "title", at, required: true);
        var lines = ImmutableArray.CreateBuilder<ViewLine>();
        foreach (var (line, lineAt) in w.Items(item, "lines", at, required: true))
        {
            if (!w.IsObject(line, lineAt))
            {
                continue;
            }

            w.OnlyMembers(line, lineAt, "key", "label", "value", "unit", "note");
            var key = w.String(line, "key", lineAt, required: true);
            var label = w.String(line, "label", lineAt, required: true);
            var value = w.Number(line, "value", lineAt, required: true);
            var unit = w.String(line, "unit", lineAt, required: true);
            if (key is not null && label is not null && value is { } v && unit is not null)
            {
                lines.Add(new ViewLine(key, label, v, unit) { Note = w.String(line, "note", lineAt) });
            }
        }

        var warnings = ReadProblems(w, item, "warnings", at, required: false);
        return id is null || title is null ? null : new ViewResult(id, title, lines.ToImmutable()) { Warnings = warnings };
    }

    private static FootprintInventory? ReadInventory(JsonWalker w, JsonElement inv)
    {
        JsonPath at = "$.inventory";
        int before = w.Found;
        w.OnlyMembers(inv, at, "flows", "factors", "processes");
        var flows = ImmutableArray.CreateBuilder<InventoryFlow>();
        foreach (var (item, itemAt) in w.Items(inv, "flows", at, required: true))
        {
            if (!w.IsObject(item, itemAt))
            {
                continue;
            }

            w.OnlyMembers(item, itemAt, "id", "name", "unit", "tags");
            var id = w.String(item, "id", itemAt, required: true);
            var name = w.String(item, "name", itemAt, required: true);
            var unit = w.ParseUnit(w.String(item, "unit", itemAt, required: true), itemAt.Member("unit"));
            var tags = DerivationJson.ReadTags(w, item, itemAt.ToString());
            if (id is not null && name is not null && unit is not null)
            {
                flows.Add(new InventoryFlow(id, name, unit, Tag.Canonical(tags)));
            }
        }

        var factors = ImmutableArray.CreateBuilder<InventoryFactor>();
        foreach (var (item, itemAt) in w.Items(inv, "factors", at, required: true))
        {
            if (w.IsObject(item, itemAt) && ReadInventoryFactor(w, item, itemAt) is { } factor)
            {
                factors.Add(factor);
            }
        }

        var processes = ImmutableArray.CreateBuilder<InventoryProcess>();
        foreach (var (item, itemAt) in w.Items(inv, "processes", at, required: true))
        {
            if (w.IsObject(item, itemAt) && ReadInventoryProcess(w, item, itemAt, factors.Count) is { } process)
            {
                processes.Add(process);
            }
        }

        return w.Found > before ? null : new FootprintInventory(processes.ToImmutable(), factors.ToImmutable(), flows.ToImmutable());
    }

    private static InventoryFactor? ReadInventoryFactor(JsonWalker w, JsonElement item, JsonPath at)
    {
        w.OnlyMembers(item, at, "request", "factor", "provider", "fallbacks", "conversion", "dataQuality", "components", "co2ePerUnit", "recharacterized");
        var request = w.Object(item, "request", at, required: true) is { } r ? ReadRequestObject(w, r, at.Member("request")) : null;
        var factor = w.Get(item, "factor", at, required: true) is { } f ? FactorJson.ReadStandalone(w, f, at.Member("factor")) : null;
        var provider = w.String(item, "provider", at, required: true);
        var fallbacks = ImmutableArray.CreateBuilder<FactorFallback>();
        foreach (var (fb, fbAt) in w.Items(item, "fallbacks", at, required: true))
        {
            if (w.IsObject(fb, fbAt) && ReadFallback(w, fb, fbAt) is { } fallback)
            {
                fallbacks.Add(fallback);
            }
        }

        var conversion = w.Number(item, "conversion", at, required: true);
        var quality = w.Object(item, "dataQuality", at) is { } q ? FactorJson.ReadQualityObject(w, q, at.Member("dataQuality")) : null;
        var components = ImmutableArray.CreateBuilder<InventoryFactorComponent>();
        foreach (var (c, cAt) in w.Items(item, "components", at, required: true))
        {
            if (!w.IsObject(c, cAt))
            {
                continue;
            }

            w.OnlyMembers(c, cAt, "gas", "kind", "origin", "amountPerUnit", "co2ePerUnit");
            var gasId = w.String(c, "gas", cAt, required: true);
            GreenhouseGas? gas = null;
            if (gasId is not null && gasId != "CO2e" && !GreenhouseGas.TryFind(gasId, out gas))
            {
                w.Problem(cAt.Member("gas"), ProblemCodes.UnknownGas, $"'{gasId}' is not a known greenhouse gas nor 'CO2e'.");
            }

            var kind = w.Enum(c, "kind", cAt, JsonNames.ExchangeKinds);
            var origin = w.Enum(c, "origin", cAt, Origins);
            var amount = w.Number(c, "amountPerUnit", cAt, required: true);
            var co2e = w.Number(c, "co2ePerUnit", cAt, required: true);
            if (gasId is not null && kind is { } k && origin is { } o && amount is { } a && co2e is { } e)
            {
                components.Add(new InventoryFactorComponent(gas, k, o, a, e));
            }
        }

        var perUnit = w.Number(item, "co2ePerUnit", at, required: true);
        return request is null || factor is null || provider is null || conversion is not { } cv || perUnit is not { } pu
            ? null
            : new InventoryFactor
            {
                Request = request,
                Factor = factor,
                ProviderName = provider,
                Fallbacks = fallbacks.ToImmutable(),
                ConversionToRequestedUnit = cv,
                DataQuality = quality,
                Components = components.ToImmutable(),
                Co2ePerUnit = pu,
                IsRecharacterized = w.Boolean(item, "recharacterized", at) ?? false,
            };
    }

    private static FactorRequest? ReadRequestObject(JsonWalker w, JsonElement r, JsonPath at)
    {
        w.OnlyMembers(r, at, "key", "region", "year", "unit");
        return ReadRequest(w, r, at);
    }

    private static FactorFallback? ReadFallback(JsonWalker w, JsonElement fb, JsonPath at)
    {
        var kind = w.String(fb, "kind", at, required: true);
        switch (kind)
        {
            case "region":
                w.OnlyMembers(fb, at, "kind", "requested", "used", "steps");
                var requested = w.String(fb, "requested", at, required: true);
                var used = w.String(fb, "used", at, required: true);
                var steps = w.Integer(fb, "steps", at, required: true);
                return requested is null || used is null || steps is not { } s ? null : new RegionFallback(requested, used, s);
            case "year":
                w.OnlyMembers(fb, at, "kind", "requested", "used");
                var ry = w.Integer(fb, "requested", at, required: true);
                var uy = w.Integer(fb, "used", at, required: true);
                return ry is { } a && uy is { } b ? new YearFallback(a, b) : null;
            case "unit":
                w.OnlyMembers(fb, at, "kind", "from", "to", "factor");
                var from = w.ParseUnit(w.String(fb, "from", at, required: true), at.Member("from"));
                var to = w.ParseUnit(w.String(fb, "to", at, required: true), at.Member("to"));
                var factor = w.Number(fb, "factor", at, required: true);
                return from is null || to is null || factor is not { } f ? null : new UnitConversion(from, to, f);
            case "keyOnly":
                w.OnlyMembers(fb, at, "kind", "requestedRegion", "requestedYear", "factorRegion", "factorYear");
                var factorRegion = w.String(fb, "factorRegion", at, required: true);
                return factorRegion is null ? null
                    : new KeyOnlyMatch(w.String(fb, "requestedRegion", at), w.Integer(fb, "requestedYear", at), factorRegion, w.Integer(fb, "factorYear", at));
            case null:
                return null;
            default:
                w.Problem(at.Member("kind"), ProblemCodes.UnknownValue, $"'{kind}' is not one of: region, year, unit, keyOnly.");
                return null;
        }
    }

    private static InventoryProcess? ReadInventoryProcess(JsonWalker w, JsonElement item, JsonPath at, int factorCount)
    {
        int before = w.Found;
        w.OnlyMembers(item, at, "id", "name", "stage", "region", "tags", "primaryData", "included", "runs", "outputs", "emissions", "factorUses", "links", "credits");
        var id = w.String(item, "id", at, required: true);
        var name = w.String(item, "name", at, required: true);
        var stage = w.Enum(item, "stage", at, JsonNames.Stages) ?? LifeCycleStage.Unspecified;
        var runs = w.Number(item, "runs", at, required: true);
        var tags = DerivationJson.ReadTags(w, item, at.ToString());
        var outputs = ImmutableArray.CreateBuilder<InventoryOutput>();
        foreach (var (o, oAt) in w.Items(item, "outputs", at, required: true))
        {
            if (!w.IsObject(o, oAt))
            {
                continue;
            }

            w.OnlyMembers(o, oAt, "flow", "amountPerRun", "share", "runs", "footprintPerUnit", "derivation");
            var flow = w.String(o, "flow", oAt, required: true);
            var amount = w.Number(o, "amountPerRun", oAt, required: true);
            var share = w.Number(o, "share", oAt, required: true);
            var oRuns = w.Number(o, "runs", oAt, required: true);
            var lambda = w.Number(o, "footprintPerUnit", oAt, required: true);
            var derivation = DerivationJson.ReadMember(w, o, oAt.ToString());
            if (flow is not null && amount is { } a && share is { } s && oRuns is { } r && lambda is { } l)
            {
                outputs.Add(new InventoryOutput(flow, a, s, r, l, derivation));
            }
        }

        var emissions = ImmutableArray.CreateBuilder<InventoryEmission>();
        foreach (var (e, eAt) in w.Items(item, "emissions", at))
        {
            if (!w.IsObject(e, eAt))
            {
                continue;
            }

            w.OnlyMembers(e, eAt, "gas", "kind", "perRun", "kg", "co2e", "derivation");
            var gas = w.Gas(e, "gas", eAt.ToString());
            var kind = w.Enum(e, "kind", eAt, JsonNames.ExchangeKinds);
            var perRun = w.QuantityMember(e, "perRun", eAt.ToString(), required: true);
            var kg = w.Number(e, "kg", eAt, required: true);
            var co2e = w.Number(e, "co2e", eAt, required: true);
            var derivation = DerivationJson.ReadMember(w, e, eAt.ToString());
            if (gas is not null && kind is { } k && perRun is { } pr && kg is { } m && co2e is { } c)
            {
                emissions.Add(new InventoryEmission(gas, k, pr, m, c) { Derivation = derivation });
            }
        }

        var uses = ImmutableArray.CreateBuilder<InventoryFactorUse>();
        foreach (var (u, uAt) in w.Items(item, "factorUses", at))
        {
            if (!w.IsObject(u, uAt))
            {
                continue;
            }

            w.OnlyMembers(u, uAt, "factor", "flow", "perRun", "amount", "co2e", "credit", "derivation");
            var factor = w.Integer(u, "factor", uAt, required: true);
            if (factor is { } fi && (fi < 0 || fi >= factorCount))
            {
                w.Problem(uAt.Member("factor"), ProblemCodes.UnknownReference, $"Factor {fi} is not in the inventory's {factorCount} factors.");
            }

            var flow = w.String(u, "flow", uAt, required: true);
            var perRun = w.QuantityMember(u, "perRun", uAt.ToString(), required: true);
            var amount = w.Number(u, "amount", uAt, required: true);
            var co2e = w.Number(u, "co2e", uAt, required: true);
            var derivation = DerivationJson.ReadMember(w, u, uAt.ToString());
            if (factor is { } f && flow is not null && perRun is { } pr && amount is { } a && co2e is { } c)
            {
                uses.Add(new InventoryFactorUse(f, flow, pr, a, c, w.Boolean(u, "credit", uAt) ?? false) { Derivation = derivation });
            }
        }

        var links = ImmutableArray.CreateBuilder<InventoryLink>();
        foreach (var (l, lAt) in w.Items(item, "links", at))
        {
            if (!w.IsObject(l, lAt))
            {
                continue;
            }

            w.OnlyMembers(l, lAt, "flow", "supplier", "perRun", "amount", "co2e", "derivation");
            var flow = w.String(l, "flow", lAt, required: true);
            var supplier = w.String(l, "supplier", lAt, required: true);
            var perRun = w.QuantityMember(l, "perRun", lAt.ToString(), required: true);
            var amount = w.Number(l, "amount", lAt, required: true);
            var co2e = w.Number(l, "co2e", lAt, required: true);
            var derivation = DerivationJson.ReadMember(w, l, lAt.ToString());
            if (flow is not null && supplier is not null && perRun is { } pr && amount is { } a && co2e is { } c)
            {
                links.Add(new InventoryLink(flow, supplier, pr, a, c) { Derivation = derivation });
            }
        }

        var credits = ImmutableArray.CreateBuilder<InventoryCredit>();
        foreach (var (c, cAt) in w.Items(item, "credits", at))
        {
            if (!w.IsObject(c, cAt))
            {
                continue;
            }

            w.OnlyMembers(c, cAt, "flow", "displaced", "amountPerRun", "amount", "co2e");
            var flow = w.String(c, "flow", cAt, required: true);
            var displaced = w.String(c, "displaced", cAt, required: true);
            var perRun = w.Number(c, "amountPerRun", cAt, required: true);
            var amount = w.Number(c, "amount", cAt, required: true);
            var co2e = w.Number(c, "co2e", cAt, required: true);
            if (flow is not null && displaced is not null && perRun is { } pr && amount is { } a && co2e is { } e)
            {
                credits.Add(new InventoryCredit(flow, displaced, pr, a, e));
            }
        }

        return w.Found > before || id is null || name is null || runs is not { } n
            ? null
            : new InventoryProcess
            {
                Id = id,
                Name = name,
                Stage = stage,
                Region = w.String(item, "region", at),
                Tags = Tag.Canonical(tags),
                IsPrimaryData = w.Boolean(item, "primaryData", at) ?? false,
                IsIncluded = w.Boolean(item, "included", at) ?? true,
                Runs = n,
                Outputs = outputs.ToImmutable(),
                Emissions = emissions.ToImmutable(),
                FactorUses = uses.ToImmutable(),
                Links = links.ToImmutable(),
                Credits = credits.ToImmutable(),
            };
    }

    private static ImmutableArray<string> Strings(JsonWalker w, JsonElement owner, string name, JsonPath at)
    {
        var list = ImmutableArray.CreateBuilder<string>();
        foreach (var (item, itemAt) in w.Items(owner, name, at, required: true))
        {
            if (item.ValueKind == JsonValueKind.String)
            {
                list.Add(item.GetString()!);
            }
            else
            {
                w.Problem(itemAt, ProblemCodes.WrongType, "Expected a string.");
            }
        }

        return list.ToImmutable();
    }

    private static Quantity Kg(double value) => Quantity.Of(value, Unit.Kilogram);
}
