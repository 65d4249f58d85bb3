import { useSignal } from "@preact/signals";
import { language, t } from "../../../i18n/i18n";
import type { BoardStore } from "./boardStore";
import { CompareBars } from "./CompareBars";
import type { OptimizeRun } from "./optimizeRun";

const BUDGETS = [3, 10, 30];

interface Props {
  store: BoardStore;
  run: OptimizeRun;
}

/** "Optimize the day" with its time budget, progress while it searches, and the report drawn as before/after bars. */
export function OptimizePanel({ store, run }: Props) {
  const budget = useSignal(3);
  const day = store.day.value;
  const running = run.day.value !== null;
  const report = run.report.value;
  const oneDecimal = new Intl.NumberFormat(language.value, { minimumFractionDigits: 1, maximumFractionDigits: 1, useGrouping: false });

  async function optimize() {
    if (!day) return;
    store.refusal.value = null;
    await run.run(day, budget.value);
    await store.load();
  }

  return (
    <section class="panel optimize" aria-labelledby="optimize-heading">
      <h2 id="optimize-heading">{t("dispatch.optimize.heading")}</h2>
      <div class="row">
        <label for="optimize-budget" class="inline">{t("dispatch.optimize.budget")}</label>
        <select id="optimize-budget" value={String(budget.value)} onChange={e => (budget.value = Number(e.currentTarget.value))}>
          {BUDGETS.map(s => <option key={s} value={String(s)}>{t("dispatch.optimize.seconds", { s })}</option>)}
        </select>
        {/* The label stays put (it is the button's name); disabled and aria-busy say that it runs. */}
        <button type="button" class="primary" disabled={!day || running} aria-busy={running} onClick={() => void optimize()}>{t("dispatch.optimize.run")}</button>
      </div>
      {run.started.value && (
        <div class="progress">
          <progress max={1} value={run.fraction.value} aria-label={t("dispatch.optimize.progressLabel")} />
          <div class="small muted" aria-live="polite">{run.text.value}</div>
        </div>
      )}
      {report && !running && (
        <section class="result" aria-label={t("dispatch.optimize.result")}>
          <h3>{report.adopted ? t("dispatch.optimize.adopted") : t("dispatch.optimize.kept")}</h3>
          <p class="report-message">{report.message}</p>
          <CompareBars title={t("dispatch.optimize.driving")} before={report.before.kilometers} after={report.after.kilometers}
            format={v => t("dispatch.optimize.km", { km: oneDecimal.format(v) })} />
          <CompareBars title={t("dispatch.optimize.lateness")} before={report.before.minutesLate} after={report.after.minutesLate}
            format={v => t("dispatch.optimize.minutesLate", { minutes: Math.round(v) })} />
          <p class="muted small">
            {report.adopted ? t("dispatch.optimize.moved", { moved: report.moved }) + " " : ""}
            {t("dispatch.optimize.tried", { plans: report.iterations.toLocaleString(), unassigned: report.after.unassigned })}
          </p>
        </section>
      )}
    </section>
  );
}
