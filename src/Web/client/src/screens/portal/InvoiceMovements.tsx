import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { api } from "../../api/client";
import type { components } from "../../api/schema";
import { dateOnly } from "../../components/time";
import type { MessageKey } from "../../i18n/en";
import { t } from "../../i18n/i18n";
import { money } from "./money";
import { zone } from "./session";

type Movement = components["schemas"]["InvoiceMovementDto"];

/** What moved on an invoice after it was issued (payments, refunds, credit notes, write-offs), read when it is opened. */
export function InvoiceMovements({ invoiceId }: { invoiceId: string }) {
  const movements = useSignal<Movement[]>([]);
  useEffect(() => {
    void api.GET("/api/v1/portal/invoices/{id}/money", { params: { path: { id: invoiceId } } }).then(({ data }) => { if (data) movements.value = data; });
  }, [invoiceId]);
  if (movements.value.length === 0) return null;
  return (
    <div class="invoice-movements">
      <h4>{t("invoiceMoney.movements")}</h4>
      <ul>
        {movements.value.map((m, i) => (
          <li key={i}>
            {dateOnly(new Date(m.at), zone())} · {t(`invoiceMoney.kind.${m.kind}` as MessageKey)}: <strong>{money(m.amount, m.currency)}</strong>
            {m.note && <span class="muted"> · {m.note}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
