using Pcf.Accounting.Cli.Pact;
using Pcf.Accounting.Data;
using Pcf.Accounting.Engine;
using Pcf.Accounting.Factors;
using Pcf.Accounting.Json;
using Pcf.Accounting.Model;
using Pcf.Accounting.Results;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Cli;

/// <summary>Reads systems and factor files and calculates: the library calls every command shares.</summary>
internal static class Calculation
{
    /// <summary>Reads a pcf-system/1 file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The product system.</returns>
    /// <exception cref="CliException">The file is missing or invalid; the exception lists every problem with its JSON path.</exception>
    public static async Task<ProductSystem> ReadSystemAsync(string path, CancellationToken cancellationToken)
    {
        var bytes = await ReadFileAsync(path, cancellationToken).ConfigureAwait(false);
        var read = ProductSystemJson.Read(bytes);
        return read.IsValid
            ? read.Value
            : throw CliException.FromProblems($"'{path}' is not a valid pcf-system/1 document ({Count(read.Problems.Length)}).", path, read.Problems);
    }

    /// <summary>Reads a factor file: <c>.csv</c> as the factor CSV; JSON as pcf-factors/1, or as a supplier's PACT footprint document (3.0 or 2.3).</summary>
    /// <param name="path">The file.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The factors, or every problem (paths inside the file).</returns>
    public static Task<ValidationResult<FactorCatalog>> TryReadFactorFileAsync(string path, CancellationToken cancellationToken) =>
        TryReadFactorFileAsync(path, null, cancellationToken);

    /// <summary>Reads a factor file, filing a PACT footprint under a given key.</summary>
    /// <param name="path">The file.</param>
    /// <param name="key">For a PACT document, the factor key to file its footprint under; <see langword="null"/> for its product ids.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The factors, or every problem (paths inside the file).</returns>
    public static async Task<ValidationResult<FactorCatalog>> TryReadFactorFileAsync(string path, string? key, CancellationToken cancellationToken) =>
        (await TryReadFactorSourceAsync(path, key, cancellationToken).ConfigureAwait(false)).Read;

    private static async Task<(ValidationResult<FactorCatalog> Read, bool Supplier)> TryReadFactorSourceAsync(string path, string? key, CancellationToken cancellationToken)
    {
        if (Directory.Exists(path))
        {
            return (ValidationResult.Failure<FactorCatalog>([new("$", ProblemCodes.Required, $"'{path}' is a folder, not a factor file.")]), false);
        }

        if (!File.Exists(path))
        {
            return (ValidationResult.Failure<FactorCatalog>([new("$", ProblemCodes.Required, $"The file '{path}' does not exist.")]), false);
        }

        if (IsCsv(path))
        {
            return (key is null
                ? await FactorCsv.ReadFileAsync(path, cancellationToken).ConfigureAwait(false)
                : ValidationResult.Failure<FactorCatalog>([new("$", ProblemCodes.UnsupportedFormat, $"'{key}=' is for a PACT footprint; a factor CSV names its own keys.")]), false);
        }

        // Read once: the document says what it is (pcf-factors/1 has "format"; a PACT footprint "specVersion", a response "data").
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        if (SupplierFootprints.IsPactDocument(bytes))
        {
            return (SupplierFootprints.Read(bytes, key), true);
        }

        return (key is null
            ? FactorJson.Read(bytes)
            : ValidationResult.Failure<FactorCatalog>([new("$", ProblemCodes.UnsupportedFormat, $"'{key}=' is for a PACT footprint; a {FactorJson.Format} file names its own keys.")]), false);
    }

