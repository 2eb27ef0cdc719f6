using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Pcf.Accounting.Pact.Host;

/// <summary>A self-signed TLS certificate for a host on loopback (<c>localhost</c>, <c>127.0.0.1</c>, <c>::1</c>), made in memory
/// when no certificate is given: HTTPS from the first start, for development and testing only (clients must accept it explicitly).</summary>
public static class DevelopmentCertificate
{
    /// <summary>Creates the certificate: RSA 2048, SHA-256, server authentication, valid from a day ago for 30 days.</summary>
    /// <returns>The certificate with its private key.</returns>
    public static X509Certificate2 Create()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost, O=Pcf.Accounting PACT host (development)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        names.AddIpAddress(IPAddress.IPv6Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false)); // server authentication
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));

        // Round-trip through PKCS#12 so the key is usable by SslStream on every platform.
#if NET9_0_OR_GREATER
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
#else
        return new X509Certificate2(created.Export(X509ContentType.Pfx));
#endif
    }
}
