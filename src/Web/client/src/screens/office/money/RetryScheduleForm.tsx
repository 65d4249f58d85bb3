import { api, outcome } from "../../../api/client";
import { t } from "../../../i18n/i18n";
import { SettingForm, type SettingOutcome } from "./SettingForm";

/**
 * The company's retry schedule: the days after a failed payment on which it is tried again ("3, 5, 7"). What is not a
 * list of whole numbers is refused here; what the server refuses (order, range, count) is its message, under the field.
 */
export function RetryScheduleForm({ days, onSaved }: { days: number[]; onSaved: (days: number[]) => void }) {
  async function save(text: string): Promise<SettingOutcome> {
    const parts = text.split(",").map(p => p.trim()).filter(p => p !== "");
    if (parts.some(p => !/^\d{1,3}$/.test(p))) return { refused: t("money.retries.notNumbers") };
    const answer = await outcome(api.PUT("/api/v1/company/payment-retries", { body: { days: parts.map(Number) } }));
    if (!answer.ok) return { refused: answer.fields["days"]?.join(" ") ?? answer.problem };
    onSaved(answer.data.paymentRetryDays);
    const saved = answer.data.paymentRetryDays.join(", ");
    return { saved, said: t("money.retries.saved", { days: saved }) };
  }

  return (
    <SettingForm id="retry-days" class="retry-schedule" label={t("money.retries.label")} help={t("money.retries.help")} value={days.join(", ")}
      input={{ inputMode: "numeric", maxLength: 40 }} save={save} />
  );
}
