using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Pcf.Accounting.Diagnostics;
using Pcf.Accounting.Gases;
using Pcf.Accounting.Units;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Factors;

/// <summary>Resolves a calculation's factor requests against providers in priority order, once per calculation.</summary>
/// <remarks>
/// <para>Requests are deduplicated and sent in one batch per provider; what a provider does not answer goes to the
/// next. The result is every factor, characterized with the calculation's GWP set, or one failure listing every
/// problem: unresolved requests (<c>PCF0401</c>), factors of the wrong dimension (<c>PCF0402</c>), providers that
/// threw or timed out, by name (<c>PCF0403</c>), gases the GWP set lacks (<c>PCF0203</c>). Nothing partial is returned.</para>
/// </remarks>
/// <example><code>
/// var resolver = new FactorResolver([companyData, DefaultFactors.Provider]);
/// var result = await resolver.ResolveAsync([new FactorRequest("electricity/grid", "CN-JS", 2023, Unit.MegawattHour)], GwpSet.Ar6);
/// double perMWh = result.Value.Factors.Values.Single().Co2ePerRequestedUnit; // 620.5 kg CO2e (0.6205 per kWh x 1000)
/// </code></example>
/// <threadsafety>Thread-safe when its providers are.</threadsafety>
public sealed class FactorResolver
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="providers">The providers, highest priority first.</param>
    /// <param name="options">Settings; <see langword="null"/> for <see cref="FactorResolverOptions.Default"/>.</param>
    public FactorResolver(IEnumerable<IEmissionFactorProvider> providers, FactorResolverOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(providers);
        Providers = [.. providers];
        Options = options ?? FactorResolverOptions.Default;
    }

    /// <summary>Gets the providers, highest priority first.</summary>
    public ImmutableArray<IEmissionFactorProvider> Providers { get; }

    /// <summary>Gets the settings.</summary>
    public FactorResolverOptions Options { get; }

    /// <summary>Gets the logger of provider calls (debug: each call with its latency; warning: a provider that failed or timed out).</summary>
    /// <value>The default value is <see cref="NullLogger.Instance"/>; the DI registration gives the container's logger when there is one.</value>
    public ILogger Logger { get; init; } = NullLogger.Instance;

    /// <summary>Resolves every request.</summary>
    /// <param name="requests">The requests; duplicates are resolved once.</param>
    /// <param name="gwpSet">The GWP set of the calculation.</param>
    /// <param name="cancellationToken">Cancels the resolution.</param>
    /// <returns>Every factor, or every problem found.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async ValueTask<ValidationResult<FactorResolution>> ResolveAsync(IEnumerable<FactorRequest> requests, GwpSet gwpSet, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentNullException.ThrowIfNull(gwpSet);
        var distinct = new List<FactorRequest>();
        var seen = new HashSet<FactorRequest>();
        int requested = 0;
        foreach (var request in requests)
        {
            ArgumentNullException.ThrowIfNull(request, nameof(requests));
            requested++;
            if (seen.Add(request))
            {
                distinct.Add(request);
            }
        }

        using var activity = PcfDiagnostics.ActivitySource.StartActivity(PcfDiagnostics.ResolveActivity);
        activity?.SetTag("pcf.factor.requests", requested);
        activity?.SetTag("pcf.factor.distinct", distinct.Count);
        if (requested > distinct.Count)
        {
            PcfDiagnostics.FactorRequestsShared.Add(requested - distinct.Count);
        }

        var matches = new FactorMatch?[distinct.Count];
        var problems = new List<ValidationProblem>();
        var pending = new List<int>(distinct.Count);
        for (int i = 0; i < distinct.Count; i++)
        {
            pending.Add(i);
        }

        foreach (var provider in Providers)
        {
            if (pending.Count == 0)
            {
                break;
            }

            var batch = new FactorRequest[pending.Count];
            for (int j = 0; j < batch.Length; j++)
            {
                batch[j] = distinct[pending[j]];
            }

            var answers = await AskAsync(provider, batch, problems, cancellationToken).ConfigureAwait(false);
            if (answers is not null)
            {
                Count(provider, answers);
            }

            if (answers is null)
            {
                // A failed provider ends the resolution: lower-priority data must not silently stand in for it.
                return ValidationResult.Failure<FactorResolution>(problems);
            }

            // A factor of the wrong dimension is reported, not passed on to lower-priority providers.
            var still = new List<int>();
            for (int j = 0; j < batch.Length; j++)
            {
                var answer = answers[j];
                switch (answer.Status)
                {
                    case FactorLookupStatus.Found:
                        matches[pending[j]] = answer.Match;
                        break;
                    case FactorLookupStatus.WrongDimension:
                        var unit = answer.FactorUnit!;
                        problems.Add(new(batch[j].ToString(), ProblemCodes.FactorWrongDimension,
                            $"The factor for '{batch[j].Key}' from provider '{provider.Name}' is per {unit.Symbol} ({unit.Dimension}), but the flow is in {batch[j].Unit.Symbol} ({batch[j].Unit.Dimension}); a factor is never converted across dimensions.")
                        {
                            Subject = new FactorRequestSubject(batch[j]),
                        });
                        break;
                    default:
                        still.Add(pending[j]);
                        break;
                }
            }

            pending = still;
        }

        foreach (int i in pending)
        {
            problems.Add(new(distinct[i].ToString(), ProblemCodes.UnresolvedFactor,
                $"No emission factor for '{distinct[i].Key}' in {distinct[i].Region ?? RegionHierarchy.Global}" +
                $"{(distinct[i].Year is { } y ? $" ({y})" : string.Empty)} per {distinct[i].Unit.Symbol} from any provider ({string.Join(", ", Providers.Select(p => p.Name))}), within the fallbacks allowed.")
            {
                Subject = new FactorRequestSubject(distinct[i]),
            });
        }

        var resolved = new Dictionary<FactorRequest, ResolvedFactor>(distinct.Count);
        var warnings = ImmutableArray.CreateBuilder<ValidationProblem>();
        for (int i = 0; i < distinct.Count; i++)
        {
            if (matches[i] is { } match && Characterize(distinct[i], match, gwpSet, problems) is { } factor)
            {
                resolved[distinct[i]] = factor;
                warnings.AddRange(factor.Warnings);
            }
        }

        return problems.Count > 0
            ? ValidationResult.Failure<FactorResolution>(problems)
            : ValidationResult.Success(new FactorResolution(gwpSet, resolved, warnings.ToImmutable()));
    }

    // One provider, one batch, with the timeout. Null: the provider failed (reported by its name).
    private static void Count(IEmissionFactorProvider provider, IReadOnlyList<FactorLookup> answers)
    {
        if (!PcfDiagnostics.FactorLookups.Enabled)
        {
            return;
        }

        int found = 0, wrong = 0;
        foreach (var answer in answers)
        {
            found += answer.Status == FactorLookupStatus.Found ? 1 : 0;
            wrong += answer.Status == FactorLookupStatus.WrongDimension ? 1 : 0;
        }

        var name = new KeyValuePair<string, object?>("pcf.provider", provider.Name);
        PcfDiagnostics.FactorLookups.Add(found, name, new("pcf.status", "found"));
        PcfDiagnostics.FactorLookups.Add(wrong, name, new("pcf.status", "wrong_dimension"));
        PcfDiagnostics.FactorLookups.Add(answers.Count - found - wrong, name, new("pcf.status", "not_found"));
    }

    private async ValueTask<IReadOnlyList<FactorLookup>?> AskAsync(IEmissionFactorProvider provider, FactorRequest[] batch, List<ValidationProblem> problems, CancellationToken cancellationToken)
    {
        using var activity = PcfDiagnostics.ActivitySource.StartActivity(PcfDiagnostics.ProviderActivity);
        activity?.SetTag("pcf.provider", provider.Name);
        activity?.SetTag("pcf.factor.requests", batch.Length);
        long started = Stopwatch.GetTimestamp();
        string outcome = "failed";
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (Options.ProviderTimeout != Timeout.InfiniteTimeSpan)
        {
            timeout.CancelAfter(Options.ProviderTimeout);
        }

        try
        {
            var answers = await CallWithTimeoutAsync(provider, batch, timeout.Token, cancellationToken).ConfigureAwait(false);
            outcome = "answered";
            int found = answers.Count(a => a.Status == FactorLookupStatus.Found);
            activity?.SetTag("pcf.factor.found", found);
            Log.ProviderAnswered(Logger, provider.Name, found, batch.Length, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return answers;
        }
        catch (Exception ex) when (ex is TimeoutException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            outcome = "timeout";
            Log.ProviderTimedOut(Logger, provider.Name, batch.Length, Options.ProviderTimeout.TotalSeconds);
            problems.Add(new($"providers['{provider.Name}']", ProblemCodes.ProviderFailed,
                $"The emission-factor provider '{provider.Name}' did not answer {batch.Length} request(s) within {Options.ProviderTimeout.TotalSeconds:0.###} s.")
            {
                Subject = new ProviderSubject(provider.Name),
            });
            return null;
        }
        catch (FactorProviderException ex)
        {
            Log.ProviderFailed(Logger, ex.ProviderName, ex.Message);
            problems.Add(new($"providers['{ex.ProviderName}']", ProblemCodes.ProviderFailed, ex.Message) { Subject = new ProviderSubject(ex.ProviderName) });
            return null;
        }
        finally
        {
            activity?.SetTag("pcf.outcome", outcome);
            PcfDiagnostics.ProviderDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds,
                new KeyValuePair<string, object?>("pcf.provider", provider.Name), new KeyValuePair<string, object?>("pcf.outcome", outcome));
        }
    }

    // The timeout holds even for a provider that ignores its token or blocks its caller: with a finite timeout the call
    // runs on the thread pool and is awaited for at most the timeout (then abandoned: a late answer is never used).
    private Task<IReadOnlyList<FactorLookup>> CallWithTimeoutAsync(IEmissionFactorProvider provider, IReadOnlyList<FactorRequest> batch, CancellationToken timeoutToken, CancellationToken cancellationToken)
    {
        if (Options.ProviderTimeout == Timeout.InfiniteTimeSpan)
        {
            return CompositeFactorProvider.CallAsync(provider, batch, timeoutToken).AsTask();
        }

        var call = Task.Run(() => CompositeFactorProvider.CallAsync(provider, batch, timeoutToken).AsTask(), CancellationToken.None);
        return call.WaitAsync(Options.ProviderTimeout, cancellationToken);
    }

    private static ResolvedFactor? Characterize(FactorRequest request, FactorMatch match, GwpSet gwpSet, List<ValidationProblem> problems)
    {
        var factor = match.Factor;
        var components = match.ComponentsPerRequestedUnit();
        var warnings = ImmutableArray<ValidationProblem>.Empty;
        double co2e = 0;
        bool ok = true;
        bool anyCo2e = false;
        foreach (var c in components)
        {
            if (c.Gas is null)
            {
                anyCo2e = true;
                co2e += c.Sign * c.Amount;
            }
            else if (gwpSet.TryGetFactor(c.Gas, out double gwp))
            {
                co2e += c.Sign * c.Amount * gwp;
            }
            else
            {
                ok = false;
                problems.Add(new(request.ToString(), ProblemCodes.MissingGwp,
                    $"The GWP set {gwpSet.Id} has no factor for {c.Gas.Id}, a gas of the factor '{factor.Key}' ({factor.Region}) from provider '{match.ProviderName}'.")
                {
                    Subject = new FactorRequestSubject(request),
                });
            }
        }

        if (!ok)
        {
            return null;
        }

        if (anyCo2e && (factor.GwpBasis is null || factor.GwpBasis.Id != gwpSet.Id))
        {
            warnings = [new(request.ToString(), ProblemCodes.GwpBasisMismatch,
                $"The factor '{factor.Key}' ({factor.Region}) from provider '{match.ProviderName}' is given in CO2e with {factor.GwpBasis?.Id ?? "an unstated GWP set"} and has no per-gas data, so it cannot be re-characterized with {gwpSet.Id}; its CO2e is used as published.")
            {
                Subject = new FactorRequestSubject(request),
            }];
        }

        bool recharacterized = !anyCo2e && factor.GwpBasis is not null && factor.GwpBasis.Id != gwpSet.Id;
        return new ResolvedFactor(request, match, gwpSet, components, co2e, recharacterized, warnings);
    }
}
