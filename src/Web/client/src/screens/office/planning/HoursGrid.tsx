import { companyZone } from "../../../components/office/companyZone";
import { calendarDay, timeOfDay } from "../../../components/time";
import { t } from "../../../i18n/i18n";
import { bookedOf } from "./capacity";
import { JobLink } from "./JobLink";
import type { CalendarTechnician } from "./types";

/** Height of one hour, in rem: a 30-minute job is still tall enough to read and click. */
const hourHeight = 3.2;

/** Minutes since local midnight of an instant in the company's zone. */
function minuteOfDay(instant: string, zone: string): number {
  const [h, m] = timeOfDay(new Date(instant), zone).split(":").map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/**
 * One technician's week by the hour: a column per day, shifts shaded, each job placed at its planned start and as tall
 * as its estimate. The hours shown run from the earliest shift or job of the week to the latest, whole hours.
 */
export function HoursGrid({ technician }: { technician: CalendarTechnician }) {
  const zone = companyZone.value;
  const spans = technician.days.flatMap(d => [
    ...d.shifts.map(s => [minuteOfDay(s.start, zone), minuteOfDay(s.start, zone) + (new Date(s.end).getTime() - new Date(s.start).getTime()) / 60_000]),
    ...d.jobs.filter(j => j.start).map(j => [minuteOfDay(j.start!, zone), minuteOfDay(j.start!, zone) + j.minutes]),
  ]);
  const first = Math.max(0, Math.floor(Math.min(8 * 60, ...spans.map(s => s[0]!)) / 60));
  const last = Math.min(24, Math.ceil(Math.max(18 * 60, ...spans.map(s => s[1]!)) / 60));
  const hours = Array.from({ length: last - first }, (_, i) => first + i);
  const top = (minute: number) => `${((minute - first * 60) / 60) * hourHeight}rem`;
  const height = (minutes: number) => `${Math.max(minutes / 60, 0.5) * hourHeight}rem`;
  return (
    <div class="scroll-box" role="region" aria-label={t("planning.hours", { name: technician.name })} tabIndex={0}>
      <div class="hours-grid" style={{ "--days": technician.days.length }}>
        <div class="corner" />
        {technician.days.map(d => (
          <div key={d.day} class="day-head" data-day={d.day}>
            <strong>{calendarDay(d.day)}</strong>
            <span>{d.shifts.length > 0 ? bookedOf(d) : t("planning.dayOff")}</span>
          </div>
        ))}
        <div class="hour-labels" style={{ blockSize: `${hours.length * hourHeight}rem` }}>
          {hours.map(h => <span key={h} style={{ insetBlockStart: top(h * 60) }}>{`${String(h).padStart(2, "0")}:00`}</span>)}
        </div>
        {technician.days.map(d => (
          <ul key={d.day} class="day-column" data-day={d.day} aria-label={calendarDay(d.day)} style={{ blockSize: `${hours.length * hourHeight}rem` }}>
            {d.shifts.map(s => {
              const from = minuteOfDay(s.start, zone);
              return <li key={s.start} class="shift-block" aria-hidden="true"
                style={{ insetBlockStart: top(from), blockSize: height((new Date(s.end).getTime() - new Date(s.start).getTime()) / 60_000) }} />;
            })}
            {d.jobs.map((j, i) => (
              <li key={j.ticketId} class="placed" style={j.start ? { insetBlockStart: top(minuteOfDay(j.start, zone)), blockSize: height(j.minutes) } : { insetBlockStart: `${i * 1.6}rem` }}>
                <JobLink job={j} />
              </li>
            ))}
          </ul>
        ))}
      </div>
    </div>
  );
}
