using System.Text.Json;
using Pcf.Accounting.Model;
using Pcf.Accounting.Units;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Json;

/// <summary>Reads and writes product systems in the <c>pcf-system/1</c> JSON format (docs/json-format.md, docs/schemas/pcf-system-1.schema.json).</summary>
/// <remarks>
/// Reading reports every problem of a document at once, each with its JSON path and a stable code:
/// first the document's shape (syntax, size, depth, types, required members, unknown members, units,
/// gases, names); when the shape is right, the system's meaning (references, dimensions, links,
/// allocation), as <see cref="ProductSystemBuilder.Validate"/> does. Nothing partial is returned.
/// </remarks>
/// <example><code>
/// ValidationResult&lt;ProductSystem&gt; read = ProductSystemJson.Read(File.ReadAllBytes("samples/pet-bottle.json"));
/// if (!read.IsValid)
/// {
///     foreach (var problem in read.Problems) Console.WriteLine(problem); // $.processes[0].inputs[1].unit  PCF0102  'kWhh' is not a known unit ...
/// }
/// </code></example>
public static class ProductSystemJson
{
    /// <summary>The format identifier this version reads and writes.</summary>
    public const string Format = "pcf-system/1";

    /// <summary>Reads a product system from UTF-8 JSON.</summary>
    /// <param name="utf8Json">The document.</param>
    /// <param name="options">Limits; <see langword="null"/> for <see cref="JsonReadOptions.Default"/>.</param>
    /// <returns>The product system, or every problem found.</returns>
    public static ValidationResult<ProductSystem> Read(ReadOnlyMemory<byte> utf8Json, JsonReadOptions? options = null)
    {
        options ??= JsonReadOptions.Default;

        // The document is not needed once the streaming reader has taken it in: the system is checked and built after that
        // without it, so a caller that holds no reference of its own lets the document go while the system is built.
        var builder = ProductSystemFastReader.TryRead(utf8Json.Span, options);
        return builder is not null ? builder.Validate() : ReadWalking(utf8Json, options);
    }

    /// <summary>Reads a document that is valid in shape in one streaming pass (<see cref="ProductSystemFastReader"/>), or gives up.</summary>
    /// <returns>The result of <see cref="ProductSystemBuilder.Validate"/>, or <see langword="null"/> when <see cref="ReadWalking"/> must read the document.</returns>
    internal static ValidationResult<ProductSystem>? ReadFast(ReadOnlyMemory<byte> utf8Json, JsonReadOptions options) =>
        ProductSystemFastReader.TryRead(utf8Json.Span, options)?.Validate();

    /// <summary>Reads a document through its DOM, member by member, reporting every problem of its shape with its path.</summary>
    internal static ValidationResult<ProductSystem> ReadWalking(ReadOnlyMemory<byte> utf8Json, JsonReadOptions options)
    {
        var walker = new JsonWalker(options);
        using var document = walker.Parse(utf8Json);
        if (document is null)
        {
            return ValidationResult.Failure<ProductSystem>(walker.Problems);
        }

        var builder = ReadDocument(walker, document.RootElement);
        if (walker.Problems.Count > 0 || builder is null)
        {
            return ValidationResult.Failure<ProductSystem>(walker.Problems);
        }

        return builder.Validate();
    }

    /// <summary>Reads a product system from a JSON string.</summary>
    /// <param name="json">The document.</param>
    /// <param name="options">Limits; <see langword="null"/> for the defaults.</param>
    /// <returns>The product system, or every problem found.</returns>
    public static ValidationResult<ProductSystem> Read(string json, JsonReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Read(System.Text.Encoding.UTF8.GetBytes(json), options);
    }

    /// <summary>Reads a product system from a stream, within the size limit.</summary>
    /// <param name="utf8Json">The stream of UTF-8 JSON.</param>
    /// <param name="options">Limits; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The product system, or every problem found.</returns>
    public static async ValueTask<ValidationResult<ProductSystem>> ReadAsync(Stream utf8Json, JsonReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        options ??= JsonReadOptions.Default;
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await utf8Json.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > options.MaxDocumentBytes)
            {
                return ValidationResult.Failure<ProductSystem>(
                    [new("$", ProblemCodes.DocumentTooLarge, $"The document is larger than the limit of {options.MaxDocumentBytes} bytes.")]);
            }

