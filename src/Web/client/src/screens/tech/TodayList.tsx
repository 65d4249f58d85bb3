import { t } from "../../i18n/i18n";
import { timeOfDay } from "../../components/time";
import { JobCard } from "./JobCard";
import { jobs, jobsError, updatedAt } from "./today";
import { phoneZone } from "./zone";

/** Today's route in order, the next job first and highlighted. */
export function TodayList() {
  const listed = jobs.value;
  const updated = updatedAt.value;
  return (
    <section class="card today" aria-labelledby="today-title">
      <div class="today-head">
        <h2 id="today-title">{t("tech.today.title")}</h2>
        {updated && <span class="muted">{t("tech.today.updated", { time: timeOfDay(updated, phoneZone) })}</span>}
      </div>
      <p class="error" id="jobs-error" role="alert">{jobsError.value}</p>
      {listed === null
        ? <p class="muted">{t("common.loading")}</p>
        : listed.length === 0
          ? <p class="muted">{t("tech.today.empty")}</p>
          : <ol class="jobs" id="jobs">{listed.map((job, i) => <JobCard key={job.ticketId} job={job} next={i === 0} />)}</ol>}
    </section>
  );
}
