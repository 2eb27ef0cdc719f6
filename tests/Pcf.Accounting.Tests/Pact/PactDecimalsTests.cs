using Pcf.Accounting.Pact;
using Pcf.Accounting.Pact.Events;
using Pcf.Accounting.Tests.TestSupport;

namespace Pcf.Accounting.Tests.Pact;

/// <summary>Exact decimals with exponents that do not fit an int: a problem or an exact zero, never an exception (found by the fuzz smoke run).</summary>
public sealed class PactDecimalsTests
{
    [Theory]
    [InlineData("0e99999999999")]
    [InlineData("0.000e-99999999999")]
    [InlineData("-0E+2147483648")]
    public void Zero_WithAHugeExponent_IsAnExactZero(string text)
    {
        Assert.True(PactDecimals.TryParseExact(text, out decimal value, out string? problem), problem);
        Assert.Equal(0m, value);
    }

    [Theory]
    [InlineData("1e-99999999999")]
    [InlineData("0.016e-10999999999999999999")]
    public void NonZero_WithAHugeNegativeExponent_IsAProblem_NotAnException(string text)
    {
        // decimal.TryParse rounds these to 0; they are not exact, so they are refused with the reason.
        Assert.False(PactDecimals.TryParseExact(text, out _, out string? problem));
        Assert.False(string.IsNullOrEmpty(problem));
    }

    [Theory]
    [InlineData("decimal-exponent-overflow.json")]
    [InlineData("event-decimal-exponent-overflow.json")]
    public void FuzzFindings_AreProblems(string file)
    {
        byte[] bytes = File.ReadAllBytes(Path.Combine(Paths.RepoRoot, "tests", "Pcf.Accounting.Tests", "TestData", "pact", "fuzz", file));

        var footprint = PactJson.Validate(bytes);
        var problems = file.StartsWith("event", StringComparison.Ordinal) ? PactEventJson.Read(bytes).Problems : footprint.Errors;

        Assert.NotEmpty(problems);
    }
}
