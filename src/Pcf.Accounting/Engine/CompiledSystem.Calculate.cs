using System.Collections.Immutable;
using Pcf.Accounting.Engine.Sparse;
using Pcf.Accounting.Factors;
using Pcf.Accounting.Gases;
using Pcf.Accounting.Model;
using Pcf.Accounting.Results;
using Pcf.Accounting.Units;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Engine;

/// <summary>Computation: solve for the scaling vector, then aggregate in one fixed order.</summary>
public sealed partial class CompiledSystem
{
    /// <summary>Computes the footprint of a demand with resolved background factors: the pure, synchronous step.</summary>
    /// <param name="factors">The factors of every request in <see cref="FactorRequests"/>, resolved by a <see cref="FactorResolver"/>; their GWP set characterizes the whole inventory.</param>
    /// <param name="demand">What to calculate; <see langword="null"/> for one declared unit of the reference product.</param>
    /// <returns>The result. The fallbacks used and the combustion-only factors appear in its warnings and in the explanation's factor sources.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="factors"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="factors"/> lacks a request of the system, or the demand names a product the system does not make.</exception>
    /// <exception cref="InvalidOperationException">The solution is not finite (a numerically singular system).</exception>
    /// <remarks>Deterministic: the same system (in any order of processes and exchanges), factors and demand give the same bits.</remarks>
    public FootprintResult Calculate(FactorResolution factors, Demand? demand = null)
    {
        ArgumentNullException.ThrowIfNull(factors);
        var background = BackgroundTable.From(FactorRequests, factors);
        var warnings = new List<ValidationProblem>(factors.Warnings);
        for (int r = 0; r < FactorRequests.Length; r++)
        {
            var match = background.Matches[r]!;
            if (!match.IsExact)
            {
                warnings.Add(new ValidationProblem(FactorRequests[r].ToString(), ProblemCodes.FactorFallbackUsed,
                    $"The factor for '{FactorRequests[r].Key}' was found only after a fallback ({string.Join(", ", match.Fallbacks.Select(f => f.Describe()))}) by {match.ProviderName}" +
                    (match.DataQuality is { } q ? string.Create(global::System.Globalization.CultureInfo.InvariantCulture,
                        $"; data quality lowered to technological {q.Technological:0.##}, geographical {q.Geographical:0.##}, temporal {q.Temporal:0.##}.")
                        : LowersRepresentativeness(match) ? "; the factor has no data-quality scores to lower, so it counts in the result's fallback share." : ".")));
            }

            if (match.Factor.Provenance.Kind == FactorKind.CombustionOnly && RuleSet.Boundary != Rules.SystemBoundary.GateToGate)
            {
                warnings.Add(new ValidationProblem(FactorRequests[r].ToString(), ProblemCodes.CombustionOnlyFactor,
                    $"The factor for '{FactorRequests[r].Key}' covers combustion only (no upstream supply chain); a cradle-to-gate footprint needs a life-cycle factor."));
            }
        }

        // One warning per distinct message: the same factor asked for in two units warns once.
        var distinct = new HashSet<(string Code, string Message)>();
        return Calculate(background, factors.GwpSet, demand, warnings.Where(w => distinct.Add((w.Code, w.Message))));
    }

