using Microsoft.Extensions.Options;

namespace Pcf.Accounting.DependencyInjection;

/// <summary>Validates <see cref="PcfAccountingOptions"/> when they are first used (or at start with a host).</summary>
internal sealed class PcfAccountingOptionsValidator : IValidateOptions<PcfAccountingOptions>
{
    public ValidateOptionsResult Validate(string? name, PcfAccountingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Problems();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
