import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { api, outcome } from "../../api/client";
import type { components } from "../../api/schema";
import { t } from "../../i18n/i18n";
import { EstimateItem } from "./EstimateItem";
import { InvoiceItem } from "./InvoiceItem";
import { money } from "./money";
import { PaymentHistory } from "./PaymentHistory";
import { ReportItem } from "./ReportItem";
import { route } from "./route";

type Documents = components["schemas"]["PortalDocumentsDto"];

/** How long, back from paying, the section looks again for the payment Stripe confirms by webhook. */
const ConfirmingFor = 60_000;
const LookEvery = 2_000;

/** The invoices this tab sent to Stripe's page, kept across the trip there and back. */
const PayingKey = "portal.paying";

/**
 * Estimates to approve or decline (one with a deposit is approved and its deposit paid on Stripe's page), job reports with their photos, invoices. Whoever pays the bills pays from here:
 * one invoice or several at once, on Stripe's page; back from it ("#documents/paid"), the section says the payment is
 * being confirmed and looks again until the invoices show it (money moves only when Stripe confirms it to the server).
 */
export function DocumentsSection() {
  const documents = useSignal<Documents | "loading" | "failed">("loading");
  const selected = useSignal<string[]>([]);
  const paying = useSignal(false);
  const payProblem = useSignal("");
  const returned = route.value.section === "documents" && route.value.detail === "paid";
  const paid = useSignal<string[]>(returned ? JSON.parse(sessionStorage.getItem(PayingKey) ?? "[]") as string[] : []);

  const load = () => api.GET("/api/v1/portal/documents").then(({ data }) => (documents.value = data ?? (typeof documents.value === "object" ? documents.value : "failed")));
  useEffect(() => {
    void load();
    if (!returned) return;
    const started = Date.now();
    const timer = setInterval(() => (Date.now() - started > ConfirmingFor || confirmed() ? clearInterval(timer) : void load()), LookEvery);
    return () => clearInterval(timer);
  }, [returned]);

  /** Every invoice just paid shows nothing due: Stripe's confirmation reached the server. */
  function confirmed(): boolean {
    const d = documents.value;
    return typeof d === "object" && paid.value.length > 0 && paid.value.every(id => d.invoices.find(i => i.id === id)?.due === 0);
  }

  async function pay(invoiceIds: string[]) {
    paying.value = true;
    payProblem.value = "";
    const answer = await outcome(api.POST("/api/v1/portal/payments/checkout", { body: { invoiceIds } }));
    if (answer.ok) {
      sessionStorage.setItem(PayingKey, JSON.stringify(invoiceIds));
      location.assign(answer.data.url); // Stripe's page: the card or IBAN is typed there, never here
      return;
    }
    paying.value = false;
    payProblem.value = answer.problem;
  }

  const d = documents.value;
  const payable = (i: Documents["invoices"][number]) => typeof d === "object" && d.canPay && i.due > 0;
  const chosen = typeof d === "object" ? d.invoices.filter(i => selected.value.includes(i.id) && payable(i)) : [];
  return (
    <section class="card documents" aria-labelledby="documents-title">
      <h2 id="documents-title" tabIndex={-1}>{t("documents.title")}</h2>
      {returned && <p class="notice" role="status">{t(confirmed() ? "documents.paymentConfirmed" : "documents.paymentConfirming")}</p>}
      {d === "loading" && <p class="muted">{t("common.loading")}</p>}
      {d === "failed" && <p class="error" role="alert">{t("documents.loadFailed")}</p>}
      {typeof d === "object" && (
        <>
          <h3>{t("documents.estimates")}</h3>
          {d.estimates.length === 0 && <p class="muted">{t("documents.noEstimates")}</p>}
          {d.estimates.map(e => <EstimateItem key={e.id} estimate={e} paysBills={d.paysBills} canPay={d.canPay} onPayDeposit={id => void pay([id])} />)}
          <h3>{t("documents.reports")}</h3>
          {d.reports.length === 0 && <p class="muted">{t("documents.noReports")}</p>}
          {d.reports.map(r => <ReportItem key={r.ticketId} report={r} />)}
          <h3>{t("documents.invoices")}</h3>
          {d.invoices.length === 0 && <p class="muted">{t("documents.noInvoices")}</p>}
          {d.invoices.map(i => (
            <InvoiceItem key={i.id} invoice={i} payable={payable(i)} selected={selected.value.includes(i.id)} busy={paying.value}
              onSelect={on => (selected.value = on ? [...selected.value, i.id] : selected.value.filter(id => id !== i.id))}
              onPay={() => void pay([i.id])} />
          ))}
          {chosen.length > 1 && (
            <div class="actions pay-selected">
              <button type="button" class="primary" disabled={paying.value} onClick={() => void pay(chosen.map(i => i.id))}>
                {t("documents.paySelected", { count: String(chosen.length), amount: money(chosen.reduce((sum, i) => sum + i.due, 0), chosen[0]!.currency) })}
              </button>
            </div>
          )}
          {paying.value && <p class="muted" role="status">{t("documents.opening")}</p>}
          {payProblem.value && <p class="error" role="alert">{payProblem.value}</p>}
          {d.canPay && <PaymentHistory numbers={new Map(d.invoices.map(i => [i.id, i.number]))} version={d.invoices.filter(i => i.due === 0).length} />}
        </>
      )}
    </section>
  );
}
