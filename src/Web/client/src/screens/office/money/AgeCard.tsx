import type { MessageKey } from "../../../i18n/en";
import { t } from "../../../i18n/i18n";
import { BarChart } from "../../../components/charts/BarChart";
import { chartValue, money } from "./format";
import type { AgeBucket, Figures } from "./types";

export const ageLabel = (bucket: AgeBucket): string => t(`money.age.${bucket}` as MessageKey);

/** What is owed, by how long past its due date: bars, and the same numbers in a table. */
export function AgeCard({ figures }: { figures: Figures }) {
  const buckets = figures.outstanding.buckets;
  const m = (minor: number) => money(minor, figures.currency, figures.decimals);
  return (
    <section class="card chart-card" aria-labelledby="age-title">
      <h3 id="age-title">{t("money.age.title")}</h3>
      <BarChart labels={buckets.map(b => ageLabel(b.bucket))} format={v => m(Math.round(v * 10 ** figures.decimals))}
        series={[{ label: t("money.age.amount"), values: buckets.map(b => chartValue(b.amount, figures.decimals)), color: "#b45309" }]} />
      <table class="figures">
        <caption class="visually-hidden">{t("money.age.title")}</caption>
        <thead><tr><th scope="col">{t("money.age.bucket")}</th><th scope="col">{t("money.age.count")}</th><th scope="col">{t("money.age.amount")}</th></tr></thead>
        <tbody>
          {buckets.map(b => <tr key={b.bucket}><th scope="row">{ageLabel(b.bucket)}</th><td>{b.count}</td><td>{m(b.amount)}</td></tr>)}
        </tbody>
      </table>
    </section>
  );
}
