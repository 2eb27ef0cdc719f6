using System.Collections.Immutable;
using System.Globalization;
using Pcf.Accounting.Factors;
using Pcf.Accounting.Gases;
using Pcf.Accounting.Model;
using Pcf.Accounting.Results;
using Pcf.Accounting.Units;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Templates.Cbam;

/// <summary>The CBAM view of a result: the specific direct and indirect embedded emissions of a good, per tonne, with its
/// precursors, as Regulation (EU) 2023/956 Annex IV defines them, computed from the result's inventory and its <see cref="CbamTags"/>.</summary>
/// <remarks>
/// <para>Formula (Regulation (EU) 2023/956 Annex IV points 2 and 3; Implementing Regulation (EU) 2023/1773 Annex III for the
/// transitional period and (EU) 2025/2547 Annex III point B for the definitive one), for direct and indirect emissions apart:
/// <c>SEE_g = (AttrEm_g + Σ_i M_i × SEE_i) / AL_g</c>, where <c>AttrEm_g</c> are the attributed emissions of the production
/// processes of g, <c>AL_g</c> their activity level (t of g made), <c>M_i</c> the t of precursor i they use and <c>SEE_i</c> its own
/// specific embedded emissions, worked out first by the same formula (a precursor's precursors before it).</para>
/// <para>Groups: the processes tagged <see cref="CbamTags.Installation"/> make the good; those tagged
/// <c>cbam:precursor=&lt;name&gt;</c> make that precursor. Direct emissions of a group are its processes' direct emissions of the
/// <see cref="CbamGood.Gases"/>, biogenic CO2 excluded (biomass is zero-rated; Implementing Regulation (EU) 2025/2547 Annex II
/// point B.3.3 [S]). Indirect emissions are the group's uses of electricity flows (tagged <see cref="CbamTags.Electricity"/>) times
/// their factors. The other factor uses of the group (upstream emissions of fuels and raw materials) and the supply chains of
/// inputs from untagged processes are not embedded emissions under CBAM and are left out, shown in <c>excluded-upstream</c>.
/// A purchased precursor (a flow tagged <c>cbam:precursor=&lt;name&gt;</c> resolved by a factor) adds its factor's emissions as
/// embedded direct emissions of that precursor (one factor cannot be split into direct and indirect).</para>
/// <para>Lines (t CO2e per t of good, t CO2e, or t): <c>see-direct</c>, <c>see-indirect</c>, <c>see</c> (the counted one: direct, plus
/// indirect when <see cref="CbamGood.CountsIndirect"/>, precursors by <see cref="CbamGood.CountsIndirectOf"/>), <c>attributed-direct</c>,
/// <c>attributed-indirect</c>, <c>activity-level</c>, <c>precursors-direct</c> and <c>precursors-indirect</c> (<c>Σ M_i × SEE_i</c>),
/// per precursor <c>precursor:&lt;name&gt;:mass</c>, <c>precursor:&lt;name&gt;:see-direct</c>, <c>precursor:&lt;name&gt;:see-indirect</c>,
/// then <c>excluded-upstream</c>, <c>excluded-biogenic-co2</c> and <c>excluded-other-gases</c>.</para>
/// <para>Problems of the tagging (a process in two groups, an activity level of zero, precursors that make each other) are the view's
/// warnings, never an exception: the footprint stays valid. A cycle among precursor groups leaves the view without SEE lines.
/// Everything is iterative; nothing recurses over the user's graph.</para>
/// </remarks>
/// <example><code>
/// var build = new TemplateBuild(descriptor, system, ruleSet, values) { Views = [new CbamView(new CbamGood("cement", "2523 29 00", CountsIndirect: true))] };
/// // result.View("cbam")!.Line("see")!.Value  t CO2e per t of cement
/// </code></example>
/// <threadsafety>Immutable and thread-safe.</threadsafety>
public sealed class CbamView : IFootprintView
{
    /// <summary>The view's id.</summary>
    public const string ViewId = "cbam";

    /// <summary>The unit of specific embedded emissions.</summary>
    public const string PerTonne = "t CO2e/t";