    internal FootprintResult Calculate(BackgroundTable background, GwpSet gwp, Demand? demand, IEnumerable<ValidationProblem>? resolutionWarnings = null)
    {
        ArgumentNullException.ThrowIfNull(gwp);
        demand ??= Demand.DeclaredUnitOf(System);
        int n = _columns.Length;
        var f = new double[n];
        f[DemandRow(demand)] = demand.Amount.As(System.GetFlow(demand.Product).ReferenceUnit);
        var s = new double[n];
        if (!_lu.TrySolve(f, s))
        {
            throw new InvalidOperationException($"The solution is not finite: the system is numerically singular (processes {ProcessList(NonFinite(s))}).");
        }

        var warnings = ImmutableArray.CreateBuilder<ValidationProblem>();
        if (resolutionWarnings is not null)
        {
            warnings.AddRange(resolutionWarnings);
        }

        if (_lu.Condition.Value > SparseLu.IllConditionedThreshold)
        {
            warnings.Add(new ValidationProblem("$.processes", ProblemCodes.IllConditionedSystem, string.Create(global::System.Globalization.CultureInfo.InvariantCulture,
                $"Processes {ProcessList(_lu.Condition.Columns)} form a loop that nearly makes no net output (condition estimate ≈ {_lu.Condition.Value:G3}): rounding alone may give the result a relative error of up to {_lu.Condition.Value * 1.1e-16:G2}, and any uncertainty of the loop's amounts is amplified as much.")));
        }

        var category = new double[Compute.Count];
        double aircraft = 0, packaging = 0, outbound = 0, credits = 0;
        double positive = 0, primary = 0, excluded = 0;
        var excludedRules = new SortedSet<string>(StringComparer.Ordinal);
        var gasMass = new double[_gases.Length];
        var gasCo2e = new double[_gases.Length];
        var otherGases = new SortedDictionary<GreenhouseGas, (double Mass, double Co2e)>();
        double co2eOnly = 0;
        var processDirect = new double[_processes.Length];
        var processBackground = new double[_processes.Length];
        var factorUsed = new double[FactorRequests.Length];
        var gwpOf = _gases.Select(gwp.FactorOf).ToArray();

        for (int c = 0; c < n; c++)
        {
            double runs = s[c];
            if (runs == 0)
            {
                continue;
            }

            var column = _columns[c];
            var process = _processes[column.Process];
            for (int k = _directPointers[c]; k < _directPointers[c + 1]; k++)
            {
                var e = _direct[k];
                int sign = Compute.Sign(e.Kind);
                double kg = sign * e.Kilograms * runs;
                double co2e = kg * gwpOf[e.Gas];
                if (!column.Included)
                {
                    Exclude(co2e, process);
                    continue;
                }

                gasMass[e.Gas] += kg;
                gasCo2e[e.Gas] += co2e;
                processDirect[column.Process] += co2e;
                Count(_gases[e.Gas], e.Kind, CarbonOrigin.NotApplicable, co2e, process, process.IsPrimaryData);
            }

            for (int k = _usePointers[c]; k < _usePointers[c + 1]; k++)
            {
                var use = _uses[k];
                double used = use.Amount * runs;
                if (!column.Included)
                {
                    Exclude(used * background.Co2ePerUnit[use.Request], process);
                    continue;
                }

                factorUsed[use.Request] += used;
                foreach (var component in background.Components[use.Request])
                {
                    double co2e = component.Co2ePerUnit * used;
                    processBackground[column.Process] += co2e;
                    if (use.Amount < 0)
                    {
                        credits += co2e;
                    }

                    if (component.Gas is { } gas)
                    {
                        double kg = Compute.Sign(component.Kind) * component.PerUnit * used;
                        int slot = Array.IndexOf(_gases, gas);
                        if (slot >= 0)
                        {
                            gasMass[slot] += kg;
                            gasCo2e[slot] += co2e;
                        }
                        else
                        {
                            var (mass, sum) = otherGases.GetValueOrDefault(gas);
                            otherGases[gas] = (mass + kg, sum + co2e);
                        }
                    }
                    else
                    {
                        co2eOnly += co2e;
                    }

                    // Primary: the factor is primary (a supplier's footprint), or the process is (site-measured activity
                    // data: its Scope 1 and 2, e.g. metered kWh times a grid factor, as the PACT Methodology counts them).
                    Count(component.Gas, component.Kind, component.Origin, co2e, process, process.IsPrimaryData || background.IsPrimaryData[use.Request]);
                }
            }
        }

        // Credits of co-products displacing foreground supplies: amount × runs × footprint per unit of the displaced product.
        if (_displacements.Length > 0)
        {
            var perUnit = PerUnitFootprints(background, gwp);
            foreach (var d in _displacements)
            {
                credits -= d.Amount * s[d.Column] * perUnit[d.Row];
            }
        }

        double fossil = category[Compute.Fossil] + category[Compute.LandManagementFossil];
        double excludingUptake = fossil + category[Compute.BiogenicCo2] + category[Compute.BiogenicNonCo2] + category[Compute.LandUseChange]
            + category[Compute.LandManagementBiogenicCo2] + category[Compute.LandManagementRemovals] + category[Compute.TechnologicalRemovals] + category[Compute.Ccs];
        double includingUptake = excludingUptake + category[Compute.Uptake];
        if (!double.IsFinite(includingUptake) || !double.IsFinite(excludingUptake))
        {
            throw new InvalidOperationException("The footprint is not finite.");
        }

        static Quantity Kg(double value) => Quantity.Of(value, Unit.Kilogram);
        double Share(double value) => excludingUptake == 0 ? 0 : value / excludingUptake;

        if (fossil < 0)
        {
            warnings.Add(new ValidationProblem("$.reported.fossilGhgEmissions", ProblemCodes.NumberOutOfRange,
                "Fossil emissions are negative: system-expansion credits exceed the emissions. PACT requires a non-negative value; check the displaced supplies."));
        }

        for (int c = 0; c < n; c++)
        {
            if (s[c] < 0)
            {
                warnings.Add(new ValidationProblem($"$.processes['{_processes[_columns[c].Process].Id}']", ProblemCodes.NumberOutOfRange,
                    $"Process '{_processes[_columns[c].Process].Id}' runs a negative number of times ({s[c]:G6}): a co-product displaces more of its product than the system uses."));
            }
        }

        var byGas = ImmutableArray.CreateBuilder<GasContribution>();
        var merged = new SortedDictionary<GreenhouseGas, (double Mass, double Co2e)>(otherGases);
        for (int g = 0; g < _gases.Length; g++)
        {
            var (mass, sum) = merged.GetValueOrDefault(_gases[g]);
            merged[_gases[g]] = (mass + gasMass[g], sum + gasCo2e[g]);
        }

        foreach (var (gas, (mass, sum)) in merged)
        {
            byGas.Add(new GasContribution(gas, Kg(mass), Kg(sum)));
        }

        if (co2eOnly != 0 || background.Components.Any(list => list.Any(c => c.Gas is null)))
        {
            byGas.Add(new GasContribution(null, Kg(0), Kg(co2eOnly)));
        }

        var runsOf = new double[_processes.Length];
        for (int c = 0; c < n; c++)
        {
            runsOf[_columns[c].Process] += _columns[c].Share * s[c];
        }

        var byProcess = Enumerable.Range(0, _processes.Length)
            .Select(p => new ProcessContribution(_processes[p].Id, _processes[p].Stage, runsOf[p],
                Kg(processDirect[p]), Kg(processBackground[p]), Kg(processDirect[p] + processBackground[p]), Share(processDirect[p] + processBackground[p])))
            .OrderByDescending(p => Math.Abs(p.Total.Value)).ThenBy(p => p.Process.Value, StringComparer.Ordinal)
            .ToImmutableArray();
        var byStage = byProcess.GroupBy(p => p.Stage).OrderBy(g => g.Key)
            .Select(g => new StageContribution(g.Key, Kg(g.Sum(p => p.Total.Value)), Share(g.Sum(p => p.Total.Value))))
            .ToImmutableArray();
        // Data quality: the scores of the factors used, weighted by their gross (positive) CO2e contribution.
        // The fallback share: of the same gross CO2e, what rests on a factor of another region or an earlier year (a unit
        // conversion is exact and does not count), for every factor, scored or not.
        double dqWeight = 0, dqCovered = 0, fallenBack = 0, tech = 0, geo = 0, time = 0, complete = 0, reliable = 0;
        for (int r = 0; r < FactorRequests.Length; r++)
        {
            double weight = factorUsed[r] * background.Co2ePerUnit[r];
            if (weight <= 0)
            {
                continue;
            }

            dqWeight += weight;
            if (background.Matches[r] is { } m && LowersRepresentativeness(m))
            {
                fallenBack += weight;
            }

            if (background.Matches[r]?.DataQuality is { } q)
            {
                dqCovered += weight;
                tech += weight * q.Technological;
                geo += weight * q.Geographical;
                time += weight * q.Temporal;
                complete += weight * q.Completeness;
                reliable += weight * q.Reliability;
            }
        }

        DataQuality? quality = dqCovered > 0 ? new DataQuality(tech / dqCovered, geo / dqCovered, time / dqCovered, complete / dqCovered, reliable / dqCovered) : null;

        var byFactor = Enumerable.Range(0, FactorRequests.Length)
            .Where(r => factorUsed[r] != 0)
            .Select(r => new FactorContribution(FactorRequests[r], Quantity.Of(factorUsed[r], FactorRequests[r].Unit), background.Co2ePerUnit[r],
                Kg(factorUsed[r] * background.Co2ePerUnit[r]), Share(factorUsed[r] * background.Co2ePerUnit[r]), background.IsPrimaryData[r], background.Sources[r]))
            .OrderByDescending(f => Math.Abs(f.Co2e.Value)).ThenBy(f => f.Request.Key, StringComparer.Ordinal)
            .ToImmutableArray();

        return new FootprintResult(this, demand, gwp, s)
        {
            TotalExcludingBiogenicUptake = Kg(excludingUptake),
            TotalIncludingBiogenicUptake = Kg(includingUptake),
            Reported = new ReportedQuantities
            {
                FossilGhgEmissions = Kg(fossil),
                BiogenicCo2Emissions = Kg(category[Compute.BiogenicCo2]),
                BiogenicCo2Uptake = Kg(category[Compute.Uptake]),
                BiogenicNonCo2Emissions = Kg(category[Compute.BiogenicNonCo2]),
                LandUseChangeEmissions = Kg(category[Compute.LandUseChange]),
                LandManagementFossilGhgEmissions = Kg(category[Compute.LandManagementFossil]),
                LandManagementBiogenicCo2Emissions = Kg(category[Compute.LandManagementBiogenicCo2]),
                LandManagementBiogenicCo2Removals = Kg(category[Compute.LandManagementRemovals]),
                TechnologicalCo2Removals = Kg(category[Compute.TechnologicalRemovals]),
                CcsTechnologicalCo2Capture = Kg(category[Compute.Ccs]),
                AircraftEmissions = Kg(aircraft),
                PackagingEmissions = Kg(packaging),
                OutboundLogisticsEmissions = Kg(outbound),
                SystemExpansionCredits = Kg(credits),
            },
            ByGas = byGas.ToImmutable(),
            ByProcess = byProcess,
            ByStage = byStage,
            ByFactor = byFactor,
            PrimaryDataShare = positive == 0 ? 0 : primary / positive,
            DataQuality = quality,
            DataQualityCoverage = dqWeight == 0 ? 0 : dqCovered / dqWeight,
            FallbackShare = dqWeight == 0 ? 0 : fallenBack / dqWeight,
            CutOff = new CutOffSummary(Kg(excluded), excluded == 0 ? 0 : excluded / (Math.Abs(excludingUptake) + Math.Abs(excluded)), [.. excludedRules]),
            Warnings = warnings.ToImmutable(),
            Background = background,
        };

        void Count(GreenhouseGas? gas, ElementaryExchangeKind kind, CarbonOrigin origin, double co2e, Process process, bool isPrimary)
        {
            category[Compute.CategoryOf(gas, kind, origin)] += co2e;
            if (kind != ElementaryExchangeKind.BiogenicUptake)
            {
                if ((process.Roles & ProcessRoles.AircraftTransport) != 0)
                {
                    aircraft += co2e;
                }

                if ((process.Roles & ProcessRoles.Packaging) != 0)
                {
                    packaging += co2e;
                }

                if ((process.Roles & ProcessRoles.OutboundLogistics) != 0)
                {
                    outbound += co2e;
                }
            }

            if (co2e > 0)
            {
                positive += co2e;
                if (isPrimary)
                {
                    primary += co2e;
                }
            }
        }

        void Exclude(double co2e, Process process)
        {
            excluded += co2e;
            excludedRules.Add($"boundary {RuleSet.Boundary} excludes stage {process.Stage}: process '{process.Id}'");
        }
    }

