import { t } from "../../../i18n/i18n";
import type { Refusal } from "./optimizeRun";

interface Props {
  refusal: Refusal;
  busy: boolean;
  onRunAgain(): void;
  onDiscard(): void;
}

/** Why the plan could not be applied (the board changed since), with the two ways on: a fresh run, or dropping it. */
export function PlanRefusal({ refusal, busy, onRunAgain, onDiscard }: Props) {
  return (
    <div class="plan-refusal" role="alert">
      <strong>{t("dispatch.plan.refusedHeading")}</strong>
      <p class="small">{t("dispatch.plan.refusedIntro")}</p>
      <ul class="small">{refusal.reasons.map(reason => <li key={reason}>{reason}</li>)}</ul>
      <div class="row">
        <button type="button" class="primary" disabled={busy} onClick={onRunAgain}>{t("dispatch.plan.runAgain")}</button>
        <button type="button" disabled={busy} onClick={onDiscard}>{t("dispatch.plan.discard")}</button>
      </div>
    </div>
  );
}
