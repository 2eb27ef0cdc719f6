using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Pcf.Accounting.Pact.Host.Security;

/// <summary>What a bearer token check found.</summary>
public enum TokenCheck
{
    /// <summary>The token is genuine and current.</summary>
    Valid = 0,

    /// <summary>The token is malformed or its signature does not match.</summary>
    Invalid = 1,

    /// <summary>The token was genuine but has expired.</summary>
    Expired = 2,
}

/// <summary>Self-contained bearer tokens: the client id and expiry, signed with HMAC-SHA256 under the store's key, so every host
/// sharing the store accepts them and none keeps a token table.</summary>
/// <remarks>Format: <c>pcf1.CLIENT.EXPIRES.NONCE.SIGNATURE</c>, base64url parts; the signature covers everything before it.</remarks>
/// <threadsafety>Thread-safe.</threadsafety>
public sealed class AccessTokens
{
    private readonly byte[] _key;

    /// <summary>Initializes a new instance of the <see cref="AccessTokens"/> class.</summary>
    /// <param name="key">The signing key (at least 32 bytes).</param>
    /// <exception cref="ArgumentException">The key is shorter than 32 bytes.</exception>
    public AccessTokens(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        _key = key.Length >= 32 ? (byte[])key.Clone() : throw new ArgumentException("The signing key must have at least 32 bytes.", nameof(key));
    }

    /// <summary>Issues a token.</summary>
    /// <param name="clientId">The client.</param>
    /// <param name="expires">When it expires.</param>
    /// <returns>The token.</returns>
    public string Issue(string clientId, DateTimeOffset expires)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        string body = string.Join('.', "pcf1", ClientSecrets.Base64Url(Encoding.UTF8.GetBytes(clientId)),
            expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), ClientSecrets.Base64Url(RandomNumberGenerator.GetBytes(12)));
        return body + "." + Sign(body);
    }

    /// <summary>Checks a token.</summary>
    /// <param name="token">The token.</param>
    /// <param name="now">The time now.</param>
    /// <param name="clientId">The client the token was issued to, when genuine (expired or not).</param>
    /// <returns>What was found.</returns>
    public TokenCheck Check(string token, DateTimeOffset now, out string? clientId)
    {
        clientId = null;
        if (string.IsNullOrEmpty(token) || token.Length > 1024)
        {
            return TokenCheck.Invalid;
        }

        string[] parts = token.Split('.');
        if (parts.Length != 5 || parts[0] != "pcf1")
        {
            return TokenCheck.Invalid;
        }

        string body = token[..token.LastIndexOf('.')];
        byte[] expected = Encoding.ASCII.GetBytes(Sign(body)), actual = Encoding.ASCII.GetBytes(parts[4]);
        if (!CryptographicOperations.FixedTimeEquals(expected, actual)
            || ClientSecrets.FromBase64Url(parts[1]) is not { } id
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out long expires))
        {
            return TokenCheck.Invalid;
        }

        clientId = Encoding.UTF8.GetString(id);
        return now.ToUnixTimeSeconds() >= expires ? TokenCheck.Expired : TokenCheck.Valid;
    }

    /// <summary>Signs any text with the key (also used for pagination cursors).</summary>
    internal string Sign(string body) => ClientSecrets.Base64Url(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(body)));
}