    private const string Formula = "SEE = (AttrEm + Σ M_i × SEE_i) / AL";
    private const string Source = "Regulation (EU) 2023/956 Annex IV points 2 and 3; Implementing Regulation (EU) 2023/1773 Annex III (transitional period) and (EU) 2025/2547 Annex III point B, equations 59 and 60 (definitive period)";
    private static readonly Tag InstallationTag = Tag.Parse(CbamTags.Installation);
    private static readonly Tag ElectricityTag = Tag.Parse(CbamTags.Electricity);

    /// <summary>Initializes a new instance.</summary>
    /// <param name="good">The good.</param>
    /// <exception cref="ArgumentException">The good has no name, no CN code, or no gases.</exception>
    public CbamView(CbamGood good)
    {
        ArgumentNullException.ThrowIfNull(good);
        ArgumentException.ThrowIfNullOrWhiteSpace(good.Name, nameof(good));
        ArgumentException.ThrowIfNullOrWhiteSpace(good.CnCode, nameof(good));
        if (good.Gases.IsDefaultOrEmpty || good.Gases.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException($"The CBAM good '{good.Name}' needs at least one greenhouse gas, each a formula such as CO2.", nameof(good));
        }

        Good = good;
    }

    /// <summary>Gets the good.</summary>
    public CbamGood Good { get; }

    /// <inheritdoc/>
    public string Id => ViewId;

    /// <inheritdoc/>
    public string Title => $"CBAM specific embedded emissions: {Good.Name} (CN {Good.CnCode})";

    /// <inheritdoc/>
    public ViewResult Compute(FootprintResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new Calculation(this, result.Inventory).Run();
    }

    /// <summary>One pass over the inventory: groups, their emissions and activity levels, the precursor masses between them,
    /// then the specific embedded emissions in dependency order.</summary>
    private sealed class Calculation
    {
        private readonly CbamView _view;
        private readonly FootprintInventory _inventory;
        private readonly List<ValidationProblem> _warnings = [];
        private readonly Dictionary<ProcessId, int> _groupOf = [];
        private readonly List<string> _names = [string.Empty];   // index 0 is the good
        private readonly HashSet<string> _warned = new(StringComparer.Ordinal);
        private Group[] _groups = [];
        private double _excludedUpstream, _excludedBiogenic, _excludedGases;

        public Calculation(CbamView view, FootprintInventory inventory)
        {
            _view = view;
            _inventory = inventory;
        }

        private CbamGood Good => _view.Good;

        public ViewResult Run()
        {
            AssignGroups();
            foreach (var process in _inventory.Processes)
            {
                if (_groupOf.TryGetValue(process.Id, out int g))
                {
                    Accumulate(process, g);
                }
            }

            ActivityLevels();
            var order = DependencyOrder();
            if (order is null)
            {
                return new ViewResult(ViewId, _view.Title, []) { Warnings = [.. _warnings] };
            }

            Solve(order);
            return new ViewResult(ViewId, _view.Title, Lines()) { Warnings = [.. _warnings] };
        }

        private void Warn(string message, string code = ProblemCodes.ImplausibleValue) =>
            _warnings.Add(new ValidationProblem($"views['{ViewId}']", code, message));

        private int IndexOf(string precursor)
        {
            int i = _names.IndexOf(precursor, 1);
            return i;
        }

        private static IEnumerable<string> PrecursorNames(ImmutableArray<Tag> tags) =>
            tags.Where(t => t.HasName(CbamTags.PrecursorName) && !string.IsNullOrEmpty(t.Value)).Select(t => t.Value!);

        private void AssignGroups()
        {
            var names = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var p in _inventory.Processes)
            {
                names.UnionWith(PrecursorNames(p.Tags));
            }

            foreach (var f in _inventory.Flows)
            {
                names.UnionWith(PrecursorNames(f.Tags));
            }

