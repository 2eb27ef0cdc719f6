namespace Pcf.Accounting.Factors;

/// <summary>How sure the publisher of a dataset is that a value matches its cited source.</summary>
/// <remarks>The marks of the project's reference notes: [V] verified, [S] secondary, [U] unverified.</remarks>
public enum FactorConfidence
{
    /// <summary>Not stated.</summary>
    NotStated = 0,

    /// <summary>[V] Checked against the cited source or a faithful transcription of it.</summary>
    Verified = 1,

    /// <summary>[S] Seen only in a third-party transcription; check against the primary document before relying on it.</summary>
    Secondary = 2,

    /// <summary>[U] From notes or recall; no source was read. Use only with care.</summary>
    Unverified = 3,
}
