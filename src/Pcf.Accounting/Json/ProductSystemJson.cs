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
        var walker = new JsonWalker(options ?? JsonReadOptions.Default);
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

        foreach (var (item, at) in w.Array(root, "flows", path, required: true))
        {
            if (!w.IsObject(item, at))
            {
                continue;
            }

            w.OnlyMembers(item, at, "id", "name", "unit", "kind", "factorKey", "tags");
            var id = w.String(item, "id", at, required: true);
            var name = w.String(item, "name", at, required: true);
            var unit = w.ParseUnit(w.String(item, "unit", at, required: true), at + ".unit");
            var kind = w.Enum(item, "kind", at, JsonNames.FlowKinds) ?? FlowKind.Product;
            var factorKey = w.String(item, "factorKey", at);
            var flowTags = DerivationJson.ReadTags(w, item, at);
            if (id is not null && name is not null && unit is not null)
            {
                builder.AddFlow(new Flow(id, name, unit, kind, factorKey) { Tags = [.. flowTags] });
            }
        }

        foreach (var (item, at) in w.Array(root, "processes", path, required: true))
        {
            ReadProcess(w, item, at, builder);
        }

        return builder;
    }

    private static void ReadProcess(JsonWalker w, JsonElement item, string at, ProductSystemBuilder builder)
    {
        if (!w.IsObject(item, at))
        {
            return;
        }

        w.OnlyMembers(item, at, "id", "name", "description", "stage", "region", "tags", "roles", "primaryData", "allocation", "output", "coProducts", "inputs", "emissions");
        var id = w.String(item, "id", at, required: true);
        var name = w.String(item, "name", at, required: true);
        var stage = w.Enum(item, "stage", at, JsonNames.Stages) ?? LifeCycleStage.Unspecified;
        var allocation = w.Enum(item, "allocation", at, JsonNames.Allocation);
        var tags = DerivationJson.ReadTags(w, item, at);
        foreach (var (role, roleAt) in w.Array(item, "roles", at))
        {
            if (role.ValueKind != JsonValueKind.String)
            {
                w.Problem(roleAt, ProblemCodes.WrongType, "A role must be a string.");
            }
            else if (JsonNames.Roles.TryGetValue(role.GetString()!, out var tag))
            {
                tags.Add(tag);
            }
            else
            {
                w.Problem(roleAt, ProblemCodes.UnknownValue, $"'{role.GetString()}' is not one of: {string.Join(", ", JsonNames.Roles.Keys)} (roles are read as tags; write \"tags\" instead).");
            }
        }

        var output = w.Object(item, "output", at, required: true) is { } o ? ReadOutput(w, o, at + ".output", coProduct: false) : null;
        var coProducts = w.Array(item, "coProducts", at)
            .Select(c => w.IsObject(c.Item, c.Path) ? ReadOutput(w, c.Item, c.Path, coProduct: true) : null).ToList();
        var inputs = new List<(FlowId, Quantity?, Supply?, Derivation?, Factors.UncertaintyDistribution?)>();
        foreach (var (input, inputAt) in w.Array(item, "inputs", at))
        {
            if (!w.IsObject(input, inputAt))
            {
                continue;
            }

            w.OnlyMembers(input, inputAt, "flow", "amount", "unit", "from", "derivation", "uncertainty");
            var flow = w.String(input, "flow", inputAt, required: true);
            var derivation = DerivationJson.ReadMember(w, input, inputAt);
            bool derivedOnly = derivation is not null && !input.TryGetProperty("amount", out _) && !input.TryGetProperty("unit", out _);
            var amount = derivedOnly ? null : w.Quantity(input, inputAt);
            var supply = w.Object(input, "from", inputAt) is { } from ? ReadSupply(w, from, inputAt + ".from") : null;
            var uncertainty = UncertaintyJson.ReadMember(w, input, inputAt);
            if (flow is not null && (amount is not null || derivedOnly))
            {
                inputs.Add((flow, amount, supply, derivation, uncertainty));
            }
        }

        var emissions = new List<ElementaryExchange>();
        foreach (var (emission, emissionAt) in w.Array(item, "emissions", at))
        {
            if (!w.IsObject(emission, emissionAt))
            {
                continue;
            }

            w.OnlyMembers(emission, emissionAt, "gas", "amount", "unit", "kind", "derivation", "uncertainty");
            var gas = w.Gas(emission, "gas", emissionAt);
            var amount = w.Quantity(emission, emissionAt);
            var kind = w.Enum(emission, "kind", emissionAt, JsonNames.ExchangeKinds) ?? ElementaryExchangeKind.Emission;
            var derivation = DerivationJson.ReadMember(w, emission, emissionAt);
            var uncertainty = UncertaintyJson.ReadMember(w, emission, emissionAt);
            if (gas is not null && amount is { } a)
            {
                emissions.Add(new ElementaryExchange(gas, a, kind) { Derivation = derivation, Uncertainty = uncertainty });
            }
        }

        if (id is null || name is null)
        {
            return;
        }

        builder.AddProcess(id, name, p =>
        {
            p.Describe(w.String(item, "description", at)).InStage(stage).InRegion(w.String(item, "region", at))
                .Tagged([.. tags]).AsPrimaryData(w.Boolean(item, "primaryData", at) ?? false).AllocatedBy(allocation);
            if (output is not null)
            {
                p.Produces(output);
            }

            coProducts.OfType<ProductOutput>().ToList().ForEach(c => p.CoProduces(c));
            inputs.ForEach(i => p.InputList.Add(i));
            emissions.ForEach(e => p.Emits(e));
        });
    }

    private static ProductOutput? ReadOutput(JsonWalker w, JsonElement o, string at, bool coProduct)
    {
        w.OnlyMembers(o, at, coProduct
            ? ["flow", "amount", "unit", "massPerUnit", "energyPerUnit", "pricePerUnit", "share", "displaces", "derivation", "uncertainty"]
            : ["flow", "amount", "unit", "massPerUnit", "energyPerUnit", "pricePerUnit", "share", "derivation", "uncertainty"]);
        var flow = w.String(o, "flow", at, required: true);
        var amount = w.Quantity(o, at);
        var mass = w.QuantityMember(o, "massPerUnit", at);
        var energy = w.QuantityMember(o, "energyPerUnit", at);
        var price = w.Object(o, "pricePerUnit", at) is { } p ? ReadPrice(w, p, at + ".pricePerUnit") : null;
        var share = w.Number(o, "share", at);
        var displaces = coProduct && w.Object(o, "displaces", at) is { } d ? ReadSupply(w, d, at + ".displaces") : null;
        var derivation = DerivationJson.ReadMember(w, o, at);
        var uncertainty = UncertaintyJson.ReadMember(w, o, at);
        return flow is null || amount is not { } a
            ? null
            : new ProductOutput(flow, a) { MassPerUnit = mass, EnergyPerUnit = energy, PricePerUnit = price, Share = share, Displaces = displaces, Derivation = derivation, Uncertainty = uncertainty };
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
