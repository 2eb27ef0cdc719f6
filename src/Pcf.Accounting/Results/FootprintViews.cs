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
    /// <remarks>An inventory a calculation made is read straight from its solution (per-run amount × runs, × GWP or factor, in
    /// the same order and with the same operations as its records hold them, so the records need not be made); one given
    /// record by record (read back from a document) is read from its records. Both give the same bits.</remarks>
    public static FootprintResult Build(
        SystemSummary system,
        RuleSet ruleSet,
        GwpSet gwp,
        Demand demand,
        FootprintInventory inventory,
        ImmutableArray<AllocationRecord> allocations,
        IEnumerable<ValidationProblem> resolutionWarnings,
        IEnumerable<IFootprintView>? views = null) =>
        inventory.Solution is { } solution
            ? Build(new SolutionRows(solution), system, ruleSet, gwp, demand, inventory, allocations, resolutionWarnings, views)
            : Build(new RecordRows(inventory), system, ruleSet, gwp, demand, inventory, allocations, resolutionWarnings, views);

    private static FootprintResult Build<TRows>(
        TRows rows,
        SystemSummary system,
        RuleSet ruleSet,
        GwpSet gwp,
        Demand demand,
        FootprintInventory inventory,
        ImmutableArray<AllocationRecord> allocations,
        IEnumerable<ValidationProblem> resolutionWarnings,
        IEnumerable<IFootprintView>? views)
        where TRows : struct, IInventoryRows
    {
        var factors = inventory.Factors;
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

        // Per gas, its net mass and CO2e, summed in inventory order. The layout's gases take the first slots (a calculation's
        // emission names its slot); any other gas gets the next one.
        var gasSlots = new List<GreenhouseGas>(rows.Gases);
        Dictionary<GreenhouseGas, int>? slotOf = null;
        var gasMass = new double[gasSlots.Count + 4];
        var gasCo2e = new double[gasMass.Length];
        var gasSeen = new bool[gasMass.Length];
        double co2eOnly = 0;
        int processCount = rows.ProcessCount;
        var processDirect = new double[processCount];
        var processBackground = new double[processCount];
        var factorUsed = new double[factors.Length];

        for (int pi = 0; pi < processCount; pi++)
        {
            bool included = rows.IsIncluded(pi), isPrimaryData = rows.IsPrimaryData(pi);
            if (rows.Runs(pi) == 0)
            {
                // A process the demand does not run: every amount it has is zero, and adding zeros changes no sum, so only
                // what it names counts (its gases as lines of ByGas, its exclusion by the boundary).
                Idle(pi, included);
                continue;
            }

            bool aircraftTag = rows.HasTag(pi, Tags.AircraftTransport), packagingTag = rows.HasTag(pi, Tags.Packaging), outboundTag = rows.HasTag(pi, Tags.OutboundLogistics);
            for (int k = 0, count = rows.EmissionCount(pi); k < count; k++)
            {
                var e = rows.Emission(pi, k);
                if (!included)
                {
                    Exclude(e.Co2e, pi);
                    continue;
                }

                AddGas(e.Slot >= 0 ? e.Slot : SlotOf(e.Gas), Sign(e.Kind) * e.Kilograms, e.Co2e);
                processDirect[pi] += e.Co2e;
                Count(e.Category, e.Kind, e.Co2e, isPrimaryData);
            }

            for (int k = 0, count = rows.UseCount(pi); k < count; k++)
            {
                var (r, amount, isCredit) = rows.Use(pi, k);
                var factor = factors[r];
                if (!included)
                {
                    Exclude(amount * factor.Co2ePerUnit, pi);
                    continue;
                }

                factorUsed[r] += amount;
                foreach (var c in factor.Components)
                {
                    double co2e = c.Co2ePerUnit * amount;
                    processBackground[pi] += co2e;
                    if (isCredit)
                    {
                        credits += co2e;
                    }

                    if (c.Gas is { } gas)
                    {
                        AddGas(SlotOf(gas), Sign(c.Kind) * c.AmountPerUnit * amount, co2e);
                    }
                    else
                    {
                        co2eOnly += co2e;
                    }

                    // Primary: the factor is primary (a supplier's footprint), or the process is (site-measured activity
                    // data: its Scope 1 and 2, e.g. metered kWh times a grid factor, as the PACT Methodology counts them).
                    Count(Category.Of(c.Gas, c.Kind, c.Origin), c.Kind, co2e, isPrimaryData || factor.IsPrimaryData);
                }
            }

            for (int k = 0, count = rows.CreditCount(pi); k < count; k++)
            {
                credits += rows.CreditCo2e(pi, k);
            }

            void Count(int into, ElementaryExchangeKind kind, double co2e, bool isPrimary)
            {
                category[into] += co2e;
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
                "Fossil emissions are negative: system-expansion credits exceed the emissions, or processes run a negative number of times (see their warnings). PACT requires a non-negative value; check the displaced supplies and loops."));
        }

        for (int pi = 0; pi < processCount; pi++)
        {
            for (int k = 0, count = rows.OutputCount(pi); k < count; k++)
            {
                double runs = rows.OutputRuns(pi, k);
                if (runs < 0)
                {
                    var id = rows.Id(pi);
                    warnings.Add(new ValidationProblem($"$.processes['{id}']", ProblemCodes.NumberOutOfRange,
                        $"Process '{id}' runs a negative number of times ({runs.ToString("G6", CultureInfo.InvariantCulture)}): either a co-product displaces more of its product than the system uses (system expansion: avoided production), or a loop whose amounts multiply to more than 1 consumes more than it makes, and then the footprint is not meaningful: check the loop's amounts.")
                    {
                        Subject = new ProcessSubject([id]),
                    });
                }
            }
        }

        var gases = new SortedDictionary<GreenhouseGas, (double Mass, double Co2e)>();
        for (int g = 0; g < gasSlots.Count; g++)
        {
            if (gasSeen[g])
            {
                gases.Add(gasSlots[g], (gasMass[g], gasCo2e[g]));
            }
        }

        var byGas = ImmutableArray.CreateBuilder<GasContribution>(gases.Count + 1);
        foreach (var (gas, (mass, sum)) in gases)
        {
            byGas.Add(new GasContribution(gas, Kg(mass), Kg(sum)));
        }

        if (co2eOnly != 0 || factors.Any(f => f.Components.Any(c => c.Gas is null)))
        {
            byGas.Add(new GasContribution(null, Kg(0), Kg(co2eOnly)));
        }

        var byProcess = new ProcessContribution[processCount];
        for (int pi = 0; pi < processCount; pi++)
        {
            double total = processDirect[pi] + processBackground[pi];
            byProcess[pi] = new ProcessContribution(rows.Id(pi), rows.Stage(pi), rows.Runs(pi), Kg(processDirect[pi]), Kg(processBackground[pi]), Kg(total), Share(total));
        }

        // Largest absolute CO2e first, then by id: a total order (ids are unique), so the same inventory gives the same order.
        // The processes are in id order already (a calculation's always are), so those that contribute nothing (often most of
        // a large system) follow the sorted others as they are.
        var magnitude = new double[processCount];
        var order = new int[processCount];
        int contributing = 0;
        for (int pi = 0; pi < processCount; pi++)
        {
            magnitude[pi] = Math.Abs(byProcess[pi].Total.Value);
            if (magnitude[pi] != 0)
            {
                order[contributing++] = pi;
            }
        }

        int zeros = contributing;
        for (int pi = 0; pi < processCount; pi++)
        {
            if (magnitude[pi] == 0)
            {
                order[zeros++] = pi;
            }
        }

        order.AsSpan(0, contributing).Sort(new LargestFirst(magnitude, byProcess));
        if (!InIdOrder(order.AsSpan(contributing), byProcess))
        {
            order.AsSpan(contributing).Sort(new LargestFirst(magnitude, byProcess)); // records given in another order
        }

        var sorted = new ProcessContribution[processCount];
        for (int i = 0; i < processCount; i++)
        {
            sorted[i] = byProcess[order[i]];
        }

        byProcess = sorted;

        // By stage, in stage order; each stage's processes summed in the order above.
        var stageSums = new SortedDictionary<LifeCycleStage, double>();
        foreach (var p in byProcess)
        {
            stageSums[p.Stage] = stageSums.GetValueOrDefault(p.Stage) + p.Total.Value;
        }

        var byStage = ImmutableArray.CreateBuilder<StageContribution>(stageSums.Count);
        foreach (var (stage, sum) in stageSums)
        {
            byStage.Add(new StageContribution(stage, Kg(sum), Share(sum)));
        }

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
            ByStage = byStage.MoveToImmutable(),
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

        void Idle(int pi, bool included)
        {
            int emissions = rows.EmissionCount(pi), uses = rows.UseCount(pi);
            if (!included)
            {
                if (emissions + uses > 0)
                {
                    Exclude(0, pi);
                }

                return;
            }

            for (int k = 0; k < emissions; k++)
            {
                var e = rows.Emission(pi, k);
                gasSeen[e.Slot >= 0 ? e.Slot : SlotOf(e.Gas)] = true;
            }

            for (int k = 0; k < uses; k++)
            {
                foreach (var c in factors[rows.Use(pi, k).Factor].Components)
                {
                    if (c.Gas is { } gas)
                    {
                        gasSeen[SlotOf(gas)] = true;
                    }
                }
            }

            for (int k = 0, count = rows.CreditCount(pi); k < count; k++)
            {
                credits += rows.CreditCo2e(pi, k);
            }
        }

        void AddGas(int slot, double mass, double co2e)
        {
            gasMass[slot] += mass;
            gasCo2e[slot] += co2e;
            gasSeen[slot] = true;
        }

        int SlotOf(GreenhouseGas gas)
        {
            if (slotOf is null)
            {
                slotOf = new Dictionary<GreenhouseGas, int>(gasSlots.Count);
                for (int g = 0; g < gasSlots.Count; g++)
                {
                    slotOf[gasSlots[g]] = g;
                }
            }

            if (!slotOf.TryGetValue(gas, out int slot))
            {
                slot = gasSlots.Count;
                slotOf[gas] = slot;
                gasSlots.Add(gas);
                if (slot == gasMass.Length)
                {
                    Array.Resize(ref gasMass, slot * 2);
                    Array.Resize(ref gasCo2e, slot * 2);
                    Array.Resize(ref gasSeen, slot * 2);
                }
            }

            return slot;
        }

        void Exclude(double co2e, int process)
        {
            excluded += co2e;
            excludedRules.Add($"boundary {ruleSet.Boundary} excludes stage {rows.Stage(process)}: process '{rows.Id(process)}'");
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

    private static bool InIdOrder(ReadOnlySpan<int> order, ProcessContribution[] processes)
    {
        for (int i = 1; i < order.Length; i++)
        {
            if (string.CompareOrdinal(processes[order[i - 1]].Process.Value, processes[order[i]].Process.Value) >= 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Orders process indexes by the magnitude of their CO2e, largest first, then by process id (ordinal).</summary>
    private readonly struct LargestFirst(double[] magnitude, ProcessContribution[] processes) : IComparer<int>
    {
        public int Compare(int a, int b)
        {
            int c = magnitude[b].CompareTo(magnitude[a]);
            return c != 0 ? c : string.CompareOrdinal(processes[a].Process.Value, processes[b].Process.Value);
        }
    }

    /// <summary>An emission as a view reads it: the gas (and its slot in the calculation's gases, or −1), kind, kg and signed CO2e for the demand.</summary>
    private readonly record struct EmissionRow(GreenhouseGas Gas, int Slot, ElementaryExchangeKind Kind, double Kilograms, double Co2e, int Category);

    /// <summary>What the standard views read of an inventory, per process: from a calculation's solution or from records.</summary>
    private interface IInventoryRows
    {
        GreenhouseGas[] Gases { get; }

        int ProcessCount { get; }

        ProcessId Id(int p);

        LifeCycleStage Stage(int p);

        bool IsPrimaryData(int p);

        bool IsIncluded(int p);

        bool HasTag(int p, Tag tag);

        double Runs(int p);

        int EmissionCount(int p);

        EmissionRow Emission(int p, int k);

        int UseCount(int p);

        (int Factor, double Amount, bool IsCredit) Use(int p, int k);

        int CreditCount(int p);

        double CreditCo2e(int p, int k);

        int OutputCount(int p);

        double OutputRuns(int p, int k);
    }

    private readonly struct SolutionRows(InventorySolution solution) : IInventoryRows
    {
        private InventoryLayout Layout => solution.Layout;

        public GreenhouseGas[] Gases => Layout.Gases;

        public int ProcessCount => Layout.Processes.Length;

        public ProcessId Id(int p) => Layout.Processes[p].Id;

        public LifeCycleStage Stage(int p) => Layout.Processes[p].Stage;

        public bool IsPrimaryData(int p) => Layout.Processes[p].IsPrimaryData;

        public bool IsIncluded(int p) => solution.IsIncluded(p);

        public bool HasTag(int p, Tag tag) => Layout.Processes[p].Tags.BinarySearch(tag) >= 0;

        public double Runs(int p) => solution.Runs[p];

        public int EmissionCount(int p) => Layout.Entries[p].Emissions.Length;

        public EmissionRow Emission(int p, int k)
        {
            ref readonly var e = ref Layout.Entries[p].Emissions[k];
            double kg = solution.Kilograms(p, e);
            return new EmissionRow(Layout.Gases[e.Gas], e.Gas, e.Kind, kg, solution.Co2e(e, kg), e.Category);
        }

        public int UseCount(int p) => Layout.Entries[p].FactorUses.Length;

        public (int Factor, double Amount, bool IsCredit) Use(int p, int k)
        {
            ref readonly var u = ref Layout.Entries[p].FactorUses[k];
            return (u.Request, solution.Amount(p, u), u.IsCredit);
        }

        public int CreditCount(int p) => Layout.Entries[p].Credits.Length;

        public double CreditCo2e(int p, int k)
        {
            ref readonly var d = ref Layout.Entries[p].Credits[k];
            return solution.Co2e(d, solution.Amount(d));
        }

        public int OutputCount(int p) => Layout.Entries[p].ColumnCount;

        public double OutputRuns(int p, int k) => solution.S[Layout.Entries[p].FirstColumn + k];
    }

    private readonly struct RecordRows(FootprintInventory inventory) : IInventoryRows
    {
        private readonly ImmutableArray<InventoryProcess> _processes = inventory.Processes;

        public GreenhouseGas[] Gases => [];

        public int ProcessCount => _processes.Length;

        public ProcessId Id(int p) => _processes[p].Id;

        public LifeCycleStage Stage(int p) => _processes[p].Stage;

        public bool IsPrimaryData(int p) => _processes[p].IsPrimaryData;

        public bool IsIncluded(int p) => _processes[p].IsIncluded;

        public bool HasTag(int p, Tag tag) => _processes[p].HasTag(tag);

        public double Runs(int p) => _processes[p].Runs;

        public int EmissionCount(int p) => _processes[p].Emissions.Length;

        public EmissionRow Emission(int p, int k)
        {
            var e = _processes[p].Emissions[k];
            return new EmissionRow(e.Gas, -1, e.Kind, e.Kilograms, e.Co2e, Category.Of(e.Gas, e.Kind, CarbonOrigin.NotApplicable));
        }

        public int UseCount(int p) => _processes[p].FactorUses.Length;

        public (int Factor, double Amount, bool IsCredit) Use(int p, int k)
        {
            var u = _processes[p].FactorUses[k];
            return (u.Factor, u.Amount, u.IsCredit);
        }

        public int CreditCount(int p) => _processes[p].Credits.Length;

        public double CreditCo2e(int p, int k) => _processes[p].Credits[k].Co2e;

        public int OutputCount(int p) => _processes[p].Outputs.Length;

        public double OutputRuns(int p, int k) => _processes[p].Outputs[k].Runs;
    }

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
