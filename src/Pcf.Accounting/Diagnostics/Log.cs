using Microsoft.Extensions.Logging;

namespace Pcf.Accounting.Diagnostics;

/// <summary>The log messages of the library, with their event ids (1xx calculation, 2xx factor resolution).</summary>
internal static class Log
{
    private static readonly Action<ILogger, string, int, string, string, Exception?> CalculatingMessage = LoggerMessage.Define<string, int, string, string>(
        LogLevel.Debug, new EventId(100, "Calculating"), "Calculating '{System}': {Processes} process(es), GWP set {GwpSet}, rule set {RuleSet}.");

    private static readonly Action<ILogger, string, double, double, Exception?> CalculatedMessage = LoggerMessage.Define<string, double, double>(
        LogLevel.Information, new EventId(101, "Calculated"), "Calculated '{System}': {Co2e} kg CO2e per declared unit in {Milliseconds:0.0} ms.");

    private static readonly Action<ILogger, string, int, string, double, Exception?> RefusedMessage = LoggerMessage.Define<string, int, string, double>(
        LogLevel.Warning, new EventId(102, "CalculationRefused"), "The calculation of '{System}' gave {Problems} problem(s), the first {First}, in {Milliseconds:0.0} ms.");

    private static readonly Action<ILogger, string, int, int, double, Exception?> ProviderAnsweredMessage = LoggerMessage.Define<string, int, int, double>(
        LogLevel.Debug, new EventId(200, "ProviderAnswered"), "Provider '{Provider}' answered {Found} of {Requests} factor request(s) in {Milliseconds:0.0} ms.");

    private static readonly Action<ILogger, string, int, double, Exception?> ProviderTimedOutMessage = LoggerMessage.Define<string, int, double>(
        LogLevel.Warning, new EventId(201, "ProviderTimedOut"), "Provider '{Provider}' did not answer {Requests} factor request(s) within {Seconds} s.");

    private static readonly Action<ILogger, string, string, Exception?> ProviderFailedMessage = LoggerMessage.Define<string, string>(
        LogLevel.Warning, new EventId(202, "ProviderFailed"), "Provider '{Provider}' failed: {Message}");

    public static void Calculating(ILogger logger, string system, int processes, string gwpSet, string ruleSet) => CalculatingMessage(logger, system, processes, gwpSet, ruleSet, null);

    public static void Calculated(ILogger logger, string system, double co2e, double milliseconds) => CalculatedMessage(logger, system, co2e, milliseconds, null);

    public static void Refused(ILogger logger, string system, int problems, string first, double milliseconds) => RefusedMessage(logger, system, problems, first, milliseconds, null);

    public static void ProviderAnswered(ILogger logger, string provider, int found, int requests, double milliseconds) => ProviderAnsweredMessage(logger, provider, found, requests, milliseconds, null);

    public static void ProviderTimedOut(ILogger logger, string provider, int requests, double seconds) => ProviderTimedOutMessage(logger, provider, requests, seconds, null);

    public static void ProviderFailed(ILogger logger, string provider, string message) => ProviderFailedMessage(logger, provider, message, null);
}
