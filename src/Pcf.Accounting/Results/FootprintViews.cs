using System.Collections.Immutable;
using System.Globalization;
using Pcf.Accounting.Factors;
using Pcf.Accounting.Gases;
using Pcf.Accounting.Model;
using Pcf.Accounting.Rules;
using Pcf.Accounting.Units;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Results;

/// <summary>The standard views of an inventory: the totals and separately reported quantities, by gas, by process, by stage,
/// by factor, by tag, the primary-data share, data quality and the cut-off; each a pass over the inventory in its canonical order.</summary>
internal static class FootprintViews
{
    /// <summary>Builds a result from an inventory: every standard view, the inventory's warnings, and the given views.</summary>
    public static FootprintResult Build(
        SystemSummary system,
        RuleSet ruleSet,
        GwpSet gwp,
        Demand demand,
        FootprintInventory inventory,
        ImmutableArray<AllocationRecord> allocations,
        IEnumerable<ValidationProblem> resolutionWarnings,
        IEnumerable<IFootprintView>? views = null)
    {
        var warnings = ImmutableArray.CreateBuilder<ValidationProblem>();
        warnings.AddRange(resolutionWarnings);
        warnings.AddRange(FactorWarnings(inventory, ruleSet));
        var distinct = new HashSet<(string Code, string Message)>();
        var unique = warnings.Where(w => distinct.Add((w.Code, w.Message))).ToList();
        warnings.Clear();
        warnings.AddRange(unique);

        var category = new double[Category.Count];
        double aircraft = 0, packaging = 0, outbound = 0, credits = 0;
        double positive = 0, primary = 0, excluded = 0;
        var excludedRules = new SortedSet<string>(StringComparer.Ordinal);
        var gases = new SortedDictionary<GreenhouseGas, (double Mass, double Co2e)>();
        double co2eOnly = 0;
        int processCount = inventory.Processes.Length;
        var processDirect = new double[processCount];
        var processBackground = new double[processCount];
        var factorUsed = new double[inventory.Factors.Length];

        for (int pi = 0; pi < processCount; pi++)
        {
            var p = inventory.Processes[pi];
            bool aircraftTag = p.HasTag(Tags.AircraftTransport), packagingTag = p.HasTag(Tags.Packaging), outboundTag = p.HasTag(Tags.OutboundLogistics);
            foreach (var e in p.Emissions)
            {
                if (!p.IsIncluded)
                {
                    Exclude(e.Co2e, p);
                    continue;
                }

                var (mass, sum) = gases.GetValueOrDefault(e.Gas);
                gases[e.Gas] = (mass + Sign(e.Kind) * e.Kilograms, sum + e.Co2e);
                processDirect[pi] += e.Co2e;
                Count(e.Gas, e.Kind, CarbonOrigin.NotApplicable, e.Co2e, p.IsPrimaryData);
            }

            foreach (var u in p.FactorUses)
            {
                if (!p.IsIncluded)
                {
                    Exclude(u.Co2e, p);
                    continue;
                }

                var factor = inventory.Factors[u.Factor];
                factorUsed[u.Factor] += u.Amount;
                foreach (var c in factor.Components)
                {
                    double co2e = c.Co2ePerUnit * u.Amount;
                    processBackground[pi] += co2e;
                    if (u.IsCredit)
                    {
                        credits += co2e;
                    }

                    if (c.Gas is { } gas)
                    {
                        var (mass, sum) = gases.GetValueOrDefault(gas);
                        gases[gas] = (mass + Sign(c.Kind) * c.AmountPerUnit * u.Amount, sum + co2e);
                    }
                    else
                    {
                        co2eOnly += co2e;
                    }

                    // Primary: the factor is primary (a supplier's footprint), or the process is (site-measured activity
                    // data: its Scope 1 and 2, e.g. metered kWh times a grid factor, as the PACT Methodology counts them).
                    Count(c.Gas, c.Kind, c.Origin, co2e, p.IsPrimaryData || factor.IsPrimaryData);
                }
            }

            foreach (var credit in p.Credits)
            {
                credits += credit.Co2e;
            }

            void Count(GreenhouseGas? gas, ElementaryExchangeKind kind, CarbonOrigin origin, double co2e, bool isPrimary)
            {
                category[Category.Of(gas, kind, origin)] += co2e;
                if (kind != ElementaryExchangeKind.BiogenicUptake)
                {
                    aircraft += aircraftTag ? co2e : 0;
                    packaging += packagingTag ? co2e : 0;
                    outbound += outboundTag ? co2e : 0;
                }

                if (co2e > 0)
                {
                    positive += co2e;
                    primary += isPrimary ? co2e : 0;
                }
            }
        }

        double fossil = category[Category.Fossil] + category[Category.LandManagementFossil];
        double excludingUptake = fossil + category[Category.BiogenicCo2] + category[Category.BiogenicNonCo2] + category[Category.LandUseChange]
            + category[Category.LandManagementBiogenicCo2] + category[Category.LandManagementRemovals] + category[Category.TechnologicalRemovals] + category[Category.Ccs];
        double includingUptake = excludingUptake + category[Category.Uptake];
        double Share(double value) => excludingUptake == 0 ? 0 : value / excludingUptake;

        if (fossil < 0)
        {
            warnings.Add(new ValidationProblem("$.reported.fossilGhgEmissions", ProblemCodes.NumberOutOfRange,
                "Fossil emissions are negative: system-expansion credits exceed the emissions. PACT requires a non-negative value; check the displaced supplies."));
        }

        foreach (var p in inventory.Processes)
        {
            foreach (var o in p.Outputs)
            {
                if (o.Runs < 0)
                {
                    warnings.Add(new ValidationProblem($"$.processes['{p.Id}']", ProblemCodes.NumberOutOfRange,
                        $"Process '{p.Id}' runs a negative number of times ({o.Runs.ToString("G6", CultureInfo.InvariantCulture)}): a co-product displaces more of its product than the system uses."));
                }
            }
        }

        var byGas = ImmutableArray.CreateBuilder<GasContribution>(gases.Count + 1);
        foreach (var (gas, (mass, sum)) in gases)
        {
            byGas.Add(new GasContribution(gas, Kg(mass), Kg(sum)));
        }

        if (co2eOnly != 0 || inventory.Factors.Any(f => f.Components.Any(c => c.Gas is null)))
        {
            byGas.Add(new GasContribution(null, Kg(0), Kg(co2eOnly)));
        }

        var byProcess = new ProcessContribution[processCount];
        for (int pi = 0; pi < processCount; pi++)
        {
            var p = inventory.Processes[pi];
            double total = processDirect[pi] + processBackground[pi];
            byProcess[pi] = new ProcessContribution(p.Id, p.Stage, p.Runs, Kg(processDirect[pi]), Kg(processBackground[pi]), Kg(total), Share(total));
        }

        Array.Sort(byProcess, (a, b) =>
        {
            int c = Math.Abs(b.Total.Value).CompareTo(Math.Abs(a.Total.Value));
            return c != 0 ? c : string.CompareOrdinal(a.Process.Value, b.Process.Value);
        });
        var byStage = byProcess.GroupBy(p => p.Stage).OrderBy(g => g.Key)
            .Select(g => new StageContribution(g.Key, Kg(g.Sum(p => p.Total.Value)), Share(g.Sum(p => p.Total.Value))))
            .ToImmutableArray();

        // Data quality: the scores of the factors used, weighted by their gross (positive) CO2e contribution. The fallback
        // share: of the same gross CO2e, what rests on a factor of another region or an earlier year, scored or not.
        double dqWeight = 0, dqCovered = 0, fallenBack = 0, tech = 0, geo = 0, time = 0, complete = 0, reliable = 0;
        for (int r = 0; r < inventory.Factors.Length; r++)
        {
            var f = inventory.Factors[r];
            double weight = factorUsed[r] * f.Co2ePerUnit;
            if (weight <= 0)
            {
                continue;
            }

            dqWeight += weight;
            if (f.IsLessRepresentative)
            {
                fallenBack += weight;
            }

            if (f.DataQuality is { } q)
            {
                dqCovered += weight;
                tech += weight * q.Technological;
                geo += weight * q.Geographical;
                time += weight * q.Temporal;
                complete += weight * q.Completeness;
                reliable += weight * q.Reliability;
            }
        }

        var byFactor = Enumerable.Range(0, inventory.Factors.Length)
            .Where(r => factorUsed[r] != 0)
            .Select(r =>
            {
                var f = inventory.Factors[r];
                double co2e = factorUsed[r] * f.Co2ePerUnit;
                return new FactorContribution(f.Request, Quantity.Of(factorUsed[r], f.Request.Unit), f.Co2ePerUnit, Kg(co2e), Share(co2e), f.IsPrimaryData, f.Source);
            })
            .OrderByDescending(f => Math.Abs(f.Co2e.Value)).ThenBy(f => f.Request.Key, StringComparer.Ordinal)
            .ToImmutableArray();

        var result = new FootprintResult
        {
            System = system,
            RuleSet = ruleSet,
            GwpSet = gwp,
            Demand = demand,
            Inventory = inventory,
            Allocations = allocations,
            TotalExcludingBiogenicUptake = Kg(excludingUptake),
            TotalIncludingBiogenicUptake = Kg(includingUptake),
            Reported = new ReportedQuantities
            {
                FossilGhgEmissions = Kg(fossil),
                BiogenicCo2Emissions = Kg(category[Category.BiogenicCo2]),
                BiogenicCo2Uptake = Kg(category[Category.Uptake]),
                BiogenicNonCo2Emissions = Kg(category[Category.BiogenicNonCo2]),
                LandUseChangeEmissions = Kg(category[Category.LandUseChange]),
                LandManagementFossilGhgEmissions = Kg(category[Category.LandManagementFossil]),
                LandManagementBiogenicCo2Emissions = Kg(category[Category.LandManagementBiogenicCo2]),
                LandManagementBiogenicCo2Removals = Kg(category[Category.LandManagementRemovals]),
                TechnologicalCo2Removals = Kg(category[Category.TechnologicalRemovals]),
                CcsTechnologicalCo2Capture = Kg(category[Category.Ccs]),
                AircraftEmissions = Kg(aircraft),
                PackagingEmissions = Kg(packaging),
                OutboundLogisticsEmissions = Kg(outbound),
                SystemExpansionCredits = Kg(credits),
            },
            ByGas = byGas.ToImmutable(),
            ByProcess = ImmutableArray.Create(byProcess),
            ByStage = byStage,
            ByFactor = byFactor,
            PrimaryDataShare = positive == 0 ? 0 : primary / positive,
            DataQuality = dqCovered > 0 ? new DataQuality(tech / dqCovered, geo / dqCovered, time / dqCovered, complete / dqCovered, reliable / dqCovered) : null,
            DataQualityCoverage = dqWeight == 0 ? 0 : dqCovered / dqWeight,
            FallbackShare = dqWeight == 0 ? 0 : fallenBack / dqWeight,
            CutOff = new CutOffSummary(Kg(excluded), excluded == 0 ? 0 : excluded / (Math.Abs(excludingUptake) + Math.Abs(excluded)), [.. excludedRules]),
            Warnings = warnings.ToImmutable(),
            FactorSets = FactorSetHashes.Of(inventory),
            Licences = [.. inventory.Factors.Select(f => f.Factor.Provenance.Licence).OfType<string>().Where(l => l.Length > 0).Distinct(StringComparer.Ordinal)],
        };

        if (views is null)
        {
            return result;
        }

        var computed = ImmutableArray.CreateBuilder<ViewResult>();
        foreach (var view in views)
        {
            computed.Add(view.Compute(result) ?? throw new InvalidOperationException($"The view '{view.Id}' returned nothing."));
        }

        return computed.Count == 0 ? result : result with { Views = computed.ToImmutable() };

        void Exclude(double co2e, InventoryProcess process)
        {
            excluded += co2e;
            excludedRules.Add($"boundary {ruleSet.Boundary} excludes stage {process.Stage}: process '{process.Id}'");
        }
    }