    /// <summary>The row of the technosphere that makes the demanded product.</summary>
    internal int DemandRow(Demand demand)
    {
        if (demand.Process is { } named)
        {
            if (_processIndex.TryGetValue(named, out int p) && _rowOf.TryGetValue((p, demand.Product), out int row))
            {
                return row;
            }

            throw new ArgumentException($"Process '{named}' does not make '{demand.Product}' as a product of the system.", nameof(demand));
        }

        var rows = _rowOf.Where(kv => kv.Key.Flow == demand.Product).Select(kv => kv.Value).ToList();
        return rows.Count switch
        {
            1 => rows[0],
            0 => throw new ArgumentException($"No process of the system makes '{demand.Product}'.", nameof(demand)),
            _ => throw new ArgumentException($"Several processes make '{demand.Product}': name the process in the demand.", nameof(demand)),
        };
    }

    internal double RunsOf(ProcessId process, double[] scaling)
    {
        return _processIndex.TryGetValue(process, out int p) ? RunsOf(p, scaling) : throw new KeyNotFoundException($"The system has no process '{process}'.");
    }

    /// <summary>Runs of a process attributable to the demand: the scaling of its columns weighted by their allocation shares (one column, share 1, when unallocated).</summary>
    private double RunsOf(int process, double[] scaling)
    {
        double runs = 0;
        for (int c = 0; c < _columns.Length; c++)
        {
            if (_columns[c].Process == process)
            {
                runs += _columns[c].Share * scaling[c];
            }
        }

        return runs;
    }

