import { t } from "../../../i18n/i18n";
import { BarChart } from "../../../components/charts/BarChart";
import { chartValue, money, monthName } from "./format";
import type { Figures } from "./types";

/**
 * What the coming months should bring, from today: plan renewals (exact) and scheduled jobs (valued at the recent
 * average invoice, and said so), as bars per month and the table with the same numbers.
 */
export function ForecastCard({ figures }: { figures: Figures }) {
  const f = figures.forecast;
  const m = (minor: number) => money(minor, figures.currency, figures.decimals);
  return (
    <section class="card chart-card forecast" aria-labelledby="forecast-title">
      <h3 id="forecast-title">{t("money.forecast.title")}</h3>
      <BarChart labels={f.months.map(x => monthName(x.year, x.month))} format={v => m(Math.round(v * 10 ** figures.decimals))}
        series={[
          { label: t("money.forecast.renewals"), values: f.months.map(x => chartValue(x.planRenewals, figures.decimals)), color: "#7c3aed" },
          { label: t("money.forecast.jobs"), values: f.months.map(x => chartValue(x.scheduledJobsValue, figures.decimals)), color: "#0891b2" },
        ]} />
      <div class="table-scroll" tabIndex={0} role="group" aria-label={t("money.forecast.table")}>
        <table class="figures">
          <caption class="visually-hidden">{t("money.forecast.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("money.revenue.month")}</th>
              <th scope="col">{t("money.forecast.renewals")}</th>
              <th scope="col">{t("money.forecast.jobs")}</th>
              <th scope="col">{t("money.forecast.total")}</th>
            </tr>
          </thead>
          <tbody>
            {f.months.map(x => (
              <tr key={`${x.year}-${x.month}`}>
                <th scope="row">{monthName(x.year, x.month)}</th>
                <td>{m(x.planRenewals)} <span class="muted">({t("money.forecast.count", { count: x.renewals })})</span></td>
                <td>{m(x.scheduledJobsValue)} <span class="muted">({t("money.forecast.count", { count: x.scheduledJobs })})</span></td>
                <td>{m(x.planRenewals + x.scheduledJobsValue)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p class="muted note">
        {f.invoicesAveraged > 0
          ? t("money.forecast.rule", { average: m(f.averageJobInvoice), count: f.invoicesAveraged })
          : t("money.forecast.noAverage")}
      </p>
    </section>
  );
}
