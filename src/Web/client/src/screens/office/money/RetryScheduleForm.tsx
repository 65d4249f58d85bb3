import { useSignal } from "@preact/signals";
import { api, outcome } from "../../../api/client";
import { t } from "../../../i18n/i18n";

/**
 * The company's retry schedule: the days after a failed payment on which it is tried again ("3, 5, 7"). What is not a
 * list of whole numbers is refused here; what the server refuses (order, range, count) is its message, under the field.
 */
export function RetryScheduleForm({ days, onSaved }: { days: number[]; onSaved: (days: number[]) => void }) {
  const text = useSignal(days.join(", "));
  const error = useSignal("");
  const said = useSignal("");
  const busy = useSignal(false);

  async function save(event: Event) {
    event.preventDefault();
    said.value = "";
    const parts = text.value.split(",").map(p => p.trim()).filter(p => p !== "");
    if (parts.some(p => !/^\d{1,3}$/.test(p))) { error.value = t("money.retries.notNumbers"); return; }
    busy.value = true;
    const answer = await outcome(api.PUT("/api/v1/company/payment-retries", { body: { days: parts.map(Number) } }));
    busy.value = false;
    if (!answer.ok) { error.value = answer.fields["days"]?.join(" ") ?? answer.problem; return; }
    error.value = "";
    text.value = answer.data.paymentRetryDays.join(", ");
    said.value = t("money.retries.saved", { days: text.value });
    onSaved(answer.data.paymentRetryDays);
  }

  return (
    <form class="retry-schedule" onSubmit={event => void save(event)}>
      <label for="retry-days">{t("money.retries.label")}</label>
      <div class="retry-row">
        <input id="retry-days" inputMode="numeric" autocomplete="off" maxLength={40} value={text.value} aria-invalid={error.value ? "true" : undefined}
          aria-describedby="retry-days-help retry-days-error" onInput={e => (text.value = e.currentTarget.value)} />
        <button type="submit" disabled={busy.value}>{t("common.save")}</button>
      </div>
      <p id="retry-days-help" class="muted">{t("money.retries.help")}</p>
      <p id="retry-days-error" class="error">{error.value}</p>
      <p class="ok" role="status">{said.value}</p>
    </form>
  );
}
