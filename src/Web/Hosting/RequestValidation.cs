using OrleansPortal.Grains;

namespace OrleansPortal.Web.Hosting;

/// <summary>Collects field errors for a ValidationProblem answer; handlers check <see cref="IsValid"/> before doing anything.</summary>
public sealed class RequestValidation
{
    private readonly Dictionary<string, List<string>> _errors = [];

    public bool IsValid => _errors.Count == 0;

    public RequestValidation Require(bool condition, string field, string message)
    {
        if (!condition) Add(field, message);
        return this;
    }

    /// <summary>
    /// Text people will read: at most <paramref name="maxLength"/> characters once trimmed (and some when
    /// <paramref name="required"/>; null or blank is absent), and <see cref="PlainText"/>. <paramref name="message"/>
    /// says what a right value is.
    /// </summary>
    public RequestValidation Text(string? value, string field, int maxLength, string message, bool required = true, bool multiline = false)
    {
        var length = value?.Trim().Length ?? 0;
        if (length > maxLength || (required && length == 0)) Add(field, message);
        else if (!PlainText.IsClean(value, multiline)) Add(field, PlainText.Problem(field));
        return this;
    }

    /// <summary>An id of ours in a body (a reference to check after), or null when <paramref name="required"/> is false.</summary>
    public RequestValidation Id(string? value, string field, string what, bool required = true)
    {
        if (value is null ? required : !ResourceId.IsValid(value))
            Add(field, $"{what} is named by its id, 32 lower-case hex characters{(required ? ", and is required" : "")}.");
        return this;
    }

    /// <summary>An optional list of <see cref="Text"/> labels (skills, say): at most <paramref name="maxCount"/>, each 1 to <see cref="InputLimits.Label"/> characters.</summary>
    public RequestValidation Labels(IReadOnlyList<string?>? values, string field, int maxCount, string message)
    {
        if (values is null) return this;
        if (values.Count > maxCount || values.Any(v => string.IsNullOrWhiteSpace(v) || v.Trim().Length > InputLimits.Label)) Add(field, message);
        else if (!values.All(v => PlainText.IsClean(v))) Add(field, PlainText.Problem(field));
        return this;
    }

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
    }

    public Dictionary<string, string[]> Errors => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
}