            buffer.Write(chunk, 0, read);
        }

        return Read(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), options);
    }

    /// <summary>Writes a product system as indented <c>pcf-system/1</c> JSON.</summary>
    /// <param name="system">The product system.</param>
    /// <returns>The JSON text.</returns>
    public static string Write(ProductSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return JsonSerializer.Serialize(ToDocument(system), PcfJsonContext.Default.ProductSystemDocument);
    }

    private static ProductSystemBuilder? ReadDocument(JsonWalker w, JsonElement root)
    {
        const string path = "$";
        if (!w.IsObject(root, path))
        {
            return null;
        }

        w.OnlyMembers(root, path, "$schema", "format", "name", "description", "region", "referenceYear", "referenceProduct", "declaredUnit",
            "productMassPerDeclaredUnit", "carbonContent", "flows", "processes");
        var format = w.String(root, "format", path, required: true);
        if (format is not null && format != Format)
        {
            w.Problem("$.format", ProblemCodes.UnsupportedFormat, $"'{format}' is not a format this version reads; expected '{Format}'.");
            return null;
        }

        if (format is null)
        {
            return null;
        }

        var builder = new ProductSystemBuilder(w.String(root, "name", path, required: true) ?? string.Empty)
            .Describe(w.String(root, "description", path))
            .InRegion(w.String(root, "region", path))
            .ForYear(w.Integer(root, "referenceYear", path));

        if (w.Object(root, "referenceProduct", path, required: true) is { } reference)
        {
            w.OnlyMembers(reference, "$.referenceProduct", "flow", "process");
            var flow = w.String(reference, "flow", "$.referenceProduct", required: true);
            var process = w.String(reference, "process", "$.referenceProduct");
            if (flow is not null)
            {
                builder.WithReferenceProduct(flow, process is null ? (ProcessId?)null : new ProcessId(process));
            }
        }

        if (w.QuantityMember(root, "declaredUnit", path, required: true) is { } declared)
        {
            builder.WithDeclaredUnit(declared);
        }

        builder.WithProductMass(w.QuantityMember(root, "productMassPerDeclaredUnit", path));
        if (w.Object(root, "carbonContent", path) is { } carbon)
        {
            const string at = "$.carbonContent";
            w.OnlyMembers(carbon, at, "fossil", "biogenic", "recycled", "packagingBiogenic");
            var fossil = w.QuantityMember(carbon, "fossil", at, required: true);
            var biogenic = w.QuantityMember(carbon, "biogenic", at, required: true);
            var recycled = w.QuantityMember(carbon, "recycled", at);
            var packaging = w.QuantityMember(carbon, "packagingBiogenic", at);
            if (fossil is { } f && biogenic is { } b)
            {
                builder.WithCarbonContent(new CarbonContent(f, b, recycled, packaging));
            }
        }

        var state = new ReadState();
        foreach (var (item, at) in w.Items(root, "flows", path, required: true))
        {
            if (!w.IsObject(item, at))
            {
                continue;
            }

            var f = w.Fields(item, at, FlowMembers, state.FlowFields);
            var id = w.String(f, "id", at, required: true);
            var name = w.String(f, "name", at, required: true);
            var unit = w.ParseUnit(w.String(f, "unit", at, required: true, state.Units), at.Member("unit"));
            var kind = w.Enum(f, "kind", at, JsonNames.FlowKinds, state.Names) ?? FlowKind.Product;
            var factorKey = w.String(f, "factorKey", at);
            var flowTags = DerivationJson.ReadTags(w, f, at);
            if (id is not null && name is not null && unit is not null)
            {
                builder.AddFlow(new Flow(id, name, unit, kind, factorKey) { Tags = flowTags.IsEmpty ? [] : [.. flowTags] });
            }
        }

        foreach (var (item, at) in w.Items(root, "processes", path, required: true))
        {
            ReadProcess(w, item, at, builder, state);
        }

        return builder;
    }

    private static readonly JsonMembers FlowMembers = new("id", "name", "unit", "kind", "factorKey", "tags");
    private static readonly JsonMembers ProcessMembers = new("id", "name", "description", "stage", "region", "tags", "roles", "primaryData", "allocation", "output", "coProducts", "inputs", "emissions");
    private static readonly JsonMembers OutputMembers = new("flow", "amount", "unit", "massPerUnit", "energyPerUnit", "pricePerUnit", "share", "derivation", "uncertainty");
    private static readonly JsonMembers CoProductMembers = new("flow", "amount", "unit", "massPerUnit", "energyPerUnit", "pricePerUnit", "share", "displaces", "derivation", "uncertainty");
    private static readonly JsonMembers InputMembers = new("flow", "amount", "unit", "from", "derivation", "uncertainty");
    private static readonly JsonMembers EmissionMembers = new("gas", "amount", "unit", "kind", "derivation", "uncertainty");

    // Implementation note: a large system has hundreds of thousands of inputs. Each object's members are gathered in one pass
    // into a buffer reused from object to object of its kind, paths are written out only when a problem is reported, and
    // repeated short values (units, stages, kinds, gases) are one string each.
    private sealed class ReadState
    {
        public JsonElement[] FlowFields { get; } = new JsonElement[FlowMembers.Names.Length];

        public JsonElement[] ProcessFields { get; } = new JsonElement[ProcessMembers.Names.Length];

        public JsonElement[] OutputFields { get; } = new JsonElement[CoProductMembers.Names.Length];

        public JsonElement[] InputFields { get; } = new JsonElement[InputMembers.Names.Length];

        public JsonElement[] EmissionFields { get; } = new JsonElement[EmissionMembers.Names.Length];

        public JsonStringPool Units { get; } = new(4);

        public JsonStringPool Names { get; } = new(4);

        public JsonStringPool Gases { get; } = new(4);
    }

    private static void ReadProcess(JsonWalker w, JsonElement item, JsonPath at, ProductSystemBuilder builder, ReadState state)
    {
        if (!w.IsObject(item, at))
        {
            return;
        }

        var f = w.Fields(item, at, ProcessMembers, state.ProcessFields);
        var id = w.String(f, "id", at, required: true);
        var name = w.String(f, "name", at, required: true);
        var stage = w.Enum(f, "stage", at, JsonNames.Stages, state.Names) ?? LifeCycleStage.Unspecified;
        var allocation = w.Enum(f, "allocation", at, JsonNames.Allocation, state.Names);
        var tags = DerivationJson.ReadTags(w, f, at);
        foreach (var (role, roleAt) in w.Items(f, "roles", at))
        {
            if (role.ValueKind != JsonValueKind.String)
            {
                w.Problem(roleAt, ProblemCodes.WrongType, "A role must be a string.");
            }
            else if (JsonNames.Roles.TryGetValue(role.GetString()!, out var tag))
            {
                tags = tags.Add(tag);
            }
            else
            {
                w.Problem(roleAt, ProblemCodes.UnknownValue, $"'{role.GetString()}' is not one of: {string.Join(", ", JsonNames.Roles.Keys)} (roles are read as tags; write \"tags\" instead).");
            }
        }

        var output = w.Object(f, "output", at, required: true) is { } o ? ReadOutput(w, o, at.Member("output"), coProduct: false, state) : null;
        List<ProductOutput?>? coProducts = null;
        foreach (var (c, cAt) in w.Items(f, "coProducts", at))
        {
            (coProducts ??= []).Add(w.IsObject(c, cAt) ? ReadOutput(w, c, cAt, coProduct: true, state) : null);
        }

        var inputs = new List<(FlowId, Quantity?, Supply?, Derivation?, Model.UncertaintyDistribution?)>();
        foreach (var (input, inputAt) in w.Items(f, "inputs", at))
        {
            if (!w.IsObject(input, inputAt))
            {
                continue;
            }

            var i = w.Fields(input, inputAt, InputMembers, state.InputFields);
            var flow = w.String(i, "flow", inputAt, required: true);
            var derivation = DerivationJson.ReadMember(w, i, inputAt);
            bool derivedOnly = derivation is not null && i["amount"].ValueKind == JsonValueKind.Undefined && i["unit"].ValueKind == JsonValueKind.Undefined;
            var amount = derivedOnly ? null : w.Quantity(i, inputAt, state.Units);
            var supply = w.Object(i, "from", inputAt) is { } from ? ReadSupply(w, from, JsonWalker.Member(inputAt.ToString(), "from")) : null;
            var uncertainty = UncertaintyJson.ReadMember(w, i, inputAt);
            if (flow is not null && (amount is not null || derivedOnly))
            {
                inputs.Add((flow, amount, supply, derivation, uncertainty));
            }
        }

        var emissions = new List<ElementaryExchange>();
        foreach (var (emission, emissionAt) in w.Items(f, "emissions", at))
        {
            if (!w.IsObject(emission, emissionAt))
            {
                continue;
            }

            var e = w.Fields(emission, emissionAt, EmissionMembers, state.EmissionFields);
            var gas = w.Gas(e, "gas", emissionAt, state.Gases);
            var amount = w.Quantity(e, emissionAt, state.Units);
            var kind = w.Enum(e, "kind", emissionAt, JsonNames.ExchangeKinds, state.Names) ?? ElementaryExchangeKind.Emission;
            var derivation = DerivationJson.ReadMember(w, e, emissionAt);
            var uncertainty = UncertaintyJson.ReadMember(w, e, emissionAt);
            if (gas is not null && amount is { } a)
            {
                emissions.Add(new ElementaryExchange(gas, a, kind) { Derivation = derivation, Uncertainty = uncertainty });
            }
        }

        if (id is null || name is null)
        {
            return;
        }

        // Read after the exchanges, as before: problems keep their order.
        var description = w.String(f, "description", at);
        var region = w.String(f, "region", at);
        bool primary = w.Boolean(f, "primaryData", at) ?? false;
        builder.AddProcess(id, name, p =>
        {
            p.Describe(description).InStage(stage).InRegion(region).Tagged(tags.IsEmpty ? [] : [.. tags]).AsPrimaryData(primary).AllocatedBy(allocation);
            if (output is not null)
            {
                p.Produces(output);
            }

            if (coProducts is not null)
            {
                foreach (var c in coProducts)
                {
                    if (c is not null)
                    {
                        p.CoProduces(c);
                    }
                }
            }

            p.InputList.AddRange(inputs);
            p.EmissionList.AddRange(emissions);
        });
    }

    private static ProductOutput? ReadOutput(JsonWalker w, JsonElement item, JsonPath at, bool coProduct, ReadState state)
    {
        var o = w.Fields(item, at, coProduct ? CoProductMembers : OutputMembers, state.OutputFields);
        var flow = w.String(o, "flow", at, required: true);
        var amount = w.Quantity(o, at, state.Units);
        var mass = w.Object(o, "massPerUnit", at) is { } m ? QuantityObject(w, m, at.Member("massPerUnit")) : null;
        var energy = w.Object(o, "energyPerUnit", at) is { } en ? QuantityObject(w, en, at.Member("energyPerUnit")) : null;
        var price = w.Object(o, "pricePerUnit", at) is { } p ? ReadPrice(w, p, JsonWalker.Member(at.ToString(), "pricePerUnit")) : null;
        var share = w.Number(o, "share", at);
        var displaces = coProduct && w.Object(o, "displaces", at) is { } d ? ReadSupply(w, d, JsonWalker.Member(at.ToString(), "displaces")) : null;
        var derivation = DerivationJson.ReadMember(w, o, at);
        var uncertainty = UncertaintyJson.ReadMember(w, o, at);
        return flow is null || amount is not { } a
            ? null
            : new ProductOutput(flow, a) { MassPerUnit = mass, EnergyPerUnit = energy, PricePerUnit = price, Share = share, Displaces = displaces, Derivation = derivation, Uncertainty = uncertainty };
    }

    // An object member of amount and unit (as JsonWalker.QuantityMember reads it).
    private static Quantity? QuantityObject(JsonWalker w, JsonElement value, JsonPath at)
    {
        string path = at.ToString();
        w.OnlyMembers(value, path, "amount", "unit");
        return w.Quantity(value, path);
    }

    private static Quantity? ReadPrice(JsonWalker w, JsonElement p, string at)
    {
        w.OnlyMembers(p, at, "amount", "currency");
        var amount = w.Number(p, "amount", at, required: true);
        var currency = w.String(p, "currency", at, required: true);
        if (currency is not null && !(currency.Length == 3 && currency.All(char.IsAsciiLetterUpper)))
        {
            w.Problem(at + ".currency", ProblemCodes.UnknownUnit, $"'{currency}' is not an ISO 4217 currency code (three capital letters, such as CNY or EUR).");
            return null;
        }

        return amount is { } a && currency is not null ? Quantity.Of(a, Unit.Currency(currency)) : null;
    }

    private static Supply? ReadSupply(JsonWalker w, JsonElement s, string at)
    {
        w.OnlyMembers(s, at, "process", "factor", "region", "year");
        var process = w.String(s, "process", at);
        var factor = w.String(s, "factor", at);
        var region = w.String(s, "region", at);
        var year = w.Integer(s, "year", at);
        if ((process is null) == (factor is null))
        {
            w.Problem(at, ProblemCodes.UnlinkedInput, "A supply names either a 'process' or a 'factor', not both and not neither.");
            return null;
        }

        if (process is not null && (region is not null || year is not null))
        {
            w.Problem(at, ProblemCodes.UnknownMember, "'region' and 'year' belong to a factor supply, not a process supply.");
            return null;
        }

        if ((process ?? factor)!.Trim().Length == 0)
        {
            w.Problem(at + (process is null ? ".factor" : ".process"), ProblemCodes.Required, "The supplier must not be empty.");
            return null;
        }

        return process is not null ? Supply.FromProcess(process) : Supply.FromFactor(factor!, region, year);
    }

    private static ProductSystemDocument ToDocument(ProductSystem s)
    {
        static QuantityDocument Q(Quantity q) => new(q.Value, q.Unit.Symbol);
        static QuantityDocument? Qn(Quantity? q) => q is { } v ? Q(v) : null;
        static SupplyDocument? S(Supply? s) => s is null ? null
            : s.Kind == SupplyKind.Process ? new(s.Process!.Value.Value, null, null, null) : new(null, s.FactorKey, s.Region, s.Year);
        static OutputDocument O(ProductOutput o) => new(o.Flow.Value, o.Amount.Value, o.Amount.Unit.Symbol, Qn(o.MassPerUnit), Qn(o.EnergyPerUnit),
            o.PricePerUnit is { } p ? new QuantityDocument(p.Value, p.Unit.Symbol) : null, o.Share, S(o.Displaces), DerivationJson.ToDocument(o.Derivation))
        {
            Uncertainty = UncertaintyJson.ToDocument(o.Uncertainty),
        };

        return new ProductSystemDocument(
            Format,
            s.Name,
            s.Description,
            s.Region,
            s.ReferenceYear,
            new ReferenceProductDocument(s.ReferenceProduct.Value, s.ReferenceProcess.Value),
            Q(s.DeclaredUnit),
            Qn(s.ProductMassPerDeclaredUnit),
            s.CarbonContent is { } c ? new CarbonContentDocument(Q(c.Fossil), Q(c.Biogenic), Qn(c.Recycled), Qn(c.PackagingBiogenic)) : null,
            [.. s.Flows.Select(f => new FlowDocument(f.Id.Value, f.Name, f.ReferenceUnit.Symbol, f.Kind == FlowKind.Product ? null : JsonNames.NameOf(JsonNames.FlowKinds, f.Kind), f.FactorKey,
                DerivationJson.ToDocument(f.Tags)))],
            [.. s.Processes.Select(p => new ProcessDocument(
                p.Id.Value,
                p.Name,
                p.Description,
                p.Stage == LifeCycleStage.Unspecified ? null : JsonNames.NameOf(JsonNames.Stages, p.Stage),
                p.Region,
                DerivationJson.ToDocument(p.Tags),
                p.IsPrimaryData ? true : null,
                p.Allocation is { } a ? JsonNames.NameOf(JsonNames.Allocation, a) : null,
                O(p.ReferenceOutput),
                p.CoProducts.IsEmpty ? null : [.. p.CoProducts.Select(O)],
                p.Inputs.IsEmpty ? null : [.. p.Inputs.Select(i => new InputDocument(i.Flow.Value, i.Amount.Value, i.Amount.Unit.Symbol, S(i.Supply), DerivationJson.ToDocument(i.Derivation)) { Uncertainty = UncertaintyJson.ToDocument(i.Uncertainty) })],
                p.Emissions.IsEmpty ? null : [.. p.Emissions.Select(e => new EmissionDocument(e.Gas.Id, e.Amount.Value, e.Amount.Unit.Symbol,
                    e.Kind == ElementaryExchangeKind.Emission ? null : JsonNames.NameOf(JsonNames.ExchangeKinds, e.Kind), DerivationJson.ToDocument(e.Derivation))
                {
                    Uncertainty = UncertaintyJson.ToDocument(e.Uncertainty),
                })]))]);
    }
}
