import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { api, outcome } from "../../../api/client";
import { OfficeHeader } from "../../../components/office/OfficeHeader";
import { t } from "../../../i18n/i18n";
import { AgeCard } from "./AgeCard";
import { CurrencyForm } from "./CurrencyForm";
import { FailedPayments } from "./FailedPayments";
import { ForecastCard } from "./ForecastCard";
import { dayText, money } from "./format";
import { Kpis } from "./Kpis";
import { OutstandingList } from "./OutstandingList";
import { PaymentsCard } from "./PaymentsCard";
import { PeriodForm } from "./PeriodForm";
import { RevenueCard } from "./RevenueCard";
import { periodFromAddress, periodQuery, type Overview, type Period } from "./types";
import "./money.css";

/**
 * The office's money view (/office/money/): the four figures first, then the failed payments being retried and the
 * company's currency (neither depends on the period), what is owed by age, payment attempts by status, revenue by month,
 * the forecast, plans, the outstanding invoices, and CSV exports. The period lives in the address.
 */
export function MoneyScreen() {
  const overview = useSignal<Overview | null>(null);
  const currency = useSignal("");
  const companyCurrency = useSignal<string | null>(null);
  const error = useSignal("");
  const fields = useSignal<Record<string, string[]>>({});

  async function load(period: Period) {
    const result = await outcome(api.GET("/api/v1/money/overview", { params: { query: period } }));
    if (result.status === 401) { location.href = "/login/?returnUrl=" + encodeURIComponent(location.pathname + location.search); return; }
    if (!result.ok) {
      fields.value = result.fields;
      error.value = Object.keys(result.fields).length > 0 ? t("money.period.invalid") : t("money.loadFailed");
      return;
    }
    fields.value = {};
    error.value = "";
    overview.value = result.data;
    if (!result.data.currencies.some(c => c.currency === currency.value)) currency.value = result.data.currency;
  }

  useEffect(() => {
    document.title = t("money.pageTitle");
    void load(periodFromAddress());
    void api.GET("/api/v1/company").then(({ data }) => { if (data) companyCurrency.value = data.currency; });
  }, []);

  // The figures are read again: the new currency is listed first (alone, empty, while there is no money at all), and
  // shown when it has figures.
  async function currencySaved(code: string) {
    companyCurrency.value = code;
    currency.value = code;
    await load(periodFromAddress());
  }

  function apply(period: Period) {
    history.replaceState(null, "", location.pathname + periodQuery(period));
    void load(period);
  }

  const o = overview.value;
  const figures = o?.currencies.find(c => c.currency === currency.value) ?? o?.currencies[0];
  return (
    <>
      <OfficeHeader current="money" />
      <main class="money">
        <div class="money-head">
          <h2>{t("money.title")}</h2>
          {o && <p class="muted">{t("money.asOf", { from: dayText(o.from), to: dayText(o.to), asOf: dayText(o.asOf) })}</p>}
          <p class="error" role="alert">{error.value}</p>
        </div>
        {o && figures && (
          <>
            <div class="toolbar">
              <PeriodForm key={`${o.from}|${o.to}`} from={o.from} to={o.to} errors={fields.value} onApply={apply} />
              {o.currencies.length > 1 && (
                <div>
                  <label for="money-currency">{t("money.currency")}</label>
                  <select id="money-currency" value={figures.currency} onChange={e => (currency.value = e.currentTarget.value)}>
                    {o.currencies.map(c => <option key={c.currency} value={c.currency}>{c.currency}</option>)}
                  </select>
                </div>
              )}
              <div class="exports">
                <a class="button" href={`/api/v1/money/outstanding.csv?asOf=${o.asOf}`} download>{t("money.csv.outstanding")}</a>
                <a class="button" href={`/api/v1/money/payments.csv${periodQuery({ from: o.from, to: o.to })}`} download>{t("money.csv.payments")}</a>
              </div>
            </div>
            <Kpis figures={figures} />
          </>
        )}
        <FailedPayments />
        {companyCurrency.value && <CurrencyForm currency={companyCurrency.value} onSaved={code => void currencySaved(code)} />}
        {o && figures && (
          <>
            <div class="charts">
              <AgeCard figures={figures} />
              <PaymentsCard figures={figures} />
              <RevenueCard figures={figures} />
              <ForecastCard figures={figures} />
              <section class="card plans" aria-labelledby="plans-title">
                <h3 id="plans-title">{t("money.plans.title")}</h3>
                {figures.plans.available ? (
                  <>
                    <p class="mrr">{money(figures.plans.monthlyRecurring, figures.currency, figures.decimals)}</p>
                    <p>{t("money.plans.mrr", { count: figures.plans.activePlans })}</p>
                  </>
                ) : <p>{t("money.plans.none")}</p>}
              </section>
            </div>
            <OutstandingList figures={figures} />
          </>
        )}
      </main>
    </>
  );
}
