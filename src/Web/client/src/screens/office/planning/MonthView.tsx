import { language, t } from "../../../i18n/i18n";
import { calendarDay } from "../../../components/time";
import { levelOf } from "./capacity";
import { dayOfMonth, weekdayName } from "./days";
import type { CalendarJob, CalendarTechnician } from "./types";

interface Props {
  days: string[];
  /** "yyyy-mm": days outside it are shown dimmed (the grid runs Monday to Sunday). */
  month: string;
  technicians: CalendarTechnician[];
  unassigned: CalendarJob[];
  monthName: string;
  /** Today in the company's zone, marked in the grid. */
  today: string;
  onOpenDay: (day: string) => void;
}

/** A month grid: per day, how many jobs (assigned and waiting) and a bar of the team's booked hours against its shifts. */
export function MonthView({ days, month, technicians, unassigned, monthName, today, onOpenDay }: Props) {
  const weeks: string[][] = [];
  for (let i = 0; i < days.length; i += 7) weeks.push(days.slice(i, i + 7));
  return (
    <table class="month-grid">
      <caption class="visually-hidden">{t("planning.monthGrid", { month: monthName })}</caption>
      <thead>
        <tr>{(weeks[0] ?? []).map(d => <th key={d} scope="col">{weekdayName(d, language.value)}</th>)}</tr>
      </thead>
      <tbody>
        {weeks.map(week => (
          <tr key={week[0]}>
            {week.map(d => {
              const i = days.indexOf(d);
              const jobs = technicians.reduce((n, tech) => n + (tech.days[i]?.jobs.length ?? 0), 0);
              const waiting = unassigned.filter(j => j.day === d).length;
              const booked = technicians.reduce((n, tech) => n + (tech.days[i]?.bookedMinutes ?? 0), 0);
              const shift = technicians.reduce((n, tech) => n + (tech.days[i]?.shiftMinutes ?? 0), 0);
              const level = levelOf({ bookedMinutes: booked, shiftMinutes: shift });
              return (
                <td key={d} data-day={d} class={`${d.startsWith(month) ? "" : "other-month"} ${d === today ? "today" : ""}`}>
                  <button type="button" class="day-link" onClick={() => onOpenDay(d)} aria-label={calendarDay(d)} aria-current={d === today ? "date" : undefined}>{dayOfMonth(d)}</button>
                  {jobs > 0 && <span class="count">{jobs === 1 ? t("planning.jobCountOne") : t("planning.jobCount", { count: jobs })}</span>}
                  {waiting > 0 && <span class="waiting">{t("planning.unassignedCount", { count: waiting })}</span>}
                  {shift > 0 && booked > 0 && (
                    <span class={`load level-${level}`} aria-hidden="true">
                      <span style={{ inlineSize: `${Math.min(100, (100 * booked) / shift)}%` }} />
                    </span>
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