            _names.AddRange(names);
            _groups = [.. _names.Select(_ => new Group(_names.Count))];
            foreach (var p in _inventory.Processes)
            {
                var own = PrecursorNames(p.Tags).ToList();
                bool installation = p.HasTag(InstallationTag);
                if (own.Count == 0 && !installation)
                {
                    continue;
                }

                if (!p.IsIncluded)
                {
                    Warn($"The process '{p.Id}' is tagged for CBAM but outside the rule set's boundary; it is left out.");
                    continue;
                }

                int g = own.Count > 0 ? IndexOf(own[0]) : 0;
                if (own.Count > 1 || (own.Count == 1 && installation))
                {
                    Warn($"The process '{p.Id}' carries the tags of several CBAM groups ({string.Join(", ", p.Tags.Where(t => t.HasName(CbamTags.PrecursorName) || t == InstallationTag))}); it counts only for the precursor '{own[0]}'.");
                }

                _groupOf[p.Id] = g;
                _groups[g].HasProcesses = true;
            }
        }

        private bool Counts(GreenhouseGas gas) => Good.Gases.Contains(gas.Formula, StringComparer.Ordinal);

        private void Accumulate(InventoryProcess process, int g)
        {
            var group = _groups[g];
            foreach (var e in process.Emissions)
            {
                if (e.Kind != ElementaryExchangeKind.Emission)
                {
                    continue; // removals and captures are not deducted by this view
                }

                if (e.Gas.Origin == CarbonOrigin.Biogenic && e.Gas.Formula == "CO2")
                {
                    _excludedBiogenic += e.Kilograms / 1000;
                }
                else if (Counts(e.Gas))
                {
                    group.Direct += e.Co2e / 1000;
                }
                else
                {
                    _excludedGases += e.Co2e / 1000;
                }
            }

            foreach (var use in process.FactorUses)
            {
                if (use.IsCredit)
                {
                    continue;
                }

                var factor = _inventory.Factors[use.Factor];
                var tags = _inventory.TryGetFlow(use.Flow, out var flow) ? flow.Tags : [];
                string? precursor = PrecursorNames(tags).FirstOrDefault();
                if (tags.BinarySearch(ElectricityTag) >= 0)
                {
                    group.Indirect += Counted(use, factor, isElectricity: true);
                }
                else if (precursor is not null)
                {
                    int j = IndexOf(precursor);
                    if (Tonnes(use.Amount, factor.Request.Unit) is { } mass)
                    {
                        group.PurchasedMass[j] += mass;
                        group.PurchasedEmissions[j] += Counted(use, factor, isElectricity: false);
                    }
                    else
                    {
                        Warn($"The precursor flow '{use.Flow}' used by '{process.Id}' is not in a unit of mass ({factor.Request.Unit.Symbol}); CBAM counts precursors in tonnes, so it is left out.");
                    }
                }
                else
                {
                    _excludedUpstream += use.Co2e / 1000;
                }
            }

            foreach (var link in process.Links)
            {
                if (!_groupOf.TryGetValue(link.Supplier, out int s))
                {
                    if (_inventory.TryGetFlow(link.Flow, out var supplied) && supplied.Tags.BinarySearch(ElectricityTag) >= 0)
                    {
                        group.Indirect += link.Co2e / 1000; // electricity made within the system: its generation's footprint
                    }
                    else
                    {
                        _excludedUpstream += link.Co2e / 1000; // a supply chain of untagged processes: not a CBAM precursor
                    }

                    continue;
                }

                if (s == g)
                {
                    group.Internal.Add((link.Supplier, link.Flow));
                    continue;
                }

                if (s == 0)
                {
                    Warn($"The process '{process.Id}' (precursor '{_names[g]}') takes '{link.Flow}' from the good's process '{link.Supplier}'; the good is not its own precursor, so this input is left out.");
                    continue;
                }

                var unit = _inventory.TryGetFlow(link.Flow, out var f) ? f.ReferenceUnit : Unit.One;
                if (Tonnes(link.Amount, unit) is { } mass)
                {
                    group.ProducedMass[s] += mass;
                }
                else
                {
                    Warn($"The precursor '{_names[s]}' reaches '{process.Id}' as '{link.Flow}' in {unit.Symbol}, not a unit of mass; it is left out.");
                }
            }
        }

