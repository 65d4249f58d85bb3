import { WhenSpan, whenShort } from "../../components/time";
import { t } from "../../i18n/i18n";
import { JobActions } from "./JobActions";
import { jobStatusLabel } from "./jobStatus";
import { isUpcoming, type PortalJob } from "./jobsStore";
import { zone } from "./session";

/** One appointment: what, where, its status and window, the ETA while it is today's, and what the customer can do. */
export function JobCard({ job }: { job: PortalJob }) {
  return (
    <article class="card job" data-job={job.id} aria-labelledby={`job-${job.id}`}>
      <h3 id={`job-${job.id}`}>{job.description}</h3>
      <p class="muted">{job.address}</p>
      <p class="job-status">
        <span class={`badge status-${job.status}`}>{jobStatusLabel(job.status)}</span>
        {job.emergency && <span class="badge emergency">{t("jobs.emergency")}</span>}{" "}
        {job.arrivalWindow ? <WhenSpan start={job.arrivalWindow.start} end={job.arrivalWindow.end} zone={zone()} /> : t("jobs.asap")}
      </p>
      {job.eta && isUpcoming(job) && <p class="eta">{t("jobs.expected", { time: whenShort(new Date(job.eta), zone()) })}</p>}
      {isUpcoming(job) && <JobActions job={job} />}
    </article>
  );
}
