import type { MessageKey } from "../../../i18n/en";
import { t } from "../../../i18n/i18n";
import { BarChart } from "../../../components/charts/BarChart";
import { money } from "./format";
import type { Figures, PaymentStatus } from "./types";

const colors: Record<PaymentStatus, string> = { Processing: "#6b7280", Succeeded: "#15803d", Failed: "#b91c1c", Canceled: "#a16207" };

/** Payment attempts of the period by status: counts as bars, counts and amounts in the table. */
export function PaymentsCard({ figures }: { figures: Figures }) {
  const statuses = figures.payments.statuses;
  const label = (s: PaymentStatus) => t(`money.status.${s}` as MessageKey);
  return (
    <section class="card chart-card" aria-labelledby="payments-title">
      <h3 id="payments-title">{t("money.payments.title")}</h3>
      <BarChart labels={statuses.map(s => label(s.status))} horizontal counts format={v => String(v)}
        series={[{ label: t("money.payments.count"), values: statuses.map(s => s.count), color: statuses.map(s => colors[s.status]) }]} />
      <table class="figures">
        <caption class="visually-hidden">{t("money.payments.title")}</caption>
        <thead><tr><th scope="col">{t("money.payments.status")}</th><th scope="col">{t("money.payments.count")}</th><th scope="col">{t("money.payments.amount")}</th></tr></thead>
        <tbody>
          {statuses.map(s => (
            <tr key={s.status}>
              <th scope="row">{label(s.status)}</th>
              <td>{s.count}</td>
              <td>{money(s.amount, figures.currency, figures.decimals)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="muted note">{t("money.payments.rateRule")}</p>
    </section>
  );
}
