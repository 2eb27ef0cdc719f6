using Pcf.Accounting.Factors;
using BenchmarkDotNet.Attributes;
using Pcf.Accounting.Benchmarks.Synthetic;
using Pcf.Accounting.Engine;
using Pcf.Accounting.Gases;
using Pcf.Accounting.Model;
using Pcf.Accounting.Results;
using Pcf.Accounting.Units;

namespace Pcf.Accounting.Benchmarks.Engine;

/// <summary>The engine end to end on the synthetic <c>market</c> system: compile a <see cref="ProductSystem"/> (canonical order,
/// matrices, factorization), then calculate a footprint for the declared unit and for a new demand.</summary>
/// <remarks>The system has no background factor uses, so the background table is empty.</remarks>
[MemoryDiagnoser]
public class CompiledSystemBenchmarks
{
    private ProductSystem _system = null!;
    private CompiledSystem _compiled = null!;
    private FactorResolution _factors = null!;
    private Demand _otherDemand = null!;

    /// <summary>Gets or sets the number of processes.</summary>
    [Params(1_000, 20_000, 100_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _system = SyntheticProductSystem.Build(SyntheticGenerator.Market(N, alpha: 1.5));
        _compiled = CompiledSystem.Compile(_system).ThrowIfInvalid();
        _factors = new FactorResolver([]).ResolveAsync([], GwpSet.Ar6).AsTask().GetAwaiter().GetResult().Value; // the synthetic system buys nothing
        _otherDemand = new Demand(SyntheticProductSystem.FlowOf(N / 2), Quantity.Of(2.5, Unit.Kilogram));
    }

    /// <summary>ProductSystem to CompiledSystem, including the factorization.</summary>
    [Benchmark]
    public CompiledSystem Compile() => CompiledSystem.Compile(_system).ThrowIfInvalid();

    /// <summary>The footprint of the declared unit (solve plus aggregation).</summary>
    [Benchmark]
    public FootprintResult Calculate() => _compiled.Calculate(_factors);

    /// <summary>The footprint of a new demand on the same compiled system (no re-factorization).</summary>
    [Benchmark]
    public FootprintResult Recalculate() => _compiled.Calculate(_factors, _otherDemand);
}
