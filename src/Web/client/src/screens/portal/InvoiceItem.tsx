import type { components } from "../../api/schema";
import { calendarDay, dateOnly } from "../../components/time";
import { t } from "../../i18n/i18n";
import { documentStatusLabel } from "./documentStatus";
import { DocumentSummary } from "./DocumentSummary";
import { LineItems } from "./LineItems";
import { money } from "./money";
import { zone } from "./session";

type Invoice = components["schemas"]["InvoiceDto"];

/** An invoice: its number, lines, what was paid and is still due, when it is due and when it was issued (both dates written the same way). */
export function InvoiceItem({ invoice: i }: { invoice: Invoice }) {
  const status = i.overdue ? "Overdue" : i.status;
  return (
    <details class="invoice" data-id={i.id}>
      <DocumentSummary title={`${i.number} · ${i.title}`} detail={money(i.total, i.currency)} status={status} label={documentStatusLabel(status)} />
      <LineItems document={i} />
      {i.paid > 0 && (
        <p class="invoice-balance">
          {t("documents.paid")}: {money(i.paid, i.currency)} · {t("documents.balanceDue")}: <strong>{money(i.due, i.currency)}</strong>
        </p>
      )}
      <p class="muted">{t("documents.due", { day: calendarDay(i.dueDate), issued: dateOnly(new Date(i.issuedAt), zone()) })}</p>
    </details>
  );
}
