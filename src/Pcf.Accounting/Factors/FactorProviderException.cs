namespace Pcf.Accounting.Factors;

/// <summary>Thrown when an emission-factor provider fails (throws or times out); names the provider.</summary>
/// <remarks><see cref="FactorResolver"/> turns it into a <c>PCF0403</c> problem; <see cref="CompositeFactorProvider"/> wraps
/// its members' failures in it so the name of the failing member is kept.</remarks>
public sealed class FactorProviderException : Exception
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="providerName">The name of the provider that failed.</param>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The provider's exception, if any.</param>
    public FactorProviderException(string providerName, string message, Exception? innerException = null)
        : base($"The emission-factor provider '{providerName}' failed: {message}", innerException) => ProviderName = providerName;

    /// <summary>Gets the name of the provider that failed.</summary>
    public string ProviderName { get; }
}
