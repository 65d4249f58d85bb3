import type { components } from "../../api/schema";
import { t } from "../../i18n/i18n";
import { money, percent } from "./money";

type Estimate = components["schemas"]["EstimateDto"];

/**
 * An estimate's deposit (what it is, and whether it is due or paid) and, once progress invoices bill it, what is billed
 * and what remains; shared by the portal and the office's job page.
 */
export function EstimateMoney({ estimate: e }: { estimate: Estimate }) {
  const d = e.deposit;
  const billed = e.progress.billed > 0;
  if (!d && !billed) return null;
  return (
    <div class="estimate-money">
      {d && (
        <p class="deposit">
          {d.rate != null ? t("documents.depositRate", { amount: money(d.amount, e.currency), rate: percent(d.rate) }) : t("documents.deposit", { amount: money(d.amount, e.currency) })}
          {" · "}
          <strong class={`deposit-${d.status}`}>{depositStatus(d)}</strong>
        </p>
      )}
      {billed && (
        <p class="progress">
          {t("documents.billed", { billed: money(e.progress.billed, e.currency), remaining: money(e.progress.remaining, e.currency) })}
          {e.progress.depositCredited > 0 && <>{" · "}{t("documents.depositCredited", { amount: money(e.progress.depositCredited, e.currency) })}</>}
        </p>
      )}
    </div>
  );
}

function depositStatus(d: NonNullable<Estimate["deposit"]>): string {
  switch (d.status) {
    case "Paid": return t("documents.deposit.Paid");
    case "Due": return t("documents.deposit.Due", { number: d.invoiceNumber ?? "" });
    default: return t("documents.deposit.AwaitingApproval");
  }
}
