// "Optimize the day": the request waits for its whole time budget, meanwhile the hub's OptimizeProgress events of the
// run's day move the progress bar; the answer is the before/after report.
import { signal } from "@preact/signals";
import { api, outcome } from "../../../api/client";
import type { components } from "../../../api/schema";
import { t } from "../../../i18n/i18n";
import type { OptimizeProgress } from "../live";

export type OptimizationReport = components["schemas"]["OptimizationReport"];

export class OptimizeRun {
  /** The day being optimized, while a run waits for its answer. */
  readonly day = signal<string | null>(null);
  readonly fraction = signal(0);
  readonly text = signal("");
  readonly report = signal<OptimizationReport | null>(null);
  /** Whether a run was started on this page (the progress area shows from then on). */
  readonly started = signal(false);

  async run(day: string, budgetSeconds: number): Promise<void> {
    this.day.value = day;
    this.started.value = true;
    this.report.value = null;
    this.fraction.value = 0;
    this.text.value = t("dispatch.optimize.starting");
    try {
      const answer = await outcome(api.POST("/api/v1/dispatch/optimize", { body: { day, budgetSeconds } }));
      if (answer.ok) {
        this.fraction.value = 1;
        this.text.value = answer.data.adopted ? t("dispatch.optimize.doneAdopted") : t("dispatch.optimize.doneKept");
        this.report.value = answer.data;
      } else {
        this.text.value = t("dispatch.optimize.failed", { problem: answer.problem });
      }
    } finally {
      this.day.value = null;
    }
  }

  progress(p: OptimizeProgress): void {
    if (p.day !== this.day.peek()) return;
    this.fraction.value = p.fraction;
    this.text.value = t("dispatch.optimize.progress", {
      percent: Math.round(p.fraction * 100),
      km: p.bestKilometers.toFixed(1),
      unassigned: p.unassigned,
    });
  }
}
