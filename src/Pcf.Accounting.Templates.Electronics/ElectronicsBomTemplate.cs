using System.Collections.Immutable;
using System.Globalization;
using Pcf.Accounting.Model;
using Pcf.Accounting.Rules;
using Pcf.Accounting.Templates.Electronics.Bom;
using Pcf.Accounting.Templates.Electronics.Parts;
using Pcf.Accounting.Units;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Templates.Electronics;

/// <summary>The template <c>electronics/bom</c>: the cradle-to-gate footprint of one piece of an electrical or electronic product
/// from its nested bill of materials (<c>pcf-bom/1</c>), with parametric part models (ACT, Boavizta), supplier footprints as
/// primary data, final assembly energy, packaging and inbound transport.</summary>
/// <remarks>
/// <para>Every BOM node becomes a process: a module uses its children, a part uses what its model derives (wafer area per good
/// die, fab electricity, capacity per good die ...) supplied by factors, a supplied part uses its factor. So the engine gives
/// the contribution of every module and part; processes carry the tags <c>bom:module=&lt;top-level id&gt;</c>,
/// <c>bom:part-type=&lt;type&gt;</c>, <c>bom:part=&lt;path&gt;</c> and <c>bom:model=&lt;model&gt;</c>, and the build adds the
/// hotspot view <c>electronics-hotspots</c> (contribution by module, by part type, and each part with its data source).</para>
/// <para>The bill of materials is the file named by <c>bomFile</c>, resolved against the parameter file's folder
/// (<see cref="TemplateValues.Folder"/>), or the one given to <see cref="ElectronicsBomTemplate(BillOfMaterials)"/>.</para>
/// </remarks>
/// <example><code>
/// var template = new ElectronicsBomTemplate(bom);           // or the registered one, with "bomFile" in the parameters
/// var build = template.Build(TemplateInput.Empty.Set("assemblyElectricity", 1.5, "line meter 2025")).ThrowIfInvalid();
/// var result = (await calculator.CalculateAsync(build)).ThrowIfInvalid();
/// foreach (var module in result.ByTagName("bom:module")) Console.WriteLine($"{module.Value}: {module.Co2e:F2} kg CO2e");
/// </code></example>
/// <threadsafety>Immutable and thread-safe.</threadsafety>
public sealed class ElectronicsBomTemplate : ITemplate
{
    /// <summary>The template's id.</summary>
    public const string TemplateId = "electronics/bom";

    /// <summary>The tag name of the top-level module a process belongs to.</summary>
    public const string ModuleTag = "bom:module";

    /// <summary>The tag name of a part's type.</summary>
    public const string PartTypeTag = "bom:part-type";

    /// <summary>The tag name of a part's path in the BOM.</summary>
    public const string PartTag = "bom:part";

    /// <summary>The tag name of a part's model (<c>supplied</c> for a supplied part).</summary>
    public const string ModelTag = "bom:model";

    private const string TemplateDefault = "template default";

    private static readonly ImmutableDictionary<string, string> PackagingKeys = new Dictionary<string, string>
    {
        // DESNZ 2025 greenhouse gas conversion factors, material use (Pcf.Accounting.Data, OGL v3).
        ["board"] = "material/paper/board/primary",
        ["paper"] = "material/paper/paper/primary",
        ["plastic-film"] = "material/plastic/average-plastic-film/primary",
        ["plastic-rigid"] = "material/plastic/average-plastic-rigid/primary",
        ["wood"] = "material/construction/wood/primary",
    }.ToImmutableDictionary(StringComparer.Ordinal);

    private const int PackagingFactorYear = 2025;

    private readonly BillOfMaterials? _bom;

    /// <summary>Initializes the template that reads its bill of materials from the file named by the parameter <c>bomFile</c>.</summary>
    public ElectronicsBomTemplate()
    {
    }

    /// <summary>Initializes the template for a bill of materials made in C#; the parameter <c>bomFile</c> must then be left out.</summary>
    /// <param name="bom">The bill of materials.</param>
    public ElectronicsBomTemplate(BillOfMaterials bom)
    {
        ArgumentNullException.ThrowIfNull(bom);
        _bom = bom;
    }

    /// <inheritdoc/>
    public TemplateDescriptor Descriptor { get; } = new(TemplateId, "Electrical or electronic product from its bill of materials", "1.0",
        Quantity.Of(1, Unit.Piece), SystemBoundary.CradleToGate)
    {
        Description = "One piece of the product, cradle to gate: its parts from parametric models (ACT for ICs, memory, storage, PCBs, "
            + "batteries and materials; Boavizta for server components) or supplier footprints, modules as the BOM nests them, final "
            + "assembly electricity, packaging and inbound transport. Use, end of life and outbound logistics are outside the boundary.",
        Standards =
        [
            new TemplateStandard("IEC 63372:2026", "carbon footprint of electric and electronic products (replaces IEC TR 62725:2013)"),
            new TemplateStandard("ISO 14067:2018"),
            new TemplateStandard("GB/T 24067-2024"),
            new TemplateStandard("ITU-T L.1410", "LCA of ICT goods"),
        ],
    };

