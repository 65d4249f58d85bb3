import { t } from "../../../i18n/i18n";
import { money, percent } from "./format";
import type { Figures } from "./types";

/** The four figures an office reads first, each a term and its value (a description list, read in pairs). */
export function Kpis({ figures }: { figures: Figures }) {
  const m = (minor: number) => money(minor, figures.currency, figures.decimals);
  const rate = figures.payments.successRate;
  return (
    <section aria-labelledby="kpis-title">
      <h3 id="kpis-title" class="visually-hidden">{t("money.kpis.label")}</h3>
      <dl class="kpis">
        <div class="card kpi">
          <dt>{t("money.kpi.outstanding")}</dt>
          <dd>{m(figures.outstanding.total)}</dd>
          <dd class="muted">{t("money.kpi.invoices", { count: figures.outstanding.count })}</dd>
        </div>
        <div class="card kpi">
          <dt>{t("money.kpi.overdue")}</dt>
          <dd class={figures.outstanding.overdue > 0 ? "late" : undefined}>{m(figures.outstanding.overdue)}</dd>
          <dd class="muted">{t("money.kpi.overdueHint")}</dd>
        </div>
        <div class="card kpi">
          <dt>{t("money.kpi.successRate")}</dt>
          <dd>{rate === null ? "—" : percent(rate)}</dd>
          <dd class="muted">{rate === null ? t("money.kpi.noAttempts") : t("money.kpi.successHint")}</dd>
        </div>
        <div class="card kpi">
          <dt>{t("money.kpi.receivedThisMonth")}</dt>
          <dd>{m(figures.receivedThisMonth)}</dd>
          <dd class="muted">{t("money.kpi.receivedHint")}</dd>
        </div>
      </dl>
    </section>
  );
}
