import { useSignal } from "@preact/signals";
import { useId } from "preact/hooks";
import { api, outcome } from "../../../api/client";
import { dayIn } from "../../../components/time";
import { t } from "../../../i18n/i18n";
import { addDays } from "../../dispatch/format";
import { currencyDecimals, scaledInteger } from "../../portal/money";
import type { Estimate } from "./types";

/**
 * Bills part of an approved estimate: a percentage of its total or an amount, due on a day. The server takes the paid
 * deposit off (once in all), refuses more than remains to bill, and its complaint shows under the field it is about.
 */
export function ProgressInvoiceForm({ estimate: e, zone, onIssued }: { estimate: Estimate; zone: string; onIssued: () => Promise<void> }) {
  const id = useId();
  const kind = useSignal<"rate" | "amount">("rate");
  const value = useSignal("");
  const due = useSignal(addDays(dayIn(new Date(), zone), 14));
  const problem = useSignal<{ field: string; message: string } | null>(null);
  const busy = useSignal(false);

  async function submit(event: Event) {
    event.preventDefault();
    busy.value = true;
    problem.value = null;
    const typed = kind.value === "rate" ? scaledInteger(value.value, 2) : scaledInteger(value.value, currencyDecimals(e.currency));
    const body = { rate: kind.value === "rate" ? typed ?? -1 : null, amount: kind.value === "amount" ? typed ?? -1 : null, dueDate: due.value };
    const answer = await outcome(api.POST("/api/v1/estimates/{id}/progress-invoices", { params: { path: { id: e.id } }, body }));
    busy.value = false;
    if (answer.ok) {
      value.value = "";
      await onIssued();
      return;
    }
    const [field, messages] = Object.entries(answer.fields)[0] ?? ["value", [answer.problem]];
    problem.value = { field, message: messages.join(" ") };
  }

  const valueProblem = problem.value && problem.value.field !== "dueDate" ? problem.value.message : null;
  const dueProblem = problem.value?.field === "dueDate" ? problem.value.message : null;
  return (
    <form class="progress-form" onSubmit={submit} noValidate aria-label={t("office.job.progressTitle", { title: e.title })}>
      <div class="field-row">
        <div>
          <label for={`${id}-kind`}>{t("office.job.progressTitle", { title: e.title })}</label>
          <select id={`${id}-kind`} value={kind.value} onChange={event => (kind.value = event.currentTarget.value as "rate" | "amount")}>
            <option value="rate">{t("office.job.progressRate")}</option>
            <option value="amount">{t("office.job.progressAmount")}</option>
          </select>
        </div>
        <div>
          <label for={`${id}-value`}>{t("office.job.progressValue")}</label>
          <input id={`${id}-value`} type="number" inputMode="decimal" step="0.01" value={value.value} aria-invalid={!!valueProblem}
            aria-describedby={valueProblem ? `${id}-value-error` : undefined} onInput={event => (value.value = event.currentTarget.value)} />
          {valueProblem && <span id={`${id}-value-error`} class="error field-error" role="alert">{valueProblem}</span>}
        </div>
        <div>
          <label for={`${id}-due`}>{t("office.job.progressDue")}</label>
          <input id={`${id}-due`} type="date" value={due.value} aria-invalid={!!dueProblem} onInput={event => (due.value = event.currentTarget.value)} />
          {dueProblem && <span class="error field-error" role="alert">{dueProblem}</span>}
        </div>
      </div>
      <div class="actions">
        <button type="submit" disabled={busy.value}>{t("office.job.progressIssue")}</button>
      </div>
    </form>
  );
}
