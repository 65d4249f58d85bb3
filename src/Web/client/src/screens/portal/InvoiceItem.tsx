import type { components } from "../../api/schema";
import { calendarDay, dateOnly } from "../../components/time";
import { t } from "../../i18n/i18n";
import { documentStatusLabel } from "./documentStatus";
import { DocumentSummary } from "./DocumentSummary";
import { LineItems } from "./LineItems";
import { money } from "./money";
import { zone } from "./session";

type Invoice = components["schemas"]["InvoiceDto"];

/** An invoice: its lines, when it is due and when it was issued (both dates written the same way). */
export function InvoiceItem({ invoice: i }: { invoice: Invoice }) {
  return (
    <details class="invoice" data-id={i.id}>
      <DocumentSummary title={i.title} detail={money(i.total, i.currency)} status={i.status} label={documentStatusLabel(i.status)} />
      <LineItems document={i} />
      <p class="muted">{t("documents.due", { day: calendarDay(i.dueDate), issued: dateOnly(new Date(i.issuedAt), zone()) })}</p>
    </details>
  );
}