    /// <summary>The warnings the factors of an inventory carry: fallbacks used, and combustion-only factors in a boundary that needs life-cycle ones.</summary>
    private static IEnumerable<ValidationProblem> FactorWarnings(FootprintInventory inventory, RuleSet ruleSet)
    {
        foreach (var f in inventory.Factors)
        {
            var request = f.Request;
            if (f.Fallbacks.Any(x => x is RegionFallback or YearFallback or UnitConversion))
            {
                string quality = f.DataQuality is { } q
                    ? string.Create(CultureInfo.InvariantCulture, $"; data quality lowered to technological {q.Technological:0.##}, geographical {q.Geographical:0.##}, temporal {q.Temporal:0.##}.")
                    : f.IsLessRepresentative ? "; the factor has no data-quality scores to lower, so it counts in the result's fallback share." : ".";
                yield return new ValidationProblem(request.ToString(), ProblemCodes.FactorFallbackUsed,
                    $"The factor for '{request.Key}' was found only after a fallback ({string.Join(", ", f.Fallbacks.Select(x => x.Describe()))}) by {f.ProviderName}{quality}")
                {
                    Subject = new FactorRequestSubject(request),
                };
            }

            if (f.Factor.Provenance.Kind == FactorKind.CombustionOnly && ruleSet.Boundary != SystemBoundary.GateToGate)
            {
                yield return new ValidationProblem(request.ToString(), ProblemCodes.CombustionOnlyFactor,
                    $"The factor for '{request.Key}' covers combustion only (no upstream supply chain); a cradle-to-gate footprint needs a life-cycle factor.")
                {
                    Subject = new FactorRequestSubject(request),
                };
            }
        }
    }

