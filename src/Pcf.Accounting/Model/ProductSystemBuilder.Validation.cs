using System.Collections.Immutable;
using System.Globalization;
using Pcf.Accounting.Gases;
using Pcf.Accounting.Json;
using Pcf.Accounting.Units;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Model;

// Validation of the whole system: flows, processes, the reference product and declared unit; every problem at once.
public sealed partial class ProductSystemBuilder
{
    private ProductSystem? Check(List<ValidationProblem> problems)
    {
        void Problem(JsonPath path, string code, string message) => problems.Add(new(path.ToString(), code, message));
        void ProblemText(string path, string code, string message) => problems.Add(new(path, code, message));

        if (string.IsNullOrWhiteSpace(Name))
        {
            Problem("$.name", ProblemCodes.Required, "The product system needs a name.");
        }

        CheckYear("$.referenceYear", _year, ProblemText);

        // Flows: ids unique and non-empty.
        var flows = new Dictionary<FlowId, Flow>(_flows.Count);
        for (int i = 0; i < _flows.Count; i++)
        {
            var flow = _flows[i];
            var path = FlowsPath.Item(i);
            if (string.IsNullOrWhiteSpace(flow.Id.Value))
            {
                Problem(path.Member("id"), ProblemCodes.InvalidId, "A flow needs a non-empty id.");
            }
            else if (!flows.TryAdd(flow.Id, flow))
            {
                Problem(path.Member("id"), ProblemCodes.DuplicateId, $"Flow id '{flow.Id}' is used twice.");
            }

            if (flow.FactorKey is { } key && string.IsNullOrWhiteSpace(key))
            {
                // A factor is requested under this key: an empty one names nothing (leave it out to use the flow's id).
                Problem(path.Member("factorKey"), ProblemCodes.Required, "'factorKey' must not be empty; leave it out to look the factor up under the flow's id.");
            }

            if (string.IsNullOrWhiteSpace(flow.Name))
            {
                Problem(path.Member("name"), ProblemCodes.Required, $"Flow '{flow.Id}' needs a name.");
            }

            if (flow.ReferenceUnit is null)
            {
                Problem(path.Member("unit"), ProblemCodes.Required, $"Flow '{flow.Id}' needs a unit.");
            }
            else if (flow.ReferenceUnit.Dimension.Kind == DimensionKind.Currency)
            {
                Problem(path.Member("unit"), ProblemCodes.WrongDimension, $"Flow '{flow.Id}' cannot be measured in a currency ('{flow.ReferenceUnit}').");
            }
        }

        // Processes: ids unique; who produces which flow.
        var processIds = new Dictionary<ProcessId, int>(_processes.Count);
        var producers = new Dictionary<FlowId, List<ProcessId>>(_processes.Count);
        for (int i = 0; i < _processes.Count; i++)
        {
            var p = _processes[i];
            var path = ProcessesPath.Item(i);
            if (string.IsNullOrWhiteSpace(p.Id.Value))
            {
                Problem(path.Member("id"), ProblemCodes.InvalidId, "A process needs a non-empty id.");
            }
            else if (!processIds.TryAdd(p.Id, i))
            {
                Problem(path.Member("id"), ProblemCodes.DuplicateId, $"Process id '{p.Id}' is used twice.");
            }

            foreach (var output in p.OutputList)
            {
                AddProducer(producers, output.Flow, p.Id);
            }

            foreach (var output in p.CoProductList)
            {
                AddProducer(producers, output.Flow, p.Id);
            }
        }

        if (_processes.Count == 0)
        {
            Problem("$.processes", ProblemCodes.Required, "A product system needs at least one process.");
        }

        var processes = CheckProcesses(flows, processIds, producers, problems);

        // Reference product, its process and the declared unit.
        ProcessId referenceProcess = default;
        Flow? referenceFlow = null;
        if (_referenceProduct is not { } product || string.IsNullOrWhiteSpace(product.Value))
        {
            Problem("$.referenceProduct.flow", ProblemCodes.InvalidReferenceProduct, "The product system needs a reference product.");
        }
        else if (!flows.TryGetValue(product, out referenceFlow))
        {
            Problem("$.referenceProduct.flow", ProblemCodes.UnknownReference, $"The reference product '{product}' is not a flow of the system.");
        }
        else if (_referenceProcess is { } named)
        {
            if (!processIds.ContainsKey(named))
            {
                Problem("$.referenceProduct.process", ProblemCodes.UnknownReference, $"The reference process '{named}' is not a process of the system.");
            }
            else if (!producers.TryGetValue(product, out var makers) || !makers.Contains(named))
            {
                Problem("$.referenceProduct.process", ProblemCodes.InvalidReferenceProduct, $"Process '{named}' does not produce the reference product '{product}'.");
            }
            else
            {
                referenceProcess = named;
            }
        }
        else if (!producers.TryGetValue(product, out var makers) || makers.Count == 0)
        {
            Problem("$.referenceProduct.flow", ProblemCodes.InvalidReferenceProduct, $"No process produces the reference product '{product}'.");
        }
        else if (makers.Count > 1)
        {
            Problem("$.referenceProduct.process", ProblemCodes.InvalidReferenceProduct,
                $"The reference product '{product}' is produced by {string.Join(", ", makers.Select(m => $"'{m}'"))}: name the reference process.");
        }
        else
        {
            referenceProcess = makers[0];
        }

        if (_declaredUnit is not { } declared)
        {
            Problem("$.declaredUnit", ProblemCodes.Required, "The product system needs a declared unit (such as 1 kg or 1 piece).");
        }
        else
        {
            if (!(declared.Value > 0))
            {
                Problem("$.declaredUnit.amount", ProblemCodes.NumberOutOfRange, $"The declared unit must be a positive amount; it is {Format(declared.Value)}.");
            }

            if (referenceFlow?.ReferenceUnit is { } flowUnit && !declared.Unit.CanConvertTo(flowUnit))
            {
                Problem("$.declaredUnit.unit", ProblemCodes.WrongDimension,
                    $"The declared unit '{declared.Unit}' ({declared.Dimension}) does not measure the reference product '{referenceFlow.Id}' ({flowUnit.Dimension}).");
            }
        }

        var productMass = _productMass;
        if (productMass is { } mass)
        {
            CheckMass("$.productMassPerDeclaredUnit", mass, positive: true, ProblemText);
        }
        else if (_declaredUnit is { } du && du.Dimension == Dimension.Mass)
        {
            productMass = du; // a mass declared unit is its own product mass
        }

        if (_carbonContent is { } carbon)
        {
            CheckMass("$.carbonContent.fossil", carbon.Fossil, positive: false, ProblemText);
            CheckMass("$.carbonContent.biogenic", carbon.Biogenic, positive: false, ProblemText);
            if (carbon.Recycled is { } recycled)
            {
                CheckMass("$.carbonContent.recycled", recycled, positive: false, ProblemText);
            }

            if (carbon.PackagingBiogenic is { } packaging)
            {
                CheckMass("$.carbonContent.packagingBiogenic", packaging, positive: false, ProblemText);
            }
        }

        return problems.Count > 0
            ? null
            : new ProductSystem(Name, _description, [.. _flows], processes.ToImmutable(), // no problems: every flow once, in the order added
                referenceProcess, _referenceProduct!.Value, _declaredUnit!.Value, _region, _year, productMass, _carbonContent);
    }


