import { useSignal } from "@preact/signals";
import { useId, useMemo } from "preact/hooks";
import { api, outcome, type Outcome } from "../../../api/client";
import { whenShort } from "../../../components/time";
import type { MessageKey } from "../../../i18n/en";
import { t } from "../../../i18n/i18n";
import { currencyDecimals, money, scaledInteger } from "../../portal/money";
import type { InvoiceMoney } from "./types";

export type MoneyAction = "payment" | "refund" | "credit" | "writeOff";

const headings: Record<MoneyAction, MessageKey> = {
  payment: "invoiceMoney.recordPayment", refund: "invoiceMoney.refund", credit: "invoiceMoney.creditNote", writeOff: "invoiceMoney.writeOff",
};

const methods = ["cash", "transfer", "cheque"] as const;

/** A request id made once per form: a click retried (or sent twice) is the same request, which the server acts on once. */
function newRequestId(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  // A version 4 GUID by hand, where randomUUID is missing (a page not served over https).
  const b = [...crypto.getRandomValues(new Uint8Array(16))];
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = b.map(x => x.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * One small form that moves an invoice's money: a payment received by hand, a refund through Stripe, a credit note or a
 * write-off. The server decides what is allowed; its complaints appear next to the field they are about (more than is
 * due or was paid is about the amount).
 */
export function MoneyActionForm({ action, money: m, zone, onDone, onCancel }: {
  action: MoneyAction; money: InvoiceMoney; zone: string; onDone: (message: string) => void; onCancel: () => void;
}) {
  const id = useId();
  const requestId = useMemo(newRequestId, []);
  const currency = m.invoice.currency;
  const refundable = m.payments.filter(p => p.refundable > 0);
  const amount = useSignal("");
  const reason = useSignal("");
  const method = useSignal<string>("transfer");
  const reference = useSignal("");
  const paymentId = useSignal(refundable[0]?.id ?? "");
  const fields = useSignal<Record<string, string[]>>({});
  const general = useSignal("");
  const busy = useSignal(false);

  async function submit(event: Event) {
    event.preventDefault();
    fields.value = {};
    general.value = "";
    const minor = scaledInteger(amount.value, currencyDecimals(currency));
    if (minor === null) { fields.value = { amount: [t("invoiceMoney.badAmount")] }; return; }
    busy.value = true;
    const answer = await send(action, m.invoice.id, { amount: minor, reason: reason.value, method: method.value, reference: reference.value, paymentId: paymentId.value, requestId });
    busy.value = false;
    if (answer.ok) { onDone(t(action === "refund" ? "invoiceMoney.refundAsked" : "invoiceMoney.saved")); return; }
    // A conflict (more than is due, more than was paid) is about the amount; other refusals name their fields.
    fields.value = answer.status === 409 ? { amount: [answer.problem] } : answer.fields;
    general.value = Object.keys(fields.value).length > 0 ? t("invoiceMoney.fixFields") : answer.problem;
  }

  const problem = (field: string) =>
    fields.value[field] ? <span id={`${id}-${field}-error`} class="error field-error">{fields.value[field].join(" ")}</span> : null;
  const described = (field: string) => (fields.value[field] ? `${id}-${field}-error` : undefined);
  const heading = t(headings[action]);

  return (
    <form class="money-form" onSubmit={submit} noValidate aria-label={heading}>
      <h4>{heading}</h4>
      {action === "refund" && refundable.length > 1 && (
        <>
          <label for={`${id}-payment`}>{t("invoiceMoney.payment")}</label>
          <select id={`${id}-payment`} value={paymentId.value} onChange={e => (paymentId.value = e.currentTarget.value)}>
            {refundable.map(p => (
              <option key={p.id} value={p.id}>
                {t("invoiceMoney.paymentOption", { method: p.method ?? "Stripe", when: whenShort(new Date(p.createdAt), zone), left: money(p.refundable, currency) })}
              </option>
            ))}
          </select>
        </>
      )}
      <label for={`${id}-amount`}>{t("invoiceMoney.amount", { currency })}</label>
      <input id={`${id}-amount`} inputMode="decimal" value={amount.value} aria-invalid={!!fields.value.amount} aria-describedby={described("amount")}
        onInput={e => (amount.value = e.currentTarget.value)} />
      {problem("amount")}
      {action === "payment" ? (
        <>
          <label for={`${id}-method`}>{t("invoiceMoney.method")}</label>
          <select id={`${id}-method`} value={method.value} onChange={e => (method.value = e.currentTarget.value)}>
            {methods.map(x => <option key={x} value={x}>{t(`invoiceMoney.method.${x}`)}</option>)}
          </select>
          {problem("method")}
          <label for={`${id}-reference`}>{t("invoiceMoney.reference")}</label>
          <input id={`${id}-reference`} value={reference.value} maxLength={100} aria-invalid={!!fields.value.reference} aria-describedby={described("reference")}
            onInput={e => (reference.value = e.currentTarget.value)} />
          {problem("reference")}
        </>
      ) : (
        <>
          <label for={`${id}-reason`}>{t("invoiceMoney.reason")}</label>
          <input id={`${id}-reason`} value={reason.value} maxLength={500} aria-invalid={!!fields.value.reason} aria-describedby={described("reason")}
            onInput={e => (reason.value = e.currentTarget.value)} />
          {problem("reason")}
        </>
      )}
      {general.value && <p class="error" role="alert">{general.value}</p>}
      <div class="actions">
        <button type="submit" class="primary" disabled={busy.value}>{t(action === "refund" ? "invoiceMoney.submitRefund" : "invoiceMoney.submit")}</button>
        <button type="button" onClick={onCancel}>{t("invoiceMoney.cancel")}</button>
      </div>
    </form>
  );
}

interface Values { amount: number; reason: string; method: string; reference: string; paymentId: string; requestId: string }

function send(action: MoneyAction, id: string, v: Values): Promise<Outcome<unknown>> {
  const path = { params: { path: { id } } };
  switch (action) {
    case "payment":
      return outcome(api.POST("/api/v1/invoices/{id}/payments", { ...path, body: { amount: v.amount, method: v.method, reference: v.reference || null, requestId: v.requestId } }));
    case "refund":
      return outcome(api.POST("/api/v1/invoices/{id}/refunds", { ...path, body: { amount: v.amount, reason: v.reason, paymentId: v.paymentId || null, requestId: v.requestId } }));
    case "credit":
      return outcome(api.POST("/api/v1/invoices/{id}/credit-notes", { ...path, body: { amount: v.amount, reason: v.reason, requestId: v.requestId } }));
    case "writeOff":
      return outcome(api.POST("/api/v1/invoices/{id}/write-offs", { ...path, body: { amount: v.amount, reason: v.reason, requestId: v.requestId } }));
  }
}
