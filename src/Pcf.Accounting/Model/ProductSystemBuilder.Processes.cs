using System.Collections.Immutable;
using System.Globalization;
using Pcf.Accounting.Gases;
using Pcf.Accounting.Json;
using Pcf.Accounting.Units;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Model;

// Validation of one process: outputs, co-products, inputs and their supply linking, emissions, derivations, allocation.
public sealed partial class ProductSystemBuilder
{
    private Process? CheckProcess(
        ProcessBuilder p,
        JsonPath path,
        Dictionary<FlowId, Flow> flows,
        Dictionary<ProcessId, int> processIds,
        Dictionary<FlowId, List<ProcessId>> producers,
        Dictionary<FlowId, Supply> soleSuppliers,
        Action<string, string, string> problem)
    {
        int reported = 0; // this process's problems (processes are checked on several threads)
        if (string.IsNullOrWhiteSpace(p.Name))
        {
            Report(path.Member("name"), ProblemCodes.Required, $"Process '{p.Id}' needs a name.");
        }

        if (p.OutputList.Count == 0)
        {
            Report(path.Member("output"), ProblemCodes.InvalidOutputs, $"Process '{p.Id}' needs a reference output.");
        }
        else if (p.OutputList.Count > 1)
        {
            Report(path.Member("output"), ProblemCodes.InvalidOutputs,
                $"Process '{p.Id}' has {p.OutputList.Count} reference outputs; it has one, and the others are co-products.");
        }

        if (p.OutputList.Count > 0)
        {
            CheckOutput(p.OutputList[0], path.Member("output"), isCoProduct: false);
        }

        var seenOutputs = p.CoProductList.Count == 0 ? null : new HashSet<FlowId>();
        foreach (var output in seenOutputs is null ? [] : p.OutputList.Take(1).Concat(p.CoProductList))
        {
            if (!seenOutputs!.Add(output.Flow))
            {
                Report(path.Member("coProducts"), ProblemCodes.InvalidOutputs, $"Process '{p.Id}' produces '{output.Flow}' more than once; state it once.");
            }
        }

        for (int k = 0; k < p.CoProductList.Count; k++)
        {
            CheckOutput(p.CoProductList[k], path.Member("coProducts").Item(k), isCoProduct: true);
        }

        var inputs = ImmutableArray.CreateBuilder<ProductInput>(p.InputList.Count);
        var inputsPath = path.Member("inputs");
        for (int k = 0; k < p.InputList.Count; k++)
        {
            var (flowId, stated, supply, derivation, uncertainty) = p.InputList[k];
            var at = inputsPath.Item(k);
            var amount = AmountOf(flowId, stated, derivation, at);
            var flow = amount is { } a0 ? CheckAmount(flowId, a0, at, allowZero: true) : null;
            Supply? linked = supply is null ? null : CheckSupply(supply, flowId, at.Member("from"));
            if (supply is null && flow is not null)
            {
                if (string.IsNullOrWhiteSpace(flow.EffectiveFactorKey))
                {
                    // A blank factor key or flow id: reported on the flow, nothing to look up.
                }
                else if (!producers.TryGetValue(flowId, out var makers) || makers.Count == 0)
                {
                    linked = Supply.FromFactor(flow.EffectiveFactorKey, p.RegionValue ?? _region, _year);
                }
                else if (makers.Count == 1)
                {
                    linked = soleSuppliers.TryGetValue(flowId, out var sole) ? sole : Supply.FromProcess(makers[0]);
                }
                else
                {
                    Report(at.Member("from"), ProblemCodes.UnlinkedInput,
                        $"'{flowId}' is produced by {string.Join(", ", makers.Select(m => $"'{m}'"))}: name the supplier of this input.");
                }
            }

            if (linked is not null && flow is not null && amount is { } a1)
            {
                inputs.Add(new ProductInput(flowId, a1, linked) { Derivation = derivation, Uncertainty = uncertainty });
            }
        }

        var emissionsPath = path.Member("emissions");
        for (int k = 0; k < p.EmissionList.Count; k++)
        {
            CheckExchange(p.EmissionList[k], emissionsPath.Item(k));
        }

        CheckAllocation();

        return reported > 0 || p.OutputList.Count != 1
            ? null
            : new Process(p.Id, p.Name, p.OutputList[0], [.. p.CoProductList], inputs.Count == inputs.Capacity ? inputs.MoveToImmutable() : inputs.ToImmutable(), [.. p.EmissionList],
                p.StageValue, p.RegionValue, Tag.Canonical(p.TagList), p.PrimaryData, p.AllocationValue, p.DescriptionText);

        // Local helpers share the process's context.
        void Report(JsonPath at, string code, string message)
        {
            reported++;
            problem(at.ToString(), code, message);
        }

        // The amount of an input: as stated, or the derivation's result in the flow's reference unit; both must agree when both are given.
        Quantity? AmountOf(FlowId flowId, Quantity? stated, Derivation? derivation, JsonPath at)
        {
            if (derivation is null)
            {
                return stated;
            }

            if (!flows.TryGetValue(flowId, out var flow) || flow.ReferenceUnit is null)
            {
                return stated ?? Quantity.Of(derivation.Result.Value, Unit.One);
            }

            var reference = UnitExpression.Of(flow.ReferenceUnit);
            if (!derivation.Result.Unit.IsCommensurableWith(reference))
            {
                Report(at.Member("derivation").Member("result"), ProblemCodes.WrongDimension,
                    $"The derivation '{derivation.Name}' gives {derivation.Result.Unit}, which does not measure '{flowId}' ({flow.Dimension}).");
                return null;
            }

            var derived = Quantity.Of(derivation.Result.As(reference), flow.ReferenceUnit);
            if (stated is { } s && (!s.Unit.CanConvertTo(flow.ReferenceUnit) || !Derivation.Same(derived.Value, s.As(flow.ReferenceUnit))))
            {
                Report(at.Member("amount"), ProblemCodes.DerivationMismatch,
                    $"The amount {s} differs from the result of its derivation '{derivation.Name}' ({derived}).");
                return null;
            }

            return stated ?? derived;
        }

        void CheckDerived(Quantity amount, Derivation? derivation, JsonPath at)
        {
            if (derivation is null)
            {
                return;
            }

            var unit = UnitExpression.Of(amount.Unit);
            if (!derivation.Result.Unit.IsCommensurableWith(unit))
            {
                Report(at.Member("derivation").Member("result"), ProblemCodes.WrongDimension,
                    $"The derivation '{derivation.Name}' gives {derivation.Result.Unit}, which does not measure an amount in {amount.Unit} ({amount.Dimension}).");
            }
            else if (!Derivation.Same(derivation.Result.As(unit), amount.Value))
            {
                Report(at.Member("amount"), ProblemCodes.DerivationMismatch,
                    $"The amount {amount} differs from the result of its derivation '{derivation.Name}' ({derivation.Result}).");
            }
        }

        Flow? CheckAmount(FlowId flowId, Quantity amount, JsonPath at, bool allowZero)
        {
            if (!flows.TryGetValue(flowId, out var flow))
            {
                Report(at.Member("flow"), ProblemCodes.UnknownReference, $"'{flowId}' is not a flow of the system.");
                return null;
            }

            if (flow.ReferenceUnit is not null && !amount.Unit.CanConvertTo(flow.ReferenceUnit))
            {
                Report(at.Member("unit"), ProblemCodes.WrongDimension,
                    $"'{amount.Unit}' ({amount.Dimension}) does not measure '{flowId}', which is measured in '{flow.ReferenceUnit}' ({flow.Dimension}).");
            }

            if (allowZero ? amount.Value < 0 : !(amount.Value > 0))
            {
                Report(at.Member("amount"), ProblemCodes.NumberOutOfRange,
                    $"The amount of '{flowId}' must be {(allowZero ? "zero or positive" : "positive")}; it is {Format(amount.Value)}.");
            }

            return flow;
        }

        void CheckOutput(ProductOutput output, JsonPath at, bool isCoProduct)
        {
            var flow = CheckAmount(output.Flow, output.Amount, at, allowZero: false);
            CheckDerived(output.Amount, output.Derivation, at);
            if (output.MassPerUnit is { } mass)
            {
                CheckMass(at.Member("massPerUnit").ToString(), mass, positive: false, problem);
            }

            if (output.EnergyPerUnit is { } energy && (energy.Dimension != Dimension.Energy || energy.Value < 0))
            {
                Report(at.Member("energyPerUnit"), energy.Dimension != Dimension.Energy ? ProblemCodes.WrongDimension : ProblemCodes.NumberOutOfRange,
                    $"The energy per unit of '{output.Flow}' must be a non-negative energy; it is {energy}.");
            }

            if (output.PricePerUnit is { } price && (price.Dimension.Kind != DimensionKind.Currency || price.Value < 0))
            {
                Report(at.Member("pricePerUnit"), price.Dimension.Kind != DimensionKind.Currency ? ProblemCodes.WrongDimension : ProblemCodes.NumberOutOfRange,
                    $"The price per unit of '{output.Flow}' must be a non-negative amount of a currency; it is {price}.");
            }

            if (output.Share is { } share && !(share >= 0 && share <= 1))
            {
                Report(at.Member("share"), ProblemCodes.NumberOutOfRange, $"An allocation share must lie in [0, 1]; it is {Format(share)}.");
            }

            if (output.Displaces is { } displaced)
            {
                if (!isCoProduct)
                {
                    Report(at.Member("displaces"), ProblemCodes.InvalidAllocation, "Only a co-product can displace another supply.");
                }
                else
                {
                    CheckSupply(displaced, output.Flow, at.Member("displaces"), excludeProcess: p.Id);
                }
            }

            _ = flow;
        }

        Supply? CheckSupply(Supply supply, FlowId flowId, JsonPath at, ProcessId? excludeProcess = null)
        {
            if (supply.Kind == SupplyKind.Factor)
            {
                CheckYear(at.Member("year").ToString(), supply.Year, problem);
                return supply.Region is null && (p.RegionValue ?? _region) is { } region
                    ? Supply.FromFactor(supply.FactorKey!, region, supply.Year ?? _year)
                    : supply.Year is null && _year is not null ? Supply.FromFactor(supply.FactorKey!, supply.Region, _year) : supply;
            }

            var supplier = supply.Process!.Value;
            if (!processIds.ContainsKey(supplier))
            {
                Report(at.Member("process"), ProblemCodes.UnknownReference, $"'{supplier}' is not a process of the system.");
                return null;
            }

            if (supplier == excludeProcess)
            {
                Report(at.Member("process"), ProblemCodes.InvalidAllocation, $"Process '{supplier}' cannot displace its own co-product '{flowId}'.");
                return null;
            }

            if (!producers.TryGetValue(flowId, out var makers) || !makers.Contains(supplier))
            {
                Report(at.Member("process"), ProblemCodes.UnlinkedInput, $"Process '{supplier}' does not produce '{flowId}'.");
                return null;
            }

            return supply;
        }

        void CheckExchange(ElementaryExchange exchange, JsonPath at)
        {
            if (exchange.Gas is null)
            {
                Report(at.Member("gas"), ProblemCodes.Required, "An emission needs a gas.");
                return;
            }

            if (exchange.Amount.Dimension != Dimension.Mass)
            {
                Report(at.Member("unit"), ProblemCodes.WrongDimension, $"An amount of {exchange.Gas} must be a mass; '{exchange.Amount.Unit}' measures {exchange.Amount.Dimension}.");
            }

            CheckDerived(exchange.Amount, exchange.Derivation, at);
            if (exchange.Amount.Value < 0)
            {
                Report(at.Member("amount"), ProblemCodes.NumberOutOfRange,
                    $"The amount of {exchange.Gas} must be zero or positive (the kind says whether it is a removal); it is {Format(exchange.Amount.Value)}.");
            }

            bool isCo2 = exchange.Gas == GreenhouseGas.Co2Fossil || exchange.Gas == GreenhouseGas.Co2Biogenic;
            string? rule = exchange.Kind switch
            {
                ElementaryExchangeKind.BiogenicUptake or ElementaryExchangeKind.LandManagementRemoval when exchange.Gas != GreenhouseGas.Co2Biogenic
                    => $"'{exchange.Kind}' takes up biogenic CO2 only; the gas is {exchange.Gas}.",
                ElementaryExchangeKind.TechnologicalRemoval or ElementaryExchangeKind.CcsCapture when !isCo2
                    => $"'{exchange.Kind}' applies to CO2 only; the gas is {exchange.Gas}.",
                _ when !Enum.IsDefined(exchange.Kind) => $"'{(int)exchange.Kind}' is not an exchange kind.",
                _ => null,
            };
            if (rule is not null)
            {
                Report(at.Member("kind"), ProblemCodes.UnknownValue, rule);
            }
        }

        void CheckAllocation()
        {
            if (p.AllocationValue is not { } method || p.OutputList.Count != 1)
            {
                return;
            }

            var outputs = p.OutputList.Take(1).Concat(p.CoProductList).ToList();
            var at = path.Member("allocation");
            switch (method)
            {
                case AllocationMethod.SystemExpansion:
                    if (p.CoProductList.Any(c => c.Displaces is null))
                    {
                        Report(at, ProblemCodes.InvalidAllocation,
                            $"System expansion needs every co-product of '{p.Id}' to name the supply it displaces ({string.Join(", ", p.CoProductList.Where(c => c.Displaces is null).Select(c => $"'{c.Flow}'"))} do not).");
                    }

                    break;
                case AllocationMethod.Mass:
                    var noMass = Unmeasured(outputs, flows, Dimension.Mass, static o => o.MassPerUnit is null);
                    if (noMass.Count > 0)
                    {
                        Report(at, ProblemCodes.InvalidAllocation,
                            $"Mass allocation needs the mass per unit of {string.Join(", ", noMass.Select(o => $"'{o.Flow}'"))}, which are not measured in mass.");
                    }

                    break;
                case AllocationMethod.Energy:
                    var noEnergy = Unmeasured(outputs, flows, Dimension.Energy, static o => o.EnergyPerUnit is null);
                    if (noEnergy.Count > 0)
                    {
                        Report(at, ProblemCodes.InvalidAllocation,
                            $"Energy allocation needs the energy per unit of {string.Join(", ", noEnergy.Select(o => $"'{o.Flow}'"))}.");
                    }

                    break;
                case AllocationMethod.Economic:
                    var noPrice = outputs.Where(o => o.PricePerUnit is null).ToList();
                    var currencies = outputs.Where(o => o.PricePerUnit is not null).Select(o => o.PricePerUnit!.Value.Unit).Distinct().ToList();
                    if (noPrice.Count > 0)
                    {
                        Report(at, ProblemCodes.InvalidAllocation, $"Economic allocation needs the price per unit of {string.Join(", ", noPrice.Select(o => $"'{o.Flow}'"))}.");
                    }
                    else if (currencies.Count > 1)
                    {
                        Report(at, ProblemCodes.InvalidAllocation,
                            $"Economic allocation needs every price in one currency; '{p.Id}' uses {string.Join(", ", currencies)}. Currencies are never converted implicitly.");
                    }

                    break;
                case AllocationMethod.Stated:
                    if (outputs.Any(o => o.Share is null))
                    {
                        Report(at, ProblemCodes.InvalidAllocation, $"Stated allocation needs a share on every output of '{p.Id}'.");
                    }
                    else
                    {
                        double sum = outputs.Sum(o => o.Share!.Value);
                        if (Math.Abs(sum - 1) > 1e-9)
                        {
                            Report(at, ProblemCodes.InvalidAllocation, $"The stated allocation shares of '{p.Id}' must sum to 1; they sum to {Format(sum)}.");
                        }
                    }

                    break;
                default:
                    Report(at, ProblemCodes.UnknownValue, $"'{(int)method}' is not an allocation method.");
                    break;
            }
        }
    }

    // The outputs that state no amount per unit of a dimension (unstated) and whose flow is not measured in it. A static method,
    // so that no closure over the process's context is made for each process checked.
    private static List<ProductOutput> Unmeasured(List<ProductOutput> outputs, Dictionary<FlowId, Flow> flows, Dimension dimension, Func<ProductOutput, bool> unstated)
    {
        var found = new List<ProductOutput>();
        foreach (var o in outputs)
        {
            if (unstated(o) && !(flows.TryGetValue(o.Flow, out var f) && f.Dimension == dimension))
            {
                found.Add(o);
            }
        }

        return found;
    }
}
