using System.Globalization;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Pcf.Accounting.Factors;
using Pcf.Accounting.Gases;
using Pcf.Accounting.Json;
using Pcf.Accounting.Units;

namespace Pcf.Accounting.Benchmarks.Factors;

/// <summary>Resolving 100,000 requests against a generated 100,000-factor pcf-factors/1 file, including reading the file.</summary>
/// <remarks>Factors: 25,000 keys x 4 (province CN-JS 2022, East grid 2023, CN 2023, CN 2021), per kWh, CO2 + CH4 + N2O.
/// Requests: one per key in each of four shapes (exact; province 2023 -> East grid; 2025 per MWh -> CN 2023 (fallback and
/// conversion); CN-BJ 2021 -> CN 2021), so every request resolves and three in four use a fallback.
/// The amounts are synthetic.</remarks>
[MemoryDiagnoser]
public class FactorResolutionBenchmarks
{
    private string _path = string.Empty;
    private FactorRequest[] _requests = [];

    [Params(100_000)]
    public int Factors { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        int keys = Factors / 4;
        _path = Path.Combine(Path.GetTempPath(), $"pcf-factors-bench-{Factors}.json");
        using (var stream = File.Create(_path))
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteString("format", FactorJson.Format);
            w.WriteStartObject("dataset");
            w.WriteString("id", "benchmark");
            w.WriteString("version", "1");
            w.WriteString("publisher", "synthetic");
            w.WriteEndObject();
            w.WriteStartArray("factors");
            for (int k = 0; k < keys; k++)
            {
                foreach (var (region, year) in new[] { ("CN-JS", 2022), ("CN-GRID-EAST", 2023), ("CN", 2023), ("CN", 2021) })
                {
                    w.WriteStartObject();
                    w.WriteString("key", $"product/{k}");
                    w.WriteString("perUnit", "kWh");
                    w.WriteString("region", region);
                    w.WriteNumber("year", year);
                    w.WriteString("kind", "lifeCycle");
                    w.WriteStartArray("components");
                    foreach (var (gas, amount) in new[] { ("CO2-fossil", 0.5 + (k % 100) / 1000.0), ("CH4-fossil", 0.001), ("N2O", 0.0001) })
                    {
                        w.WriteStartObject();
                        w.WriteString("gas", gas);
                        w.WriteNumber("amount", amount);
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    w.WriteStartObject("source");
                    w.WriteString("document", "synthetic benchmark data");
                    w.WriteEndObject();
                    w.WriteEndObject();
                }
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        _requests = new FactorRequest[Factors];
        for (int k = 0; k < keys; k++)
        {
            string key = $"product/{k}";
            _requests[4 * k] = new(key, "CN-JS", 2022, Unit.KilowattHour);
            _requests[(4 * k) + 1] = new(key, "CN-JS", 2023, Unit.KilowattHour);
            _requests[(4 * k) + 2] = new(key, "CN-SH", 2025, Unit.MegawattHour);
            _requests[(4 * k) + 3] = new(key, "CN-BJ", 2021, Unit.KilowattHour);
        }
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_path);

    [Benchmark]
    public async Task<int> LoadAndResolve()
    {
        var catalog = (await FactorJson.ReadFileAsync(_path).ConfigureAwait(false)).ThrowIfInvalid();
        var resolver = new FactorResolver([new InMemoryFactorProvider("benchmark", catalog)]);
        var result = await resolver.ResolveAsync(_requests, GwpSet.Ar6).ConfigureAwait(false);
        return result.ThrowIfInvalid().Factors.Count;
    }
}
