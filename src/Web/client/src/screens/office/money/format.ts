import { language } from "../../../i18n/i18n";

/** Integer minor units as the major amount's exact decimal text ("-1234.50" for -123450 with 2 decimals): no floating point. */
export function majorText(minor: number, decimals: number): string {
  const sign = minor < 0 ? "-" : "";
  const digits = Math.abs(minor).toString().padStart(decimals + 1, "0");
  return decimals === 0 ? sign + digits : `${sign}${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
}

/** An amount as the reader's language writes it in its currency ("€1,234.50", "1234,50 €"), from the exact decimal text. */
export function money(minor: number, currency: string, decimals: number): string {
  const format = new Intl.NumberFormat(locale(), { style: "currency", currency, minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  // A numeric string is formatted exactly (Intl.NumberFormat v3); the cast is only for TypeScript's older signature.
  return format.format(majorText(minor, decimals) as unknown as number);
}

/** Only for drawing: a chart's bar height may be approximate, its numbers are in the table beside it. */
export function chartValue(minor: number, decimals: number): number {
  return minor / 10 ** decimals;
}

export function percent(rate: number): string {
  return new Intl.NumberFormat(locale(), { style: "percent", maximumFractionDigits: 1 }).format(rate);
}

/** "Dec 2026" / "dez. 2026". */
export function monthName(year: number, month: number): string {
  return new Intl.DateTimeFormat(locale(), { month: "short", year: "numeric", timeZone: "UTC" }).format(Date.UTC(year, month - 1, 1));
}

/** A yyyy-MM-dd day as the reader's language writes it. */
export function dayText(day: string): string {
  const [y, m, d] = day.split("-").map(Number);
  return new Intl.DateTimeFormat(locale(), { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(Date.UTC(y!, m! - 1, d!));
}

function locale(): string {
  return language.value === "pt" ? "pt-PT" : "en-GB";
}
