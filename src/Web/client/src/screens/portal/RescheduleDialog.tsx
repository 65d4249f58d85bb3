import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { api, outcome } from "../../api/client";
import { Dialog } from "../../components/Dialog";
import { spanShort } from "../../components/time";
import { t } from "../../i18n/i18n";
import { notice, replaceJob, type PortalJob, type WindowOffer } from "./jobsStore";
import { zone } from "./session";
import { WindowChoices } from "./WindowChoices";

/** Moves an appointment to another window on offer for this very job (its skills and length; its own place not counted against it). */
export function RescheduleDialog({ job, onClose }: { job: PortalJob; onClose: () => void }) {
  const offers = useSignal<WindowOffer[] | null>(null);
  const chosen = useSignal<string | null>(null);
  const error = useSignal("");
  const busy = useSignal(false);

  async function loadOffers() {
    offers.value = null;
    const { data } = await api.GET("/api/v1/portal/jobs/{id}/windows", { params: { path: { id: job.id }, query: { days: 14 } } });
    const current = job.arrivalWindow ? new Date(job.arrivalWindow.start).getTime() : NaN;
    offers.value = (data ?? []).filter(o => o.available && new Date(o.start).getTime() !== current);
  }
  useEffect(() => { void loadOffers(); }, [job.id]);

  async function submit(event: Event) {
    event.preventDefault();
    error.value = "";
    if (!chosen.value) {
      error.value = t("jobs.chooseNewWindow");
      return;
    }
    busy.value = true;
    const answer = await outcome(api.POST("/api/v1/portal/jobs/{id}/reschedule", { params: { path: { id: job.id } }, body: { windowStart: chosen.value } }));
    busy.value = false;
    if (!answer.ok) {
      error.value = answer.status === 409 ? t("jobs.refused") : t("jobs.failed", { status: answer.status });
      chosen.value = null;
      await loadOffers();
      return;
    }
    replaceJob(answer.data);
    const window = answer.data.arrivalWindow;
    notice.value = { ok: true, text: t("jobs.moved", { window: window ? spanShort(new Date(window.start), new Date(window.end), zone()) : t("jobs.asap") }) };
    onClose();
  }

  return (
    <Dialog title={t("jobs.moveTitle")} onClose={onClose}>
      <form onSubmit={submit}>
        <p><strong>{job.description}</strong></p>
        {job.arrivalWindow && <p class="muted">{t("jobs.moveNow", { window: spanShort(new Date(job.arrivalWindow.start), new Date(job.arrivalWindow.end), zone()) })}</p>}
        <WindowChoices offers={offers.value} chosen={chosen} legend={t("jobs.windowsWhen")} note={t("jobs.windowsNoneToMove")} />
        {error.value && <p class="error" role="alert">{error.value}</p>}
        <div class="dialog-actions">
          <button type="button" onClick={onClose}>{t("jobs.moveKeep")}</button>
          <button type="submit" class="primary" disabled={busy.value || !offers.value?.length}>{t("jobs.moveConfirm")}</button>
        </div>
      </form>
    </Dialog>
  );
}
