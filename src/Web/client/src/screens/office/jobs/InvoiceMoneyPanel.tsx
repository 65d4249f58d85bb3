import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { api, outcome } from "../../../api/client";
import { t } from "../../../i18n/i18n";
import { money } from "../../portal/money";
import { MoneyActionForm, type MoneyAction } from "./MoneyActionForm";
import { MoneyTimeline } from "./MoneyTimeline";
import type { Invoice, InvoiceMoney } from "./types";

/**
 * An invoice's money for the office: paid and due, the line of what happened to it, and the actions that move it
 * (a payment received by hand, a refund through Stripe, a credit note, a write-off), offered only where they can apply.
 */
export function InvoiceMoneyPanel({ invoice, zone, onChanged }: { invoice: Invoice; zone: string; onChanged: () => Promise<void> }) {
  const state = useSignal<InvoiceMoney | null>(null);
  const failed = useSignal("");
  const action = useSignal<MoneyAction | null>(null);
  const said = useSignal("");

  async function load() {
    const answer = await outcome(api.GET("/api/v1/invoices/{id}/ledger", { params: { path: { id: invoice.id } } }));
    if (answer.ok) state.value = answer.data;
    else failed.value = t("invoiceMoney.loadFailed", { status: answer.status });
  }

  useEffect(() => { void load(); }, [invoice.id]);

  async function done(message: string) {
    action.value = null;
    said.value = message;
    await load();
    await onChanged();
  }

  const m = state.value;
  if (!m) return <div class="invoice-money"><p class="muted" role="status">{failed.value || t("invoiceMoney.loading")}</p></div>;
  const i = m.invoice;
  const canRefund = m.canRefund && m.payments.some(p => p.refundable > 0);
  const offered: MoneyAction[] = [...(i.due > 0 ? (["payment"] as const) : []), ...(canRefund ? (["refund"] as const) : []), ...(i.due > 0 ? (["credit", "writeOff"] as const) : [])];
  const labels: Record<MoneyAction, string> = {
    payment: t("invoiceMoney.recordPayment"), refund: t("invoiceMoney.refund"), credit: t("invoiceMoney.creditNote"), writeOff: t("invoiceMoney.writeOff"),
  };

  return (
    <section class="invoice-money" aria-label={t("invoiceMoney.title", { number: i.number })}>
      <dl class="money-sums">
        <div><dt>{t("documents.paid")}</dt><dd>{money(i.paid, i.currency)}</dd></div>
        <div><dt>{t("documents.balanceDue")}</dt><dd><strong>{money(i.due, i.currency)}</strong></dd></div>
      </dl>
      <MoneyTimeline money={m} number={i.number} zone={zone} />
      <p class="ok" role="status">{said.value}</p>
      {action.value ? (
        <MoneyActionForm key={action.value} action={action.value} money={m} zone={zone} onDone={done} onCancel={() => (action.value = null)} />
      ) : offered.length > 0 && (
        <div class="actions">
          {offered.map(a => <button key={a} type="button" onClick={() => { said.value = ""; action.value = a; }}>{labels[a]}</button>)}
        </div>
      )}
    </section>
  );
}
