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
/// <para>Default values: a purchased precursor flow that also carries <c>cbam:cn=&lt;digits&gt;</c> and <c>cbam:origin=&lt;country&gt;</c>
/// (<see cref="CbamTags.CnCode"/>, <see cref="CbamTags.Origin"/>) has no actual data: the view looks its CN code and country up in
/// <see cref="Defaults"/> and counts <c>M_i × SEE_i(default)</c>, direct and indirect apart (an indirect value the source does not
/// give counts as zero, and the warning says so), instead of the flow's factor, whose emissions move to
/// <c>excluded-precursor-factors</c>. The lines <c>precursor:&lt;name&gt;:default-mass</c>, <c>:default-see-direct</c>,
/// <c>:default-see-indirect</c>, <c>:default-cn</c>, <c>:default-cn-fallback</c> and <c>:default-country-fallback</c> and a warning
/// (code <see cref="ProblemCodes.FactorFallbackUsed"/>) show the value used, the CN code and country matched, the fallbacks taken,
/// the dataset and its confidence. When the flow's factor is primary data (<see cref="FactorProvenance.IsPrimaryData"/>: a supplier's
/// actual value) the actual data wins and the view says so; when the declaration is incomplete, no source was given, or no value
/// covers the code, the factor counts as before and a warning says why. A precursor partly from actual data and partly at default
/// values is named in a warning.</para>
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

    /// <summary>Initializes a new instance without a source of default values: a precursor declared without actual data is then
    /// counted by its factor, with a warning.</summary>
    /// <param name="good">The good.</param>
    /// <exception cref="ArgumentException">The good has no name, no CN code, or no gases.</exception>
    public CbamView(CbamGood good)
        : this(good, null)
    {
    }

    /// <summary>Initializes a new instance that takes CBAM default values for purchased precursors without actual data.</summary>
    /// <param name="good">The good.</param>
    /// <param name="defaults">The source of default values, or <see langword="null"/> for none.</param>
    /// <exception cref="ArgumentException">The good has no name, no CN code, or no gases.</exception>
    public CbamView(CbamGood good, ICbamDefaultValues? defaults)
    {
        ArgumentNullException.ThrowIfNull(good);
        ArgumentException.ThrowIfNullOrWhiteSpace(good.Name, nameof(good));
        ArgumentException.ThrowIfNullOrWhiteSpace(good.CnCode, nameof(good));
        if (good.Gases.IsDefaultOrEmpty || good.Gases.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException($"The CBAM good '{good.Name}' needs at least one greenhouse gas, each a formula such as CO2.", nameof(good));
        }

        Good = good;
        Defaults = defaults;
    }

    /// <summary>Gets the good.</summary>
    public CbamGood Good { get; }

    /// <summary>Gets the source of CBAM default values for purchased precursors without actual data, if any.</summary>
    public ICbamDefaultValues? Defaults { get; }

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
        private readonly Dictionary<int, List<(CbamDefault Match, double Mass)>> _defaults = [];
        private double _excludedUpstream, _excludedBiogenic, _excludedGases, _excludedPrecursorFactors;

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

        private static string? TagValue(ImmutableArray<Tag> tags, string name) =>
            tags.Where(t => t.HasName(name)).Select(t => t.Value).FirstOrDefault();

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
                        if (DefaultFor(use, factor, tags, precursor) is { } match)
                        {
                            group.DefaultMass[j] += mass;
                            group.DefaultDirect[j] += mass * match.Direct;
                            group.DefaultIndirect[j] += mass * (match.Indirect ?? 0);
                            _excludedPrecursorFactors += use.Co2e / 1000;
                            Record(j, match, mass);
                        }
                        else
                        {
                            group.PurchasedMass[j] += mass;
                            group.PurchasedEmissions[j] += Counted(use, factor, isElectricity: false);
                        }
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

        /// <summary>The default value a purchased precursor flow declares (<c>cbam:cn</c>, <c>cbam:origin</c>), or null when it declares none,
        /// its factor is actual (primary) data, the declaration is incomplete, or no value is found; each but the first with a warning.</summary>
        private CbamDefault? DefaultFor(InventoryFactorUse use, InventoryFactor factor, ImmutableArray<Tag> tags, string precursor)
        {
            string? cn = TagValue(tags, CbamTags.CnCodeName);
            string? origin = TagValue(tags, CbamTags.OriginName);
            if (cn is null && origin is null)
            {
                return null;
            }

            string what = $"The purchased precursor '{precursor}' (flow '{use.Flow}')";
            string declared = $"{(cn is null ? string.Empty : $"{CbamTags.CnCodeName}={cn}")}{(cn is null || origin is null ? string.Empty : ", ")}{(origin is null ? string.Empty : $"{CbamTags.OriginName}={origin}")}";
            string fallsBack = "its factor's emissions count as direct embedded emissions instead";
            var provenance = factor.Factor.Provenance;
            if (provenance.IsPrimaryData)
            {
                WarnOnce($"actual:{use.Flow}", $"{what} declares a CBAM default value ({declared}) but has actual data: its factor '{factor.Request.Key}' ({provenance.Publisher}) is primary data. Actual data wins: the factor's emissions count as the precursor's direct embedded emissions and no default value is used.");
                return null;
            }

            if (cn is null || origin is null)
            {
                WarnOnce($"declaration:{use.Flow}", $"{what} carries {declared} without {(cn is null ? CbamTags.CnCodeName : CbamTags.OriginName)}: a CBAM default value needs both the CN code and the country of origin, so none is used; {fallsBack}.");
                return null;
            }

            if (!CbamTags.TryNormalizeCn(cn, out string? digits) || !CbamTags.TryNormalizeCountry(origin, out string? country))
            {
                WarnOnce($"declaration:{use.Flow}", $"{what} carries {declared}: a CN code is 4 to 10 digits and a country of origin two letters (ISO 3166-1 alpha-2), so no default value is used; {fallsBack}.");
                return null;
            }

            if (_view.Defaults is null)
            {
                WarnOnce($"no-source:{use.Flow}", $"{what} declares a CBAM default value ({declared}) but the view was given no source of default values (CbamView(good, defaults)); {fallsBack}.");
                return null;
            }

            if (_view.Defaults.Find(digits, country) is not { } match)
            {
                WarnOnce($"not-found:{use.Flow}", $"{what} declares {declared}, but the source of default values has no value for CN {digits} (nor a shorter code) from {country} or from other countries; {fallsBack}.");
                return null;
            }

            if (!double.IsFinite(match.Direct) || match.Direct < 0 || match.Indirect is { } bad && (!double.IsFinite(bad) || bad < 0))
            {
                WarnOnce($"not-found:{use.Flow}", $"{what}: the default value found for CN {match.CnCode} from {match.Country} is not a finite number of at least 0; {fallsBack}.");
                return null;
            }

            WarnOnce($"default:{use.Flow}", $"{what} has no actual data: the CBAM default value is used, {Describe(match)}", ProblemCodes.FactorFallbackUsed);
            return match;
        }

        private static string Number(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);

        private static string Describe(CbamDefault match)
        {
            var p = match.Provenance;
            string cn = match.IsCnCodeFallback ? $"CN {match.CnCode} (a CN-code fallback: no value for {match.RequestedCnCode})" : $"CN {match.CnCode} (the code declared)";
            string country = match.IsCountryFallback ? $"country {match.Country} (a country fallback: no value for {match.RequestedCountry})" : $"country {match.Country} (the country of origin declared)";
            string indirect = match.Indirect is { } i ? $"indirect {Number(i)} t CO2e/t" : "indirect not given by the default value, counted as 0";
            string dataset = p.Dataset is null ? p.Document : $"{p.Dataset}{(p.DatasetVersion is null ? string.Empty : $" {p.DatasetVersion}")} ({p.Document})";
            return $"{cn}, {country}: direct {Number(match.Direct)} t CO2e/t, {indirect}; dataset {dataset}, confidence {p.Confidence.ToString().ToLowerInvariant()}.";
        }

        private void Record(int precursor, CbamDefault match, double mass)
        {
            if (!_defaults.TryGetValue(precursor, out var list))
            {
                _defaults[precursor] = list = [];
            }

            int i = list.FindIndex(e => e.Match == match);
            if (i < 0)
            {
                list.Add((match, mass));
            }
            else
            {
                list[i] = (match, list[i].Mass + mass);
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

        private void WarnOnce(string key, string message, string code = ProblemCodes.ImplausibleValue)
        {
            if (_warned.Add(key))
            {
                Warn(message, code);
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
                    eeDirect += group.DefaultDirect[s];
                    eeIndirect += group.DefaultIndirect[s];
                    eeCounted += group.DefaultDirect[s] + (Good.CountsIndirectOf(_names[s]) ? group.DefaultIndirect[s] : 0);
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
                Note = "Purchased precursors count their factor's emissions as direct; those without actual data (tagged cbam:cn and cbam:origin) count the CBAM default value, direct and indirect apart.",
            });
            lines.Add(new ViewLine("precursors-indirect", "Indirect embedded emissions of the precursors used (Σ M_i × SEE_i, indirect)", good.PrecursorsIndirect, "t CO2e"));

            for (int j = 1; j < _groups.Length; j++)
            {
                string name = _names[j];
                var p = _groups[j];
                double mass = 0, direct = 0, indirect = 0, defaultMass = 0, defaultDirect = 0, defaultIndirect = 0;
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
                    defaultMass += _groups[g].DefaultMass[j];
                    defaultDirect += _groups[g].DefaultDirect[j];
                    defaultIndirect += _groups[g].DefaultIndirect[j];
                }

                if (defaultMass > 0 && mass > 0)
                {
                    Warn($"The precursor '{name}' mixes actual data ({Number(mass)} t made within the system or bought with a factor) and CBAM default values ({Number(defaultMass)} t); precursor:{name}:see-direct and see-indirect are the mass-weighted average of both, precursor:{name}:default-* show the part at default values.");
                }

                mass += defaultMass;
                direct += defaultDirect;
                indirect += defaultIndirect;

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

                if (defaultMass > 0)
                {
                    DefaultLines(lines, j, defaultMass, defaultDirect, defaultIndirect);
                }
            }

            lines.Add(new ViewLine("excluded-upstream", "Left out: upstream emissions of the fuels and materials of the CBAM processes", _excludedUpstream, "t CO2e")
            {
                Note = "Factor uses other than electricity and purchased precursors, and supply chains of untagged processes: not embedded emissions under Regulation (EU) 2023/956 Annex IV.",
            });
            if (_defaults.Count > 0)
            {
                lines.Add(new ViewLine("excluded-precursor-factors", "Left out: the factors of purchased precursors counted at CBAM default values", _excludedPrecursorFactors, "t CO2e")
                {
                    Note = "The footprint counts these flows by their factors; CBAM counts the default values instead (precursor:<name>:default-*).",
                });
            }

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

        private void DefaultLines(ImmutableArray<ViewLine>.Builder lines, int j, double mass, double direct, double indirect)
        {
            string name = _names[j];
            var matches = _defaults[j];
            bool anyIndirect = matches.Any(m => m.Match.Indirect is not null);
            lines.Add(new ViewLine($"precursor:{name}:default-mass", $"Precursor {name} counted at CBAM default values (no actual data)", mass, "t")
            {
                Note = $"Purchased flows tagged {CbamTags.Precursor(name)} with {CbamTags.CnCodeName} and {CbamTags.OriginName}, whose factor is not primary data.",
            });
            lines.Add(new ViewLine($"precursor:{name}:default-see-direct", $"CBAM default direct specific embedded emissions of precursor {name}", direct / mass, PerTonne)
            {
                Note = "M_i × SEE_i(default, direct) / M_i; the value's source is in the default-cn line and the view's warnings.",
            });
            lines.Add(new ViewLine($"precursor:{name}:default-see-indirect", $"CBAM default indirect specific embedded emissions of precursor {name}", indirect / mass, PerTonne)
            {
                Note = anyIndirect
                    ? $"M_i × SEE_i(default, indirect) / M_i; counted in 'see' {(Good.CountsIndirectOf(name) ? "yes" : "no")}."
                    : "The default value gives no indirect emissions: counted as 0.",
            });
            for (int k = 0; k < matches.Count; k++)
            {
                var (match, m) = matches[k];
                string suffix = k == 0 ? string.Empty : $":{(k + 1).ToString(CultureInfo.InvariantCulture)}";
                string note = $"{m.ToString("0.######", CultureInfo.InvariantCulture)} t at the CBAM default value of {Describe(match)}{(match.Provenance.Note is { } n ? $" Source: {n}" : string.Empty)}";
                lines.Add(new ViewLine($"precursor:{name}:default-cn{suffix}", $"CN code of the CBAM default value used for precursor {name}: {match.CnCode}, country {match.Country}", double.Parse(match.CnCode, CultureInfo.InvariantCulture), "CN code")
                {
                    Note = note,
                });
                lines.Add(new ViewLine($"precursor:{name}:default-cn-fallback{suffix}", $"CN-code fallback taken for precursor {name} (1 yes, 0 no): {match.RequestedCnCode} -> {match.CnCode}", match.IsCnCodeFallback ? 1 : 0, "flag"));
                lines.Add(new ViewLine($"precursor:{name}:default-country-fallback{suffix}", $"Country fallback taken for precursor {name} (1 yes, 0 no): {match.RequestedCountry} -> {match.Country}", match.IsCountryFallback ? 1 : 0, "flag"));
            }
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

            public double[] DefaultMass { get; } = new double[size];

            public double[] DefaultDirect { get; } = new double[size];

            public double[] DefaultIndirect { get; } = new double[size];

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
