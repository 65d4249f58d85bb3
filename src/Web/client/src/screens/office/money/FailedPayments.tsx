import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { api, outcome } from "../../../api/client";
import type { components } from "../../../api/schema";
import { dayIn } from "../../../components/time";
import type { MessageKey } from "../../../i18n/en";
import { t } from "../../../i18n/i18n";
import { currencyDecimals } from "../../portal/money";
import { dayText, money } from "./format";
import { RetryScheduleForm } from "./RetryScheduleForm";

type DunningCase = components["schemas"]["DunningCaseDto"];

/**
 * The failed payments being collected (retrying, paused, given up) and those closed lately, newest first, with Pause
 * or Resume where the case allows it, and the company's retry schedule below. Dates are the company's. A paused case
 * keeps the day its next retry was due (resuming goes back to it), but nothing will happen then: only a retrying case
 * shows a next try.
 */
export function FailedPayments() {
  const cases = useSignal<DunningCase[] | null>(null);
  const zone = useSignal(Intl.DateTimeFormat().resolvedOptions().timeZone);
  const retryDays = useSignal<number[] | null>(null);
  const said = useSignal("");
  const failed = useSignal("");
  const busy = useSignal<string | null>(null);

  async function load() {
    const answer = await outcome(api.GET("/api/v1/dunning"));
    if (answer.ok) cases.value = answer.data;
    else failed.value = t("money.dunning.loadFailed");
  }

  useEffect(() => {
    void load();
    void api.GET("/api/v1/company").then(({ data }) => {
      if (!data) return;
      zone.value = data.timeZone;
      retryDays.value = data.paymentRetryDays;
    });
  }, []);

  async function act(c: DunningCase, action: "pause" | "resume") {
    busy.value = c.id;
    said.value = failed.value = "";
    const path = action === "pause" ? "/api/v1/dunning/{id}/pause" : "/api/v1/dunning/{id}/resume";
    const answer = await outcome(api.POST(path, { params: { path: { id: c.id } } }));
    busy.value = null;
    const invoice = c.invoiceNumber ?? c.invoiceId;
    if (answer.ok) {
      cases.value = (cases.value ?? []).map(x => (x.id === c.id ? answer.data : x));
      said.value = t(action === "pause" ? "money.dunning.paused" : "money.dunning.resumed", { invoice });
      return;
    }
    // 409: someone else changed the case meanwhile (paused it, or it was paid or given up): say so and show it as it is now.
    failed.value = answer.status === 409
      ? t(action === "pause" ? "money.dunning.cannotPause" : "money.dunning.cannotResume", { invoice })
      : t("money.dunning.actionFailed", { invoice, problem: answer.problem });
    await load();
  }

  const list = cases.value;
  return (
    <section class="card failed-payments" aria-labelledby="dunning-title">
      <h3 id="dunning-title">{t("money.dunning.title")}</h3>
      <p class="muted">{t("money.dunning.intro")}</p>
      <p class="ok" role="status">{said.value}</p>
      <p class="error" role="alert">{failed.value}</p>
      {list === null ? null : list.length === 0 ? <p class="muted">{t("money.dunning.none")}</p> : (
        <table class="cases">
          <thead>
            <tr>
              <th scope="col">{t("money.dunning.customer")}</th><th scope="col">{t("money.dunning.invoice")}</th>
              <th scope="col">{t("money.dunning.amount")}</th><th scope="col">{t("money.dunning.kind")}</th>
              <th scope="col">{t("money.dunning.status")}</th><th scope="col">{t("money.dunning.attempts")}</th>
              <th scope="col">{t("money.dunning.nextTry")}</th><th scope="col"><span class="visually-hidden">{t("money.dunning.actions")}</span></th>
            </tr>
          </thead>
          <tbody>
            {list.map(c => (
              <tr key={c.id} class={`case-${c.status}`}>
                <th scope="row"><a href={`/office/customers/#${encodeURIComponent(c.customerId)}`}>{c.customerName ?? c.customerId}</a></th>
                <td data-label={t("money.dunning.invoice")} class="number">{c.invoiceNumber ?? c.invoiceId}</td>
                <td data-label={t("money.dunning.amount")} class="amount">{money(c.amount, c.currency, currencyDecimals(c.currency))}</td>
                <td data-label={t("money.dunning.kind")}>{t(`money.dunning.kind.${c.kind}` as MessageKey)}</td>
                <td data-label={t("money.dunning.status")} class="status">{statusText(c, zone.value)}</td>
                <td data-label={t("money.dunning.attempts")}>{c.attempts}</td>
                <td data-label={t("money.dunning.nextTry")}>{c.status === "Retrying" && c.nextRetryAt ? dateText(c.nextRetryAt, zone.value) : "—"}</td>
                <td class="actions">
                  {c.status === "Retrying" && (
                    <button type="button" disabled={busy.value === c.id} onClick={() => void act(c, "pause")}
                      aria-label={t("money.dunning.pauseLabel", { invoice: c.invoiceNumber ?? c.invoiceId })}>{t("money.dunning.pause")}</button>
                  )}
                  {c.status === "Paused" && (
                    <button type="button" disabled={busy.value === c.id} onClick={() => void act(c, "resume")}
                      aria-label={t("money.dunning.resumeLabel", { invoice: c.invoiceNumber ?? c.invoiceId })}>{t("money.dunning.resume")}</button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {retryDays.value && <RetryScheduleForm days={retryDays.value} onSaved={days => (retryDays.value = days)} />}
    </section>
  );
}

/** The status in words: who paused it, when it was paid. */
function statusText(c: DunningCase, zone: string): string {
  switch (c.status) {
    case "Paused": return c.pausedBy ? t("money.dunning.status.PausedBy", { who: c.pausedBy }) : t("money.dunning.status.Paused");
    case "Resolved": return c.closedAt ? t("money.dunning.status.ResolvedOn", { day: dateText(c.closedAt, zone) }) : t("money.dunning.status.Resolved");
    case "GaveUp": return t(c.kind === "PlanRenewal" ? "money.dunning.status.GaveUpPlan" : "money.dunning.status.GaveUp");
    default: return t("money.dunning.status.Retrying");
  }
}

/** The calendar day of an instant in the company's zone ("9 Jan 2026"). */
function dateText(instant: string, zone: string): string {
  return dayText(dayIn(new Date(instant), zone));
}
