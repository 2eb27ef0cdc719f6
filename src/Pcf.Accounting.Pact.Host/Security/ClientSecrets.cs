using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Pcf.Accounting.Pact.Host.Security;

/// <summary>Client secrets: made random, stored only as a salted PBKDF2-HMAC-SHA256 hash, checked in constant time.</summary>
/// <remarks>The hash text is <c>pbkdf2-sha256$ITERATIONS$SALT$HASH</c> (base64). 100,000 iterations follow OWASP's Password
/// Storage Cheat Sheet (2023: 600,000 for passwords; client secrets here are 256-bit random values, so the work factor guards
/// against a leaked table, not against guessing).</remarks>
/// <threadsafety>Thread-safe.</threadsafety>
public static class ClientSecrets
{
    private const int Iterations = 100_000;

    /// <summary>Makes a new random secret: 32 bytes, base64url (43 characters).</summary>
    /// <returns>The secret.</returns>
    public static string Generate() => Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>Hashes a secret for storage.</summary>
    /// <param name="secret">The secret.</param>
    /// <returns>The hash text.</returns>
    /// <exception cref="ArgumentException"><paramref name="secret"/> is empty.</exception>
    public static string Hash(string secret)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        byte[] salt = RandomNumberGenerator.GetBytes(16);
        byte[] hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(secret), salt, Iterations, HashAlgorithmName.SHA256, 32);
        return string.Create(CultureInfo.InvariantCulture, $"pbkdf2-sha256${Iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}");
    }

    /// <summary>Checks a secret against a stored hash, in time independent of where they differ.</summary>
    /// <param name="secret">The secret given.</param>
    /// <param name="storedHash">The stored hash text.</param>
    /// <returns><see langword="true"/> when the secret matches.</returns>
    public static bool Verify(string secret, string storedHash)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(storedHash);
        string[] parts = storedHash.Split('$');
        if (parts.Length != 4 || parts[0] != "pbkdf2-sha256" || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int iterations) || iterations < 1)
        {
            return false;
        }

        try
        {
            byte[] salt = Convert.FromBase64String(parts[2]), expected = Convert.FromBase64String(parts[3]);
            byte[] actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(secret), salt, iterations, HashAlgorithmName.SHA256, expected.Length);
            return CryptographicOperations.FixedTimeEquals(actual, expected);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    internal static string Base64Url(ReadOnlySpan<byte> bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    internal static byte[]? FromBase64Url(string text)
    {
        string padded = text.Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - (padded.Length % 4)) % 4);
        try
        {
            return Convert.FromBase64String(padded);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
