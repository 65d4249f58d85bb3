using System.Globalization;
using System.Text.Json.Nodes;

namespace OrleansPortal.Fakes;

/// <summary>
/// One request's parameters as Stripe reads them: form fields (or the query string) whose names nest with brackets,
/// <c>line_items[0][price_data][unit_amount]=1234</c>, parsed into a tree. Each parameter a handler reads is marked, so
/// that <see cref="RejectUnread"/> can refuse what the endpoint does not know, as Stripe does ("Received unknown
/// parameter"), naming the parameter.
/// </summary>
internal sealed class FakeStripeParams
{
    private readonly SortedDictionary<string, FakeStripeParams> _children = new(StringComparer.Ordinal);
    private bool _read;

    private FakeStripeParams(string name) => Name = name;

    /// <summary>The parameter's name as Stripe writes it in errors: <c>line_items[0][quantity]</c>.</summary>
    public string Name { get; }

    /// <summary>The value when the parameter is a leaf (<c>a=b</c>), else null.</summary>
    public string? Value { get; private set; }

    public bool IsEmpty => Value is null && _children.Count == 0;

    /// <summary>The pairs in order, the way both the body and the query string arrive; a repeated leaf keeps the last.</summary>
    public static FakeStripeParams Parse(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        var root = new FakeStripeParams("");
        foreach (var (name, value) in pairs)
        {
            var node = root;
            foreach (var segment in Segments(name)) node = node.Child(segment.Length == 0 ? node._children.Count.ToString(CultureInfo.InvariantCulture) : segment);
            node.Value = value;
        }

        return root;
    }

    /// <summary>Decodes <c>a=1&amp;b%5B0%5D=2</c> (plus for space) into pairs, in order.</summary>
    public static List<KeyValuePair<string, string>> Decode(string text)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var part in text.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var (name, value) = equals < 0 ? (part, "") : (part[..equals], part[(equals + 1)..]);
            pairs.Add(new(Unescape(name), Unescape(value)));
        }

        return pairs;
    }

    public FakeStripeParams? this[string key] => _children.GetValueOrDefault(key);

    public string? String(string key)
    {
        if (this[key] is not { } node) return null;
        node._read = true;
        if (node._children.Count > 0) throw FakeStripeException.Invalid($"Invalid string: {node.Name} must be a string.", node.Name);
        return node.Value;
    }

    public string RequiredString(string key) =>
        String(key) is { Length: > 0 } value ? value : throw FakeStripeException.Missing(ChildName(key));

    public long? Long(string key)
    {
        if (String(key) is not { } text) return null;
        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FakeStripeException(400, "invalid_request_error", $"Invalid integer: {text}", "parameter_invalid_integer", ChildName(key));
    }

    public bool? Bool(string key) => String(key) switch
    {
        null => null,
        "true" => true,
        "false" => false,
        var text => throw FakeStripeException.Invalid($"Invalid boolean: {text}", ChildName(key)),
    };

    /// <summary>One of <paramref name="allowed"/>, or null when absent; anything else is refused as Stripe words it.</summary>
    public string? Enum(string key, params string[] allowed)
    {
        var value = String(key);
        if (value is null || allowed.Contains(value, StringComparer.Ordinal)) return value;
        var choices = allowed.Length == 1 ? allowed[0] : string.Join(", ", allowed[..^1]) + ", or " + allowed[^1];
        throw FakeStripeException.Invalid($"Invalid {ChildName(key)}: must be one of {choices}", ChildName(key));
    }

    /// <summary>The nested parameter, marked read when it is the empty string (Stripe's way of unsetting a hash).</summary>
    public FakeStripeParams? Object(string key)
    {
        var node = this[key];
        if (node is { Value: "" }) node._read = true;
        return node;
    }

    /// <summary>An array parameter's items in index order (<c>a[0]</c>, <c>a[1]</c>); indices must be numbers.</summary>
    public IReadOnlyList<FakeStripeParams> List(string key)
    {
        if (this[key] is not { } node) return [];
        var items = new List<(int Index, FakeStripeParams Item)>();
        foreach (var (index, item) in node._children)
        {
            if (!int.TryParse(index, NumberStyles.None, CultureInfo.InvariantCulture, out var i))
                throw FakeStripeException.Invalid($"Invalid array: {node.Name} must be an array.", node.Name);
            items.Add((i, item));
        }

        node._read = node._children.Count == 0;
        return [.. items.OrderBy(i => i.Index).Select(i => i.Item)];
    }

    /// <summary>A list of strings (<c>expand[0]=x</c>, <c>allowed_payment_method_types[0]=card</c>).</summary>
    public IReadOnlyList<string> Strings(string key) => [.. List(key).Select(item =>
    {
        if (item.Value is null) throw FakeStripeException.Invalid($"Invalid array: {item.Name} must be a string.", item.Name);
        item._read = true;
        return item.Value;
    })];

    /// <summary>Stripe's metadata: string values only, at most 50 keys; the empty string for a key removes it.</summary>
    public JsonObject? Metadata(string key = "metadata")
    {
        if (Object(key) is not { } node) return null;
        if (node.Value == "") return [];
        var metadata = new JsonObject();
        foreach (var (name, child) in node._children)
        {
            if (child._children.Count > 0) throw FakeStripeException.Invalid($"Invalid metadata: {child.Name} must be a string.", child.Name);
            child._read = true;
            metadata[name] = child.Value;
        }

        if (metadata.Count > 50) throw FakeStripeException.Invalid("Invalid metadata: at most 50 keys.", node.Name);
        return metadata;
    }

    /// <summary>Refuses the first parameter nobody read: Stripe's 400 "Received unknown parameter".</summary>
    public void RejectUnread()
    {
        if (FirstUnread() is { } name)
            throw new FakeStripeException(400, "invalid_request_error", $"Received unknown parameter: {name}", "parameter_unknown", name);
    }

    /// <summary>The pairs sorted by name: two requests with the same parameters compare equal, whatever their order.</summary>
    public string Canonical()
    {
        var lines = new List<string>();
        Collect(this, lines);
        return string.Join('\n', lines);

        static void Collect(FakeStripeParams node, List<string> lines)
        {
            if (node.Value is not null) lines.Add(node.Name + "=" + node.Value);
            foreach (var child in node._children.Values) Collect(child, lines);
        }
    }

    private string? FirstUnread()
    {
        if (Value is not null && !_read && Name.Length > 0) return Name;
        foreach (var child in _children.Values)
        {
            if (child.FirstUnread() is { } name) return name;
        }

        return null;
    }

    private FakeStripeParams Child(string key)
    {
        if (!_children.TryGetValue(key, out var child)) _children[key] = child = new FakeStripeParams(ChildName(key));
        return child;
    }

    private string ChildName(string key) => Name.Length == 0 ? key : $"{Name}[{key}]";

    // "a[b][0]" -> a, b, 0; "a[]" -> a, "" (append).
    private static IEnumerable<string> Segments(string name)
    {
        var open = name.IndexOf('[', StringComparison.Ordinal);
        if (open < 0)
        {
            yield return name;
            yield break;
        }

        yield return name[..open];
        var rest = name[open..];
        while (rest.StartsWith('['))
        {
            var close = rest.IndexOf(']', StringComparison.Ordinal);
            if (close < 0) throw FakeStripeException.Invalid($"Invalid parameter name: {name}", name);
            yield return rest[1..close];
            rest = rest[(close + 1)..];
        }

        if (rest.Length > 0) throw FakeStripeException.Invalid($"Invalid parameter name: {name}", name);
    }

    private static string Unescape(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
