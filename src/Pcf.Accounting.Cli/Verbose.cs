using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Pcf.Accounting.Diagnostics;

namespace Pcf.Accounting.Cli;

/// <summary><c>pcf --verbose</c>: the library's logs, traces and metrics (<see cref="PcfDiagnostics"/>), written to standard error one
/// line each, so that standard output keeps only the command's output.</summary>
/// <remarks>Lines: <c>debug|info|warn|error: Category: message</c> for logs, <c>trace: pcf.calculate 12.3 ms pcf.system=...</c> for
/// activities, and <c>metric: pcf.calculations 1 {calculation} pcf.outcome=valid</c> for measurements.</remarks>
internal sealed class Verbose : IDisposable
{
    private readonly TextWriter _error;
    private readonly ActivityListener _activities;
    private readonly MeterListener _meters;
    private readonly Lock _gate = new();

    /// <summary>Initializes a new instance and starts listening.</summary>
    /// <param name="error">Where the lines go.</param>
    public Verbose(TextWriter error)
    {
        _error = error;
        _activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name == PcfDiagnostics.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => Write(string.Create(CultureInfo.InvariantCulture,
                $"trace: {activity.OperationName} {activity.Duration.TotalMilliseconds:0.0} ms{Tags(activity.TagObjects)}")),
        };
        ActivitySource.AddActivityListener(_activities);
        _meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == PcfDiagnostics.Name)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Measured(instrument, value, tags));
        _meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Measured(instrument, value, tags));
        _meters.Start();
    }

    /// <summary>Gets a logger provider that writes to the same writer.</summary>
    public ILoggerProvider LoggerProvider => new Provider(this);

    /// <inheritdoc/>
    public void Dispose()
    {
        _activities.Dispose();
        _meters.Dispose();
    }

    private void Measured<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        where T : struct, IFormattable
    {
        if (value is long and 0)
        {
            return; // a counter that did not move (no wrong-dimension lookups ...) is noise
        }

        Write(string.Create(CultureInfo.InvariantCulture, $"metric: {instrument.Name} {value.ToString(null, CultureInfo.InvariantCulture)} {instrument.Unit}{Tags(tags.ToArray())}"));
    }

    private static string Tags(IEnumerable<KeyValuePair<string, object?>> tags) =>
        string.Concat(tags.Select(t => string.Create(CultureInfo.InvariantCulture, $" {t.Key}={t.Value}")));

    private void Write(string line)
    {
        lock (_gate)
        {
            _error.WriteLine(line);
        }
    }

    private sealed class Provider(Verbose owner) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(owner, categoryName);

        public void Dispose()
        {
        }
    }

    private sealed class Logger(Verbose owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            string level = logLevel switch
            {
                LogLevel.Trace or LogLevel.Debug => "debug",
                LogLevel.Information => "info",
                LogLevel.Warning => "warn",
                _ => "error",
            };
            string name = category[(category.LastIndexOf('.') + 1)..];
            owner.Write($"{level}: {name}: {formatter(state, exception)}");
        }
    }
}