    /// <summary>The processes from which they are checked on several threads.</summary>
    internal const int ParallelCheckProcesses = 2000;

    // Each process is checked against the flows and producers alone, so a large system's processes are checked in chunks on
    // the machine's cores; the processes and the problems are then gathered chunk by chunk: the order of one thread.
    private ImmutableArray<Process>.Builder CheckProcesses(Dictionary<FlowId, Flow> flows, Dictionary<ProcessId, int> processIds,
        Dictionary<FlowId, List<ProcessId>> producers, List<ValidationProblem> problems)
    {
        // The supply of an input that names no supplier and whose flow one process makes: one object per such flow, shared.
        var soleSuppliers = new Dictionary<FlowId, Supply>(producers.Count);
        foreach (var (flow, makers) in producers)
        {
            if (makers.Count == 1 && !string.IsNullOrWhiteSpace(makers[0].Value))
            {
                soleSuppliers.Add(flow, Supply.FromProcess(makers[0]));
            }
        }

        int n = _processes.Count;
        int chunks = n < ParallelCheckProcesses ? 1 : Math.Min(4 * Environment.ProcessorCount, n / (ParallelCheckProcesses / 4));
        var checkedProcesses = new Process?[n];
        var found = new List<ValidationProblem>?[chunks];
        void CheckChunk(int c)
        {
            int from = (int)((long)n * c / chunks), to = (int)((long)n * (c + 1) / chunks);
            var list = c == 0 ? problems : new List<ValidationProblem>();
            Action<string, string, string> add = (path, code, message) => list.Add(new(path, code, message)); // one delegate per chunk
            for (int i = from; i < to; i++)
            {
                checkedProcesses[i] = CheckProcess(_processes[i], ProcessesPath.Item(i), flows, processIds, producers, soleSuppliers, add);
            }

            found[c] = list;
        }

        if (chunks == 1)
        {
            CheckChunk(0);
        }
        else
        {
            Parallel.For(0, chunks, CheckChunk);
            for (int c = 1; c < chunks; c++)
            {
                problems.AddRange(found[c]!);
            }
        }

        var processes = ImmutableArray.CreateBuilder<Process>(n);
        foreach (var process in checkedProcesses)
        {
            if (process is not null)
            {
                processes.Add(process);
            }
        }

        return processes;
    }

    // Paths are written out only when a problem is reported: a large system has hundreds of thousands of exchanges.
    private static readonly JsonPath FlowsPath = "$.flows";
    private static readonly JsonPath ProcessesPath = "$.processes";

    private static void CheckMass(string path, Quantity mass, bool positive, Action<string, string, string> problem)
    {
        if (mass.Dimension != Dimension.Mass)
        {
            problem(path + ".unit", ProblemCodes.WrongDimension, $"'{mass.Unit}' ({mass.Dimension}) is not a unit of mass.");
        }
        else if (positive ? !(mass.Value > 0) : mass.Value < 0)
        {
            problem(path + ".amount", ProblemCodes.NumberOutOfRange, $"The mass must be {(positive ? "positive" : "zero or positive")}; it is {Format(mass.Value)}.");
        }
    }

    private static void CheckYear(string path, int? year, Action<string, string, string> problem)
    {
        // Years outside 1900-2200 are typing mistakes, not data.
        if (year is { } y && (y < 1900 || y > 2200))
        {
            problem(path, ProblemCodes.NumberOutOfRange, $"A year must lie between 1900 and 2200; it is {y}.");
        }
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    // Who produces a flow: each process once, in the order of the processes.
    private static void AddProducer(Dictionary<FlowId, List<ProcessId>> producers, FlowId flow, ProcessId process)
    {
        if (!producers.TryGetValue(flow, out var list))
        {
            producers[flow] = list = new List<ProcessId>(1);
        }

        if (!list.Contains(process))
        {
            list.Add(process);
        }
    }
}
