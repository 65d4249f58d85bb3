import { language } from "../../i18n/i18n";

/** An amount in its currency, written the reader's way ("€317.40", "317,40 €"). */
export function money(amount: number | string, currency: string): string {
  try {
    return new Intl.NumberFormat(language.value, { style: "currency", currency }).format(Number(amount));
  } catch {
    return `${amount} ${currency}`; // a currency code Intl does not know
  }
}
