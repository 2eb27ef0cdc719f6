using Pcf.Accounting.Factors;
using Pcf.Accounting.Model;
using Pcf.Accounting.Uncertainty;

namespace Pcf.Accounting.Sampling;

/// <summary>The uncertain inputs of a run (one random stream each, named by a stable key) and the distinct (input, distribution)
/// parameters drawn from them. Parameter 0 is the constant 1, so that a term multiplies two parameters without a branch.</summary>
internal sealed class InputRegistry
{
    private readonly Dictionary<string, int> _byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<ulong, string> _keyOfId = [];
    private readonly Dictionary<(int Stream, UncertaintyDistribution Distribution), int> _params = [];

    public List<ulong> StreamIds { get; } = [];

    public List<UncertainInput> Inputs { get; } = [];

    public List<int> ParamStream { get; } = [-1];

    public List<UncertaintyDistribution> ParamDistribution { get; } = [UncertaintyDistribution.Fixed];

    /// <summary>The parameter of a distribution on an input; 0 (the constant 1) for none or a fixed one.</summary>
    public int Param(string key, UncertaintyDistribution? distribution, Func<UncertaintyDistribution, UncertainInput> describe)
    {
        if (distribution is null || distribution.Kind == UncertaintyDistributionKind.Fixed || distribution.RelativeStandardDeviation == 0)
        {
            return 0;
        }

        if (!_byKey.TryGetValue(key, out int stream))
        {
            stream = StreamIds.Count;
            _byKey[key] = stream;
            StreamIds.Add(StreamId(key));
            Inputs.Add(describe(distribution));
        }

        if (!_params.TryGetValue((stream, distribution), out int p))
        {
            p = ParamStream.Count;
            _params[(stream, distribution)] = p;
            ParamStream.Add(stream);
            ParamDistribution.Add(distribution);
        }

        return p;
    }

    // A 64-bit id from the key: FNV-1a over its UTF-16 code units, then SplitMix64's finalizer; stable on every machine. Two keys
    // that meet on one id (about one chance in 10^10 for 100,000 inputs) are told apart by salting the later one.
    private ulong StreamId(string key)
    {
        for (int salt = 0; ; salt++)
        {
            ulong h = 14695981039346656037UL;
            foreach (char ch in key)
            {
                h = (h ^ ch) * 1099511628211UL;
            }

            h ^= (ulong)salt;
            h = (h ^ (h >> 30)) * 0xBF58476D1CE4E5B9UL;
            h = (h ^ (h >> 27)) * 0x94D049BB133111EBUL;
            h ^= h >> 31;
            if (_keyOfId.TryAdd(h, key))
            {
                return h;
            }
        }
    }
}
