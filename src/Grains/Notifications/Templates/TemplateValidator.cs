using Fluid;
using Fluid.Parser;

namespace OrleansPortal.Grains.Notifications.Templates;

/// <summary>
/// Checks a template before it is saved or previewed, and returns every problem (not only the first), each naming
/// its field: Liquid syntax errors with their line and column; variables that are not in the catalogue, or that the
/// template's trigger does not offer; filters outside <see cref="TemplateFilters"/>; tags that reach outside the
/// template (include, render); missing, overlong or (for SMS) superfluous fields. Every branch is checked, taken or
/// not, by walking the parsed template rather than rendering it.
/// </summary>
public static class TemplateValidator
{
    public const int MaxSubjectLength = 200;
    public const int MaxEmailBodyLength = 50_000;
    public const int MaxTextBodyLength = 1_600; // ten SMS segments

    public static IReadOnlyList<TemplateError> Validate(NotificationTemplate template)
    {
        var errors = new List<TemplateError>();
        if (!TemplateChannels.IsOffered(template.Trigger, template.Channel))
            errors.Add(new(TemplateError.TemplateField, $"{template.Trigger} messages have no {template.Channel} template."));
        if (!TemplateLanguage.IsSupported(template.Language))
            errors.Add(new(TemplateError.TemplateField, $"The language must be one of: {string.Join(", ", TemplateLanguage.All)}."));

        if (TemplateChannels.HasSubject(template.Channel))
            CheckField(errors, TemplateError.SubjectField, template.Subject, MaxSubjectLength, template.Trigger, singleLine: true);
        else if (!string.IsNullOrEmpty(template.Subject))
            errors.Add(new(TemplateError.SubjectField, $"{template.Channel} messages have no subject: leave it empty."));

        var maxBody = template.Channel == NotificationChannel.Email ? MaxEmailBodyLength : MaxTextBodyLength;
        CheckField(errors, TemplateError.BodyField, template.Body, maxBody, template.Trigger, singleLine: false);
        return errors;
    }

    private static void CheckField(List<TemplateError> errors, string field, string? source, int maxLength, NotificationTrigger trigger, bool singleLine)
    {
        if (string.IsNullOrWhiteSpace(source))
        {
            errors.Add(new(field, $"The {field} is required."));
            return;
        }
        if (source.Length > maxLength)
        {
            errors.Add(new(field, $"The {field} is {source.Length} characters long; at most {maxLength} are allowed."));
            return; // not parsed: the limit is there so that nothing large is
        }
        if (singleLine && source.AsSpan().IndexOfAny('\r', '\n') >= 0) errors.Add(new(field, $"The {field} must be a single line."));

        FluidTemplate parsed;
        try
        {
            parsed = (FluidTemplate)LiquidEngine.Parser.Parse(source);
        }
        catch (ParseException ex)
        {
            errors.Add(new(field, DescribeSyntaxError(ex)));
            return;
        }

        var walker = new LiquidWalker();
        walker.VisitTemplate(parsed);
        foreach (var tag in walker.RefusedTags.Distinct())
            errors.Add(new(field, $"The {{% {tag} %}} tag is not available in notification templates."));
        foreach (var filter in walker.Filters.Where(f => !TemplateFilters.IsAllowed(f)).Distinct())
            errors.Add(new(field, $"Unknown filter '{filter}'. The filters available are: {string.Join(", ", TemplateFilters.Allowed.Keys)}."));
        foreach (var local in walker.Locals.Where(IsVariableGroup))
            errors.Add(new(field, $"'{local}' is the name of a group of template variables: give what you assign another name."));
        foreach (var problem in walker.Paths.Select(p => CheckPath(p, walker.Locals, trigger, source)).OfType<string>().Distinct())
            errors.Add(new(field, problem));
    }

    private static string? CheckPath(IReadOnlyList<string?> segments, HashSet<string> locals, NotificationTrigger trigger, string source)
    {
        if (segments.Count > 0 && segments[0] is { } root && locals.Contains(root)) return null;
        if (segments.Any(s => s is null)) return "Write variables by name (such as job.address): an index in brackets is not available.";

        var name = string.Join('.', segments);
        var where = Locate(source, name);
        if (TemplateVariables.Find(name) is not { } variable)
        {
            var suggestion = Closest(name);
            return $"Unknown variable '{name}'{where}." + (suggestion is null ? "" : $" Did you mean '{suggestion}'?");
        }
        return variable.IsOfferedFor(trigger) ? null : $"The variable '{name}'{where} is not available in {trigger} messages.";
    }

    private static bool IsVariableGroup(string name) => TemplateVariables.All.Any(v => v.Name.StartsWith(name + ".", StringComparison.Ordinal));

    /// <summary>"Line 2, column 14: '{% endif %}' was expected." from Fluid's message, which ends with " at (2:14)" and the source.</summary>
    private static string DescribeSyntaxError(ParseException ex)
    {
        var message = ex.Message;
        var cut = message.IndexOf(" at (", StringComparison.Ordinal);
        if (cut < 0) cut = message.IndexOf('\n');
        var what = (cut < 0 ? message : message[..cut]).Trim().TrimEnd('.');
        return ex.Position is { } at ? $"Line {at.Line}, column {at.Column}: {what}." : $"{what}.";
    }

    // The validator does not see where in the source a variable was read (Fluid keeps positions for statements only,
    // and only experimentally), so the first place its name is written is shown: the one to look at in practice.
    private static string Locate(string source, string name)
    {
        var index = source.IndexOf(name, StringComparison.Ordinal);
        if (index < 0) return "";
        var line = 1 + source.AsSpan(0, index).Count('\n');
        var column = index - (source.LastIndexOf('\n', index) + 1) + 1; // a name holds no line break, so the one found is before it
        return $" (line {line}, column {column})";
    }

    private static string? Closest(string name) =>
        TemplateVariables.All.Select(v => (v.Name, Distance: EditDistance(name, v.Name)))
            .Where(c => c.Distance <= 3).OrderBy(c => c.Distance).Select(c => c.Name).FirstOrDefault();

    private static int EditDistance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            previous = current;
        }
        return previous[b.Length];
    }
}
