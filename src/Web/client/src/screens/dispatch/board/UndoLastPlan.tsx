import { When } from "../../../components/time";
import { t } from "../../../i18n/i18n";
import type { LastPlan } from "./lastPlan";

/** The offer to undo the last applied plan (while it can be), and what an undo did, including the jobs it left. */
export function UndoLastPlan({ last, zone, onUndo }: { last: LastPlan; zone: string; onUndo(): void }) {
  const plan = last.plan.value;
  const undone = last.undone.value;
  if (!plan && !undone) return null;
  return (
    <section class="undo-plan" aria-labelledby="undo-plan-heading">
      <h3 id="undo-plan-heading">{t("dispatch.plan.lastHeading")}</h3>
      {plan && (
        <>
          <p class="small">
            <When at={plan.appliedAt} zone={zone} /> {t("dispatch.plan.lastApplied", { who: plan.appliedBy, moved: plan.moved })}
          </p>
          <button type="button" disabled={last.busy.value} aria-busy={last.busy.value} onClick={onUndo}>{t("dispatch.plan.undo")}</button>
        </>
      )}
      {undone && undone.kept.length > 0 && (
        <>
          <p class="small">{t("dispatch.plan.keptIntro")}</p>
          <ul class="small">{undone.kept.map(k => <li key={k.ticketId}>{t("dispatch.plan.keptJob", { job: k.title, reason: k.reason })}</li>)}</ul>
        </>
      )}
    </section>
  );
}
