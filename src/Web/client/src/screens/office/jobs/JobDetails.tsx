import { WhenSpan } from "../../../components/time";
import type { MessageKey } from "../../../i18n/en";
import { t } from "../../../i18n/i18n";
import { statusLabel } from "./status";
import type { JobOverview } from "./types";

/** What the job is, for whom and where: the customer's page one click away, and what a technician needs to get in. */
export function JobDetails({ overview: o }: { overview: JobOverview }) {
  const job = o.ticket;
  const customerHref = `/office/customers/#${encodeURIComponent(o.customer.id)}`;
  return (
    <section class="card job-details" aria-labelledby="job-title">
      <div class="job-head">
        <h2 id="job-title">{job.description || job.address}</h2>
        <span class={`badge job-status status-${job.status}`}>{statusLabel(job.status)}</span>
      </div>
      <dl class="facts">
        <dt>{t("office.job.customer")}</dt>
        <dd><a href={customerHref}>{o.customer.name || t("office.job.unknownCustomer")}</a></dd>
        <dt>{t("office.job.property")}</dt>
        <dd>{o.property ? <a href={customerHref}>{o.property.name}</a> : null} <span class="muted">{job.address}</span></dd>
        <dt>{t("office.job.priority")}</dt>
        <dd><span class={`priority priority-${job.priority}`}>{t(`office.priority.${job.priority}` as MessageKey)}</span></dd>
        <dt>{t("office.job.skills")}</dt>
        <dd>{job.requiredSkills.length === 0 ? t("office.job.noSkills") : job.requiredSkills.map(s => <span key={s} class="skill">{s}</span>)}</dd>
        <dt>{t("office.job.window")}</dt>
        <dd>{job.arrivalWindow ? <WhenSpan start={job.arrivalWindow.start} end={job.arrivalWindow.end} zone={o.timeZone} /> : t("office.job.anyTime")}</dd>
        <dt>{t("office.job.minutes")}</dt>
        <dd>{t("office.job.minutesValue", { minutes: Math.round(job.estimatedMinutes) })}</dd>
        <dt>{t("office.job.accessNotes")}</dt>
        <dd>{o.property?.accessNotes || t("office.job.noAccessNotes")}</dd>
        <dt>{t("office.job.technician")}</dt>
        <dd>{o.technicianName ?? (job.technicianId ? job.technicianId : t("office.job.unassigned"))}</dd>
      </dl>
      {job.pinned && <p class="muted">{t("office.job.pinned")}</p>}
      {job.status === "OnHold" && job.holdReason && <p>{t("office.job.holdReason", { reason: job.holdReason })}</p>}
    </section>
  );
}
