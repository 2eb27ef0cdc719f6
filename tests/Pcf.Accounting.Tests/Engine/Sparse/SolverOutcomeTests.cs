using Pcf.Accounting.Engine;
using Pcf.Accounting.Model;
using Pcf.Accounting.Units;
using Pcf.Accounting.Validation;
using static Pcf.Accounting.Tests.TestSupport.Engine;

namespace Pcf.Accounting.Tests.Engine.Sparse;

/// <summary>What the engine makes of the solver's outcomes: singular systems and overflowing solutions name processes.</summary>
public sealed class SolverOutcomeTests
{
    [Fact]
    public void Calculate_OverflowingChain_NamesTheProcessesThatOverflowed()
    {
        // 'top' makes 1e-200 kg of 'a' from 1 kg of 'b'; 'bottom' makes 1e-200 kg of 'b' from nothing.
        // One kg of 'a' needs s_top = 1 / 1e-200 = 1e200 runs, which need 1e200 kg of 'b',
        // so s_bottom = 1e200 / 1e-200 = 1e400: not a double. Only 'bottom' overflows.
        var system = new ProductSystemBuilder("overflow")
            .AddFlow("a", "a", Unit.Kilogram).AddFlow("b", "b", Unit.Kilogram)
            .AddProcess("top", "top", p => p.Produces("a", 1e-200, Unit.Kilogram).Consumes("b", 1, Unit.Kilogram))
            .AddProcess("bottom", "bottom", p => p.Produces("b", 1e-200, Unit.Kilogram))
            .WithReferenceProduct("a").WithDeclaredUnit(1, Unit.Kilogram).Build();

        var compiled = CompiledSystem.Compile(system).ThrowIfInvalid();
        var problem = Assert.Single(compiled.TryCalculate(Resolution(compiled, null, Pcf.Accounting.Gases.GwpSet.Ar6)).Problems);

        Assert.Equal(("$.processes", ProblemCodes.NonFiniteResult), (problem.Path, problem.Code));
        // An overflow, not a singular system: said as such, with the process by id.
        Assert.StartsWith("The result overflows: the runs or footprints of processes 'bottom' pass the largest number a double holds (about 1.8E+308).", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("numerically singular", problem.Message, StringComparison.Ordinal);
        Assert.Equal(new ProcessSubject([new ProcessId("bottom")]), problem.Subject);
    }

    [Fact]
    public void Compile_LoopThatNetsNothing_KeepsItsMessageAndNamesTheProcesses()
    {
        // A makes 1 a from 1 b; B makes 1 b from 1 a: A = [[1, −1], [−1, 1]] is exactly singular.
        var system = new ProductSystemBuilder("structural")
            .AddFlow("a", "a", Unit.Kilogram).AddFlow("b", "b", Unit.Kilogram)
            .AddProcess("A", "A", p => p.Produces("a", 1, Unit.Kilogram).Consumes("b", 1, Unit.Kilogram))
            .AddProcess("B", "B", p => p.Produces("b", 1, Unit.Kilogram).Consumes("a", 1, Unit.Kilogram))
            .WithReferenceProduct("a").WithDeclaredUnit(1, Unit.Kilogram).Build();

        var problem = Assert.Single(CompiledSystem.Compile(system).Problems);

        Assert.Equal(ProblemCodes.SingularSystem, problem.Code);
        Assert.Equal("The system cannot be solved: processes 'A', 'B' form a loop that makes no net output, or use a product that nothing makes.", problem.Message);
    }
}