    /// <inheritdoc/>
    public ImmutableArray<TemplateParameter> Parameters { get; } =
    [
        TemplateParameter.Text("bomFile", "The pcf-bom/1 file of the product, relative to the parameter file's folder.") with { IsOptional = true },
        TemplateParameter.Text("fabRegion", "Region whose grid factor IC fabs and capacitor makers use unless a part names its own (such as TW, KR, CN-JS).")
            .WithDefault("TW", "ACT act/core/common.py DEFAULT_FAB_LOCATION = Taiwan (commit abc9fbb7)"),
        TemplateParameter.Choice("gridFactor", "Grid factor of electricity: life-cycle (electricity/grid) or combustion CO2 only (electricity/grid/combustion, China's provincial factors).",
            "life-cycle", "combustion").WithDefault("life-cycle", "template default: GB/T 24067 and ISO 14067 footprints take life-cycle grid factors"),
        TemplateParameter.Number("assemblyElectricity", "kWh", "Electricity of final assembly and test per piece, metered.", min: 0, max: 1e6)
            with { IsSiteData = true, IsOptional = true },
        TemplateParameter.Text("assemblyRegion", "Region of the final assembly plant's grid (such as CN, CN-GD).").WithDefault("CN", TemplateDefault),
        TemplateParameter.Number("referenceYear", "1", "Year of the data; grid factors are asked for this year.", min: 2000, max: 2100)
            .WithDefault(2023, "template default: the latest year of China's official life-cycle grid factor (MEE, NBS, NEA announcement 2025-01-17)"),
        TemplateParameter.List("packaging", "Packaging of one piece.",
            TemplateParameter.Choice("material", "Material; DESNZ 2025 material-use factors.", [.. PackagingKeys.Keys.Order(StringComparer.Ordinal)]),
            TemplateParameter.Number("mass", "kg", "Mass per piece.", min: 0, max: 10_000),
            TemplateParameter.Text("factorKey", "A factor key instead of the material's (a supplier's per-kg footprint).") with { IsOptional = true }),
        TemplateParameter.List("inboundTransport", "Transport of parts to the assembly plant, per piece of product.",
            TemplateParameter.Choice("mode", "Mode.", "road", "rail", "sea", "inland-waterway", "air"),
            TemplateParameter.Number("amount", "tkm", "Tonne-kilometres per piece.", min: 0, max: 1e6),
            TemplateParameter.Text("factorKey", "Factor key per tkm; freight/<mode> when left out (supply it in a factor file).") with { IsOptional = true }),
        TemplateParameter.Choice("ruleSet", "The rule set.", "GBT24067", "ISO14067", "PACT3").WithDefault("GBT24067", TemplateDefault),
    ];