    /// <summary>Groups the included processes' CO2e by the values of a tag name.</summary>
    public static ImmutableArray<TagContribution> ByTagName(FootprintResult result, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var groups = new SortedDictionary<string, (double Co2e, int Count)>(StringComparer.Ordinal);
        (double Co2e, int Count) untagged = (0, 0);
        const string NoValue = "\0";
        foreach (var p in result.Inventory.Processes)
        {
            double co2e = p.DirectCo2e + p.BackgroundCo2e;
            bool any = false;
            foreach (var tag in p.Tags)
            {
                if (tag.HasName(name))
                {
                    any = true;
                    string key = tag.Value ?? NoValue;
                    var (sum, count) = groups.GetValueOrDefault(key);
                    groups[key] = (sum + co2e, count + 1);
                }
            }

            if (!any)
            {
                untagged = (untagged.Co2e + co2e, untagged.Count + 1);
            }
        }

        double total = result.TotalExcludingBiogenicUptake.Value;
        double Share(double v) => total == 0 ? 0 : v / total;
        var lines = ImmutableArray.CreateBuilder<TagContribution>(groups.Count + 1);
        foreach (var (key, (sum, count)) in groups)
        {
            lines.Add(new TagContribution(name, key == NoValue ? null : key, true, sum, Share(sum), count));
        }

        if (untagged.Count > 0)
        {
            lines.Add(new TagContribution(name, null, false, untagged.Co2e, Share(untagged.Co2e), untagged.Count));
        }

        return lines.ToImmutable();
    }

