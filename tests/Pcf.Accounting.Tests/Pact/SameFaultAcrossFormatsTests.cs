using System.Text;
using System.Text.Json.Nodes;
using Pcf.Accounting.Json;
using Pcf.Accounting.Pact;
using Pcf.Accounting.Tests.TestSupport;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Tests.Pact;

/// <summary>One fault, one report: a fault the formats share is reported with the same path, code and message whether it is
/// in a <c>pcf-system/1</c> document, a <c>pcf-factors/1</c> file, a PACT footprint (3.0 or 2.3) or a product metadata file.</summary>
/// <remarks>The differences are where PACT puts an unknown member (the specification tells recipients to ignore what they do
/// not know, so it is a warning there and an error in the project's own formats), and the words of a rule that only one
/// format has (a negative mass names the format's own rule; its path and code are the same everywhere).</remarks>
public sealed class SameFaultAcrossFormatsTests
{
    /// <summary>A format: how to read it, a valid document, and a member of each kind to put a fault in (null when the format has none).</summary>
    /// <param name="Name">The row's name.</param>
    /// <param name="Document">A valid document.</param>
    /// <param name="Text">A required string member, as parent path and name.</param>
    /// <param name="Number">A number member (parent path and name), or null when the format has no JSON numbers.</param>
    /// <param name="Mass">A member that holds a mass which must not be negative (parent path and name), and the negative value
    /// as the format writes it (a JSON number, or PACT 3.0 and 2.3's decimal string).</param>
    /// <param name="Unit">A member that names a unit (parent path and name).</param>
    /// <param name="UnknownIsWarning">Whether an unknown member is a warning (PACT) rather than an error.</param>
    /// <param name="Read">Reads bytes with the given limits (null for the format's defaults): errors and warnings.</param>
    public sealed record Format(
        string Name, string Document, (string Parent, string Name) Text, (string Parent, string Name)? Number,
        (string Parent, string Name, JsonNode Value) Mass, (string Parent, string Name) Unit, bool UnknownIsWarning,
        Func<byte[], JsonReadOptions?, (IReadOnlyList<ValidationProblem> Errors, IReadOnlyList<ValidationProblem> Warnings)> Read);

    private static readonly Format[] Formats =
    [
        new("pcf-system/1", File.ReadAllText(Path.Combine(Paths.RepoRoot, "docs/examples/steel-bracket.pcf.json")),
            ("$", "name"), ("$.declaredUnit", "amount"), ("$.productMassPerDeclaredUnit", "amount", -0.4), ("$.productMassPerDeclaredUnit", "unit"), false,
            (bytes, limits) => (ProductSystemJson.Read(bytes, limits).Problems, [])),
        new("pcf-factors/1", """
            { "format": "pcf-factors/1", "dataset": { "id": "company", "version": "1", "publisher": "ACME", "licence": "internal" },
              "factors": [ { "key": "steel/hrc", "perUnit": "t", "region": "CN-JS", "year": 2024,
                             "components": [ { "gas": "CO2-fossil", "amount": 1900 } ], "source": { "document": "ACME EPD 2024, table 3" } } ] }
            """,
            ("$.factors[0]", "key"), ("$.factors[0].components[0]", "amount"), ("$.factors[0].components[0]", "amount", -0.4), ("$.factors[0]", "perUnit"), false,
            (bytes, limits) => (FactorJson.Read(bytes, limits).Problems, [])),
        new("PACT 3.0 footprint", File.ReadAllText(PactTestData.Own("pf-3.0-steel-sheet-kilogram.json")),
            ("$", "companyName"), null, ("$.pcf", "productMassPerDeclaredUnit", "-0.4"), ("$.pcf", "declaredUnitOfMeasurement"), true, Pact),
        new("PACT 2.3 get response", File.ReadAllText(PactTestData.Own("get-footprint-response-2.3.json")),
            ("$.data", "companyName"), ("$.data.pcf", "exemptedEmissionsPercent"), ("$.data.pcf", "productMassPerDeclaredUnit", "-0.4"), ("$.data.pcf", "declaredUnit"), true, Pact),
        new("product metadata", """
            { "companyName": "Example Steel", "companyIds": ["urn:pact:company:example"], "productIds": ["urn:pact:product:bracket-400"],
              "productNameCompany": "Bracket 400", "productDescription": "Steel bracket, 0.4 kg", "packagingGhgEmissions": 0.01,
              "productMassPerDeclaredUnit": { "amount": 0.4, "unit": "kg" } }
            """,
            ("$", "companyName"), ("$", "packagingGhgEmissions"), ("$.productMassPerDeclaredUnit", "amount", -0.4), ("$.productMassPerDeclaredUnit", "unit"), false,
            (bytes, limits) => (PactProductMetadataJson.Read(bytes, limits).Problems, [])),
    ];

