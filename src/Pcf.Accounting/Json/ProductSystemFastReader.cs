using System.Text.Json;
using Pcf.Accounting.Gases;
using Pcf.Accounting.Model;
using Pcf.Accounting.Units;

namespace Pcf.Accounting.Json;

/// <summary>Reads a valid <c>pcf-system/1</c> document in one pass of <see cref="Utf8JsonReader"/>, building the system's builder
/// directly (no <see cref="JsonDocument"/>), or gives up.</summary>
/// <remarks>
/// <para>It accepts a document only when the walker of <see cref="ProductSystemJson"/> would read it without a single problem,
/// and then makes the same builder calls in the same order (flows, then processes; each one's inputs and emissions in
/// document order), so the system, its content hash and every result are the same. On anything it does not handle, or any
/// doubt (an unknown, repeated or escaped member name, a wrong type, a number out of range, an unknown unit, gas or name, a
/// string past the limit, an array past the limit, the depth limit, a member it leaves to the walker: carbon content,
/// co-products, roles, derivations, uncertainty, allocation properties of an output), it returns <see langword="null"/>
/// and the walker reads the document from the start, so problems, paths, codes and messages are the walker's.</para>
/// <para>Members may come in any order. Checks are the walker's own (<see cref="JsonWalker.InRange(double, double)"/>,
/// <see cref="JsonWalker.TryParseUnit"/>, <see cref="GreenhouseGas.TryFind"/>, <see cref="JsonNames"/>, <see cref="Tag.TryParse"/>).</para>
/// <para>Implementation note: the walker's DOM, its elements and the model were alive together, and about half the time of
/// reading a large system went to collecting them. Here the only objects made are the model's own: an input's flow id is
/// the flow's id string when the flow was read before, units, gases and names are looked up once per distinct spelling,
/// and a process's inputs and emissions go into lists of their final size.</para>
/// </remarks>
/// <threadsafety>Not thread-safe: one instance per read.</threadsafety>
internal sealed class ProductSystemFastReader
{
    private readonly JsonReadOptions _options;
    private readonly ValueCache<Unit> _units = new(static (string s, out Unit u) => (u = JsonWalker.TryParseUnit(s)!) is not null);
    private readonly ValueCache<GreenhouseGas> _gases = new(static (string s, out GreenhouseGas g) => GreenhouseGas.TryFind(s, out g!));
    private readonly ValueCache<LifeCycleStage> _stages = new(JsonNames.Stages.TryGetValue);
    private readonly ValueCache<FlowKind> _flowKinds = new(JsonNames.FlowKinds.TryGetValue);
    private readonly ValueCache<ElementaryExchangeKind> _exchangeKinds = new(JsonNames.ExchangeKinds.TryGetValue);
    private readonly ValueCache<AllocationMethod> _allocations = new(JsonNames.Allocation.TryGetValue);
    private readonly Dictionary<string, string> _flowIds = new(StringComparer.Ordinal);
    private readonly List<(FlowId, Quantity?, Supply?, Derivation?, UncertaintyDistribution?)> _inputs = [];
    private readonly List<ElementaryExchange> _emissions = [];
    private readonly List<Tag> _tags = [];
    private readonly List<Flow> _pendingFlows = [];
    private readonly List<PendingProcess> _pendingProcesses = [];
    private ProductSystemBuilder? _builder;

    private ProductSystemFastReader(JsonReadOptions options) => _options = options;