    private static Quantity Kg(double value) => Quantity.Of(value, Unit.Kilogram);

    /// <summary>+1 for kinds that add to the footprint, −1 for removals and captures.</summary>
    internal static int Sign(ElementaryExchangeKind kind) => kind is ElementaryExchangeKind.BiogenicUptake or ElementaryExchangeKind.LandManagementRemoval
        or ElementaryExchangeKind.TechnologicalRemoval or ElementaryExchangeKind.CcsCapture ? -1 : 1;

    /// <summary>The separately reported categories an exchange falls in.</summary>
    internal static class Category
    {
        public const int Fossil = 0;
        public const int BiogenicCo2 = 1;
        public const int Uptake = 2;
        public const int BiogenicNonCo2 = 3;
        public const int LandUseChange = 4;
        public const int LandManagementFossil = 5; // "of which" part of Fossil
        public const int LandManagementBiogenicCo2 = 6;
        public const int LandManagementRemovals = 7;
        public const int TechnologicalRemovals = 8;
        public const int Ccs = 9;
        public const int Count = 10;

        /// <summary>The category of an exchange: by its kind, and for emissions by the origin of the gas's carbon.</summary>
        public static int Of(GreenhouseGas? gas, ElementaryExchangeKind kind, CarbonOrigin origin)
        {
            var carbon = gas?.Origin ?? origin;
            bool biogenic = carbon == CarbonOrigin.Biogenic;
            bool methane = gas is not null && gas.Formula == "CH4";
            return kind switch
            {
                ElementaryExchangeKind.BiogenicUptake => Uptake,
                ElementaryExchangeKind.LandUseChangeEmission => LandUseChange,
                ElementaryExchangeKind.LandManagementEmission when biogenic && methane => BiogenicNonCo2,
                ElementaryExchangeKind.LandManagementEmission when biogenic => LandManagementBiogenicCo2,
                ElementaryExchangeKind.LandManagementEmission => LandManagementFossil,
                ElementaryExchangeKind.LandManagementRemoval => LandManagementRemovals,
                ElementaryExchangeKind.TechnologicalRemoval => TechnologicalRemovals,
                ElementaryExchangeKind.CcsCapture => Ccs,
                _ when biogenic && methane => BiogenicNonCo2,
                _ when biogenic => BiogenicCo2,
                _ => Fossil,
            };
        }
    }
}