    /// <inheritdoc/>
    public ValidationResult<TemplateBuild> Build(TemplateValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var bom = LoadBom(values, out var problems);
        if (bom is null)
        {
            return ValidationResult.Failure<TemplateBuild>(problems);
        }

        problems = BomValidator.Walk(bom, out var entries);
        if (problems.Count > 0)
        {
            return ValidationResult.Failure<TemplateBuild>(problems);
        }

        var settings = new ProductSettings(values.Choice("fabRegion"),
            values.Choice("gridFactor") == "combustion" ? "electricity/grid/combustion" : "electricity/grid");
        var builder = new ProductSystemBuilder(bom.Name)
            .Describe(bom.Description ?? $"{bom.Name}: cradle to gate from its bill of materials ({entries.Count} nodes)")
            .InRegion(values.Choice("assemblyRegion"))
            .ForYear((int)values.Number("referenceYear"))
            .AddFlow("product", bom.Name, Unit.Piece)
            .WithProductMass(bom.ProductMass)
            .WithReferenceProduct("product")
            .WithDeclaredUnit(1, Unit.Piece);
        var flows = new Dictionary<string, FlowId>(StringComparer.Ordinal);
        FlowId Background(PartInput input)
        {
            string id = $"bg:{input.Key}|{input.Unit.Symbol}";
            if (!flows.TryGetValue(id, out var flow))
            {
                flow = new FlowId(id);
                flows.Add(id, flow);
                builder.AddFlow(flow, input.FlowName, input.Unit, factorKey: input.Key);
            }

            return flow;
        }

        void Consume(ProcessBuilder p, PartInput input)
        {
            var supply = Supply.FromFactor(input.Key, input.Region, input.Year);
            _ = input.Derivation is { } d ? p.Consumes(Background(input), d, supply) : p.Consumes(Background(input), input.Amount, input.Unit, supply);
        }

        // Children by parent, in BOM order.
        var children = new List<int>[entries.Count];
        var topLevel = new List<int>();
        for (int i = 0; i < entries.Count; i++)
        {
            (entries[i].Parent < 0 ? topLevel : children[entries[i].Parent] ??= []).Add(i);
        }

        foreach (var (e, i) in entries.Select((e, i) => (e, i)))
        {
            var node = e.Node;
            builder.AddFlow(NodeFlow(e), node.Name ?? e.Path, Unit.Piece);
            string type = node.PartType ?? e.Model?.PartType ?? (node.IsModule ? "module" : "supplied-part");
            var inputs = new List<PartInput>();
            if (e.Model is { } model)
            {
                var context = new PartContext(e.Path, settings);
                model.Build(context, e.Values!);
                inputs.AddRange(context.Inputs);
            }
            else if (node.FactorKey is { } key)
            {
                inputs.Add(new PartInput(key, $"{key} (per piece)", Unit.Piece, null, 1, null));
            }

            builder.AddProcess(NodeProcess(e), node.Name is { } name ? $"{name} ({e.Path})" : e.Path, p =>
            {
                p.Produces(NodeFlow(e), 1, Unit.Piece).InStage(LifeCycleStage.RawMaterialAcquisition)
                    .Tagged($"{ModuleTag}={e.TopLevel}", $"{PartTypeTag}={type}", $"{PartTag}={e.Path}", $"{ModelTag}={e.Model?.Id ?? (node.IsModule ? "module" : "supplied")}");
                foreach (int c in children[i] ?? [])
                {
                    p.Consumes(NodeFlow(entries[c]), entries[c].Node.Quantity, Unit.Piece, Supply.FromProcess(NodeProcess(entries[c])));
                }

                foreach (var input in inputs)
                {
                    Consume(p, input);
                }
            });
        }

        var packaging = values.Items("packaging");
        var transport = values.Items("inboundTransport");
        var packagingInputs = packaging.Select((item, k) => PackagingInput(item, k)).ToList();
        var transportInputs = transport.Select((item, k) => (Mode: item.Choice("mode"), Input: TransportInput(item, k))).ToList();
        if (packagingInputs.Count > 0)
        {
            builder.AddFlow("packaging", "Packaging of one piece", Unit.Piece).AddProcess("packaging", "Packaging", p =>
            {
                p.Produces("packaging", 1, Unit.Piece).InStage(LifeCycleStage.Production)
                    .Tagged(Tags.Packaging.Text, $"{ModuleTag}=packaging", $"{PartTypeTag}=packaging", $"{PartTag}=packaging", $"{ModelTag}=packaging");
                packagingInputs.ForEach(i => Consume(p, i));
            });
        }

        for (int k = 0; k < transportInputs.Count; k++)
        {
            var (mode, input) = transportInputs[k];
            string id = string.Create(CultureInfo.InvariantCulture, $"inbound-transport-{k}");
            builder.AddFlow(id, $"Inbound transport {k} ({mode})", Unit.Piece).AddProcess(id, $"Inbound transport {k} ({mode})", p =>
            {
                p.Produces(id, 1, Unit.Piece).InStage(LifeCycleStage.RawMaterialAcquisition)
                    .Tagged($"{ModuleTag}=inbound-transport", $"{PartTypeTag}=transport", $"{PartTag}={id}", $"{ModelTag}=transport-{mode}");
                if (mode == "air")
                {
                    p.Tagged(Tags.AircraftTransport);
                }

                Consume(p, input);
            });
        }

        bool metered = values.Has("assemblyElectricity");
        builder.AddProcess("product", $"Final assembly of {bom.Name}", p =>
        {
            p.Produces("product", 1, Unit.Piece).InStage(LifeCycleStage.Production).InRegion(values.Choice("assemblyRegion"))
                .Tagged($"{ModuleTag}=final-assembly", $"{PartTypeTag}=assembly-energy", $"{PartTag}=final-assembly", $"{ModelTag}=assembly-electricity")
                .AsPrimaryData(metered);
            foreach (int c in topLevel)
            {
                p.Consumes(NodeFlow(entries[c]), entries[c].Node.Quantity, Unit.Piece, Supply.FromProcess(NodeProcess(entries[c])));
            }

            if (packagingInputs.Count > 0)
            {
                p.Consumes("packaging", 1, Unit.Piece, Supply.FromProcess("packaging"));
            }

            for (int k = 0; k < transportInputs.Count; k++)
            {
                string id = string.Create(CultureInfo.InvariantCulture, $"inbound-transport-{k}");
                p.Consumes(id, 1, Unit.Piece, Supply.FromProcess(id));
            }

            if (metered)
            {
                var energy = Derivation.Create("final assembly electricity", "E", [values.Input("assemblyElectricity", "E")], UnitExpression.Of(Unit.KilowattHour),
                    "site data: electricity of final assembly and test per piece");
                Consume(p, new PartInput(settings.GridKey, "Electricity, grid", Unit.KilowattHour, energy, energy.Result.Value, values.Choice("assemblyRegion")));
            }
        });

        var system = builder.Validate();
        if (!system.IsValid)
        {
            return ValidationResult.Failure<TemplateBuild>(system.Problems);
        }

        var ruleSet = values.Choice("ruleSet") switch
        {
            "ISO14067" => RuleSet.Iso14067,
            "PACT3" => RuleSet.Pact3,
            _ => RuleSet.GbT24067,
        };
        var warnings = ImmutableArray.CreateBuilder<ValidationProblem>();
        if (!metered)
        {
            warnings.Add(new ValidationProblem("assemblyElectricity", ProblemCodes.ImplausibleValue,
                "No final assembly electricity was given: the footprint leaves it out.") { Subject = new ParameterSubject("assemblyElectricity") });
        }

        return ValidationResult.Success(new TemplateBuild(Descriptor, system.Value, ruleSet, values)
        {
            Views = [new ElectronicsHotspotsView()],
            Warnings = warnings.ToImmutable(),
        });
    }

