// The last applied plan, which can be undone (GET /plans/last, POST /plans/last/undo). Read when the page opens, so
// the offer to undo survives a reload, and again when any board changes (another dispatcher may apply or undo one).
import { signal } from "@preact/signals";
import { api, outcome } from "../../../api/client";
import type { components } from "../../../api/schema";
import { t } from "../../../i18n/i18n";
import type { AppliedPlan } from "./optimizeRun";

export type UndoReport = components["schemas"]["UndoReport"];

export class LastPlan {
  readonly plan = signal<AppliedPlan | null>(null);
  readonly undone = signal<UndoReport | null>(null);
  readonly busy = signal(false);
  readonly said = signal("");

  private reads = 0;
  private settle = 0;

  async load(): Promise<void> {
    const read = ++this.reads;
    const { data, response } = await api.GET("/api/v1/dispatch/plans/last");
    if (read !== this.reads) return; // a later read answers for a later state
    if (data) this.plan.value = data;
    else if (response.status === 404) this.plan.value = null;
  }

  /** Board changes come in bursts (a plan moves many jobs, each announced): one read once a burst has settled. */
  loadSoon(): void {
    clearTimeout(this.settle);
    this.settle = window.setTimeout(() => void this.load(), 300);
  }

  /** Gives the plan's jobs back to whom had them; true when it was undone. */
  async undo(): Promise<boolean> {
    if (this.busy.peek()) return false;
    this.busy.value = true;
    this.undone.value = null;
    try {
      const answer = await outcome(api.POST("/api/v1/dispatch/plans/last/undo"));
      if (answer.ok) {
        this.plan.value = null;
        this.undone.value = answer.data;
        this.said.value = t("dispatch.plan.undone", { restored: answer.data.restored });
        return true;
      }
      this.said.value = answer.problem;
      if (answer.status === 404) this.plan.value = null; // undone elsewhere meanwhile
      return false;
    } finally {
      this.busy.value = false;
    }
  }

  /** A new plan was applied from this page: the undo offer is about it from now on. */
  applied(): void {
    this.undone.value = null;
    this.said.value = "";
    void this.load();
  }
}
