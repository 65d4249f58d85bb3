import type { components } from "../../../api/schema";

export type Overview = components["schemas"]["MoneyOverviewDto"];
export type Figures = components["schemas"]["CurrencyFiguresDto"];
export type OutstandingInvoice = components["schemas"]["OutstandingInvoiceDto"];
export type AgeBucket = components["schemas"]["AgeBucket"];
export type PaymentStatus = components["schemas"]["PaymentStatus"];

/** The period in the address (?from=&to=), so a link reproduces what the sender saw; absent means the server's default. */
export interface Period { from?: string; to?: string }

export function periodFromAddress(): Period {
  const query = new URLSearchParams(location.search);
  return { from: query.get("from") ?? undefined, to: query.get("to") ?? undefined };
}

export function periodQuery(period: Period): string {
  const query = new URLSearchParams();
  if (period.from) query.set("from", period.from);
  if (period.to) query.set("to", period.to);
  const text = query.toString();
  return text ? "?" + text : "";
}
