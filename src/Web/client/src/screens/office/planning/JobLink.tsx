import { companyZone } from "../../../components/office/companyZone";
import { timeOfDay } from "../../../components/time";
import { t } from "../../../i18n/i18n";
import type { CalendarJob } from "./types";

/** A job as the calendars list it: its planned time in the company's zone, what it is, its priority when not routine; opens the job. */
export function JobLink({ job }: { job: CalendarJob }) {
  return (
    <a class={`job priority-${job.priority}`} href={`/office/jobs/?id=${encodeURIComponent(job.ticketId)}`}>
      {job.start && <time dateTime={job.start}>{timeOfDay(new Date(job.start), companyZone.value)}</time>}
      <span class="what">{job.description}</span>
      {job.priority !== "Routine" && <span class="badge priority">{t(`planning.priority.${job.priority}`)}</span>}
    </a>
  );
}
