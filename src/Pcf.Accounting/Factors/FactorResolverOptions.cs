namespace Pcf.Accounting.Factors;

/// <summary>Settings of a <see cref="FactorResolver"/>.</summary>
/// <threadsafety>Immutable.</threadsafety>
public sealed record FactorResolverOptions
{
    /// <summary>Gets the default settings.</summary>
    public static FactorResolverOptions Default { get; } = new();

    /// <summary>Gets how long one provider may take for one batch before it counts as failed.</summary>
    /// <value>The default value is 30 seconds; <see cref="Timeout.InfiniteTimeSpan"/> waits for ever.</value>
    public TimeSpan ProviderTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
