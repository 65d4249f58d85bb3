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

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
    }

    public Dictionary<string, string[]> Errors => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
}
