using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Tests.Validation;

public sealed class ValidationResultTests
{
    [Fact]
    public void Failure_HasNoValue_AndValueThrowsWithEveryProblem()
    {
        var result = ValidationResult.Failure<string>(
        [
            new("$.processes[0].id", ProblemCodes.Required, "'id' is required."),
            new("$.processes[1].inputs[0].unit", ProblemCodes.UnknownUnit, "'kWhh' is not a known unit."),
        ]);

        Assert.False(result.IsValid);
        Assert.False(result.TryGetValue(out var value));
        Assert.Null(value);
        var ex = Assert.Throws<ValidationException>(() => result.Value);
        Assert.Equal(2, ex.Problems.Length);
        Assert.Equal(
            "Invalid input (2 problems):" + Environment.NewLine
            + "  $.processes[0].id  PCF0005  'id' is required." + Environment.NewLine
            + "  $.processes[1].inputs[0].unit  PCF0102  'kWhh' is not a known unit.",
            ex.Message);
    }

    [Fact]
    public void Success_CarriesValue()
    {
        var result = ValidationResult.Success("ok");
        Assert.True(result.IsValid);
        Assert.Equal("ok", result.ThrowIfInvalid());
        Assert.Empty(result.Problems);
    }

    [Fact]
    public void Failure_WithNoProblems_IsABug() =>
        Assert.Throws<ArgumentException>(() => ValidationResult.Failure<string>([]));
}