    /// <summary>The footprint per unit of every product (column), solving Aᵀ λ = g with g the CO2e per run of each column.</summary>
    internal double[] PerUnitFootprints(BackgroundTable background, GwpSet gwp)
    {
        var g = Co2ePerRun(background, gwp);
        var lambda = new double[g.Length];
        if (!_lu.TrySolveTransposed(g, lambda))
        {
            throw new InvalidOperationException($"The footprint per unit is not finite: the system is numerically singular (products of processes {ProcessList(NonFinite(lambda))}).");
        }

        return lambda;
    }

    /// <summary>The technosphere matrix (for tests and benchmarks).</summary>
    internal SparseMatrix Technosphere => _technosphere;

    /// <summary>The net CO2e of one run of each column (direct exchanges and background factors; zero outside the boundary).</summary>
    internal double[] Co2ePerRun(BackgroundTable background, GwpSet gwp)
    {
        int n = _columns.Length;
        var g = new double[n];
        var gwpOf = _gases.Select(gwp.FactorOf).ToArray();
        for (int c = 0; c < n; c++)
        {
            if (!_columns[c].Included)
            {
                continue;
            }

            double sum = 0;
            for (int k = _directPointers[c]; k < _directPointers[c + 1]; k++)
            {
                sum += Compute.Sign(_direct[k].Kind) * _direct[k].Kilograms * gwpOf[_direct[k].Gas];
            }

            for (int k = _usePointers[c]; k < _usePointers[c + 1]; k++)
            {
                sum += _uses[k].Amount * background.Co2ePerUnit[_uses[k].Request];
            }

            g[c] = sum;
        }

        return g;
    }

    // A region or year fallback makes a factor less representative; an exact unit conversion does not.
    private static bool LowersRepresentativeness(FactorMatch match) => match.Fallbacks.Any(f => f is RegionFallback or YearFallback);
}
