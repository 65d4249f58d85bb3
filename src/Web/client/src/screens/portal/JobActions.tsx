import { useSignal } from "@preact/signals";
import { whenShort } from "../../components/time";
import { t } from "../../i18n/i18n";
import { downloadIcs } from "./calendarFile";
import { CancelDialog } from "./CancelDialog";
import type { PortalJob } from "./jobsStore";
import { RescheduleDialog } from "./RescheduleDialog";
import { hrefOf } from "./route";
import { me, zone } from "./session";

/** What the customer can do with a coming appointment: follow it live, put it in their calendar, and move or cancel it until the cut-off. */
export function JobActions({ job }: { job: PortalJob }) {
  const dialog = useSignal<"reschedule" | "cancel" | null>(null);
  const close = () => (dialog.value = null);
  return (
    <>
      <div class="job-actions">
        <a class="button" href={`/portal/appointment/?id=${encodeURIComponent(job.id)}`}>{t("jobs.follow")}</a>
        {job.arrivalWindow && <button type="button" onClick={() => downloadIcs(job, me.value?.companyName ?? "", zone())}>{t("jobs.calendar")}</button>}
        {job.canChange && <button type="button" onClick={() => (dialog.value = "reschedule")}>{t("jobs.reschedule")}</button>}
        {job.canChange && <button type="button" class="danger" onClick={() => (dialog.value = "cancel")}>{t("jobs.cancel")}</button>}
      </div>
      {job.canChange && job.changeCutoff && <p class="muted small">{t("jobs.changeUntil", { when: whenShort(new Date(job.changeCutoff), zone()) })}</p>}
      {!job.canChange && (job.status === "New" || job.status === "Scheduled" || job.status === "Assigned") && (
        <p class="muted small"><a href={hrefOf("messages", `job:${job.id}`)}>{t("jobs.tooLateToChange")}</a></p>
      )}
      {dialog.value === "reschedule" && <RescheduleDialog job={job} onClose={close} />}
      {dialog.value === "cancel" && <CancelDialog job={job} onClose={close} />}
    </>
  );
}
