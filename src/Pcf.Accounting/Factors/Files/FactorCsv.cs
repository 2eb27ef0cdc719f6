using System.Collections.Frozen;
using System.Globalization;
using Pcf.Accounting.Gases;
using Pcf.Accounting.Json;
using Pcf.Accounting.Model;
using Pcf.Accounting.Units;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Factors.Files;

/// <summary>Reads emission factors from CSV: one row per component, rows of one factor sharing key, region, year and unit (docs/factors.md lists the columns).</summary>
/// <remarks>
/// <para>The first line names the columns (any order; unknown names are an error). Numbers are culture-invariant
/// (<c>0.5306</c>, never <c>0,5306</c>). Fields may be quoted with <c>"</c> (a quote inside is doubled); a quoted
/// field may not span lines. Rows with the same <c>key</c>, <c>region</c>, <c>year</c> and <c>per_unit</c> form one
/// factor; its provenance and scores come from its first row.</para>
/// <para>Every problem is reported at once, each with its line and column (<c>line 5, amount</c>).</para>
/// </remarks>
public static class FactorCsv
{
    /// <summary>The columns a file may have; the required ones are <c>key</c>, <c>per_unit</c>, <c>gas</c>, <c>amount</c>, <c>publisher</c>, <c>document</c>.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "key", "name", "per_unit", "region", "year", "gas", "amount", "component_kind", "origin", "gwp_basis", "factor_kind", "primary_data",
        "publisher", "document", "source_year", "url", "confidence", "note", "licence", "dataset", "dataset_version",
        "dq_technological", "dq_geographical", "dq_temporal", "dq_completeness", "dq_reliability",
        "uncertainty", "uncertainty_spread", "uncertainty_gsd2", "uncertainty_minimum", "uncertainty_maximum",
    ];

    private static readonly string[] Required = ["key", "per_unit", "gas", "amount", "publisher", "document"];

    // The JSON names of the kinds, matched without regard to case (spreadsheets change case).
    private static readonly FrozenDictionary<string, ElementaryExchangeKind> ComponentKinds =
        Json.JsonNames.ExchangeKinds.ToFrozenDictionary(kv => kv.Key, kv => kv.Value, StringComparer.OrdinalIgnoreCase);

    /// <summary>The most columns a header may name: more than the format has, so more is not a factor CSV.</summary>
    internal const int MaxColumns = 64;

    /// <summary>Reads factors from CSV text.</summary>
    /// <param name="csv">The text.</param>
    /// <param name="options">Limits (rows, string length, number magnitude, problems listed); <see langword="null"/> for <see cref="JsonReadOptions.Default"/>.</param>
    /// <returns>The factors, or every problem found.</returns>
    public static ValidationResult<FactorCatalog> Read(string csv, JsonReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(csv);
        using var reader = new StringReader(csv);
        return Read(reader, options ?? JsonReadOptions.Default);
    }

    /// <summary>Reads factors from UTF-8 CSV bytes (a byte-order mark is skipped).</summary>
    /// <param name="utf8Csv">The bytes.</param>
    /// <param name="options">Limits; <see langword="null"/> for <see cref="JsonReadOptions.Default"/>.</param>
    /// <returns>The factors, or every problem found; bytes that are not UTF-8 are one problem naming the byte offset.</returns>
    public static ValidationResult<FactorCatalog> Read(ReadOnlyMemory<byte> utf8Csv, JsonReadOptions? options = null)
    {
        options ??= JsonReadOptions.Default;
        var span = utf8Csv.Span;
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            span = span[3..];
        }

        try
        {
            if (span.Length > options.MaxDocumentBytes)
            {
                return ValidationResult.Failure<FactorCatalog>([new("$", ProblemCodes.DocumentTooLarge, $"The file has {span.Length} bytes; the limit is {options.MaxDocumentBytes}.")]);
            }

            return Read(new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true).GetString(span), options);
        }
        catch (System.Text.DecoderFallbackException e)
        {
            return ValidationResult.Failure<FactorCatalog>([new("$", ProblemCodes.InvalidEncoding,
                $"The file is not valid UTF-8 text (an invalid byte at offset {e.Index}).")]);
        }
    }

    /// <summary>Reads factors from a CSV file (UTF-8).</summary>
    /// <param name="path">The file's path.</param>
    /// <param name="options">Limits; the size limit is enforced while reading (an endless stream stops there); <see langword="null"/> for <see cref="JsonReadOptions.Default"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The factors, or every problem found.</returns>
    public static async ValueTask<ValidationResult<FactorCatalog>> ReadFileAsync(string path, JsonReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var bytes = await JsonFile.ReadAsync(path, options, cancellationToken).ConfigureAwait(false);
        return bytes.IsValid ? Read(bytes.Value, options) : ValidationResult.Failure<FactorCatalog>(bytes.Problems);
    }

    private static ValidationResult<FactorCatalog> Read(TextReader reader, JsonReadOptions options)
    {
        var problems = new List<ValidationProblem>();
        var header = reader.ReadLine();
        if (header is null)
        {
            return ValidationResult.Failure<FactorCatalog>([new("line 1", ProblemCodes.Required, "The file is empty; the first line must name the columns.")]);
        }

        var names = Split(header.TrimStart('\uFEFF'), 1, problems);
        if (names.Count > MaxColumns)
        {
            return ValidationResult.Failure<FactorCatalog>([new("line 1", ProblemCodes.TooMany,
                $"The first line names {names.Count} columns; the factor CSV format has {Columns.Count} (is this a factor CSV?).")]);
        }

        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < names.Count; i++)
        {
            var name = names[i].Trim();
            if (!Columns.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                problems.Add(new($"line 1, {name}", ProblemCodes.UnknownMember, $"'{name}' is not a column of the factor CSV format. Allowed: {string.Join(", ", Columns)}."));
            }
            else if (!index.TryAdd(name, i))
            {
                problems.Add(new($"line 1, {name}", ProblemCodes.DuplicateId, $"The column '{name}' appears twice."));
            }
        }

        foreach (var required in Required.Where(r => !index.ContainsKey(r)))
        {
            problems.Add(new($"line 1, {required}", ProblemCodes.Required, $"The column '{required}' is required."));
        }

        if (problems.Count > 0)
        {
            return ValidationResult.Failure<FactorCatalog>(problems);
        }

        var groups = new Dictionary<(string, string, int?, string), Group>();
        var order = new List<Group>();
        int lineNumber = 1;
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            if (lineNumber - 1 > options.MaxArrayLength)
            {
                problems.Add(new($"line {lineNumber}", ProblemCodes.TooMany, $"The file has more than {options.MaxArrayLength} rows (limit: JsonLimits:MaxArrayLength)."));
                break;
            }

            if (problems.Count > options.MaxProblems)
            {
                break; // listed below as more than the limit
            }

            var fields = Split(line, lineNumber, problems);
            var row = new Row(lineNumber, fields, index, problems, options);
            var key = row.Text("key", required: true);
            var unit = row.Unit("per_unit");
            var region = row.Text("region") ?? RegionHierarchy.Global;
            var year = row.Integer("year");
            var component = row.Component();
            if (key is null || unit is null || component is null)
            {
                continue;
            }

            var groupKey = (key.ToUpperInvariant(), region.ToUpperInvariant(), year, unit.Symbol);
            if (!groups.TryGetValue(groupKey, out var group))
            {
                group = new Group(row, key, unit, region, year);
                groups[groupKey] = group;
                order.Add(group);
            }

            group.Components.Add(component);
        }

        var factors = new List<EmissionFactor>(order.Count);
        foreach (var group in order)
        {
            if (group.Build(problems) is { } factor)
            {
                factors.Add(factor);
            }
        }

        if (problems.Count > options.MaxProblems)
        {
            problems.RemoveRange(options.MaxProblems, problems.Count - options.MaxProblems);
            problems.Add(new("line 1", ProblemCodes.TooMany,
                $"The file has more than {options.MaxProblems} problems; the first {options.MaxProblems} are listed (limit: JsonLimits:MaxProblems)."));
        }

        return problems.Count > 0 ? ValidationResult.Failure<FactorCatalog>(problems) : ValidationResult.Success(new FactorCatalog(factors));
    }

    private static List<string> Split(string line, int lineNumber, List<ValidationProblem> problems)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        if (quoted)
        {
            problems.Add(new($"line {lineNumber}", ProblemCodes.MalformedJson, "A quoted field is not closed on this line (fields may not span lines)."));
        }

        fields.Add(field.ToString());
        return fields;
    }

    private sealed class Row(int line, List<string> fields, Dictionary<string, int> index, List<ValidationProblem> problems, JsonReadOptions options)
    {
        public int Line { get; } = line;

        public List<ValidationProblem> Problems { get; } = problems;

        public string At(string column) => $"line {Line}, {column}";

        public string? Text(string column, bool required = false)
        {
            var value = index.TryGetValue(column, out int i) && i < fields.Count ? fields[i].Trim() : null;
            if (value is not null && value.Length > options.MaxStringLength)
            {
                Problems.Add(new(At(column), ProblemCodes.TooLong, $"The field has {value.Length} characters; the limit is {options.MaxStringLength} (JsonLimits:MaxStringLength)."));
                return null;
            }

            if (string.IsNullOrEmpty(value))
            {
                if (required)
                {
                    Problems.Add(new(At(column), ProblemCodes.Required, $"'{column}' is required."));
                }

                return null;
            }

            return value;
        }

        public double? Number(string column, bool required = false)
        {
            var text = Text(column, required);
            if (text is null)
            {
                return null;
            }

            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value))
            {
                double size = Math.Abs(value);
                if (size == 0 || options.MaxNumberMagnitude >= double.MaxValue || (size <= options.MaxNumberMagnitude && size >= 1 / options.MaxNumberMagnitude))
                {
                    return value;
                }

                Problems.Add(new(At(column), ProblemCodes.NumberOutOfRange,
                    $"'{text}' must be 0 or between {1 / options.MaxNumberMagnitude:R} and {options.MaxNumberMagnitude:R} in size (limit: JsonLimits:MaxNumberMagnitude)."));
                return null;
            }

            Problems.Add(new(At(column), ProblemCodes.WrongType, $"'{text}' is not a number (culture-invariant, such as 0.5306)."));
            return null;
        }

        public int? Integer(string column)
        {
            var text = Text(column);
            if (text is null)
            {
                return null;
            }

            if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value))
            {
                return value;
            }

            Problems.Add(new(At(column), ProblemCodes.WrongType, $"'{text}' is not a whole number."));
            return null;
        }

        public Unit? Unit(string column)
        {
            var text = Text(column, required: true);
            if (text is null)
            {
                return null;
            }

            if (Units.Unit.TryParse(text, out var unit))
            {
                return unit;
            }

            Problems.Add(new(At(column), ProblemCodes.UnknownUnit, $"'{text}' is not a known unit (symbols are case-sensitive: kg, t, kWh, MJ, TJ, m3, Nm3, tkm)."));
            return null;
        }

        public T? Enum<T>(string column, IReadOnlyDictionary<string, T> names)
            where T : struct
        {
            var text = Text(column);
            if (text is null)
            {
                return null;
            }

            if (names.TryGetValue(text, out var value))
            {
                return value;
            }

            Problems.Add(new(At(column), ProblemCodes.UnknownValue, $"'{text}' is not one of: {string.Join(", ", names.Keys)}."));
            return null;
        }

        public FactorComponent? Component()
        {
            var gasId = Text("gas", required: true);
            var amount = Number("amount", required: true);
            var kind = Enum("component_kind", ComponentKinds) ?? ElementaryExchangeKind.Emission;
            var origin = Enum("origin", new Dictionary<string, CarbonOrigin>(StringComparer.OrdinalIgnoreCase)
            {
                ["fossil"] = CarbonOrigin.Fossil,
                ["biogenic"] = CarbonOrigin.Biogenic,
                ["notApplicable"] = CarbonOrigin.NotApplicable,
            });
            GreenhouseGas? gas = null;
            if (gasId is not null && gasId != "CO2e" && !GreenhouseGas.TryFind(gasId, out gas))
            {
                Problems.Add(new(At("gas"), ProblemCodes.UnknownGas, $"'{gasId}' is not a known greenhouse gas (such as CO2-fossil, CH4-fossil, N2O) nor 'CO2e'."));
                return null;
            }

            if (amount is < 0)
            {
                Problems.Add(new(At("amount"), ProblemCodes.NumberOutOfRange, "'amount' must not be negative; the component_kind gives the sign."));
                return null;
            }

            int before = Problems.Count;
            var uncertainty = Distribution();
            return gasId is null || amount is null || Problems.Count > before
                ? null
                : new FactorComponent(gas, kind, amount.Value) { Origin = origin ?? gas?.Origin ?? CarbonOrigin.NotApplicable, Uncertainty = uncertainty };
        }

        // The row's component's distribution: 'uncertainty' names it (normal, lognormal, triangular, uniform, fixed) and the
        // uncertainty_ columns give its parameters, as the pcf-factors/1 "uncertainty" object does.
        private UncertaintyDistribution? Distribution()
        {
            var name = Text("uncertainty");
            string[] parameters = ["uncertainty_spread", "uncertainty_gsd2", "uncertainty_minimum", "uncertainty_maximum"];
            if (name is null)
            {
                foreach (var column in parameters.Where(c => Text(c) is not null))
                {
                    Problems.Add(new(At(column), ProblemCodes.Required, $"'{column}' needs the 'uncertainty' column to name the distribution."));
                }

                return null;
            }

            if (!Json.UncertaintyJson.Distributions.TryGetValue(name.ToLowerInvariant(), out var kind))
            {
                Problems.Add(new(At("uncertainty"), ProblemCodes.UnknownValue, $"'{name}' is not one of: {string.Join(", ", Json.UncertaintyJson.Distributions.Keys)}."));
                return null;
            }

            string[] applies = kind switch
            {
                UncertaintyDistributionKind.Normal => ["uncertainty_spread"],
                UncertaintyDistributionKind.Lognormal => ["uncertainty_spread", "uncertainty_gsd2"],
                UncertaintyDistributionKind.Triangular or UncertaintyDistributionKind.Uniform => ["uncertainty_minimum", "uncertainty_maximum"],
                _ => [],
            };
            int before = Problems.Count;
            foreach (var column in parameters.Where(c => !applies.Contains(c) && Text(c) is not null))
            {
                Problems.Add(new(At(column), ProblemCodes.UnknownMember, $"'{column}' does not apply to a {kind.ToString().ToLowerInvariant()} distribution."));
            }

            double? spread = applies.Contains("uncertainty_spread") ? Number("uncertainty_spread", required: kind == UncertaintyDistributionKind.Normal) : null;
            double? gsd2 = kind == UncertaintyDistributionKind.Lognormal ? Number("uncertainty_gsd2") : null;
            double? min = applies.Contains("uncertainty_minimum") ? Number("uncertainty_minimum", required: true) : null;
            double? max = applies.Contains("uncertainty_maximum") ? Number("uncertainty_maximum", required: true) : null;
            if (kind == UncertaintyDistributionKind.Lognormal && (spread is null) == (gsd2 is null) && Problems.Count == before)
            {
                Problems.Add(new(At("uncertainty_gsd2"), ProblemCodes.Required, "A lognormal distribution takes 'uncertainty_gsd2' (the squared geometric standard deviation) or 'uncertainty_spread' (the geometric standard deviation): one of them."));
            }

            if (Problems.Count > before)
            {
                return null;
            }

            try
            {
                return kind switch
                {
                    UncertaintyDistributionKind.Normal => UncertaintyDistribution.Normal(spread!.Value),
                    UncertaintyDistributionKind.Lognormal => gsd2 is { } g ? UncertaintyDistribution.LognormalFromGsdSquared(g) : UncertaintyDistribution.Lognormal(spread!.Value),
                    UncertaintyDistributionKind.Triangular => UncertaintyDistribution.Triangular(min!.Value, max!.Value),
                    UncertaintyDistributionKind.Uniform => UncertaintyDistribution.Uniform(min!.Value, max!.Value),
                    _ => UncertaintyDistribution.Fixed,
                };
            }
            catch (ArgumentOutOfRangeException e)
            {
                string column = kind switch
                {
                    UncertaintyDistributionKind.Normal => "uncertainty_spread",
                    UncertaintyDistributionKind.Lognormal => gsd2 is null ? "uncertainty_spread" : "uncertainty_gsd2",
                    _ => "uncertainty_minimum",
                };
                Problems.Add(new(At(column), ProblemCodes.NumberOutOfRange, e.Message.Split(" (Parameter", 2)[0]));
                return null;
            }
        }
    }

    private sealed class Group(Row first, string key, Unit unit, string region, int? year)
    {
        public List<FactorComponent> Components { get; } = [];

        public EmissionFactor? Build(List<ValidationProblem> problems)
        {
            int before = problems.Count;
            var publisher = first.Text("publisher", required: true);
            var document = first.Text("document", required: true);
            GwpSet? basis = null;
            if (first.Text("gwp_basis") is { } basisId && !GwpSet.TryFind(basisId, out basis))
            {
                problems.Add(new(first.At("gwp_basis"), ProblemCodes.UnknownGwpSet, $"'{basisId}' is not a known GWP set; use AR4, AR5, AR5-ccf or AR6."));
            }

            var kind = first.Enum("factor_kind", new Dictionary<string, FactorKind>(StringComparer.OrdinalIgnoreCase)
            {
                ["unspecified"] = FactorKind.Unspecified,
                ["lifeCycle"] = FactorKind.LifeCycle,
                ["combustionOnly"] = FactorKind.CombustionOnly,
            }) ?? FactorKind.Unspecified;
            var confidence = first.Enum("confidence", new Dictionary<string, FactorConfidence>(StringComparer.OrdinalIgnoreCase)
            {
                ["notStated"] = FactorConfidence.NotStated,
                ["verified"] = FactorConfidence.Verified,
                ["secondary"] = FactorConfidence.Secondary,
                ["unverified"] = FactorConfidence.Unverified,
            }) ?? FactorConfidence.NotStated;
            bool primary = first.Text("primary_data") is { } p && bool.TryParse(p, out bool b) && b;
            DataQuality? quality = null;
            string[] dq = ["dq_technological", "dq_geographical", "dq_temporal", "dq_completeness", "dq_reliability"];
            var scores = dq.Select(c => first.Number(c)).ToArray();
            if (scores.Any(s => s is not null))
            {
                if (scores.Any(s => s is null or < DataQuality.Best or > DataQuality.Worst))
                {
                    problems.Add(new(first.At("dq_*"), ProblemCodes.NumberOutOfRange, "Give all five dq_ scores, each from 1 (best) to 5 (worst), or none."));
                }
                else
                {
                    quality = new DataQuality(scores[0]!.Value, scores[1]!.Value, scores[2]!.Value, scores[3]!.Value, scores[4]!.Value);
                }
            }

            if (problems.Count > before || publisher is null || document is null)
            {
                return null;
            }

            var provenance = new FactorProvenance(publisher, document)
            {
                PublicationYear = first.Integer("source_year"),
                Url = first.Text("url"),
                Confidence = confidence,
                Note = first.Text("note"),
                Licence = first.Text("licence"),
                Dataset = first.Text("dataset"),
                DatasetVersion = first.Text("dataset_version"),
                Kind = kind,
                IsPrimaryData = primary,
            };
            return new EmissionFactor(key, first.Text("name") ?? key, unit, region, year, Components, provenance) { GwpBasis = basis, DataQuality = quality };
        }
    }
}