    /// <summary>Reads factor files into providers named after the files, in the order given; a PACT footprint document becomes a
    /// <see cref="SupplierFootprintProvider"/> (matched by key alone), any other file an <see cref="InMemoryFactorProvider"/>.</summary>
    /// <param name="values">The <c>--factors</c> values: files, or <c>KEY=FILE</c> for a PACT footprint filed under KEY.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The providers.</returns>
    /// <exception cref="CliException">A file is missing or invalid.</exception>
    public static async Task<List<IEmissionFactorProvider>> ReadFactorFilesAsync(IEnumerable<string> values, CancellationToken cancellationToken)
    {
        var providers = new List<IEmissionFactorProvider>();
        foreach (var value in values)
        {
            var (catalog, file, supplier) = await ReadFactorSourceAsync(value, cancellationToken).ConfigureAwait(false);
            providers.Add(supplier ? new SupplierFootprintProvider(Path.GetFileName(file), catalog) : new InMemoryFactorProvider(Path.GetFileName(file), catalog));
        }

        return providers;
    }

    /// <summary>Reads one factor file (a <c>--factors</c> value: a file, or <c>KEY=FILE</c> for a PACT footprint).</summary>
    /// <param name="value">The value.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The factors.</returns>
    /// <exception cref="CliException">The file is missing or invalid.</exception>
    public static async Task<FactorCatalog> ReadCatalogAsync(string value, CancellationToken cancellationToken) =>
        (await ReadFactorSourceAsync(value, cancellationToken).ConfigureAwait(false)).Catalog;

    private static async Task<(FactorCatalog Catalog, string File, bool Supplier)> ReadFactorSourceAsync(string value, CancellationToken cancellationToken)
    {
        var (key, path) = SupplierFootprints.SplitKey(value);
        EnsureFile(path, "a factor file (.json, .csv or a PACT footprint)");
        var (read, supplier) = await TryReadFactorSourceAsync(path, key, cancellationToken).ConfigureAwait(false);
        string kind = IsCsv(path) ? "factor CSV" : supplier ? "PACT footprint" : FactorJson.Format;
        return read.IsValid
            ? (read.Value, path, supplier)
            : throw CliException.FromProblems($"'{path}' is not a valid {kind} file ({Count(read.Problems.Length)}).", path, read.Problems);
    }

    /// <summary>Calculates the footprint of a system: compile, resolve factors (given providers first, in order), compute.</summary>
    /// <param name="system">The system.</param>
    /// <param name="providers">The factor providers, highest priority first.</param>
    /// <param name="options">Rule set, GWP set and demand.</param>
    /// <param name="cancellationToken">Cancels the resolution.</param>
    /// <returns>The result, or every problem.</returns>
    public static ValueTask<ValidationResult<FootprintResult>> TryCalculateAsync(ProductSystem system, IEnumerable<IEmissionFactorProvider> providers, CalculationOptions options, CancellationToken cancellationToken) =>
        new FootprintCalculator(new FactorResolver(providers)).CalculateAsync(system, options, cancellationToken);

    /// <summary>Reads the system and the factor files of a command and calculates, with the embedded defaults after the given files.</summary>
    /// <param name="inputs">The command's inputs.</param>
    /// <param name="step">Told each step as it starts (reading, compiling and factorizing, resolving factors, computing), for progress.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The result.</returns>
    /// <exception cref="CliException">A file is missing or invalid, or the calculation failed; the exception lists every problem.</exception>
    /// <remarks>The steps are the library's own (<see cref="FootprintCalculator"/> runs the same three), called one by one so that
    /// each can be shown: compiling includes the factorization of the technosphere matrix, the long step of a big system.</remarks>
    public static async Task<FootprintResult> CalculateAsync(CalculationInputs inputs, Action<string> step, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        step($"Reading {inputs.SystemFile}");
        var system = await ReadSystemAsync(inputs.SystemFile, cancellationToken).ConfigureAwait(false);
        if (inputs.FactorFiles.Count > 0)
        {
            step($"Reading {Count(inputs.FactorFiles.Count, "factor file")}");
        }

        var providers = await ReadFactorFilesAsync(inputs.FactorFiles, cancellationToken).ConfigureAwait(false);
        providers.Add(DefaultFactors.Provider);
        step($"Compiling and factorizing {Count(system.Processes.Length, "process", "processes")}");
        var compiled = CompiledSystem.Compile(system, inputs.RuleSet);
        if (!compiled.IsValid)
        {
            throw Failed(inputs.SystemFile, compiled.Problems);
        }

        step($"Resolving {Count(compiled.Value.FactorRequests.Length, "emission factor")}");
        var resolution = await new FactorResolver(providers).ResolveAsync(compiled.Value.FactorRequests, inputs.GwpSet, cancellationToken).ConfigureAwait(false);
        if (!resolution.IsValid)
        {
            // The resolver names requests; the user needs the places in the file that ask for them.
            throw Failed(inputs.SystemFile, FactorUses.Locate(system, resolution.Problems));
        }

        step("Computing the footprint");
        try
        {
            return compiled.Value.Calculate(resolution.Value);
        }
        catch (InvalidOperationException e)
        {
            // As FootprintCalculator reports it: a numerically singular system.
            throw Failed(inputs.SystemFile, [new ValidationProblem("$", ProblemCodes.NonFiniteResult, e.Message)]);
        }
    }

