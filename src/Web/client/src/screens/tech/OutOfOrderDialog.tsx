import { Dialog } from "../../components/Dialog";
import { t } from "../../i18n/i18n";
import { answerOutOfOrder, confirming } from "./today";

/**
 * "On my way" to a job that is not the next one: the server warns which jobs it would make late (409 with
 * confirmationRequired and lateJobs) and the technician decides. The jobs are listed in the page's language; the
 * problem's own sentence (English, written for whoever calls the API) is shown only when it names none. Focus starts on
 * Cancel, the safe answer; Escape cancels too.
 */
export function OutOfOrderDialog() {
  const asked = confirming.value;
  if (!asked) return null;
  return (
    <Dialog title={t("tech.outOfOrder.title")} onClose={() => answerOutOfOrder(false)}>
      <p class="job-name">{asked.job.description} · {asked.job.address}</p>
      {asked.lateJobs.length > 0
        ? <>
            <p>{t("tech.outOfOrder.makesLate")}</p>
            <ul class="late-jobs">
              {asked.lateJobs.map(late => (
                <li key={late.ticketId}>
                  {t("tech.outOfOrder.lateJob", { job: late.description, added: Math.round(late.addedMinutes), late: Math.round(late.minutesLate) })}
                </li>
              ))}
            </ul>
          </>
        : <p>{asked.message}</p>}
      <p>{t("tech.outOfOrder.question")}</p>
      <div class="dialog-actions">
        <button type="button" onClick={() => answerOutOfOrder(false)}>{t("common.cancel")}</button>
        <button type="button" class="primary" onClick={() => answerOutOfOrder(true)}>{t("tech.outOfOrder.startAnyway")}</button>
      </div>
    </Dialog>
  );
}
