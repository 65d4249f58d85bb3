import { t } from "../../i18n/i18n";
import type { DeviceJob } from "./deviceApi";
import { ReasonForm } from "./ReasonForm";
import { arrived, asking, busy, done, onMyWay } from "./today";

/**
 * On my way, Arrived, Done: each enabled only when the ticket's lifecycle allows it now (the API lists them), so the
 * step to take stands out. Arrival goes through check-in, which may ask for a reason right here.
 */
export function JobSteps({ job }: { job: DeviceJob }) {
  const allowed = new Set(job.allowedStatuses);
  const working = busy.value;
  const question = asking.value;
  return (
    <>
      <div class="steps">
        <Step label={t("tech.step.onMyWay")} enabled={allowed.has("EnRoute") && !working} onClick={() => onMyWay(job)} />
        <Step label={t("tech.step.arrived")} enabled={allowed.has("OnSite") && !working} onClick={() => arrived(job)} />
        <Step label={t("tech.step.done")} enabled={allowed.has("Completed") && !working} onClick={() => done(job)} />
      </div>
      {question?.ticketId === job.ticketId && <ReasonForm job={job} message={question.message} />}
    </>
  );
}

function Step({ label, enabled, onClick }: { label: string; enabled: boolean; onClick: () => void }) {
  return <button type="button" class={enabled ? "primary" : ""} disabled={!enabled} onClick={onClick}>{label}</button>;
}