    private static CliException Failed(string systemFile, IReadOnlyCollection<ValidationProblem> problems) =>
        CliException.FromProblems($"The calculation of '{systemFile}' failed ({Count(problems.Count)}).", systemFile, problems);

    /// <summary>Reads a whole JSON file, naming it when it is missing or a folder.</summary>
    /// <param name="path">The file.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>Its bytes.</returns>
    /// <exception cref="CliException">The file does not exist, is a folder or cannot be read.</exception>
    public static async Task<byte[]> ReadFileAsync(string path, CancellationToken cancellationToken)
    {
        EnsureFile(path, "a JSON file");

        try
        {
            return await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"The file '{path}' cannot be read: {e.Message}", e);
        }
    }

    /// <summary>Checks that a path names an existing file, not a folder.</summary>
    /// <param name="path">The path.</param>
    /// <param name="kind">What the file should be, for the message: <c>a JSON file</c>.</param>
    /// <exception cref="CliException">The path is a folder or names nothing.</exception>
    public static void EnsureFile(string path, string kind)
    {
        if (Directory.Exists(path))
        {
            throw new CliException($"'{path}' is a folder, not {kind}.");
        }

        if (!File.Exists(path))
        {
            throw CliException.FileNotFound(path);
        }
    }

    /// <summary>Checks, before any work, that a file can be written: the path is not a folder and its folder exists.</summary>
    /// <param name="path">The file to write.</param>
    /// <exception cref="CliException">It cannot be written, and why.</exception>
    public static void EnsureWritable(string path)
    {
        if (Directory.Exists(path))
        {
            throw new CliException($"cannot write '{path}': it is a folder.");
        }

        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null && !Directory.Exists(folder))
        {
            throw new CliException($"cannot write '{path}': the folder '{folder}' does not exist.");
        }
    }

    /// <summary>Writes a whole file, turning file-system failures into a message that names the file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="bytes">The content.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the file is written.</returns>
    /// <exception cref="CliException">The file cannot be written.</exception>
    public static async Task WriteFileAsync(string path, byte[] bytes, CancellationToken cancellationToken)
    {
        EnsureWritable(path);
        try
        {
            await File.WriteAllBytesAsync(path, bytes, cancellationToken).ConfigureAwait(false);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new CliException($"cannot write '{path}': permission denied.", e);
        }
        catch (IOException e)
        {
            throw new CliException($"cannot write '{path}': {e.Message}", e);
        }
    }

    /// <summary>Gets whether a factor file is CSV, by its extension.</summary>
    /// <param name="path">The file.</param>
    /// <returns><see langword="true"/> for <c>.csv</c>.</returns>
    public static bool IsCsv(string path) => string.Equals(Path.GetExtension(path), ".csv", StringComparison.OrdinalIgnoreCase);

    private static string Count(int problems) => Count(problems, "problem");

    private static string Count(int count, string singular, string? plural = null) =>
        count == 1 ? $"1 {singular}" : $"{count.ToString(System.Globalization.CultureInfo.InvariantCulture)} {plural ?? singular + "s"}";
}
