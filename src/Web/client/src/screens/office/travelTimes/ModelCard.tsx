import type { ComponentChildren } from "preact";
import { When } from "../../../components/time";
import { t } from "../../../i18n/i18n";
import { WeekChart } from "./WeekChart";
import { isRunning, type ModelStatus } from "./types";

/** One model: what it learned from, its week drawn, and training's stage and progress while it runs. */
export function ModelCard({ title, empty, status, zone, children }: { title: string; empty: string; status: ModelStatus; zone: string; children?: ComponentChildren }) {
  const summary = status.activeSummary;
  return (
    <section class="card model" aria-label={title}>
      <h3>{title}</h3>
      {status.activeVersion && summary ? (
        <>
          <p>{t("travel.version", { version: status.activeVersion })}{" "}
            {status.activeTrainedAt && <>· {t("travel.trainedAt")} <When at={status.activeTrainedAt} zone={zone} /></>}</p>
          <p class="muted">{t("travel.summary", { trips: summary.trips, fixes: summary.fixes, edges: summary.edgesObserved })}</p>
          {status.slotFactors && status.slotFactors.length === 48 && <WeekChart factors={status.slotFactors} />}
        </>
      ) : <p class="muted">{empty}</p>}
      {isRunning(status) && (
        <div class="training" role="status">
          <span>{t(`travel.stage.${status.stage}` as "travel.stage.matching")}{status.message ? ` · ${status.message}` : ""}</span>
          <progress max={1} value={status.progress} aria-label={t("travel.progress")} />
        </div>
      )}
      {status.stage === "failed" && <p class="error" role="alert">{t("travel.failed", { message: status.message ?? "" })}</p>}
      {status.lastDecision && <p class="decision">{t("travel.decision", { decision: status.lastDecision })}</p>}
      {children}
    </section>
  );
}
