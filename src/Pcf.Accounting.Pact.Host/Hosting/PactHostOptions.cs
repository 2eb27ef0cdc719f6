namespace Pcf.Accounting.Pact.Host;

/// <summary>Settings of a PACT host.</summary>
/// <remarks>Bind from configuration (<c>services.Configure&lt;PactHostOptions&gt;(configuration.GetSection("PactHost"))</c>) or set in
/// <c>AddPactHost(options =&gt; ...)</c>.</remarks>
public sealed class PactHostOptions
{
    /// <summary>Gets or sets the store's connection string (<see cref="Store.FootprintStores.Open"/>), used unless an
    /// <see cref="Store.IFootprintStore"/> is registered.</summary>
    /// <value>The default value is <c>sqlite:footprints.db</c> in the working folder.</value>
    public string Store { get; set; } = "sqlite:footprints.db";

    /// <summary>Gets or sets how long an access token is valid.</summary>
    /// <value>The default value is one hour (the specification's example <c>expires_in</c>: 3600).</value>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Gets or sets how many footprints a list returns when the request gives no <c>limit</c>.</summary>
    /// <value>The default value is 100.</value>
    public int DefaultPageSize { get; set; } = 100;

    /// <summary>Gets or sets the largest page served, whatever <c>limit</c> asks.</summary>
    /// <value>The default value is 1000.</value>
    public int MaxPageSize { get; set; } = 1000;

    /// <summary>Gets or sets a value indicating whether requests over plain HTTP are refused (the specification: HTTPS only).</summary>
    /// <value>The default value is <see langword="true"/>. Behind a TLS-terminating reverse proxy keep it, and forward the scheme
    /// (<c>UseForwardedHeaders</c>), so the host sees the original HTTPS request.</value>
    public bool RequireHttps { get; set; } = true;

    /// <summary>Gets or sets the public base URL of this host, the <c>source</c> of the events it sends; <see langword="null"/>
    /// for the first address the server listens on.</summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>Gets or sets the first retry delay of an event delivery; each retry doubles it.</summary>
    /// <value>The default value is 2 seconds.</value>
    public TimeSpan EventRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Gets or sets the longest delay between two attempts.</summary>
    /// <value>The default value is one hour.</value>
    public TimeSpan EventRetryMaxDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Gets or sets how long delivery of an event is tried before it is abandoned.</summary>
    /// <value>The default value is 72 hours (the specification: "It SHOULD abandon sending the event after 72 hours").</value>
    public TimeSpan EventGiveUpAfter { get; set; } = TimeSpan.FromHours(72);

    /// <summary>Gets or sets how often the queue of outgoing events is checked.</summary>
    /// <value>The default value is one second.</value>
    public TimeSpan EventPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets a value indicating whether a client's events URL may be plain HTTP or carry a certificate that does
    /// not validate when it is on loopback (development and conformance testing only).</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool AllowInsecureLoopbackEvents { get; set; }

    /// <summary>Gets or sets a value indicating whether the 2.3 endpoints (<c>/2/footprints</c>, <c>/2/events</c>) are served, from
    /// the same store, as 2.3 conversions of the stored 3.0 footprints.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool ServeVersion23 { get; set; } = true;
}