    /// <summary>Reads a document, or gives up.</summary>
    /// <param name="utf8Json">The document, as given to <see cref="ProductSystemJson.Read(ReadOnlyMemory{byte}, JsonReadOptions?)"/>.</param>
    /// <param name="options">The limits.</param>
    /// <returns>The builder holding the document's system, not yet validated; <see langword="null"/> when the walker must read it.</returns>
    public static ProductSystemBuilder? TryRead(ReadOnlySpan<byte> utf8Json, JsonReadOptions options)
    {
        // As the walker: a byte-order mark carries no content; then the size, the encoding.
        if (utf8Json.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            utf8Json = utf8Json[3..];
        }

        if (utf8Json.Length > options.MaxDocumentBytes || options.MaxDepth < 1 || JsonEncoding.Check(utf8Json) is not null)
        {
            return null;
        }

        // The same reader options as the walker's parse (JsonDocument reads with a Utf8JsonReader of these options).
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = options.MaxDepth, CommentHandling = JsonCommentHandling.Skip });
        try
        {
            var fast = new ProductSystemFastReader(options);
            return fast.ReadRoot(ref reader) && !reader.Read() ? fast._builder : null;
        }
        catch (JsonException)
        {
            return null; // malformed or too deep: the walker reports where
        }
        catch (InvalidOperationException)
        {
            return null; // a value the reader cannot give as asked: the walker decides
        }
    }

    private static bool Is(ref Utf8JsonReader r, ReadOnlySpan<byte> name) => r.ValueSpan.SequenceEqual(name);

    // Moves to a member's name, or past the end of the object; false at anything else.
    private static bool NextMember(ref Utf8JsonReader r, out bool end)
    {
        r.Read();
        end = r.TokenType == JsonTokenType.EndObject;
        return end || (r.TokenType == JsonTokenType.PropertyName && !r.ValueIsEscaped);
    }

    // Moves to an array's next item, or past its end; false when the item would pass the limit on an array's length.
    private bool NextItem(ref Utf8JsonReader r, ref int count, out bool end)
    {
        r.Read();
        end = r.TokenType == JsonTokenType.EndArray;
        return end || ++count <= _options.MaxArrayLength;
    }

    // Marks a member as read; false when it was read before (the walker takes the last, the fast path gives up).
    private static bool First(ref int seen, int bit)
    {
        if ((seen & bit) != 0)
        {
            return false;
        }

        seen |= bit;
        return true;
    }

    private bool ReadRoot(ref Utf8JsonReader r)
    {
        if (!r.Read() || r.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        string? format = null, name = null, description = null, region = null, referenceFlow = null, referenceProcess = null;
        int? year = null;
        Quantity? declared = null, mass = null;
        bool hasFlows = false, hasProcesses = false;
        int seen = 0;
        while (true)
        {
            if (!NextMember(ref r, out bool end))
            {
                return false;
            }

            if (end)
            {
                break;
            }

            bool ok;
            if (Is(ref r, "$schema"u8))
            {
                ok = First(ref seen, 1);
                r.Skip(); // allowed and never read: any value
            }
            else if (Is(ref r, "format"u8))
            {
                ok = First(ref seen, 2) && String(ref r, required: true, out format);
            }
            else if (Is(ref r, "name"u8))
            {
                ok = First(ref seen, 4) && String(ref r, required: true, out name);
                if (ok)
                {
                    _builder = new ProductSystemBuilder(name!);
                }
            }
            else if (Is(ref r, "description"u8))
            {
                ok = First(ref seen, 8) && String(ref r, required: false, out description);
            }
            else if (Is(ref r, "region"u8))
            {
                ok = First(ref seen, 16) && String(ref r, required: false, out region);
            }
            else if (Is(ref r, "referenceYear"u8))
            {
                ok = First(ref seen, 32) && Integer(ref r, out year);
            }
            else if (Is(ref r, "referenceProduct"u8))
            {
                ok = First(ref seen, 64) && ReferenceProduct(ref r, out referenceFlow, out referenceProcess);
            }
            else if (Is(ref r, "declaredUnit"u8))
            {
                ok = First(ref seen, 128) && QuantityObject(ref r, required: true, out declared);
            }
            else if (Is(ref r, "productMassPerDeclaredUnit"u8))
            {
                ok = First(ref seen, 256) && QuantityObject(ref r, required: false, out mass);
            }
            else if (Is(ref r, "flows"u8))
            {
                ok = First(ref seen, 512) && Flows(ref r, out hasFlows);
            }
            else if (Is(ref r, "processes"u8))
            {
                ok = First(ref seen, 1024) && Processes(ref r, out hasProcesses);
            }
            else
            {
                ok = false; // carbonContent (left to the walker), or not a member of the format
            }

            if (!ok)
            {
                return false;
            }
        }

        if (format != ProductSystemJson.Format || name is null || referenceFlow is null || declared is null || !hasFlows || !hasProcesses)
        {
            return false;
        }

        // The walker's calls, in its order: the system's own members, its flows, then its processes.
        var builder = _builder!;
        builder.Describe(description).InRegion(region).ForYear(year)
            .WithReferenceProduct(referenceFlow, referenceProcess is null ? (ProcessId?)null : new ProcessId(referenceProcess))
            .WithDeclaredUnit(declared.Value)
            .WithProductMass(mass);
        foreach (var flow in _pendingFlows)
        {
            builder.AddFlow(flow);
        }

        foreach (var process in _pendingProcesses)
        {
            builder.AddProcess(process.Id, process.Name, process.Apply);
        }

        return true;
    }

    private bool ReferenceProduct(ref Utf8JsonReader r, out string? flow, out string? process)
    {
        flow = process = null;
        r.Read();
        if (r.TokenType != JsonTokenType.StartObject)
        {
            return false; // null (required) or not an object
        }

        int seen = 0;
        while (true)
        {
            if (!NextMember(ref r, out bool end))
            {
                return false;
            }

            if (end)
            {
                return flow is not null;
            }

            bool ok = Is(ref r, "flow"u8) ? First(ref seen, 1) && String(ref r, required: true, out flow)
                : Is(ref r, "process"u8) && First(ref seen, 2) && String(ref r, required: false, out process);
            if (!ok)
            {
                return false;
            }
        }
    }

    // An object of amount and unit, as JsonWalker.QuantityMember reads it; null reads as absent.
    private bool QuantityObject(ref Utf8JsonReader r, bool required, out Quantity? quantity)
    {
        quantity = null;
        r.Read();
        if (r.TokenType == JsonTokenType.Null)
        {
            return !required;
        }

        if (r.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        double? amount = null;
        Unit? unit = null;
        int seen = 0;
        while (true)
        {
            if (!NextMember(ref r, out bool end))
            {
                return false;
            }

            if (end)
            {
                break;
            }

            bool ok = Is(ref r, "amount"u8) ? First(ref seen, 1) && Number(ref r, out amount)
                : Is(ref r, "unit"u8) && First(ref seen, 2) && UnitValue(ref r, out unit);
            if (!ok)
            {
                return false;
            }
        }

        if (amount is not { } a || unit is null)
        {
            return false;
        }

        quantity = Quantity.Of(a, unit);
        return true;
    }

    private bool Flows(ref Utf8JsonReader r, out bool present)
    {
        present = false;
        r.Read();
        if (r.TokenType != JsonTokenType.StartArray)
        {
            return false; // null (required) or not an array
        }

        int count = 0;
        while (NextItem(ref r, ref count, out bool end))
        {
            if (end)
            {
                present = true;
                return true;
            }

            if (r.TokenType != JsonTokenType.StartObject || !Flow(ref r))
            {
                return false;
            }
        }

        return false;
    }

    private bool Flow(ref Utf8JsonReader r)
    {
        string? id = null, name = null, factorKey = null;
        Unit? unit = null;
        FlowKind? kind = null;
        bool tagged = false;
        int seen = 0;
        while (true)
        {
            if (!NextMember(ref r, out bool end))
            {
                return false;
            }

            if (end)
            {
                break;
            }

            bool ok = Is(ref r, "id"u8) ? First(ref seen, 1) && String(ref r, required: true, out id)
                : Is(ref r, "name"u8) ? First(ref seen, 2) && String(ref r, required: true, out name)
                : Is(ref r, "unit"u8) ? First(ref seen, 4) && UnitValue(ref r, out unit)
                : Is(ref r, "kind"u8) ? First(ref seen, 8) && Name(ref r, _flowKinds, out kind)
                : Is(ref r, "factorKey"u8) ? First(ref seen, 16) && String(ref r, required: false, out factorKey)
                : Is(ref r, "tags"u8) && First(ref seen, 32) && Tags(ref r, out tagged);
            if (!ok)
            {
                return false;
            }
        }

        if (id is null || name is null || unit is null)
        {
            return false;
        }

        var flow = new Flow(id, name, unit, kind ?? FlowKind.Product, factorKey) { Tags = tagged ? [.. _tags] : [] };
        _flowIds.TryAdd(id, id);
        if (_builder is not null)
        {
            _builder.AddFlow(flow);
        }
        else
        {
            _pendingFlows.Add(flow); // the system's name comes later in the document
        }

        return true;
    }

    // An array of tag texts into _tags; tagged is false when absent, null or empty.
    private bool Tags(ref Utf8JsonReader r, out bool tagged)
    {
        tagged = false;
        _tags.Clear();
        r.Read();
        if (r.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (r.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        int count = 0;
        while (NextItem(ref r, ref count, out bool end))
        {
            if (end)
            {
                tagged = _tags.Count > 0;
                return true;
            }

            if (r.TokenType != JsonTokenType.String || !Tag.TryParse(r.GetString(), out var tag, out _))
            {
                return false;
            }

            _tags.Add(tag);
        }

        return false;
    }

    // A member the walker reads as an array that the fast path leaves to it unless null or empty (roles, co-products).
    private static bool NullOrEmptyArray(ref Utf8JsonReader r)
    {
        r.Read();
        if (r.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (r.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        r.Read();
        return r.TokenType == JsonTokenType.EndArray;
    }

    // A member the fast path leaves to the walker unless null (derivation, uncertainty, an output's allocation properties).
    private static bool Null(ref Utf8JsonReader r)
    {
        r.Read();
        return r.TokenType == JsonTokenType.Null;
    }

    private bool Processes(ref Utf8JsonReader r, out bool present)
    {
        present = false;
        r.Read();
        if (r.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        int count = 0;
        while (NextItem(ref r, ref count, out bool end))
        {
            if (end)
            {
                present = true;
                return true;
            }

            if (r.TokenType != JsonTokenType.StartObject || !Process(ref r))
            {
                return false;
            }
        }

        return false;
    }

    private bool Process(ref Utf8JsonReader r)
    {
        string? id = null, name = null, description = null, region = null;
        LifeCycleStage? stage = null;
        AllocationMethod? allocation = null;
        bool? primary = null;
        bool tagged = false;
        ProductOutput? output = null;
        _inputs.Clear();
        _emissions.Clear();
        int seen = 0;
        while (true)
        {
            if (!NextMember(ref r, out bool end))
            {
                return false;
            }

            if (end)
            {
                break;
            }

            bool ok = Is(ref r, "id"u8) ? First(ref seen, 1) && String(ref r, required: true, out id)
                : Is(ref r, "name"u8) ? First(ref seen, 2) && String(ref r, required: true, out name)
                : Is(ref r, "description"u8) ? First(ref seen, 4) && String(ref r, required: false, out description)
                : Is(ref r, "stage"u8) ? First(ref seen, 8) && Name(ref r, _stages, out stage)
                : Is(ref r, "region"u8) ? First(ref seen, 16) && String(ref r, required: false, out region)
                : Is(ref r, "tags"u8) ? First(ref seen, 32) && Tags(ref r, out tagged)
                : Is(ref r, "roles"u8) ? First(ref seen, 64) && NullOrEmptyArray(ref r)
                : Is(ref r, "primaryData"u8) ? First(ref seen, 128) && Boolean(ref r, out primary)
                : Is(ref r, "allocation"u8) ? First(ref seen, 256) && Name(ref r, _allocations, out allocation)
                : Is(ref r, "output"u8) ? First(ref seen, 512) && Output(ref r, out output)
                : Is(ref r, "coProducts"u8) ? First(ref seen, 1024) && NullOrEmptyArray(ref r)
                : Is(ref r, "inputs"u8) ? First(ref seen, 2048) && Inputs(ref r)
                : Is(ref r, "emissions"u8) && First(ref seen, 4096) && Emissions(ref r);
            if (!ok)
            {
                return false;
            }
        }

        if (id is null || name is null || output is null)
        {
            return false;
        }

        if (_builder is not null)
        {
            // Added now, from the lists read (one list of the final size each), as PendingProcess.Apply would.
            var p = _builder.AddProcess(id, name)
                .Describe(description).InStage(stage ?? LifeCycleStage.Unspecified).InRegion(region).AsPrimaryData(primary ?? false).AllocatedBy(allocation);
            if (tagged)
            {
                p.TagList.AddRange(_tags);
            }

            p.OutputList.Capacity = 1;
            p.Produces(output);
            p.InputList.Capacity = _inputs.Count;
            p.InputList.AddRange(_inputs);
            p.EmissionList.Capacity = _emissions.Count;
            p.EmissionList.AddRange(_emissions);
        }
        else
        {
            var process = new PendingProcess(id, name, description, stage ?? LifeCycleStage.Unspecified, region, tagged ? [.. _tags] : [], primary ?? false, allocation, output);
            process.Inputs = [.. _inputs];
            process.Emissions = [.. _emissions];
            _pendingProcesses.Add(process);
        }

        return true;
    }

    private bool Output(ref Utf8JsonReader r, out ProductOutput? output)
    {
        output = null;
        r.Read();
        if (r.TokenType != JsonTokenType.StartObject)
        {
            return false; // null (required) or not an object
        }

        string? flow = null;
        double? amount = null, share = null;
        Unit? unit = null;
        int seen = 0;
        while (true)
        {
            if (!NextMember(ref r, out bool end))
            {
                return false;
            }

            if (end)
            {
                break;
            }

            bool ok = Is(ref r, "flow"u8) ? First(ref seen, 1) && FlowReference(ref r, out flow)
                : Is(ref r, "amount"u8) ? First(ref seen, 2) && Number(ref r, out amount)
                : Is(ref r, "unit"u8) ? First(ref seen, 4) && UnitValue(ref r, out unit)
                : Is(ref r, "share"u8) ? First(ref seen, 8) && Number(ref r, out share, required: false)
                : Is(ref r, "massPerUnit"u8) ? First(ref seen, 16) && Null(ref r)
                : Is(ref r, "energyPerUnit"u8) ? First(ref seen, 32) && Null(ref r)
                : Is(ref r, "pricePerUnit"u8) ? First(ref seen, 64) && Null(ref r)
                : Is(ref r, "derivation"u8) ? First(ref seen, 128) && Null(ref r)
                : Is(ref r, "uncertainty"u8) && First(ref seen, 256) && Null(ref r);
            if (!ok)
            {
                return false;
            }
        }

        if (flow is null || amount is not { } a || unit is null)
        {
            return false;
        }

        output = new ProductOutput(flow, Quantity.Of(a, unit)) { Share = share };
        return true;
    }

    private bool Inputs(ref Utf8JsonReader r)
    {
        r.Read();
        if (r.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (r.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        int count = 0;
        while (NextItem(ref r, ref count, out bool end))
        {
            if (end)
            {
                return true;
            }

            if (r.TokenType != JsonTokenType.StartObject || !Input(ref r))
            {
                return false;
            }
        }

        return false;
    }

    private bool Input(ref Utf8JsonReader r)
    {
        string? flow = null;
        double? amount = null;
        Unit? unit = null;
        Supply? supply = null;
        int seen = 0;
        while (true)
        {
            if (!NextMember(ref r, out bool end))
            {
                return false;
            }

            if (end)
            {
                break;
            }

            bool ok = Is(ref r, "flow"u8) ? First(ref seen, 1) && FlowReference(ref r, out flow)
                : Is(ref r, "amount"u8) ? First(ref seen, 2) && Number(ref r, out amount)
                : Is(ref r, "unit"u8) ? First(ref seen, 4) && UnitValue(ref r, out unit)
                : Is(ref r, "from"u8) ? First(ref seen, 8) && From(ref r, out supply)
                : Is(ref r, "derivation"u8) ? First(ref seen, 16) && Null(ref r)
                : Is(ref r, "uncertainty"u8) && First(ref seen, 32) && Null(ref r);
            if (!ok)
            {
                return false;
            }
        }

        if (flow is null || amount is not { } a || unit is null)
        {
            return false;
        }

        _inputs.Add((flow, Quantity.Of(a, unit), supply, null, null));
        return true;
    }

    // A supply as the walker's ReadSupply reads it: a process, or a factor with an optional region and year.
    private bool From(ref Utf8JsonReader r, out Supply? supply)
    {
        supply = null;
        r.Read();
        if (r.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (r.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        string? process = null, factor = null, region = null;
        int? year = null;
        int seen = 0;
        while (true)
        {
            if (!NextMember(ref r, out bool end))
            {
                return false;
            }

            if (end)
            {
                break;
            }

            bool ok = Is(ref r, "process"u8) ? First(ref seen, 1) && String(ref r, required: false, out process)
                : Is(ref r, "factor"u8) ? First(ref seen, 2) && String(ref r, required: false, out factor)
                : Is(ref r, "region"u8) ? First(ref seen, 4) && String(ref r, required: false, out region)
                : Is(ref r, "year"u8) && First(ref seen, 8) && Integer(ref r, out year);
            if (!ok)
            {
                return false;
            }
        }

        if ((process is null) == (factor is null) || (process is not null && (region is not null || year is not null)) || string.IsNullOrWhiteSpace(process ?? factor))
        {
            return false;
        }

        supply = process is not null ? Supply.FromProcess(process) : Supply.FromFactor(factor!, region, year);
        return true;
    }

    private bool Emissions(ref Utf8JsonReader r)
    {
        r.Read();
        if (r.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (r.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        int count = 0;
        while (NextItem(ref r, ref count, out bool end))
        {
            if (end)
            {
                return true;
            }

            if (r.TokenType != JsonTokenType.StartObject || !Emission(ref r))
            {
                return false;
            }
        }

        return false;
    }

    private bool Emission(ref Utf8JsonReader r)
    {
        GreenhouseGas? gas = null;
        double? amount = null;
        Unit? unit = null;
        ElementaryExchangeKind? kind = null;
        int seen = 0;
        while (true)
        {
            if (!NextMember(ref r, out bool end))
            {
                return false;
            }

            if (end)
            {
                break;
            }

            bool ok = Is(ref r, "gas"u8) ? First(ref seen, 1) && Gas(ref r, out gas)
                : Is(ref r, "amount"u8) ? First(ref seen, 2) && Number(ref r, out amount)
                : Is(ref r, "unit"u8) ? First(ref seen, 4) && UnitValue(ref r, out unit)
                : Is(ref r, "kind"u8) ? First(ref seen, 8) && Name(ref r, _exchangeKinds, out kind)
                : Is(ref r, "derivation"u8) ? First(ref seen, 16) && Null(ref r)
                : Is(ref r, "uncertainty"u8) && First(ref seen, 32) && Null(ref r);
            if (!ok)
            {
                return false;
            }
        }

        if (gas is null || amount is not { } a || unit is null)
        {
            return false;
        }

        _emissions.Add(new ElementaryExchange(gas, Quantity.Of(a, unit), kind ?? ElementaryExchangeKind.Emission));
        return true;
    }

    // A string member as JsonWalker.String reads it: null is absent (false when required), the length limit, a required one not blank.
    private bool String(ref Utf8JsonReader r, bool required, out string? value)
    {
        value = null;
        r.Read();
        if (r.TokenType == JsonTokenType.Null)
        {
            return !required;
        }

        if (r.TokenType != JsonTokenType.String)
        {
            return false;
        }

        value = r.GetString()!;
        return value.Length <= _options.MaxStringLength && !(required && string.IsNullOrWhiteSpace(value));
    }

    // A required string naming a flow: the flow's own id string when the flow was read, so that an input adds no string.
    private bool FlowReference(ref Utf8JsonReader r, out string? value)
    {
        value = null;
        r.Read();
        if (r.TokenType != JsonTokenType.String)
        {
            return false;
        }

        // An escaped text is never longer in UTF-16 code units than in UTF-8 bytes.
        int most = r.ValueSpan.Length;
        if (most > 256)
        {
            value = r.GetString()!;
            return value.Length <= _options.MaxStringLength && !string.IsNullOrWhiteSpace(value);
        }

        Span<char> buffer = stackalloc char[256];
        var text = buffer[..r.CopyString(buffer)];
        if (text.Length > _options.MaxStringLength || text.IsWhiteSpace())
        {
            return false;
        }

#if NET9_0_OR_GREATER
        if (!_flowIds.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(text, out value))
        {
            value = new string(text);
        }
#else
        value = new string(text);
        value = _flowIds.TryGetValue(value, out var id) ? id : value;
#endif
        return true;
    }

    // A number member as JsonWalker.Number reads it: finite and within the magnitude limit; null is absent (false when required).
    private bool Number(ref Utf8JsonReader r, out double? value, bool required = true)
    {
        value = null;
        r.Read();
        if (r.TokenType == JsonTokenType.Null)
        {
            return !required;
        }

        if (r.TokenType != JsonTokenType.Number || !r.TryGetDouble(out double number) || !double.IsFinite(number)
            || !JsonWalker.InRange(number, _options.MaxNumberMagnitude))
        {
            return false;
        }

        value = number;
        return true;
    }

    // A whole number as JsonWalker.Integer reads it; null is absent.
    private static bool Integer(ref Utf8JsonReader r, out int? value)
    {
        value = null;
        r.Read();
        if (r.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (r.TokenType != JsonTokenType.Number || !r.TryGetInt32(out int number))
        {
            return false;
        }

        value = number;
        return true;
    }

    private static bool Boolean(ref Utf8JsonReader r, out bool? value)
    {
        value = null;
        r.Read();
        switch (r.TokenType)
        {
            case JsonTokenType.Null:
                return true;
            case JsonTokenType.True:
                value = true;
                return true;
            case JsonTokenType.False:
                value = false;
                return true;
            default:
                return false;
        }
    }

    private delegate bool Lookup<T>(string text, out T value);

    private bool UnitValue(ref Utf8JsonReader r, out Unit? unit) => Vocabulary(ref r, _units, required: true, out unit, out _);

    private bool Gas(ref Utf8JsonReader r, out GreenhouseGas? gas) => Vocabulary(ref r, _gases, required: true, out gas, out _);

    // An optional camelCase name of an enum (JsonWalker.Enum, the names of JsonNames); null is absent.
    private bool Name<T>(ref Utf8JsonReader r, ValueCache<T> cache, out T? value)
        where T : struct
    {
        bool ok = Vocabulary(ref r, cache, required: false, out T found, out bool present);
        value = present ? found : null;
        return ok;
    }

    // A string from a small vocabulary (units, gases, names), looked up once per distinct unescaped spelling; null is absent
    // (false when required), and a text that is not in the vocabulary is false.
    private bool Vocabulary<T>(ref Utf8JsonReader r, ValueCache<T> cache, bool required, out T value, out bool present)
    {
        value = default!;
        present = false;
        r.Read();
        if (r.TokenType == JsonTokenType.Null)
        {
            return !required;
        }

        if (r.TokenType != JsonTokenType.String)
        {
            return false;
        }

        bool plain = !r.ValueIsEscaped;
        if (plain && cache.TryGet(r.ValueSpan, out value))
        {
            present = true;
            return true; // the same text was accepted before, so it is within the limits
        }

        string text = r.GetString()!;
        if (text.Length > _options.MaxStringLength || (required && string.IsNullOrWhiteSpace(text)) || !cache.Lookup(text, out value))
        {
            return false;
        }

        if (plain)
        {
            cache.Add(r.ValueSpan, value);
        }

        present = true;
        return true;
    }

    // The last few distinct spellings read of one vocabulary, as UTF-8, with what they name.
    private sealed class ValueCache<T>(Lookup<T> lookup)
    {
        private readonly byte[][] _keys = new byte[8][];
        private readonly T[] _values = new T[8];
        private int _count;
        private int _next;

        public Lookup<T> Lookup { get; } = lookup;

        public bool TryGet(ReadOnlySpan<byte> utf8, out T value)
        {
            for (int i = 0; i < _count; i++)
            {
                if (utf8.SequenceEqual(_keys[i]))
                {
                    value = _values[i];
                    return true;
                }
            }

            value = default!;
            return false;
        }

        public void Add(ReadOnlySpan<byte> utf8, T value)
        {
            _keys[_next] = utf8.ToArray();
            _values[_next] = value;
            _next = (_next + 1) % _keys.Length;
            _count = Math.Min(_count + 1, _keys.Length);
        }
    }

    // A process read before the system's name, or being added now; Apply makes the walker's calls on the builder's process.
    private sealed class PendingProcess(string id, string name, string? description, LifeCycleStage stage, string? region, Tag[] tags, bool primary,
        AllocationMethod? allocation, ProductOutput output)
    {
        public string Id => id;

        public string Name => name;

        public IReadOnlyCollection<(FlowId, Quantity?, Supply?, Derivation?, UncertaintyDistribution?)>? Inputs { get; set; }

        public IReadOnlyCollection<ElementaryExchange>? Emissions { get; set; }

        public void Apply(ProcessBuilder p)
        {
            p.Describe(description).InStage(stage).InRegion(region).Tagged(tags).AsPrimaryData(primary).AllocatedBy(allocation);
            p.Produces(output);
            p.InputList.AddRange(Inputs!);
            p.EmissionList.AddRange(Emissions!);
        }
    }
}
