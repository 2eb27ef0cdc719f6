using System.Collections.Frozen;
using System.Text.Json;
using Pcf.Accounting.Factors;
using Pcf.Accounting.Model;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Json;

/// <summary>The <c>uncertainty</c> object of the JSON formats (a factor and its components in <c>pcf-factors/1</c>, an input, output or
/// emission in <c>pcf-system/1</c>): <c>{ "distribution": "lognormal", "gsd2": 1.21 }</c>.</summary>
/// <remarks>Members by distribution: <c>normal</c> needs <c>spread</c> (the relative standard deviation); <c>lognormal</c> needs
/// <c>spread</c> (the geometric standard deviation) or <c>gsd2</c> (its square), not both; <c>triangular</c> and <c>uniform</c> need
/// <c>minimum</c> and <c>maximum</c> (relative to the amount); <c>fixed</c> takes none. A member that does not apply is an error,
/// so that a typo never passes for a distribution.</remarks>
internal static class UncertaintyJson
{
    public static readonly FrozenDictionary<string, UncertaintyDistributionKind> Distributions = new Dictionary<string, UncertaintyDistributionKind>
    {
        ["normal"] = UncertaintyDistributionKind.Normal,
        ["lognormal"] = UncertaintyDistributionKind.Lognormal,
        ["triangular"] = UncertaintyDistributionKind.Triangular,
        ["uniform"] = UncertaintyDistributionKind.Uniform,
        ["fixed"] = UncertaintyDistributionKind.Fixed,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly JsonMembers Members = new("distribution", "spread", "gsd2", "minimum", "maximum");

    /// <summary>Reads the optional, gathered <c>uncertainty</c> member of an exchange.</summary>
    public static UncertaintyDistribution? ReadMember(JsonWalker w, JsonFields fields, JsonPath at) =>
        w.Object(fields, "uncertainty", at) is { } u ? Read(w, u, at.Member("uncertainty")) : null;

    /// <summary>Reads the optional <c>uncertainty</c> member of an object.</summary>
    public static UncertaintyDistribution? ReadMember(JsonWalker w, JsonElement owner, JsonPath at) =>
        w.Object(owner, "uncertainty", at) is { } u ? Read(w, u, at.Member("uncertainty")) : null;

    /// <summary>Reads an <c>uncertainty</c> object; every problem is reported, and nothing is returned then.</summary>
    public static UncertaintyDistribution? Read(JsonWalker w, JsonElement u, JsonPath at)
    {
        int before = w.Found;
        w.OnlyMembers(u, at, Members);
        var kind = w.Enum(u, "distribution", at, Distributions);
        if (kind is null)
        {
            _ = w.Get(u, "distribution", at, required: true); // reports a missing distribution; a wrong name was reported above
            return null;
        }

        string name = JsonNames.NameOf(Distributions, kind.Value);
        string[] applies = kind switch
        {
            UncertaintyDistributionKind.Normal => ["spread"],
            UncertaintyDistributionKind.Lognormal => ["spread", "gsd2"],
            UncertaintyDistributionKind.Triangular or UncertaintyDistributionKind.Uniform => ["minimum", "maximum"],
            _ => [],
        };
        foreach (var member in (string[])["spread", "gsd2", "minimum", "maximum"])
        {
            if (!applies.Contains(member) && u.TryGetProperty(member, out _))
            {
                w.Problem(at.Member(member), ProblemCodes.UnknownMember, $"'{member}' does not apply to a {name} distribution; it takes {(applies.Length == 0 ? "no parameter" : string.Join(" or ", applies.Select(a => $"'{a}'")))}.");
            }
        }

        double? spread = null, gsd2 = null, min = null, max = null;
        switch (kind)
        {
            case UncertaintyDistributionKind.Normal:
                spread = w.Number(u, "spread", at, required: true);
                break;
            case UncertaintyDistributionKind.Lognormal:
                spread = w.Number(u, "spread", at);
                gsd2 = w.Number(u, "gsd2", at);
                if (spread is not null && gsd2 is not null)
                {
                    w.Problem(at, ProblemCodes.UnknownMember, "A lognormal distribution takes 'spread' (the geometric standard deviation) or 'gsd2' (its square), not both.");
                }
                else if (spread is null && gsd2 is null && !u.TryGetProperty("spread", out _) && !u.TryGetProperty("gsd2", out _))
                {
                    w.Problem(at.Member("gsd2"), ProblemCodes.Required, "A lognormal distribution needs 'gsd2' (the squared geometric standard deviation) or 'spread' (the geometric standard deviation).");
                }

                break;
            case UncertaintyDistributionKind.Triangular:
            case UncertaintyDistributionKind.Uniform:
                min = w.Number(u, "minimum", at, required: true);
                max = w.Number(u, "maximum", at, required: true);
                break;
        }

        if (w.Found > before)
        {
            return null;
        }

        try
        {
            return kind switch
            {
                UncertaintyDistributionKind.Normal when spread is { } s => UncertaintyDistribution.Normal(s),
                UncertaintyDistributionKind.Lognormal when spread is { } s => UncertaintyDistribution.Lognormal(s),
                UncertaintyDistributionKind.Lognormal when gsd2 is { } g => UncertaintyDistribution.LognormalFromGsdSquared(g),
                UncertaintyDistributionKind.Triangular when min is { } lo && max is { } hi => UncertaintyDistribution.Triangular(lo, hi),
                UncertaintyDistributionKind.Uniform when min is { } lo && max is { } hi => UncertaintyDistribution.Uniform(lo, hi),
                UncertaintyDistributionKind.Fixed => UncertaintyDistribution.Fixed,
                _ => null,
            };
        }
        catch (ArgumentOutOfRangeException ex)
        {
            string member = kind switch
            {
                UncertaintyDistributionKind.Lognormal when gsd2 is not null => "gsd2",
                UncertaintyDistributionKind.Normal or UncertaintyDistributionKind.Lognormal => "spread",
                _ => string.Empty,
            };
            double? value = member == "gsd2" ? gsd2 : spread;
            w.Problem(member.Length == 0 ? at : at.Member(member), ProblemCodes.NumberOutOfRange, member.Length == 0
                ? ex.Message.Split(" (Parameter", 2)[0]
                : $"{Describe(kind.Value)}; found {JsonWalker.Format(value ?? double.NaN)}.");
            return null;
        }
    }

    /// <summary>Writes a distribution as an object member.</summary>
    public static void Write(Utf8JsonWriter w, string name, UncertaintyDistribution d)
    {
        w.WritePropertyName(name);
        Write(w, d);
    }

    /// <summary>Writes a distribution as an object (the value of a member or an array item).</summary>
    public static void Write(Utf8JsonWriter w, UncertaintyDistribution d)
    {
        w.WriteStartObject();
        w.WriteString("distribution", JsonNames.NameOf(Distributions, d.Kind));
        switch (d.Kind)
        {
            case UncertaintyDistributionKind.Normal:
            case UncertaintyDistributionKind.Lognormal:
                w.WriteNumber("spread", d.Spread);
                break;
            case UncertaintyDistributionKind.Triangular:
            case UncertaintyDistributionKind.Uniform:
                w.WriteNumber("minimum", d.Minimum);
                w.WriteNumber("maximum", d.Maximum);
                break;
        }

        w.WriteEndObject();
    }

    /// <summary>The wire document of a distribution, for the source-generated <c>pcf-system/1</c> writer.</summary>
    public static UncertaintyDocument? ToDocument(UncertaintyDistribution? d) => d is null ? null : d.Kind switch
    {
        UncertaintyDistributionKind.Normal or UncertaintyDistributionKind.Lognormal => new(JsonNames.NameOf(Distributions, d.Kind), d.Spread, null, null),
        UncertaintyDistributionKind.Triangular or UncertaintyDistributionKind.Uniform => new(JsonNames.NameOf(Distributions, d.Kind), null, d.Minimum, d.Maximum),
        _ => new(JsonNames.NameOf(Distributions, d.Kind), null, null, null),
    };

    private static string Describe(UncertaintyDistributionKind kind) => kind switch
    {
        UncertaintyDistributionKind.Normal => "A normal distribution's relative standard deviation must be positive and finite",
        _ => "A lognormal distribution's geometric standard deviation (and its square) must be at least 1 and finite",
    };
}
