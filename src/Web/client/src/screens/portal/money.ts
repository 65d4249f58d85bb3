import { language } from "../../i18n/i18n";

/** Decimals of a currency's major unit as Intl knows them (2 for EUR, 0 for JPY); 2 for a code it does not know. */
export function currencyDecimals(currency: string): number {
  try {
    return new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** An amount in minor units (cents, as the API sends money) in its currency, written the reader's way ("€317.40", "317,40 €"). */
export function money(minor: number, currency: string): string {
  const decimals = currencyDecimals(currency);
  try {
    return new Intl.NumberFormat(language.value, { style: "currency", currency }).format(minor / 10 ** decimals);
  } catch {
    return `${(minor / 10 ** decimals).toFixed(decimals)} ${currency}`; // a currency code Intl does not know
  }
}

/** A rate in basis points as a percentage ("23 %", "6,5 %"). */
export function percent(basisPoints: number): string {
  return new Intl.NumberFormat(language.value, { style: "percent", maximumFractionDigits: 2 }).format(basisPoints / 10_000);
}

/**
 * A decimal typed by a person ("80.5", "80,50") as an integer scaled by 10^decimals (8050), read digit by digit so no
 * binary fraction ever rounds it; null for anything else, or for more decimals than allowed.
 */
export function scaledInteger(text: string, decimals: number): number | null {
  const match = /^\s*(\d{1,12})(?:[.,](\d*))?\s*$/.exec(text);
  if (!match) return null;
  const fraction = match[2] ?? "";
  if (fraction.length > decimals) return null;
  return Number(match[1]) * 10 ** decimals + Number(fraction.padEnd(decimals, "0") || "0");
}
