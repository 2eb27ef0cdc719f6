namespace Pcf.Accounting.Model;

/// <summary>The supplier of a product input: a process in the system, or an emission factor.</summary>
/// <remarks>
/// Create one with <see cref="FromProcess"/> or <see cref="FromFactor"/>. A factor supply names the
/// key, region and year of the factor requested; the engine asks the registered emission-factor
/// providers for it, in the flow's unit, when the system is resolved.
/// </remarks>
/// <threadsafety>Immutable.</threadsafety>
public sealed record Supply
{
    private Supply(SupplyKind kind, ProcessId? process, string? factorKey, string? region, int? year)
    {
        Kind = kind;
        Process = process;
        FactorKey = factorKey;
        Region = region;
        Year = year;
    }

    /// <summary>Gets whether a process or a factor supplies the input.</summary>
    public SupplyKind Kind { get; }

    /// <summary>Gets the supplying process, when <see cref="Kind"/> is <see cref="SupplyKind.Process"/>.</summary>
    public ProcessId? Process { get; }

    /// <summary>Gets the key of the emission factor, when <see cref="Kind"/> is <see cref="SupplyKind.Factor"/>.</summary>
    public string? FactorKey { get; }

    /// <summary>Gets the region of the factor asked for (an ISO 3166 code such as <c>CN</c> or <c>CN-JS</c>, a grid region, or <c>GLO</c>), if any.</summary>
    public string? Region { get; }

    /// <summary>Gets the reference year of the factor asked for, if any.</summary>
    public int? Year { get; }

    /// <summary>Creates a supply by a process in the system.</summary>
    /// <param name="process">The supplying process.</param>
    /// <returns>The supply.</returns>
    /// <exception cref="ArgumentException"><paramref name="process"/> is empty.</exception>
    public static Supply FromProcess(ProcessId process)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(process.Value, nameof(process));
        return new(SupplyKind.Process, process, null, null, null);
    }

    /// <summary>Creates a supply by an emission factor.</summary>
    /// <param name="key">The factor's key, such as <c>electricity-grid</c>.</param>
    /// <param name="region">The region of the factor asked for, if any.</param>
    /// <param name="year">The reference year of the factor asked for, if any.</param>
    /// <returns>The supply.</returns>
    /// <exception cref="ArgumentException"><paramref name="key"/> is empty.</exception>
    public static Supply FromFactor(string key, string? region = null, int? year = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        return new(SupplyKind.Factor, null, key, string.IsNullOrWhiteSpace(region) ? null : region, year);
    }

    /// <summary>Describes the supply: <c>process blow-moulding</c> or <c>factor electricity-grid (CN, 2023)</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() => Kind == SupplyKind.Process
        ? $"process {Process}"
        : $"factor {FactorKey}" + (Region is null && Year is null ? string.Empty : $" ({string.Join(", ", new[] { Region, Year?.ToString(System.Globalization.CultureInfo.InvariantCulture) }.Where(s => s is not null))})");
}
