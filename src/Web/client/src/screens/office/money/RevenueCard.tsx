import { t } from "../../../i18n/i18n";
import { BarChart } from "../../../components/charts/BarChart";
import { chartValue, money, monthName } from "./format";
import type { Figures } from "./types";

/** Received against invoiced, per calendar month of the period: two series of bars, and the table. */
export function RevenueCard({ figures }: { figures: Figures }) {
  const months = figures.revenue;
  const m = (minor: number) => money(minor, figures.currency, figures.decimals);
  return (
    <section class="card chart-card wide" aria-labelledby="revenue-title">
      <h3 id="revenue-title">{t("money.revenue.title")}</h3>
      <BarChart labels={months.map(x => monthName(x.year, x.month))} format={v => m(Math.round(v * 10 ** figures.decimals))}
        series={[
          { label: t("money.revenue.received"), values: months.map(x => chartValue(x.received, figures.decimals)), color: "#15803d" },
          { label: t("money.revenue.invoiced"), values: months.map(x => chartValue(x.invoiced, figures.decimals)), color: "#2563eb" },
        ]} />
      {/* Five years are 61 rows: the table scrolls in its card, and the keyboard can scroll it too. */}
      <div class="table-scroll" tabIndex={0} role="group" aria-label={t("money.revenue.table")}>
        <table class="figures">
          <caption class="visually-hidden">{t("money.revenue.title")}</caption>
          <thead><tr><th scope="col">{t("money.revenue.month")}</th><th scope="col">{t("money.revenue.received")}</th><th scope="col">{t("money.revenue.invoiced")}</th></tr></thead>
          <tbody>
            {months.map(x => <tr key={`${x.year}-${x.month}`}><th scope="row">{monthName(x.year, x.month)}</th><td>{m(x.received)}</td><td>{m(x.invoiced)}</td></tr>)}
          </tbody>
        </table>
      </div>
      <p class="muted note">{t("money.revenue.rule")}</p>
    </section>
  );
}
