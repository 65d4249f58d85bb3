import { useSignal } from "@preact/signals";
import type { components } from "../../api/schema";
import { calendarDay, dateOnly } from "../../components/time";
import { t } from "../../i18n/i18n";
import { documentStatusLabel } from "./documentStatus";
import { DocumentSummary } from "./DocumentSummary";
import { InvoiceMovements } from "./InvoiceMovements";
import { LineItems } from "./LineItems";
import { money } from "./money";
import { zone } from "./session";

type Invoice = components["schemas"]["InvoiceDto"];

interface Props {
  invoice: Invoice;
  /** This contact may pay it now (they pay the bills, and something is due): shows the Pay button and the checkbox. */
  payable: boolean;
  selected: boolean;
  busy: boolean;
  onSelect: (selected: boolean) => void;
  onPay: () => void;
}

/**
 * An invoice: its number, lines, what was paid and is still due, when it is due and when it was issued; and for the
 * people who pay, a Pay button, and a checkbox to pay several at once.
 */
export function InvoiceItem({ invoice: i, payable, selected, busy, onSelect, onPay }: Props) {
  const status = i.overdue ? "Overdue" : i.status;
  const opened = useSignal(false);
  return (
    <div class={payable ? "invoice-row payable" : "invoice-row"}>
      {payable && (
        <input type="checkbox" class="pay-select" checked={selected} aria-label={t("documents.selectToPay", { number: i.number })}
          onChange={event => onSelect(event.currentTarget.checked)} />
      )}
      <details class="invoice" data-id={i.id} onToggle={e => { if (e.currentTarget.open) opened.value = true; }}>
        <DocumentSummary title={`${i.number} · ${i.title}`} detail={money(i.total, i.currency)} status={status} label={documentStatusLabel(status)} />
        <LineItems document={i} />
        {(i.paid > 0 || i.due !== i.total) && (
          <p class="invoice-balance">
            {t("documents.paid")}: {money(i.paid, i.currency)} · {t("documents.balanceDue")}: <strong>{money(i.due, i.currency)}</strong>
          </p>
        )}
        {opened.value && i.total !== i.due && <InvoiceMovements invoiceId={i.id} />}
        <p class="muted">{t("documents.due", { day: calendarDay(i.dueDate), issued: dateOnly(new Date(i.issuedAt), zone()) })}</p>
      </details>
      {payable && (
        <button type="button" class="primary pay" disabled={busy} aria-label={t("documents.payInvoice", { number: i.number, amount: money(i.due, i.currency) })} onClick={onPay}>
          {t("documents.pay")}
        </button>
      )}
    </div>
  );
}
