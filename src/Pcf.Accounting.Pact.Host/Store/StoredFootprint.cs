using System.Collections.Immutable;

namespace Pcf.Accounting.Pact.Host.Store;

/// <summary>One stored version of a footprint: the PACT 3.0 document as served, the calculation behind it, and who may see it.</summary>
/// <remarks>Versions are never overwritten: publishing a new calculation of a product deprecates the current version (its
/// <c>status</c> becomes <c>Deprecated</c>, the only change PACT allows) and the new one lists it in <c>precedingPfIds</c>.</remarks>
/// <threadsafety>Immutable.</threadsafety>
public sealed record StoredFootprint
{
    /// <summary>Gets the footprint id (<c>id</c>).</summary>
    public required Guid Id { get; init; }

    /// <summary>Gets the store's sequence number: the order versions were stored in, across products.</summary>
    public required long Sequence { get; init; }

    /// <summary>Gets the key the product's versions share (by default its first product id, lower case).</summary>
    public required string ProductKey { get; init; }

    /// <summary>Gets the status: <see cref="PfStatus.Deprecated"/> once a later version superseded it.</summary>
    public required PfStatus Status { get; init; }

    /// <summary>Gets when the version was stored.</summary>
    public required DateTimeOffset StoredAt { get; init; }

    /// <summary>Gets the PACT 3.0 ProductFootprint as served (compact UTF-8 JSON text).</summary>
    public required string Document { get; init; }

    /// <summary>Gets the calculation result (<c>pcf-result/1</c> JSON text), when the footprint was calculated here.</summary>
    public string? ResultJson { get; init; }

    /// <summary>Gets the content hash of the product system the result was calculated from (<c>sha256:</c> and 64 hex digits).</summary>
    public string? SystemHash { get; init; }

    /// <summary>Gets the content hashes of the factor sets used, each <c>name=sha256:…</c>.</summary>
    public ImmutableArray<ContentHash> FactorSetHashes { get; init; } = [];

    /// <summary>Gets the version that superseded this one, if any.</summary>
    public Guid? SupersededBy { get; init; }

    /// <summary>Gets the clients this version is shared with (<c>*</c> for every client).</summary>
    public ImmutableArray<string> SharedWith { get; init; } = [];

    /// <summary>Gets the footprint, read from <see cref="Document"/>.</summary>
    public V3.ProductFootprint Footprint => PactJson.ReadV3(System.Text.Encoding.UTF8.GetBytes(Document)).ThrowIfInvalid();
}

/// <summary>A named content hash: a product system or a factor set, and the SHA-256 of its bytes.</summary>
/// <param name="Name">What was hashed: <c>system:&lt;product key&gt;</c>, or a factor set's name (a file name, <c>embedded:…</c>).</param>
/// <param name="Hash"><c>sha256:</c> and 64 lower-case hex digits.</param>
/// <threadsafety>Immutable.</threadsafety>
public sealed record ContentHash(string Name, string Hash)
{
    /// <summary>Computes the hash of some bytes.</summary>
    /// <param name="name">The name.</param>
    /// <param name="content">The bytes.</param>
    /// <returns>The hash.</returns>
    public static ContentHash Of(string name, ReadOnlySpan<byte> content) =>
        new(name, "sha256:" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(content)).ToLowerInvariant());

    /// <summary>Reads <c>name=hash</c>.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The hash.</returns>
    /// <exception cref="FormatException">The text has no <c>=</c>.</exception>
    public static ContentHash Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int eq = text.LastIndexOf('=');
        return eq > 0 ? new(text[..eq], text[(eq + 1)..]) : throw new FormatException($"'{text}' is not name=hash.");
    }

    /// <inheritdoc/>
    public override string ToString() => Name + "=" + Hash;
}

/// <summary>Why a stored result no longer matches its inputs: a hash differs from the current one of the same name.</summary>
/// <param name="Name">The system or factor set.</param>
/// <param name="StoredHash">The hash the stored result was calculated with.</param>
/// <param name="CurrentHash">The hash the store now knows for that name.</param>
/// <threadsafety>Immutable.</threadsafety>
public sealed record StaleInput(string Name, string StoredHash, string CurrentHash);