    private static FlowId NodeFlow(BomEntry e) => new($"bom:{e.Path}");

    private static ProcessId NodeProcess(BomEntry e) => new($"bom:{e.Path}");

    private static PartInput PackagingInput(TemplateValues item, int k)
    {
        string material = item.Choice("material");
        string key = item.Has("factorKey") ? item.Choice("factorKey") : PackagingKeys[material];
        var mass = Derivation.Create(string.Create(CultureInfo.InvariantCulture, $"packaging[{k}] ({material}): mass"), "m", [item.Input("mass", "m")],
            UnitExpression.Of(Unit.Kilogram), "site data: packaging mass per piece");
        // The embedded material-use factors are DESNZ 2025's only: ask them for 2025 whatever the reference year (a later year is
        // never a fallback), so a product of 2023 can still take the default; a user's factorKey is asked for the reference year.
        return new PartInput(key, $"Packaging material, {material}", Unit.Kilogram, mass, mass.Result.Value, null, item.Has("factorKey") ? null : PackagingFactorYear);
    }

    private static PartInput TransportInput(TemplateValues item, int k)
    {
        string mode = item.Choice("mode");
        string key = item.Has("factorKey") ? item.Choice("factorKey") : $"freight/{mode}";
        var amount = Derivation.Create(string.Create(CultureInfo.InvariantCulture, $"inbound transport[{k}] ({mode}): tonne-kilometres"), "W", [item.Input("amount", "W")],
            UnitExpression.Of(Unit.TonneKilometre), "site data: inbound freight per piece");
        return new PartInput(key, $"Freight, {mode}", Unit.TonneKilometre, amount, amount.Result.Value, null);
    }

    private BillOfMaterials? LoadBom(TemplateValues values, out List<ValidationProblem> problems)
    {
        problems = [];
        bool named = values.Has("bomFile");
        if (_bom is not null)
        {
            if (named)
            {
                problems.Add(new ValidationProblem("bomFile", ProblemCodes.InconsistentParameters,
                    "This template was given its bill of materials in C#; leave 'bomFile' out.") { Subject = new ParameterSubject("bomFile") });
                return null;
            }

            return _bom;
        }

        if (!named || string.IsNullOrWhiteSpace(values.Choice("bomFile")))
        {
            problems.Add(new ValidationProblem("bomFile", ProblemCodes.Required,
                "'bomFile' needs the pcf-bom/1 file of the product, relative to the parameter file.") { Subject = new ParameterSubject("bomFile") });
            return null;
        }

        string file = values.Choice("bomFile");
        string path = Path.GetFullPath(Path.IsPathRooted(file) ? file : Path.Combine(values.Folder ?? Directory.GetCurrentDirectory(), file));
        var read = BomJson.ReadFile(path);
        if (!read.IsValid)
        {
            // Paths name the file, so a reader tells a problem of the BOM from one of the parameters: server.bom.json:$.nodes[0].id.
            problems.AddRange(read.Problems.Select(p => p with { Path = $"{Path.GetFileName(path)}:{p.Path}", Subject = p.Subject ?? new ParameterSubject("bomFile") }));
            return null;
        }

        return read.Value;
    }
}
