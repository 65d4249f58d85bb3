namespace OrleansPortal.Grains.Notifications.Templates;

/// <summary>
/// The Liquid filters templates may use: text shaping only. Values come formatted already, so no date or number
/// filters; anything else is refused when a template is saved (docs/notifications.md lists these).
/// </summary>
public static class TemplateFilters
{
    public static IReadOnlyDictionary<string, string> Allowed { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["upcase"] = "all capitals",
        ["downcase"] = "all lower case",
        ["capitalize"] = "first letter in capitals",
        ["default"] = "a fallback when the value is empty: {{ technician.first_name | default: \"our technician\" }}",
        ["truncate"] = "at most N characters, with an ellipsis: {{ job.description | truncate: 40 }}",
        ["truncatewords"] = "at most N words",
        ["strip"] = "without spaces at either end",
        ["append"] = "followed by a text",
        ["prepend"] = "preceded by a text",
        ["replace"] = "with one text replaced by another",
        ["remove"] = "with a text removed",
        ["newline_to_br"] = "line breaks kept as line breaks in an email (for message.text)",
    };

    public static bool IsAllowed(string name) => Allowed.ContainsKey(name);
}
