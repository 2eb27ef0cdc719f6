using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Pcf.Accounting.DependencyInjection;
using Pcf.Accounting.Engine;
using Pcf.Accounting.Factors;
using Pcf.Accounting.Factors.Files;
using Pcf.Accounting.Json;
using Pcf.Accounting.Model;
using Pcf.Accounting.Pact;
using Pcf.Accounting.Results;
using Pcf.Accounting.Rules;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Cli;

/// <summary>The library calls every calculating command shares: read the system and the factor files, calculate with the
/// registered services (the embedded defaults after the files given), and turn problems into a <see cref="CliException"/>.</summary>
internal static class Calculation
{
    /// <summary>Reads a pcf-system/1 file within the configured limits.</summary>
    /// <param name="context">The command's context (its services' limits).</param>
    /// <param name="path">The file.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The product system.</returns>
    /// <exception cref="CliException">The file is missing or invalid; the exception lists every problem with its JSON path.</exception>
    public static async Task<ProductSystem> ReadSystemAsync(CliContext context, string path, CancellationToken cancellationToken)
    {
        var limits = context.Services.GetRequiredService<PcfAccountingSettings>().JsonLimits;
        var bytes = await ReadFileAsync(context, path, cancellationToken).ConfigureAwait(false);
        var read = ProductSystemJson.Read(bytes, limits);
        await LeaveTheRead();
        return read.IsValid
            ? read.Value
            : throw CliException.FromProblems($"'{path}' is not a valid pcf-system/1 document ({Count(read.Problems.Length)}).", path, read.Problems);
    }

    /// <summary>Reads factor files (or <c>KEY=FILE</c> for a PACT footprint) into providers named after the files, in the order given.</summary>
    /// <param name="context">The command's context (its factor-file loader).</param>
    /// <param name="values">The <c>--factors</c> values.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The providers.</returns>
    /// <exception cref="CliException">A file is missing or invalid.</exception>
    public static async Task<List<IEmissionFactorProvider>> ReadFactorFilesAsync(CliContext context, IEnumerable<string> values, CancellationToken cancellationToken)
    {
        var loader = context.Services.GetRequiredService<FactorFileLoader>();
        var providers = new List<IEmissionFactorProvider>();
        foreach (var value in values)
        {
            var (key, path) = FactorFileLoader.SplitKey(value);
            var bytes = await ReadFileAsync(context, path, cancellationToken).ConfigureAwait(false);
            var loaded = loader.Read(Path.GetFileName(path), path, bytes, key);
            if (!loaded.IsValid)
            {
                string kind = loader.FormatOf(path, bytes) ?? "factor";
                throw CliException.FromProblems($"'{path}' is not a valid {kind} file ({Count(loaded.Problems.Length)}).", path, loaded.Problems);
            }

            providers.Add(loaded.Value);
        }

        return providers;
    }

    /// <summary>Reads one factor file's factors, for listing.</summary>
    /// <param name="context">The command's context.</param>
    /// <param name="value">The file, or <c>KEY=FILE</c>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The factors.</returns>
    /// <exception cref="CliException">The file is missing or invalid, or its provider cannot list its factors.</exception>
    public static async Task<FactorCatalog> ReadCatalogAsync(CliContext context, string value, CancellationToken cancellationToken)
    {
        var provider = (await ReadFactorFilesAsync(context, [value], cancellationToken).ConfigureAwait(false))[0];
        return provider switch
        {
            InMemoryFactorProvider memory => memory.Catalog,
            Accounting.Pact.SupplierFootprintProvider supplier => supplier.Catalog,
            _ => throw new CliException($"'{value}' cannot be listed: its provider ({provider.GetType().Name}) does not expose its factors."),
        };
    }

