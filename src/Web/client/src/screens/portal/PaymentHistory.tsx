import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { api } from "../../api/client";
import type { components } from "../../api/schema";
import { dateOnly } from "../../components/time";
import type { MessageKey } from "../../i18n/en";
import { language, t } from "../../i18n/i18n";
import { money } from "./money";
import { zone } from "./session";

type Payment = components["schemas"]["PaymentDto"];

/**
 * The customer's payments, newest first, for whoever pays its bills: when, how much, how, for which invoices, whether it
 * went through, and the receipt of each that did. Read again when `version` moves (a payment confirmed).
 */
export function PaymentHistory({ numbers, version }: { numbers: Map<string, string>; version: number }) {
  const payments = useSignal<Payment[] | "loading" | "failed">("loading");
  useEffect(() => {
    void api.GET("/api/v1/portal/payments").then(({ data }) => (payments.value = data ?? "failed"));
  }, [version]);

  const p = payments.value;
  return (
    <div class="payment-history">
      <h3>{t("payments.history")}</h3>
      {p === "failed" && <p class="error" role="alert">{t("payments.loadFailed")}</p>}
      {typeof p === "object" && p.length === 0 && <p class="muted">{t("payments.none")}</p>}
      {typeof p === "object" && p.length > 0 && (
        <ul aria-label={t("payments.history")}>
          {p.map(payment => {
            const day = dateOnly(new Date(payment.createdAt), zone());
            const amount = money(payment.amount, payment.currency);
            return (
              <li key={payment.id} class={`payment ${payment.status.toLowerCase()}`}>
                <div class="payment-head">
                  <strong>{amount}</strong>
                  <span class={`badge payment-${payment.status.toLowerCase()}`}>{t(`payments.status.${payment.status}` as MessageKey)}</span>
                </div>
                <p class="muted">
                  {day}{payment.method && <> · {methodName(payment.method)}</>}
                  {" · "}{t("payments.for", { invoices: payment.invoiceIds.map(id => numbers.get(id) ?? "—").join(", ") })}
                </p>
                {payment.failure && <p class="error">{payment.failure}</p>}
                {payment.status === "Succeeded" && (
                  <a href={`/api/v1/portal/payments/${encodeURIComponent(payment.id)}/receipt.pdf?language=${encodeURIComponent(language.value)}`}
                    download aria-label={t("payments.receiptOf", { amount, day })}>{t("payments.receipt")}</a>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

const methods: Record<string, MessageKey> = {
  card: "payments.method.card",
  sepa_debit: "payments.method.sepa_debit",
  us_bank_account: "payments.method.us_bank_account",
};

/** How a payment was made, in the reader's words (a method we have no word for as Stripe names it). */
function methodName(method: string): string {
  const key = methods[method];
  return key ? t(key) : method;
}
