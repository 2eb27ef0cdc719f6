using System.Collections.Immutable;
using System.Globalization;
using Pcf.Accounting.Model;
using Pcf.Accounting.Units;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Templates;

/// <summary>The checked values of a template's parameters: each given value converted to its parameter's unit, each missing
/// one at its default, each marked default or site data with its source. Made by <see cref="Bind"/>.</summary>
/// <remarks>A builder reads values by name (<see cref="Number"/>, <see cref="Choice"/>, <see cref="Flag"/>, <see cref="Items"/>)
/// and passes them into derivations with <see cref="Input"/>, which carries the value's source and default mark into the
/// result, so <c>pcf explain</c> shows which inputs were defaults.</remarks>
/// <threadsafety>Immutable.</threadsafety>
public sealed class TemplateValues : IEquatable<TemplateValues>
{
    private const int MaxTextLength = 1000;
    private readonly ImmutableDictionary<string, TemplateValue> _byName;

    private TemplateValues(ImmutableArray<TemplateValue> all)
    {
        All = all;
        _byName = all.ToImmutableDictionary(v => v.Parameter.Name, StringComparer.Ordinal);
    }

    /// <summary>Gets the folder that relative file names among the values are resolved against (<see cref="TemplateInput.Folder"/>), or
    /// <see langword="null"/> for the current directory.</summary>
    public string? Folder { get; private init; }

    /// <summary>Gets every value, in the order of the parameters (an optional parameter left out has none).</summary>
    public ImmutableArray<TemplateValue> All { get; }

