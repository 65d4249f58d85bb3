using OrleansPortal.Grains.Technicians;

namespace OrleansPortal.Grains.Dispatch;

/// <summary>
/// The rules about who may do a job that do not depend on the route: the skills it needs, held that day. Pure. The
/// manual assignment, the candidates shown while dragging and the board's markers on planned stops all ask here, so
/// they can never disagree.
/// </summary>
public static class AssignmentRules
{
    /// <summary>
    /// The skills <paramref name="technician"/> lacks for a job on <paramref name="day"/>: one reason per certification
    /// that has expired by then (the dispatcher can renew it), and one for all the skills they never had.
    /// </summary>
    public static IReadOnlyList<AssignmentConflict> SkillConflicts(TechnicianSnapshot technician, IEnumerable<string> required, DateOnly day)
    {
        var held = Availability.QualificationsOn(technician.Profile, technician.Schedule, day);
        var missing = required.Where(s => !held.Contains(s)).ToList();
        if (missing.Count == 0) return [];
        var name = technician.Profile.Name;
        var conflicts = new List<AssignmentConflict>();
        var never = new List<string>();
        foreach (var skill in missing)
        {
            var expired = technician.Schedule.Certifications
                .Where(c => string.Equals(c.Name, skill, StringComparison.OrdinalIgnoreCase) && c.ExpiresOn < day)
                .Max(c => c.ExpiresOn);
            if (expired is { } on) conflicts.Add(new(ConflictKind.ExpiredCertificate, $"{name}'s {skill} certificate expired on {on:d MMM yyyy}, before {day:d MMM}.", skill));
            else never.Add(skill);
        }
        if (never.Count > 0)
            conflicts.Insert(0, new(ConflictKind.MissingSkill, $"{name} lacks {string.Join(", ", never)} (valid on {day:d MMM}), which the job needs.", string.Join(", ", never)));
        return conflicts;
    }
}
