import { useSignal } from "@preact/signals";
import { t } from "../../../i18n/i18n";
import type { Period } from "./types";

/** The period filter: the first and last day (both included); the server names the field it refuses. */
export function PeriodForm({ from, to, errors, onApply }: { from: string; to: string; errors: Record<string, string[]>; onApply: (period: Period) => void }) {
  const first = useSignal(from);
  const last = useSignal(to);
  return (
    <form class="period" aria-label={t("money.period.label")} onSubmit={e => { e.preventDefault(); onApply({ from: first.value, to: last.value }); }}>
      <div>
        <label for="period-from">{t("money.period.from")}</label>
        <input id="period-from" type="date" value={first.value} onInput={e => (first.value = e.currentTarget.value)}
          aria-invalid={errors.from ? "true" : undefined} aria-describedby={errors.from ? "period-from-error" : undefined} />
        {errors.from && <p id="period-from-error" class="error">{errors.from.join(" ")}</p>}
      </div>
      <div>
        <label for="period-to">{t("money.period.to")}</label>
        <input id="period-to" type="date" value={last.value} onInput={e => (last.value = e.currentTarget.value)}
          aria-invalid={errors.to ? "true" : undefined} aria-describedby={errors.to ? "period-to-error" : undefined} />
        {errors.to && <p id="period-to-error" class="error">{errors.to.join(" ")}</p>}
      </div>
      <button type="submit" class="primary">{t("money.period.apply")}</button>
    </form>
  );
}
