import { useSignal } from "@preact/signals";
import { api, outcome } from "../../api/client";
import { Dialog } from "../../components/Dialog";
import { spanShort } from "../../components/time";
import { t } from "../../i18n/i18n";
import { notice, replaceJob, type PortalJob } from "./jobsStore";
import { zone } from "./session";

/** Asks before cancelling: a cancelled appointment's time goes to someone else, and only the office can undo it. */
export function CancelDialog({ job, onClose }: { job: PortalJob; onClose: () => void }) {
  const reason = useSignal("");
  const error = useSignal("");
  const busy = useSignal(false);
  const window = job.arrivalWindow ? spanShort(new Date(job.arrivalWindow.start), new Date(job.arrivalWindow.end), zone()) : t("jobs.asap");

  async function submit(event: Event) {
    event.preventDefault();
    error.value = "";
    busy.value = true;
    const body = { reason: reason.value.trim() || null };
    const answer = await outcome(api.POST("/api/v1/portal/jobs/{id}/cancel", { params: { path: { id: job.id } }, body }));
    busy.value = false;
    if (!answer.ok) {
      error.value = answer.status === 409 ? t("jobs.refused") : t("jobs.failed", { status: answer.status });
      return;
    }
    replaceJob(answer.data);
    notice.value = { ok: true, text: t("jobs.cancelled") };
    onClose();
  }

  return (
    <Dialog title={t("jobs.cancelTitle")} onClose={onClose}>
      <form onSubmit={submit}>
        <p>{t("jobs.cancelText", { description: job.description, window })}</p>
        <label for="cancel-reason">{t("jobs.cancelReason")}</label>
        <textarea id="cancel-reason" rows={2} maxLength={4000} value={reason.value} onInput={e => (reason.value = e.currentTarget.value)} />
        {error.value && <p class="error" role="alert">{error.value}</p>}
        <div class="dialog-actions">
          <button type="button" onClick={onClose}>{t("jobs.cancelKeep")}</button>
          <button type="submit" class="danger" disabled={busy.value}>{t("jobs.cancelConfirm")}</button>
        </div>
      </form>
    </Dialog>
  );
}
