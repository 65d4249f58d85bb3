import { companyZone } from "../../../components/office/companyZone";
import { calendarDay, timeOfDay } from "../../../components/time";
import { t } from "../../../i18n/i18n";
import { bookedOf, levelOf } from "./capacity";
import { JobLink } from "./JobLink";
import type { CalendarDay, CalendarJob, CalendarTechnician } from "./types";

/** The head of a technicians-by-days table (the week, capacity): one column per day. */
export function DaysHead({ days }: { days: string[] }) {
  return (
    <thead>
      <tr>
        <th scope="col">{t("planning.technician")}</th>
        {days.map(d => <th key={d} scope="col" data-day={d}>{calendarDay(d)}</th>)}
      </tr>
    </thead>
  );
}

interface Props {
  days: string[];
  technicians: CalendarTechnician[];
  unassigned: CalendarJob[];
  /** A phone: the week becomes a list of days instead of a grid. */
  narrow: boolean;
}

/** A week: days across and technicians down on a desk, a list of days (each with its technicians) on a phone. */
export function WeekView({ days, technicians, unassigned, narrow }: Props) {
  if (technicians.length === 0 && unassigned.length === 0) return <p class="muted">{t("planning.noTechnicians")}</p>;
  return narrow ? <WeekList days={days} technicians={technicians} unassigned={unassigned} /> : <WeekGrid days={days} technicians={technicians} unassigned={unassigned} />;
}

function WeekGrid({ days, technicians, unassigned }: Omit<Props, "narrow">) {
  return (
    <div class="scroll-box" role="region" aria-label={t("planning.view.week")} tabIndex={0}>
      <table class="week-grid">
        <DaysHead days={days} />
        <tbody>
          {technicians.map(tech => (
            <tr key={tech.id} data-technician={tech.id}>
              <th scope="row">{tech.name}</th>
              {tech.days.map(day => <td key={day.day} data-day={day.day}><DayCell day={day} /></td>)}
            </tr>
          ))}
          {unassigned.length > 0 && (
            <tr class="unassigned-row">
              <th scope="row">{t("planning.unassigned")}</th>
              {days.map(d => <td key={d} data-day={d}><Jobs jobs={unassigned.filter(j => j.day === d)} /></td>)}
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}

function WeekList({ days, technicians, unassigned }: Omit<Props, "narrow">) {
  return (
    <ol class="week-list">
      {days.map((d, i) => {
        const waiting = unassigned.filter(j => j.day === d);
        return (
          <li key={d} data-day={d}>
            <h3>{calendarDay(d)}</h3>
            <ul>
              {technicians.map(tech => {
                const day = tech.days[i];
                if (!day || (day.shiftMinutes === 0 && day.jobs.length === 0)) return null;
                return <li key={tech.id} data-technician={tech.id}><h4>{tech.name}</h4><DayCell day={day} /></li>;
              })}
              {waiting.length > 0 && <li class="unassigned-row"><h4>{t("planning.unassigned")}</h4><Jobs jobs={waiting} /></li>}
            </ul>
          </li>
        );
      })}
    </ol>
  );
}

/** One technician's day: the shift, the figures of how full it is, the jobs in route order. */
function DayCell({ day }: { day: CalendarDay }) {
  const first = day.shifts[0];
  const last = day.shifts[day.shifts.length - 1];
  const zone = companyZone.value;
  return (
    <>
      <p class={`shift level-${levelOf(day) ?? "none"}`}>
        {first && last
          ? <>{t("planning.shift", { from: timeOfDay(new Date(first.start), zone), to: timeOfDay(new Date(last.end), zone) })} · {bookedOf(day)}</>
          : t("planning.dayOff")}
      </p>
      <Jobs jobs={day.jobs} />
    </>
  );
}

function Jobs({ jobs }: { jobs: CalendarJob[] }) {
  if (jobs.length === 0) return null;
  return <ul class="jobs">{jobs.map(j => <li key={j.ticketId}><JobLink job={j} /></li>)}</ul>;
}