        private double Counted(InventoryFactorUse use, InventoryFactor factor, bool isElectricity)
        {
            double perUnit = 0;
            bool co2eOnly = false;
            foreach (var c in factor.Components)
            {
                if (c.Kind != ElementaryExchangeKind.Emission)
                {
                    continue;
                }

                if (c.Gas is null)
                {
                    perUnit += c.Co2ePerUnit;
                    co2eOnly = true;
                }
                else if (Counts(c.Gas) && !(c.Gas.Origin == CarbonOrigin.Biogenic && c.Gas.Formula == "CO2"))
                {
                    perUnit += c.Co2ePerUnit;
                }
            }

            if (isElectricity && (co2eOnly || factor.Factor.Provenance.Kind == FactorKind.LifeCycle))
            {
                WarnOnce($"electricity:{factor.Request}", $"The electricity factor '{factor.Request.Key}' ({factor.Factor.Provenance.Publisher}) is {(factor.Factor.Provenance.Kind == FactorKind.LifeCycle ? "a life-cycle factor" : "given in CO2e only")}: CBAM indirect emissions are the electricity used times the CO2 emission factor of its generation (Implementing Regulation (EU) 2023/1773 Annex III), so see-indirect overstates them; use the grid's combustion factor (electricity/grid/combustion) or the supplier's generation factor.");
            }

            return perUnit * use.Amount / 1000;
        }

        private void WarnOnce(string key, string message)
        {
            if (_warned.Add(key))
            {
                Warn(message);
            }
        }

        private static double? Tonnes(double amount, Unit unit) =>
            unit.Dimension == Dimension.Mass ? Quantity.Of(amount, unit).As(Unit.Tonne) : null;

        private void ActivityLevels()
        {
            foreach (var process in _inventory.Processes)
            {
                if (!_groupOf.TryGetValue(process.Id, out int g) || process.Outputs.IsEmpty)
                {
                    continue;
                }

                var group = _groups[g];
                var output = process.Outputs[0]; // the reference product's column; co-products are not the good
                if (group.Internal.Contains((process.Id, output.Flow)))
                {
                    continue; // an intermediate within the group (raw meal into the kiln)
                }

                var unit = _inventory.TryGetFlow(output.Flow, out var flow) ? flow.ReferenceUnit : Unit.One;
                if (Tonnes(output.AmountPerRun * output.Runs, unit) is { } tonnes)
                {
                    group.Activity += tonnes;
                }
                else
                {
                    Warn($"The process '{process.Id}' makes '{output.Flow}' in {unit.Symbol}, not a unit of mass; its output is not counted in the activity level (t).");
                }
            }
        }

        /// <summary>Kahn's algorithm over the groups that make precursors for each other: suppliers before their users; null on a cycle.</summary>
        private List<int>? DependencyOrder()
        {
            int n = _groups.Length;
            var pending = new int[n];
            var users = new List<int>[n];
            for (int i = 0; i < n; i++)
            {
                users[i] = [];
            }

            for (int g = 0; g < n; g++)
            {
                for (int s = 1; s < n; s++)
                {
                    if (s != g && _groups[g].ProducedMass[s] > 0)
                    {
                        pending[g]++;
                        users[s].Add(g);
                    }
                }
            }

            var ready = new SortedSet<int>(Enumerable.Range(0, n).Where(i => pending[i] == 0));
            var order = new List<int>(n);
            while (ready.Count > 0)
            {
                int next = ready.Min;
                ready.Remove(next);
                order.Add(next);
                foreach (int user in users[next])
                {
                    if (--pending[user] == 0)
                    {
                        ready.Add(user);
                    }
                }
            }

            if (order.Count == n)
            {
                return order;
            }

            var cycle = Enumerable.Range(0, n).Where(i => pending[i] > 0).Select(i => i == 0 ? $"the good '{Good.Name}'" : $"'{_names[i]}'");
            Warn($"The CBAM groups {string.Join(", ", cycle)} use each other's products as precursors in a loop, so no specific embedded emissions can be worked out; tag the loop's processes as one group.", ProblemCodes.ViewFailed);
            return null;
        }

