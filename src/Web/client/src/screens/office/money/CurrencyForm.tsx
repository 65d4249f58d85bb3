import { api, outcome } from "../../../api/client";
import { t } from "../../../i18n/i18n";
import { SettingForm, type SettingOutcome } from "./SettingForm";

/** The codes the browser knows, offered while typing; the server decides which it accepts (active ISO 4217 codes). */
function knownCodes(): string[] {
  try {
    return Intl.supportedValuesOf("currency");
  } catch {
    return [];
  }
}

/**
 * The company's currency (ISO 4217): new estimates, invoices and plans start in it, and the money view lists it first.
 * Documents already made keep theirs. A code the server refuses is its message, under the field.
 */
export function CurrencyForm({ currency, onSaved }: { currency: string; onSaved: (currency: string) => void }) {
  async function save(text: string): Promise<SettingOutcome> {
    const answer = await outcome(api.PUT("/api/v1/company/currency", { body: { currency: text.trim() } }));
    if (!answer.ok) return { refused: answer.fields["currency"]?.join(" ") ?? answer.problem };
    onSaved(answer.data.currency);
    return { saved: answer.data.currency, said: t("money.currencySetting.saved", { currency: answer.data.currency }) };
  }

  return (
    <section class="card company-currency" aria-labelledby="company-currency-title">
      <h3 id="company-currency-title">{t("money.currencySetting.title")}</h3>
      <SettingForm id="company-currency" class="currency-setting" label={t("money.currencySetting.label")} help={t("money.currencySetting.help")}
        value={currency} input={{ maxLength: 3, list: "currency-codes", autocapitalize: "characters", spellcheck: false }} save={save}>
        <datalist id="currency-codes">{knownCodes().map(code => <option key={code} value={code} />)}</datalist>
      </SettingForm>
    </section>
  );
}
