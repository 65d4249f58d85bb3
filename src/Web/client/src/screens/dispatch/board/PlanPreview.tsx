import { Day } from "../../../components/time";
import { t } from "../../../i18n/i18n";
import type { PlanProposal } from "./optimizeRun";
import { PlanFigures } from "./PlanFigures";
import { PlanMoves } from "./PlanMoves";

interface Props {
  proposal: PlanProposal;
  busy: boolean;
  onApply(): void;
  onDiscard(): void;
}

/** A proposed plan before anything changes: the search's verdict, the figures, who gains and loses what, Apply or Discard. */
export function PlanPreview({ proposal, busy, onApply, onDiscard }: Props) {
  return (
    <section class="result plan-preview" aria-labelledby="plan-preview-heading">
      <h3 id="plan-preview-heading">{t("dispatch.plan.heading")} <span class="muted"><Day day={proposal.day} /></span></h3>
      <p class="muted small">{t("dispatch.plan.notApplied")}</p>
      <p class="report-message">{proposal.message}</p>
      {proposal.stale && <p class="plan-stale small">{t("dispatch.plan.stale")}</p>}
      <PlanFigures before={proposal.before} after={proposal.after} />
      <p class="muted small">
        {t("dispatch.plan.unassigned", { before: proposal.before.unassigned, after: proposal.after.unassigned })}{" "}
        {t("dispatch.plan.tried", { plans: proposal.iterations.toLocaleString() })}
      </p>
      <PlanMoves proposal={proposal} />
      <p class="muted small">{t("dispatch.plan.mapNote")}</p>
      <div class="row plan-actions">
        <button type="button" class="primary" disabled={busy} aria-busy={busy} onClick={onApply}>{t("dispatch.plan.apply")}</button>
        <button type="button" disabled={busy} onClick={onDiscard}>{t("dispatch.plan.discard")}</button>
      </div>
    </section>
  );
}