    public static TheoryData<string> FormatNames => [.. Formats.Select(f => f.Name)];

    private static Format Named(string name) => Formats.Single(f => f.Name == name);

    private static (IReadOnlyList<ValidationProblem> Errors, IReadOnlyList<ValidationProblem> Warnings) Pact(byte[] bytes, JsonReadOptions? limits)
    {
        var options = limits is null ? null : new PactReadOptions { MaxDocumentBytes = limits.MaxDocumentBytes, MaxDepth = limits.MaxDepth, MaxArrayLength = limits.MaxArrayLength };
        var report = PactJson.Validate(bytes, options);
        return (report.Errors, report.Warnings);
    }

    private static byte[] Utf8(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString());

    private static JsonObject At(JsonNode root, string path)
    {
        JsonNode node = root;
        foreach (string step in path.Split('.').Skip(1))
        {
            int bracket = step.IndexOf('[', StringComparison.Ordinal);
            node = bracket < 0 ? node[step]! : node[step[..bracket]]![int.Parse(step[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture)]!;
        }

        return node.AsObject();
    }

    /// <summary>The document with one member changed (or removed, for <see langword="null"/>), and the member's path.</summary>
    private static (byte[] Bytes, string Path) With(Format format, (string Parent, string Name) member, JsonNode? value, bool remove = false)
    {
        var root = JsonNode.Parse(format.Document, documentOptions: new() { CommentHandling = System.Text.Json.JsonCommentHandling.Skip })!;
        var parent = At(root, member.Parent);
        if (remove)
        {
            parent.Remove(member.Name);
        }
        else
        {
            parent[member.Name] = value;
        }

        return (Utf8(root), $"{member.Parent}.{member.Name}");
    }

    private static ValidationProblem Single(Format format, byte[] bytes, JsonReadOptions? limits = null)
    {
        var (errors, warnings) = format.Read(bytes, limits);
        return Assert.Single(errors.Concat(warnings));
    }

    [Theory]
    [MemberData(nameof(FormatNames))]
    public void Valid_ReadsWithoutProblems(string name)
    {
        var format = Named(name);

        var (errors, warnings) = format.Read(Encoding.UTF8.GetBytes(format.Document), null);

        Assert.Empty(errors);
        Assert.Empty(warnings);
    }

    [Theory]
    [MemberData(nameof(FormatNames))]
    public void UnknownMember_NearAKnownOne_IsNamedWithTheNearestAndTheAllowedOnes(string name)
    {
        // One letter too many: within two edits of the member it was meant to be.
        var format = Named(name);
        var (bytes, path) = With(format, (format.Text.Parent, format.Text.Name + "x"), "P");

        var (errors, warnings) = format.Read(bytes, null);

        var problem = Assert.Single(format.UnknownIsWarning ? warnings : errors);
        Assert.Empty(format.UnknownIsWarning ? errors : warnings);
        Assert.Equal((path, ProblemCodes.UnknownMember), (problem.Path, problem.Code));
        Assert.StartsWith($"'{format.Text.Name}x' is not a member here; did you mean '{format.Text.Name}'? Allowed: ", problem.Message, StringComparison.Ordinal);
        Assert.Contains($" {format.Text.Name},", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(FormatNames))]
    public void WrongType_NumberForAString_SaysWhatWasFound(string name)
    {
        var format = Named(name);
        var (bytes, path) = With(format, format.Text, 42);

        var problem = Single(format, bytes);

        Assert.Equal((path, ProblemCodes.WrongType, $"'{format.Text.Name}' must be a string, found the number 42."), (problem.Path, problem.Code, problem.Message));
    }

    [Theory]
    [MemberData(nameof(FormatNames))]
    public void Required_MemberMissing_IsRequired(string name)
    {
        var format = Named(name);
        var (bytes, path) = With(format, format.Text, null, remove: true);

        var problem = Single(format, bytes);

        Assert.Equal((path, ProblemCodes.Required, $"'{format.Text.Name}' is required."), (problem.Path, problem.Code, problem.Message));
    }

    [Theory]
    [MemberData(nameof(FormatNames))]
    public void Null_IsAbsent_SoARequiredMemberIsMissing(string name)
    {
        var format = Named(name);
        var (bytes, path) = With(format, format.Text, null);

        var problem = Single(format, bytes);

        Assert.Equal((path, ProblemCodes.Required, $"'{format.Text.Name}' is required."), (problem.Path, problem.Code, problem.Message));
    }

    [Theory]
    [MemberData(nameof(FormatNames))]
    public void NegativeMass_IsOutOfRangeAtTheNumber(string name)
    {
        // The path names the value itself (the 'amount' of a quantity, or PACT's decimal string), and the message the value found.
        var format = Named(name);
        var (bytes, path) = With(format, (format.Mass.Parent, format.Mass.Name), format.Mass.Value.DeepClone());

        var problem = Single(format, bytes);

        Assert.Equal((path, ProblemCodes.NumberOutOfRange), (problem.Path, problem.Code));
        Assert.Contains("-0.4", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(FormatNames))]
    public void UnknownUnit_IsReportedAtTheMemberThatNamesIt(string name)
    {
        // "kgg" is no unit in any format: a symbol (kg) in the project's own, words ("kilogram") in PACT's list.
        var format = Named(name);
        var (bytes, path) = With(format, format.Unit, "kgg");

        var problem = Single(format, bytes);

        Assert.Equal((path, ProblemCodes.UnknownUnit), (problem.Path, problem.Code));
        Assert.StartsWith("'kgg' is not a known unit (", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(FormatNames))]
    public void Number_BeyondTheRangeOfADouble_IsOutOfRange(string name)
    {
        // 1e400 is a valid JSON number, but above double.MaxValue (about 1.8e308): no format reads it as infinity.
        var format = Named(name);
        if (format.Number is not { } member)
        {
            // PACT 3.0 writes every figure as a decimal string: a JSON number there is of the wrong type, whatever its size.
            var (wrong, at) = With(format, ("$.pcf", "fossilGhgEmissions"), "__BIG__");
            var problem3 = Single(format, Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(wrong).Replace("\"__BIG__\"", "1e400", StringComparison.Ordinal)));
            Assert.Equal((at, ProblemCodes.WrongType, "'fossilGhgEmissions' must be a string, found the number 1e400."), (problem3.Path, problem3.Code, problem3.Message));
            return;
        }

        var (bytes, path) = With(format, member, "__BIG__");
        bytes = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes).Replace("\"__BIG__\"", "1e400", StringComparison.Ordinal));

        var problem = Single(format, bytes);

        Assert.Equal((path, ProblemCodes.NumberOutOfRange, $"'{member.Name}' must be a finite number, found the number 1e400."), (problem.Path, problem.Code, problem.Message));
    }

    [Theory]
    [MemberData(nameof(FormatNames))]
    public void InvalidUtf8_IsReportedAtItsByte(string name)
    {
        // 0xC3 starts a two-byte sequence; 0x28 '(' cannot continue it.
        var format = Named(name);
        var (bytes, _) = With(format, format.Text, "MARK");
        int at = bytes.AsSpan().IndexOf("MARK"u8);
        bytes = [.. bytes.AsSpan(0, at), 0xC3, 0x28, .. bytes.AsSpan(at + 4)];

        var problem = Single(format, bytes);

        Assert.Equal(("$", ProblemCodes.InvalidEncoding), (problem.Path, problem.Code));
        Assert.StartsWith($"The document is not valid UTF-8: an invalid byte sequence at byte {at} ", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(FormatNames))]
    public void ByteOrderMark_IsAccepted(string name)
    {
        var format = Named(name);
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(format.Document)];

        var (errors, warnings) = format.Read(bytes, null);

        Assert.Empty(errors);
        Assert.Empty(warnings);
    }

    [Theory]
    [MemberData(nameof(FormatNames))]
    public void MalformedJson_NamesLineAndByte(string name)
    {
        var format = Named(name);
        string cut = format.Document.TrimEnd()[..^1]; // the last closing brace removed

        var problem = Single(format, Encoding.UTF8.GetBytes(cut));

        Assert.Equal(("$", ProblemCodes.MalformedJson), (problem.Path, problem.Code));
        Assert.StartsWith("The document is not valid JSON: line ", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(FormatNames))]
    public void Limits_DocumentSize_IsTheSameLimitAndMessage(string name)
    {
        var format = Named(name);
        byte[] bytes = Encoding.UTF8.GetBytes(format.Document);

        var problem = Single(format, bytes, new JsonReadOptions { MaxDocumentBytes = 100 });

        Assert.Equal(("$", ProblemCodes.DocumentTooLarge, $"The document has {bytes.Length} bytes; the limit is 100."), (problem.Path, problem.Code, problem.Message));
    }

    [Theory]
    [MemberData(nameof(FormatNames))]
    public void Limits_Depth_IsTheSameLimitAndMessage(string name)
    {
        // Every document here nests at least three levels (an array of objects, or an object in an object in the root).
        var format = Named(name);

        var problem = Single(format, Encoding.UTF8.GetBytes(format.Document), new JsonReadOptions { MaxDepth = 1 });

        Assert.Equal(("$", ProblemCodes.DocumentTooDeep), (problem.Path, problem.Code));
        Assert.StartsWith("The document nests deeper than 1 levels (at byte ", problem.Message, StringComparison.Ordinal);
    }
}