        private void Solve(List<int> order)
        {
            foreach (int g in order)
            {
                var group = _groups[g];
                double eeDirect = 0, eeIndirect = 0, eeCounted = 0;
                for (int s = 1; s < _groups.Length; s++)
                {
                    double m = group.ProducedMass[s];
                    if (m > 0)
                    {
                        eeDirect += m * _groups[s].SeeDirect;
                        eeIndirect += m * _groups[s].SeeIndirect;
                        eeCounted += m * _groups[s].SeeCounted;
                    }

                    eeDirect += group.PurchasedEmissions[s];
                    eeCounted += group.PurchasedEmissions[s];
                }

                group.PrecursorsDirect = eeDirect;
                group.PrecursorsIndirect = eeIndirect;
                bool countsIndirect = g == 0 ? Good.CountsIndirect : Good.CountsIndirectOf(_names[g]);
                if (group.Activity > 0)
                {
                    group.SeeDirect = (group.Direct + eeDirect) / group.Activity;
                    group.SeeIndirect = (group.Indirect + eeIndirect) / group.Activity;
                    group.SeeCounted = (group.Direct + (countsIndirect ? group.Indirect : 0) + eeCounted) / group.Activity;
                    group.Solved = true;
                }
                else if (group.HasProcesses || g == 0)
                {
                    Warn(g == 0
                        ? $"No process tagged '{CbamTags.Installation}' makes a mass of '{Good.Name}' for this demand, so its specific embedded emissions are undefined."
                        : $"The processes of precursor '{_names[g]}' make no mass for this demand, so its specific embedded emissions are undefined.");
                }
            }
        }

