import { useSignal } from "@preact/signals";
import type { ComponentChildren } from "preact";
import { calendarDay, whenShort } from "../../../components/time";
import { t } from "../../../i18n/i18n";
import { LineItems } from "../../portal/LineItems";
import { money } from "../../portal/money";
import { documentStatusLabel } from "../../portal/documentStatus";
import { DocumentForm, type DocumentKind } from "./DocumentForm";
import { EstimateMoney } from "../../portal/EstimateMoney";
import { InvoiceMoneyPanel } from "./InvoiceMoneyPanel";
import { ProgressInvoiceForm } from "./ProgressInvoiceForm";
import type { Estimate, Invoice, JobOverview } from "./types";

/**
 * The job's estimates and invoices with where each stands (pending, approved or declined with who and when; open or
 * paid), and the forms to make new ones. There is no draft: the portal shows a document as soon as it exists, so the
 * page says that creating one sends it.
 */
export function JobDocuments({ overview: o, onChanged }: { overview: JobOverview; onChanged: () => Promise<void> }) {
  const open = useSignal<DocumentKind | null>(null);
  const sent = useSignal("");
  const zone = o.timeZone;

  async function created(kind: DocumentKind) {
    open.value = null;
    sent.value = t(kind === "estimate" ? "office.job.estimateSent" : "office.job.invoiceSent");
    await onChanged();
  }

  return (
    <section class="card job-documents" aria-labelledby="documents-title">
      <h2 id="documents-title">{t("office.job.documents")}</h2>
      <p class="muted">{t("office.job.sentNote")}</p>
      <p class="ok" role="status">{sent.value}</p>
      <h3 id="estimates-title">{t("office.job.estimates")}</h3>
      {o.estimates.length === 0 ? <p class="muted">{t("office.job.noEstimates")}</p> : (
        <ul class="plain documents" aria-labelledby="estimates-title">{o.estimates.map(e => <EstimateItem key={e.id} estimate={e} zone={zone} onChanged={onChanged} />)}</ul>
      )}
      <h3 id="invoices-title">{t("office.job.invoices")}</h3>
      {o.invoices.length === 0 ? <p class="muted">{t("office.job.noInvoices")}</p> : (
        <ul class="plain documents" aria-labelledby="invoices-title">{o.invoices.map(i => <InvoiceItem key={i.id} invoice={i} zone={zone} onChanged={onChanged} />)}</ul>
      )}
      {open.value ? (
        <DocumentForm kind={open.value} overview={o} onCreated={created} onCancel={() => (open.value = null)} />
      ) : (
        <div class="actions">
          <button type="button" class="primary" onClick={() => { sent.value = ""; open.value = "estimate"; }}>{t("office.job.newEstimate")}</button>
          <button type="button" onClick={() => { sent.value = ""; open.value = "invoice"; }}>{t("office.job.newInvoice")}</button>
        </div>
      )}
    </section>
  );
}

/** One document: its title, state and total, its lines behind a disclosure, and a line saying where it stands. */
function DocumentItem({ document: d, status, children, after }: { document: Estimate | Invoice; status: string; children: ComponentChildren; after?: ComponentChildren }) {
  return (
    <li class="document" data-id={d.id}>
      <details>
        <summary>
          <strong>{d.title}</strong> <span class={`badge doc-${status}`}>{documentStatusLabel(status)}</span> <span>{money(d.total, d.currency)}</span>
        </summary>
        <LineItems document={d} />
      </details>
      <div class="muted">{children}</div>
      {after}
    </li>
  );
}

/** An estimate, its deposit and what is billed of it; once approved, with something left to bill, a progress invoice form. */
function EstimateItem({ estimate: e, zone, onChanged }: { estimate: Estimate; zone: string; onChanged: () => Promise<void> }) {
  const billing = (
    <>
      <EstimateMoney estimate={e} />
      {e.status === "Approved" && e.progress.remaining > 0 && <ProgressInvoiceForm estimate={e} zone={zone} onIssued={onChanged} />}
    </>
  );
  return (
    <DocumentItem document={{ ...e, title: `${e.number} · ${e.title}` }} status={e.status} after={billing}>
      {e.decision
        ? t("office.job.decided", { outcome: documentStatusLabel(e.decision.outcome), name: e.decision.signedName, when: at(e.decision.at, zone) })
        : e.status === "Pending" ? t("office.job.waiting") : null}
      {" · "}{t("office.job.validUntil", { day: at(e.validUntil, zone) })}
    </DocumentItem>
  );
}

/** An invoice, and behind a button its money: the ledger's line and what the office can do with it. */
function InvoiceItem({ invoice: i, zone, onChanged }: { invoice: Invoice; zone: string; onChanged: () => Promise<void> }) {
  const open = useSignal(false);
  const toggle = (
    <>
      <button type="button" class="money-toggle" aria-expanded={open.value} onClick={() => (open.value = !open.value)}>
        {t(open.value ? "invoiceMoney.close" : "invoiceMoney.open", { number: i.number })}
      </button>
      {open.value && <InvoiceMoneyPanel invoice={i} zone={zone} onChanged={onChanged} />}
    </>
  );
  return (
    <DocumentItem document={{ ...i, title: `${i.number} · ${i.title}` }} status={i.overdue ? "Overdue" : i.status} after={toggle}>
      {t("office.job.due", { day: calendarDay(i.dueDate), when: at(i.issuedAt, zone) })}
      {i.paid > 0 && <>{" · "}{t("documents.paid")}: {money(i.paid, i.currency)} · {t("documents.balanceDue")}: {money(i.due, i.currency)}</>}
    </DocumentItem>
  );
}

/** An instant as the office reads it (the company's zone), inside a sentence. */
const at = (instant: string, zone: string): string => whenShort(new Date(instant), zone);
