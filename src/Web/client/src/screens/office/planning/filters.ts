import type { PlanningQuery } from "./query";
import type { Calendar, CalendarJob, CalendarTechnician } from "./types";

/** Whether a job passes the job filters (skill, status, priority). */
export function jobMatches(job: Pick<CalendarJob, "requiredSkills" | "status" | "priority">, q: PlanningQuery): boolean {
  return (!q.status || job.status === q.status)
    && (!q.priority || job.priority === q.priority)
    && (!q.skill || job.requiredSkills.some(s => s.toLowerCase() === q.skill.toLowerCase()));
}

/**
 * The calendar as the filters leave it, the one source every view draws from: the picked technician (or those with the
 * skill), each day's jobs narrowed by the job filters. Booked and shift minutes stay the technician's whole day, since
 * capacity is about the day, not about the jobs on screen.
 */
export function filtered(calendar: Calendar, q: PlanningQuery): { technicians: CalendarTechnician[]; unassigned: CalendarJob[] } {
  const technicians = calendar.technicians
    .filter(t => !q.technician || t.id === q.technician)
    .filter(t => !q.skill || t.skills.some(s => s.toLowerCase() === q.skill.toLowerCase()))
    .map(t => ({ ...t, days: t.days.map(d => ({ ...d, jobs: d.jobs.filter(j => jobMatches(j, q)) })) }));
  const unassigned = q.technician ? [] : calendar.unassigned.filter(j => jobMatches(j, q));
  return { technicians, unassigned };
}

/** Every skill named by a technician or a job, for the skill filter's choices. */
export function skillsOf(calendar: Calendar): string[] {
  const all = new Map<string, string>();
  for (const t of calendar.technicians) for (const s of t.skills) all.set(s.toLowerCase(), s);
  for (const j of calendar.unassigned) for (const s of j.requiredSkills) all.set(s.toLowerCase(), s);
  return [...all.values()].sort((a, b) => a.localeCompare(b));
}