    /// <summary>Checks input against parameters, reporting every problem at once.</summary>
    /// <param name="parameters">The template's parameters.</param>
    /// <param name="input">The input.</param>
    /// <returns>The values, or every problem: an unknown parameter (<c>PCF0007</c>), a required one missing (<c>PCF0005</c>), a
    /// value of the wrong type (<c>PCF0006</c>), an unknown unit (<c>PCF0102</c>) or one of another dimension (<c>PCF0103</c>), a
    /// number out of range or not finite (<c>PCF0104</c>), a choice not allowed (<c>PCF0309</c>); each names the parameter
    /// (its JSON path when read from a document) and the rule broken.</returns>
    public static ValidationResult<TemplateValues> Bind(IReadOnlyList<TemplateParameter> parameters, TemplateInput input)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(input);
        var problems = new List<ValidationProblem>();
        var values = BindAll(parameters, input, input.Path, string.Empty, problems);
        return problems.Count > 0 ? ValidationResult.Failure<TemplateValues>(problems) : ValidationResult.Success(new TemplateValues(values.All) { Folder = input.Folder });
    }

    private static TemplateValues BindAll(IReadOnlyList<TemplateParameter> parameters, TemplateInput input, string path, string namePrefix, List<ValidationProblem> problems)
    {
        foreach (var name in input.Values.Keys.Where(k => !parameters.Any(p => p.Name == k)).Order(StringComparer.Ordinal))
        {
            problems.Add(Problem(path, namePrefix, name, ProblemCodes.UnknownMember,
                $"'{Shorten(name)}' is not a parameter{(namePrefix.Length > 0 ? " of these items" : string.Empty)}; known: {string.Join(", ", parameters.Select(p => p.Name))}."));
        }

        var all = ImmutableArray.CreateBuilder<TemplateValue>(parameters.Count);
        foreach (var parameter in parameters)
        {
            if (!input.Values.TryGetValue(parameter.Name, out var given))
            {
                if (parameter.Default is { } d)
                {
                    all.Add(new TemplateValue(parameter, d.Value, IsDefault: true, d.Source));
                }
                else if (parameter.Kind == TemplateParameterKind.List)
                {
                    all.Add(new TemplateValue(parameter, ImmutableArray<TemplateValues>.Empty, IsDefault: false, TemplateValue.SiteData));
                }
                else if (!parameter.IsOptional)
                {
                    problems.Add(Problem(path, namePrefix, parameter.Name, ProblemCodes.Required, $"'{parameter.Name}' needs a value: {parameter.Description}"));
                }

                continue;
            }

            if (BindOne(parameter, given, path, namePrefix, problems) is { } value)
            {
                all.Add(value);
            }
        }

        return new TemplateValues(all.ToImmutable());
    }

    private static TemplateValue? BindOne(TemplateParameter parameter, TemplateInputValue given, string path, string namePrefix, List<ValidationProblem> problems)
    {
        string name = parameter.Name;
        string source = string.IsNullOrWhiteSpace(given.Source) ? TemplateValue.SiteData : Shorten(given.Source.Trim());
        void Fail(string code, string message) => problems.Add(Problem(path, namePrefix, name, code, message));
        TemplateValue? Done(object value)
        {
            bool isDefault = parameter.Default is { } d && Equals(d.Value, value) && string.Equals(source, d.Source, StringComparison.Ordinal);
            return new TemplateValue(parameter, value, isDefault, source);
        }

        if (given.Value is null)
        {
            if (parameter.IsOptional && parameter.Default is null)
            {
                return null;
            }

            Fail(ProblemCodes.Required, $"'{name}' needs a value: {parameter.Description}");
            return null;
        }

        switch (parameter.Kind)
        {
            case TemplateParameterKind.Number:
                if (given.Value is not double number)
                {
                    Fail(ProblemCodes.WrongType, $"'{name}' is a number in {parameter.Unit}, not {Describe(given.Value)}.");
                    return null;
                }

                if (!double.IsFinite(number))
                {
                    Fail(ProblemCodes.NumberOutOfRange, $"'{name}' must be a finite number.");
                    return null;
                }

                var unit = parameter.Unit!;
                if (given.Unit is { } unitText)
                {
                    if (!UnitExpression.TryParse(unitText, out var givenUnit, out var error))
                    {
                        Fail(ProblemCodes.UnknownUnit, $"'{name}': {error}");
                        return null;
                    }

                    if (!givenUnit.IsCommensurableWith(unit))
                    {
                        Fail(ProblemCodes.WrongDimension, $"'{name}' is in {unit} or a unit of its dimension; {Shorten(unitText)} is not.");
                        return null;
                    }

                    number = givenUnit.ConvertTo(number, unit);
                }

                if (!double.IsFinite(number))
                {
                    Fail(ProblemCodes.NumberOutOfRange, $"'{name}' is beyond the range of a number in {unit} once converted.");
                    return null;
                }

                if (parameter.Describe(number) is { } outside)
                {
                    Fail(ProblemCodes.NumberOutOfRange, $"'{name}': {outside}");
                    return null;
                }

                return Done(number);

            case TemplateParameterKind.Choice:
                if (given.Value is not string choice || !parameter.Choices.Contains(choice))
                {
                    Fail(given.Value is string ? ProblemCodes.UnknownValue : ProblemCodes.WrongType,
                        $"'{name}' is one of {string.Join(", ", parameter.Choices.Select(c => $"'{c}'"))}, not {Describe(given.Value)}.");
                    return null;
                }

                return Done(choice);

            case TemplateParameterKind.Flag:
                if (given.Value is not bool flag)
                {
                    Fail(ProblemCodes.WrongType, $"'{name}' is true or false, not {Describe(given.Value)}.");
                    return null;
                }

                return Done(flag);

            case TemplateParameterKind.Text:
                if (given.Value is not string text || text.Length > MaxTextLength)
                {
                    Fail(ProblemCodes.WrongType, $"'{name}' is text of at most {MaxTextLength} characters, not {Describe(given.Value)}.");
                    return null;
                }

                return Done(text);

            default:
                if (given.Value is not ImmutableArray<TemplateInput> items)
                {
                    Fail(ProblemCodes.WrongType, $"'{name}' is a list of items with {string.Join(", ", parameter.Fields.Select(f => f.Name))}, not {Describe(given.Value)}.");
                    return null;
                }

                if (items.Length > parameter.MaxItems)
                {
                    Fail(ProblemCodes.TooMany, $"'{name}' has {items.Length} items; at most {parameter.MaxItems} are allowed.");
                    return null;
                }

                int before = problems.Count;
                var bound = ImmutableArray.CreateBuilder<TemplateValues>(items.Length);
                for (int i = 0; i < items.Length; i++)
                {
                    string itemName = string.Create(CultureInfo.InvariantCulture, $"{namePrefix}{name}[{i}].");
                    string itemPath = items[i].Path.Length > 0 ? items[i].Path : path;
                    string prefix = items[i].Path.Length > 0 ? string.Empty : itemName;
                    bound.Add(BindAll(parameter.Fields, items[i], itemPath, prefix, problems));
                }

                return problems.Count > before ? null : new TemplateValue(parameter, bound.MoveToImmutable(), IsDefault: false, source);
        }
    }

    private static ValidationProblem Problem(string path, string namePrefix, string name, string code, string message)
    {
        string member = name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-') && name.Length > 0 ? name : $"['{Shorten(name).Replace("'", "\\'", StringComparison.Ordinal)}']";
        string at = path.Length == 0 ? namePrefix + member : member.StartsWith('[') ? path + member : $"{path}.{member}";
        return new ValidationProblem(at, code, message) { Subject = new ParameterSubject((namePrefix + name).TrimEnd('.')) };
    }

    private static string Describe(object? value) => value switch
    {
        null => "nothing",
        double d => string.Create(CultureInfo.InvariantCulture, $"the number {d:R}"),
        bool b => b ? "true" : "false",
        string s => $"'{Shorten(s)}'",
        ImmutableArray<TemplateInput> => "a list",
        _ => value.GetType().Name,
    };

    private static string Shorten(string text) => text.Length <= 80 ? text : string.Concat(text.AsSpan(0, 77), "...");

    /// <summary>Gets a value by parameter name.</summary>
    /// <param name="name">The parameter's name.</param>
    /// <returns>The value.</returns>
    /// <exception cref="KeyNotFoundException">The parameter has no value (unknown, or optional and left out).</exception>
    public TemplateValue this[string name] =>
        _byName.TryGetValue(name, out var value) ? value : throw new KeyNotFoundException($"The parameter '{name}' has no value.");

    /// <summary>Gets whether a parameter has a value (an optional parameter left out has none).</summary>
    /// <param name="name">The parameter's name.</param>
    /// <returns><see langword="true"/> when it has.</returns>
    public bool Has(string name) => _byName.ContainsKey(name);

    /// <summary>Gets a number, in its parameter's unit.</summary>
    /// <param name="name">The parameter's name.</param>
    /// <returns>The number.</returns>
    public double Number(string name) => this[name].Number;

    /// <summary>Gets a choice or text.</summary>
    /// <param name="name">The parameter's name.</param>
    /// <returns>The text.</returns>
    public string Choice(string name) => this[name].Value as string ?? throw new InvalidOperationException($"'{name}' is not a choice.");

    /// <summary>Gets a flag.</summary>
    /// <param name="name">The parameter's name.</param>
    /// <returns>The flag.</returns>
    public bool Flag(string name) => this[name].Value is bool b ? b : throw new InvalidOperationException($"'{name}' is not a flag.");

    /// <summary>Gets a list's items.</summary>
    /// <param name="name">The parameter's name.</param>
    /// <returns>The items.</returns>
    public ImmutableArray<TemplateValues> Items(string name) => this[name].Items;

    /// <summary>Gets whether a value is the template's default.</summary>
    /// <param name="name">The parameter's name.</param>
    /// <returns><see langword="true"/> for a default.</returns>
    public bool IsDefault(string name) => this[name].IsDefault;

    /// <summary>Makes a derivation input from a number: its value and unit, the parameter's description, the value's source and
    /// whether it is a default.</summary>
    /// <param name="name">The parameter's name.</param>
    /// <param name="symbol">The symbol in the formula; the parameter's name when <see langword="null"/>.</param>
    /// <returns>The input.</returns>
    public DerivationInput Input(string name, string? symbol = null)
    {
        var value = this[name];
        return new DerivationInput(symbol ?? name, value.Measure) { Description = value.Parameter.Description, Source = value.Source, IsDefault = value.IsDefault };
    }

    /// <inheritdoc/>
    public bool Equals(TemplateValues? other) => other is not null && All.SequenceEqual(other.All);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as TemplateValues);

    /// <inheritdoc/>
    public override int GetHashCode() => All.Length;
}
