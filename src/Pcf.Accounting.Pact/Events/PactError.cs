namespace Pcf.Accounting.Pact.Events;

/// <summary>A PACT <c>Error</c> object: a code of the specification's enumeration and a message for people.</summary>
/// <param name="Code">One of <see cref="PactErrorCodes"/>.</param>
/// <param name="Message">What went wrong.</param>
/// <threadsafety>Immutable.</threadsafety>
public sealed record PactError(string Code, string Message);

/// <summary>The error codes of the PACT <c>Error</c> object (3.0 and 2.3 OpenAPI, <c>Error.code</c> enumeration), with the HTTP status each goes with.</summary>
public static class PactErrorCodes
{
    /// <summary><c>BadRequest</c>, HTTP 400 (and, by the conformance suite's convention, an invalid token: 401).</summary>
    public const string BadRequest = "BadRequest";

    /// <summary><c>AccessDenied</c>, HTTP 403.</summary>
    public const string AccessDenied = "AccessDenied";

    /// <summary><c>TokenExpired</c>, HTTP 401.</summary>
    public const string TokenExpired = "TokenExpired";

    /// <summary><c>NotFound</c>, HTTP 404.</summary>
    public const string NotFound = "NotFound";

    /// <summary><c>InternalError</c>, HTTP 500.</summary>
    public const string InternalError = "InternalError";

    /// <summary><c>NotImplemented</c>, HTTP 501.</summary>
    public const string NotImplemented = "NotImplemented";

    /// <summary>Gets every code, in the order of the specification's enumeration.</summary>
    public static IReadOnlyList<string> All { get; } = [BadRequest, AccessDenied, TokenExpired, NotFound, InternalError, NotImplemented];
}