        private ImmutableArray<ViewLine> Lines()
        {
            var lines = ImmutableArray.CreateBuilder<ViewLine>();
            var good = _groups[0];
            string gases = string.Join(", ", Good.Gases);
            string excluded = "Biogenic CO2 excluded (biomass zero-rated); upstream emissions of fuels and raw materials are not embedded emissions under CBAM and are excluded.";
            if (good.Solved)
            {
                lines.Add(new ViewLine("see-direct", $"Specific direct embedded emissions of {Good.Name}", good.SeeDirect, PerTonne)
                {
                    Note = $"{Formula}, direct: direct emissions ({gases}) of the processes tagged {CbamTags.Installation}, plus each precursor's direct SEE × its mass. {excluded} {Source}.",
                });
                lines.Add(new ViewLine("see-indirect", $"Specific indirect embedded emissions of {Good.Name}", good.SeeIndirect, PerTonne)
                {
                    Note = $"{Formula}, indirect: electricity (flows tagged {CbamTags.Electricity}) × its emission factor, plus each precursor's indirect SEE × its mass. {Source}.",
                });
                lines.Add(new ViewLine("see", $"Specific embedded emissions of {Good.Name} that count", good.SeeCounted, PerTonne)
                {
                    Note = Good.CountsIndirect
                        ? $"see-direct + see-indirect: indirect emissions count for CN {Good.CnCode} (not in Regulation (EU) 2023/956 Annex II)."
                        : $"see-direct{(Good.IndirectByPrecursor.Values.Any(v => v) ? " plus the indirect emissions of precursors outside Annex II" : string.Empty)}: only direct emissions count for CN {Good.CnCode} (Regulation (EU) 2023/956 Article 7(1) and Annex II).",
                });
            }

            lines.Add(new ViewLine("attributed-direct", "Attributed direct emissions of the installation's processes (AttrEm, direct)", good.Direct, "t CO2e")
            {
                Note = $"Direct emissions of {gases} of the processes tagged {CbamTags.Installation}. {excluded}",
            });
            lines.Add(new ViewLine("attributed-indirect", "Attributed indirect emissions of the installation's processes (AttrEm, indirect)", good.Indirect, "t CO2e")
            {
                Note = $"Electricity used by the processes tagged {CbamTags.Installation} (flows tagged {CbamTags.Electricity}) × its emission factor.",
            });
            lines.Add(new ViewLine("activity-level", $"Activity level: {Good.Name} made (AL)", good.Activity, "t")
            {
                Note = "The reference output of the processes tagged " + CbamTags.Installation + ", for the calculated demand.",
            });
            lines.Add(new ViewLine("precursors-direct", "Direct embedded emissions of the precursors used (Σ M_i × SEE_i, direct)", good.PrecursorsDirect, "t CO2e")
            {
                Note = "Purchased precursors count their factor's emissions as direct.",
            });
            lines.Add(new ViewLine("precursors-indirect", "Indirect embedded emissions of the precursors used (Σ M_i × SEE_i, indirect)", good.PrecursorsIndirect, "t CO2e"));

            for (int j = 1; j < _groups.Length; j++)
            {
                string name = _names[j];
                var p = _groups[j];
                double mass = 0, direct = 0, indirect = 0;
                for (int g = 0; g < _groups.Length; g++)
                {
                    if (g == j)
                    {
                        continue;
                    }

                    double m = _groups[g].ProducedMass[j];
                    mass += m + _groups[g].PurchasedMass[j];
                    direct += m * p.SeeDirect + _groups[g].PurchasedEmissions[j];
                    indirect += m * p.SeeIndirect;
                }

                lines.Add(new ViewLine($"precursor:{name}:mass", $"Precursor {name} used (M)", mass, "t")
                {
                    Note = "Made within the system and linked to a user, or purchased (a flow tagged " + CbamTags.Precursor(name) + ").",
                });
                double? seeDirect = mass > 0 ? direct / mass : p.Solved ? p.SeeDirect : null;
                double? seeIndirect = mass > 0 ? indirect / mass : p.Solved ? p.SeeIndirect : null;
                if (seeDirect is { } sd && seeIndirect is { } si)
                {
                    lines.Add(new ViewLine($"precursor:{name}:see-direct", $"Specific direct embedded emissions of precursor {name}", sd, PerTonne)
                    {
                        Note = $"{Formula} for the precursor's own processes (tagged {CbamTags.Precursor(name)}); mass-weighted with purchased {name}, whose factor counts as direct. {excluded}",
                    });
                    lines.Add(new ViewLine($"precursor:{name}:see-indirect", $"Specific indirect embedded emissions of precursor {name}", si, PerTonne)
                    {
                        Note = $"{Formula}, indirect (electricity) of the precursor's own processes; counted in 'see' {(Good.CountsIndirectOf(name) ? "yes" : "no")}.",
                    });
                }
            }

            lines.Add(new ViewLine("excluded-upstream", "Left out: upstream emissions of the fuels and materials of the CBAM processes", _excludedUpstream, "t CO2e")
            {
                Note = "Factor uses other than electricity and purchased precursors, and supply chains of untagged processes: not embedded emissions under Regulation (EU) 2023/956 Annex IV.",
            });
            lines.Add(new ViewLine("excluded-biogenic-co2", "Left out: biogenic CO2 of the CBAM processes", _excludedBiogenic, "t CO2")
            {
                Note = "Biomass emissions are zero-rated (Implementing Regulation (EU) 2025/2547 Annex II point B.3.3; 2023/1773 Annex II likewise).",
            });
            lines.Add(new ViewLine("excluded-other-gases", $"Left out: direct emissions of gases other than {gases}", _excludedGases, "t CO2e")
            {
                Note = $"Regulation (EU) 2023/956 Annex I names {gases} for this good.",
            });
            return lines.ToImmutable();
        }

        private sealed class Group(int size)
        {
            public bool HasProcesses { get; set; }

            public double Direct { get; set; }

            public double Indirect { get; set; }

            public double Activity { get; set; }

            public double[] ProducedMass { get; } = new double[size];

            public double[] PurchasedMass { get; } = new double[size];

            public double[] PurchasedEmissions { get; } = new double[size];

            public HashSet<(ProcessId, FlowId)> Internal { get; } = [];

            public double PrecursorsDirect { get; set; }

            public double PrecursorsIndirect { get; set; }

            public double SeeDirect { get; set; }

            public double SeeIndirect { get; set; }

            public double SeeCounted { get; set; }

            public bool Solved { get; set; }
        }
    }
}
