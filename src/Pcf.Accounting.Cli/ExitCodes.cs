namespace Pcf.Accounting.Cli;

/// <summary>The exit codes of <c>pcf</c> (docs/cli.md).</summary>
internal static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Success = 0;

    /// <summary>Invalid input, a failed calculation, a failing vector or an invalid PACT document.</summary>
    public const int InvalidInput = 1;

    /// <summary>Wrong usage: unknown command or option, missing argument, or a reserved command.</summary>
    public const int Usage = 2;

    /// <summary>Cancelled (Ctrl+C).</summary>
    public const int Cancelled = 130;
}
