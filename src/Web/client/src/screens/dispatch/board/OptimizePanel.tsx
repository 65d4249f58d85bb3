import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { t } from "../../../i18n/i18n";
import type { BoardStore } from "./boardStore";
import type { LastPlan } from "./lastPlan";
import type { OptimizeRun } from "./optimizeRun";
import { PlanPreview } from "./PlanPreview";
import { PlanRefusal } from "./PlanRefusal";
import { UndoLastPlan } from "./UndoLastPlan";

const BUDGETS = [3, 10, 30];

interface Props {
  store: BoardStore;
  run: OptimizeRun;
  last: LastPlan;
}

/**
 * "Optimize the day" with its time budget and progress while it searches, then the proposed plan to apply or discard
 * (nothing changes before Apply), and the offer to undo the last plan applied.
 */
export function OptimizePanel({ store, run, last }: Props) {
  const budget = useSignal(3);
  const day = store.day.value;
  const running = run.day.value !== null;
  const proposal = run.proposal.value;
  const refusal = run.refusal.value;
  // Whether a plan can be undone is the server's to say, and survives a reload.
  useEffect(() => void last.load(), []);

  async function optimize() {
    if (!day) return;
    store.refusal.value = null;
    await run.run(day, budget.value);
  }

  async function apply() {
    if (!(await run.apply())) return;
    last.applied();
    await store.load();
  }

  async function undo() {
    run.said.value = "";
    if (await last.undo()) await store.load();
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
        <button type="button" class="primary" disabled={!day || running || run.busy.value} aria-busy={running} onClick={() => void optimize()}>{t("dispatch.optimize.run")}</button>
      </div>
      {run.started.value && (
        <div class="progress">
          <progress max={1} value={run.fraction.value} aria-label={t("dispatch.optimize.progressLabel")} />
          <div class="small muted" aria-live="polite">{run.text.value}</div>
        </div>
      )}
      {refusal && <PlanRefusal refusal={refusal} busy={running || run.busy.value} onRunAgain={() => void optimize()} onDiscard={() => void run.discard()} />}
      {proposal && !running && (
        <PlanPreview proposal={proposal} busy={run.busy.value} onApply={() => void apply()} onDiscard={() => void run.discard()} />
      )}
      <p class="small plan-said" aria-live="polite">{run.said.value || last.said.value}</p>
      <UndoLastPlan last={last} zone={store.zone.value} onUndo={() => void undo()} />
    </section>
  );
}
