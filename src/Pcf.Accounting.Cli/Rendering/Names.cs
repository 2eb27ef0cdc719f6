using Pcf.Accounting.Factors;
using Pcf.Accounting.Model;

namespace Pcf.Accounting.Cli.Rendering;

/// <summary>The names the JSON formats use, for display and for matching user input.</summary>
internal static class Names
{
    /// <summary>The pcf-system/1 and pcf-result/1 name of a stage, such as <c>rawMaterialAcquisition</c>.</summary>
    /// <param name="stage">The stage.</param>
    /// <returns>The name.</returns>
    public static string Of(LifeCycleStage stage)
    {
        var name = stage.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    /// <summary>Finds a stage by its name, ignoring case.</summary>
    /// <param name="text">The name.</param>
    /// <param name="stage">The stage, when found.</param>
    /// <returns>Whether a stage has that name.</returns>
    public static bool TryParseStage(string text, out LifeCycleStage stage)
    {
        foreach (var s in Enum.GetValues<LifeCycleStage>())
        {
            if (string.Equals(Of(s), text, StringComparison.OrdinalIgnoreCase))
            {
                stage = s;
                return true;
            }
        }

        stage = default;
        return false;
    }

    /// <summary>The display name of a factor kind.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns><c>life-cycle</c>, <c>combustion-only</c> or <c>unspecified</c>.</returns>
    public static string Of(FactorKind kind) => kind switch
    {
        FactorKind.LifeCycle => "life-cycle",
        FactorKind.CombustionOnly => "combustion-only",
        _ => "unspecified",
    };

    /// <summary>The display name of a confidence mark.</summary>
    /// <param name="confidence">The mark.</param>
    /// <returns>The name.</returns>
    public static string Of(FactorConfidence confidence) => confidence switch
    {
        FactorConfidence.Verified => "verified",
        FactorConfidence.Secondary => "secondary",
        FactorConfidence.Unverified => "unverified",
        _ => "not stated",
    };
}