    /// <summary>Finds a rule set by id in the registry, or the default.</summary>
    /// <param name="context">The command's context.</param>
    /// <param name="id">The id, or <see langword="null"/> for the default.</param>
    /// <returns>The rule set.</returns>
    /// <exception cref="CliException">No rule set has that id; the message lists them.</exception>
    public static RuleSet RuleSetOf(CliContext context, string? id)
    {
        var registry = context.Services.GetRequiredService<IRuleSetRegistry>();
        if (id is null)
        {
            return registry.Default;
        }

        return registry.TryFind(id, out var found)
            ? found
            : throw new CliException($"--rules '{id}' is not a rule set; known: {string.Join(", ", registry.All.Select(r => r.Id))}.");
    }

    /// <summary>Reads the system and the factor files of a command and calculates, with the registered providers (the embedded defaults) after the given files.</summary>
    /// <param name="context">The command's context.</param>
    /// <param name="inputs">The command's inputs.</param>
    /// <param name="step">Told each step as it starts (reading, compiling and factorizing, resolving factors, computing), for progress.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The result.</returns>
    /// <exception cref="CliException">A file is missing or invalid, or the calculation failed; the exception lists every problem.</exception>
    public static async Task<FootprintResult> CalculateAsync(CliContext context, CalculationInputs inputs, Action<string> step, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        step($"Reading {inputs.SystemFile}");
        var warm = Task.Run(() => Prepare(context.Services), cancellationToken);
        var system = await ReadSystemAsync(context, inputs.SystemFile, cancellationToken).ConfigureAwait(false);
        await warm.ConfigureAwait(false);
        return await CalculateAsync(context, system, inputs.SystemFile, inputs.FactorFiles, new CalculationOptions(RuleSetOf(context, inputs.RuleSet), inputs.GwpSet), step, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Makes the services a calculation uses (the factor resolver with its providers, some of which read embedded data,
    /// the rule sets and the views) on another core while the system is read. A service that cannot be made is left for the
    /// calculation, which reports it.</summary>
    private static void Prepare(IServiceProvider services)
    {
        try
        {
            using var scope = services.CreateScope();
            _ = scope.ServiceProvider.GetRequiredService<FactorResolver>();
            _ = scope.ServiceProvider.GetRequiredService<IRuleSetRegistry>();
            _ = scope.ServiceProvider.GetServices<IFootprintView>().Count();
        }
#pragma warning disable CA1031 // any failure is the calculation's to report, with its own message
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    /// <summary>Reads a <c>pcf-result/1</c> file back, or calculates a <c>pcf-system/1</c> file: the input of commands that show a result.</summary>
    /// <param name="context">The command's context.</param>
    /// <param name="inputs">The inputs; factor files, GWP set and rule set apply to a system only.</param>
    /// <param name="step">Told each step as it starts.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The result.</returns>
    /// <exception cref="CliException">The file is missing or invalid, or the calculation failed.</exception>
    public static async Task<FootprintResult> ResultOrCalculateAsync(CliContext context, CalculationInputs inputs, Action<string> step, CancellationToken cancellationToken)
    {
        step($"Reading {inputs.SystemFile}");
        var bytes = await ReadFileAsync(context, inputs.SystemFile, cancellationToken).ConfigureAwait(false);
        if (FormatOf(bytes) == FootprintResultJson.Format)
        {
            var read = FootprintResultJson.Read(bytes);
            return read.IsValid
                ? read.Value
                : throw CliException.FromProblems($"'{inputs.SystemFile}' is not a valid pcf-result/1 document ({Count(read.Problems.Length)}).", inputs.SystemFile, read.Problems);
        }

        var limits = context.Services.GetRequiredService<PcfAccountingSettings>().JsonLimits;
        var system = ProductSystemJson.Read(bytes, limits);
        if (!system.IsValid)
        {
            throw CliException.FromProblems($"'{inputs.SystemFile}' is not a valid pcf-system/1 document ({Count(system.Problems.Length)}).", inputs.SystemFile, system.Problems);
        }

        await LeaveTheRead();
        return await CalculateAsync(context, system.Value, inputs.SystemFile, inputs.FactorFiles, new CalculationOptions(RuleSetOf(context, inputs.RuleSet), inputs.GwpSet), step, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Continues a command on a fresh thread-pool item once a whole file it read has been taken in. What follows an
    /// awaited read that completed later runs inside the frames that completed it, and those frames hold the read's result
    /// (the whole file) until the command ends; leaving them makes the bytes garbage while the system is compiled,
    /// calculated and written (12 MB of a 20,000-process system, 60 MB of a 100,000-process one). Awaiting the read with
    /// <see cref="ConfigureAwaitOptions.ForceYielding"/> would not do: it yields only when the read has already completed.</summary>
    private static System.Runtime.CompilerServices.YieldAwaitable LeaveTheRead() => Task.Yield();

    // The root "format" member of a JSON document, if it is a string.
    private static string? FormatOf(byte[] utf8)
    {
        var reader = new System.Text.Json.Utf8JsonReader(utf8.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? utf8.AsSpan(3) : utf8,
            new System.Text.Json.JsonReaderOptions { CommentHandling = System.Text.Json.JsonCommentHandling.Skip });
        try
        {
            if (!reader.Read() || reader.TokenType != System.Text.Json.JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == System.Text.Json.JsonTokenType.PropertyName)
            {
                bool format = reader.ValueTextEquals("format"u8);
                if (!reader.Read())
                {
                    return null;
                }

                if (format)
                {
                    return reader.TokenType == System.Text.Json.JsonTokenType.String ? reader.GetString() : null;
                }

                if (!reader.TrySkip())
                {
                    return null;
                }
            }
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException)
        {
            // Not JSON enough to tell: read as a system, whose reader reports what is wrong.
        }

        return null;
    }

    /// <summary>Calculates a system read from a file (or built by a template), with factor files before the registered providers.</summary>
    /// <param name="context">The command's context.</param>
    /// <param name="system">The system.</param>
    /// <param name="systemFile">Where it came from, for messages.</param>
    /// <param name="factorFiles">The factor files.</param>
    /// <param name="options">Rule set, GWP set, demand.</param>
    /// <param name="step">Told each step as it starts.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The result.</returns>
    /// <exception cref="CliException">A factor file is invalid, or the calculation failed.</exception>
    public static async Task<FootprintResult> CalculateAsync(CliContext context, ProductSystem system, string systemFile, IReadOnlyCollection<string> factorFiles,
        CalculationOptions options, Action<string> step, CancellationToken cancellationToken)
    {
        if (factorFiles.Count > 0)
        {
            step($"Reading {Count(factorFiles.Count, "factor file")}");
        }

        var providers = await ReadFactorFilesAsync(context, factorFiles, cancellationToken).ConfigureAwait(false);
        using var scope = context.Services.CreateScope();
        var services = scope.ServiceProvider;
        providers.AddRange(services.GetRequiredService<FactorResolver>().Providers);
        var settings = services.GetRequiredService<PcfAccountingSettings>();
        var resolver = new FactorResolver(providers, settings.FactorResolution)
        {
            Logger = services.GetService<ILogger<FactorResolver>>() ?? (ILogger)NullLogger.Instance,
        };
        var calculator = new FootprintCalculator(resolver, settings, services.GetRequiredService<IRuleSetRegistry>(), services.GetServices<IFootprintView>(),
            services.GetService<ILogger<FootprintCalculator>>());
        var result = await calculator.CalculateAsync(system, options, new StepProgress(step), cancellationToken).ConfigureAwait(false);
        return result.IsValid
            ? result.Value
            : throw CliException.FromProblems($"The calculation of '{systemFile}' failed ({Count(result.Problems.Length)}).", systemFile, result.Problems);
    }

    /// <summary>Reads a whole input file within the configured size limit, naming it when it is missing, a folder or too large.</summary>
    /// <param name="context">The command's context.</param>
    /// <param name="path">The file.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>Its bytes.</returns>
    /// <exception cref="CliException">The file does not exist, is a folder, cannot be read or is too large.</exception>
    public static async Task<byte[]> ReadFileAsync(CliContext context, string path, CancellationToken cancellationToken)
    {
        var limits = context.Services.GetRequiredService<PcfAccountingSettings>().JsonLimits;
        var read = await JsonFile.ReadAsync(path, limits, cancellationToken).ConfigureAwait(false);
        return read.IsValid ? read.Value : throw new CliException($"{string.Join(" ", read.Problems.Select(p => p.Message))}");
    }

    /// <summary>Reads a <c>--product</c> metadata file with the configured limits (<see cref="PactProductMetadataJson"/>).</summary>
    /// <param name="context">The CLI context.</param>
    /// <param name="path">The file.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The metadata.</returns>
    /// <exception cref="CliException">The file is missing or invalid; the exception lists every problem with its JSON path.</exception>
    public static async Task<PactProductMetadata> ReadProductMetadataAsync(CliContext context, string path, CancellationToken cancellationToken)
    {
        var limits = context.Services.GetRequiredService<PcfAccountingSettings>().JsonLimits;
        var read = PactProductMetadataJson.Read(await ReadFileAsync(context, path, cancellationToken).ConfigureAwait(false), limits);
        return read.IsValid ? read.Value : throw CliException.FromProblems($"'{path}' is not valid product metadata.", path, read.Problems);
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

    /// <summary>Writes a whole file atomically, turning file-system failures into a message that names the file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="bytes">The content.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the file is written.</returns>
    /// <exception cref="CliException">The file cannot be written.</exception>
    /// <remarks>The content goes to a temporary file beside the target, flushed to disk, which then replaces the target in one
    /// rename: a reader sees the old file or the whole new one, and a failure (a full disk, a cancellation) leaves the old file
    /// as it was and no partial one.</remarks>
    public static Task WriteFileAsync(string path, byte[] bytes, CancellationToken cancellationToken) =>
        WriteFileAsync(path, (stream, token) => stream.WriteAsync(bytes, token).AsTask(), cancellationToken);

    /// <summary>Writes a whole file atomically as it is rendered (a large document is never held whole), turning file-system
    /// failures into a message that names the file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="write">Writes the content to the stream it is given.</param>
    /// <param name="cancellationToken">Cancels the write before the file replaces the target.</param>
    /// <returns>A task that completes when the file is written.</returns>
    /// <exception cref="CliException">The file cannot be written.</exception>
    /// <remarks>As <see cref="WriteFileAsync(string, byte[], CancellationToken)"/>: the old file or the whole new one, never a part.</remarks>
    public static Task WriteFileAsync(string path, Action<Stream> write, CancellationToken cancellationToken) =>
        WriteFileAsync(path, (stream, token) =>
        {
            write(stream);
            token.ThrowIfCancellationRequested();
            return Task.CompletedTask;
        }, cancellationToken);

    private static async Task WriteFileAsync(string path, Func<FileStream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        EnsureWritable(path);
        string full = Path.GetFullPath(path);
        string temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
            await using (stream.ConfigureAwait(false))
            {
                await write(stream, cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, full, overwrite: true);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new CliException($"cannot write '{path}': permission denied.", e);
        }
        catch (IOException e)
        {
            throw new CliException($"cannot write '{path}': {e.Message}", e);
        }
        finally
        {
            try
            {
                File.Delete(temporary); // gone after the rename; left only by a failure
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Nothing more to do: the target is untouched either way.
            }
        }
    }

    internal static string Count(int problems) => Count(problems, "problem");

    private static string Count(int count, string singular, string? plural = null) =>
        count == 1 ? $"1 {singular}" : $"{count.ToString(System.Globalization.CultureInfo.InvariantCulture)} {plural ?? singular + "s"}";

    // The library's progress, shown as the command's steps (synchronously: a step may be a long synchronous one).
    private sealed class StepProgress(Action<string> step) : IProgress<CalculationProgress>
    {
        public void Report(CalculationProgress value) => step(value.ToString());
    }
}
