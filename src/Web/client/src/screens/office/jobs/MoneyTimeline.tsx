import { whenShort } from "../../../components/time";
import type { MessageKey } from "../../../i18n/en";
import { t } from "../../../i18n/i18n";
import { money } from "../../portal/money";
import type { InvoiceMoney, LedgerRow, OfficeRefund } from "./types";

/** One point of the line: a ledger row, or a refund the office asked for that Stripe has not confirmed yet. */
interface Point {
  key: string;
  kind: string;
  amount: number;
  at: string;
  who: string | null;
  detail: string | null;
  pending: boolean;
}

/**
 * An invoice's money as a line drawn down the page: issued, paid, refunded, credited, written off, each with its amount,
 * when, who and why; refunds still waiting for Stripe at the end, dashed. The credit note a refund carries by rule is
 * said on the refund's point rather than drawn twice.
 */
export function MoneyTimeline({ money: m, number, zone }: { money: InvoiceMoney; number: string; zone: string }) {
  const currency = m.invoice.currency;
  return (
    <ol class="money-timeline" aria-label={t("invoiceMoney.timeline", { number })}>
      {pointsOf(m).map(p => (
        <li key={p.key} class={`money-point kind-${p.kind}${p.pending ? " pending" : ""}`}>
          <span class="dot" aria-hidden="true" />
          <div class="money-what">
            <strong>{t(`invoiceMoney.kind.${p.kind}` as MessageKey)}</strong>
            <span class="money-amount">{money(p.amount, currency)}</span>
          </div>
          <div class="muted">
            {whenShort(new Date(p.at), zone)}{p.who && <> · {p.who}</>}
          </div>
          {p.detail && <div class="money-note">{p.detail}</div>}
        </li>
      ))}
    </ol>
  );
}

function pointsOf(m: InvoiceMoney): Point[] {
  const refunds = new Set(m.ledger.filter(r => r.kind === "Refunded").map(r => `${r.source}:credit`));
  const rows = m.ledger.filter(r => !(r.kind === "Credited" && r.source && refunds.has(r.source))).map(rowPoint);
  const waiting = m.refunds.filter(r => !r.recorded && !["failed", "canceled", "refused"].includes(r.status)).map(pendingPoint);
  return [...rows, ...waiting];
}

function rowPoint(r: LedgerRow): Point {
  const stripe = r.actor === "stripe";
  const who = stripe ? t("invoiceMoney.viaStripe") : t("invoiceMoney.by", { actor: r.actor });
  const method = r.method ? t(`invoiceMoney.method.${r.method}` as MessageKey) : null;
  const detail = [method, r.note, r.kind === "Refunded" ? t("invoiceMoney.withCredit") : null].filter(Boolean).join(" · ");
  return { key: `row-${r.seq}`, kind: r.kind, amount: r.amount, at: r.at, who, detail: detail || null, pending: false };
}

function pendingPoint(r: OfficeRefund): Point {
  return { key: `ask-${r.requestId}`, kind: "Pending", amount: r.amount, at: r.requestedAt, who: t("invoiceMoney.by", { actor: r.actor }), detail: r.reason, pending: true };
}
