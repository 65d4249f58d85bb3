import { useSignal } from "@preact/signals";
import { useEffect, useRef } from "preact/hooks";
import { t } from "../../i18n/i18n";
import type { DeviceJob } from "./deviceApi";
import { arrived, busy, stopAsking } from "./today";

/** Too far from the job to check in without a reason: the server's sentence, and a reason to check in with. */
export function ReasonForm({ job, message }: { job: DeviceJob; message: string }) {
  const reason = useSignal("");
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);

  function submit(event: Event) {
    event.preventDefault();
    void arrived(job, reason.value.trim());
  }

  return (
    <form class="reason" onSubmit={submit}>
      <p class="error">{message}</p>
      <label for={`reason-${job.ticketId}`}>{t("tech.reason.label")}</label>
      <input id={`reason-${job.ticketId}`} ref={input} name="reason" required maxLength={500} autocomplete="off"
        value={reason.value} onInput={e => (reason.value = e.currentTarget.value)} />
      <div class="steps two">
        <button type="submit" class="primary" disabled={busy.value}>{t("tech.reason.checkIn")}</button>
        <button type="button" onClick={stopAsking}>{t("common.cancel")}</button>
      </div>
    </form>
  );
}
