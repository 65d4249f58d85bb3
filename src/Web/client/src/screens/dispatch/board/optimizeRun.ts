// "Optimize the day" as a proposal: the search answers a plan that changes nothing (POST /proposals waits for its whole
// time budget, meanwhile the hub's OptimizeProgress events of the run's day move the progress bar); the dispatcher then
// looks at it (who gains or loses which job, the totals, the routes on the map) and applies or discards it. Applying
// refuses (409) when the board changed since in a way a move depends on: the page lists why and offers to run again.
import { signal } from "@preact/signals";
import { api, outcome, problemText } from "../../../api/client";
import type { components } from "../../../api/schema";
import { t } from "../../../i18n/i18n";
import type { OptimizeProgress } from "../live";

export type PlanProposal = components["schemas"]["PlanProposal"];
export type ProposedRoute = components["schemas"]["ProposedRoute"];
export type AppliedPlan = components["schemas"]["AppliedPlan"];

/** Why an apply was refused: the server's sentence for each conflicting change, or its one reason when it gave no list. */
export interface Refusal {
  reasons: string[];
}

export class OptimizeRun {
  /** The day being optimized, while a run waits for its answer. */
  readonly day = signal<string | null>(null);
  readonly fraction = signal(0);
  readonly text = signal("");
  /** Whether a run was started on this page (the progress area shows from then on). */
  readonly started = signal(false);
  /** The plan on offer, with its routes' legs along the roads once read; null when none is pending. */
  readonly proposal = signal<PlanProposal | null>(null);
  /** An apply or discard waits for its answer. */
  readonly busy = signal(false);
  readonly refusal = signal<Refusal | null>(null);
  /** What the last step did or why it failed, for the panel's status line. */
  readonly said = signal("");

  async run(day: string, budgetSeconds: number): Promise<void> {
    this.day.value = day;
    this.started.value = true;
    this.proposal.value = null;
    this.refusal.value = null;
    this.said.value = "";
    this.fraction.value = 0;
    this.text.value = t("dispatch.optimize.starting");
    try {
      const answer = await outcome(api.POST("/api/v1/dispatch/proposals", { body: { day, budgetSeconds } }));
      if (!answer.ok) {
        this.text.value = t("dispatch.optimize.failed", { problem: answer.problem });
        return;
      }
      this.fraction.value = 1;
      this.text.value = t("dispatch.plan.ready");
      this.proposal.value = answer.data;
      void this.readRoads(answer.data.id);
    } finally {
      this.day.value = null;
    }
  }

  /** Adopts the proposal; true when it was applied (the board and the undo record then changed). */
  async apply(): Promise<boolean> {
    const proposal = this.proposal.peek();
    if (!proposal || this.busy.peek()) return false;
    this.busy.value = true;
    this.refusal.value = null;
    try {
      const { data, error, response } = await api.POST("/api/v1/dispatch/proposals/{proposalId}/apply", { params: { path: { proposalId: proposal.id } } });
      if (data) {
        this.proposal.value = null;
        this.said.value = t("dispatch.plan.applied", { moved: data.moved });
        return true;
      }
      if (response.status === 404) {
        // Replaced by another run for the day, discarded elsewhere or expired: there is nothing left to apply.
        this.proposal.value = null;
        this.said.value = t("dispatch.plan.gone");
        return false;
      }
      this.refusal.value = { reasons: conflictReasons(error) ?? [problemText(error, response.status)] };
      return false;
    } finally {
      this.busy.value = false;
    }
  }

  async discard(): Promise<void> {
    const proposal = this.proposal.peek();
    if (!proposal || this.busy.peek()) return;
    this.busy.value = true;
    try {
      const answer = await outcome(api.POST("/api/v1/dispatch/proposals/{proposalId}/discard", { params: { path: { proposalId: proposal.id } } }));
      // A 404 means it was gone already: either way nothing is on offer any more and the board is as it was.
      if (answer.ok || answer.status === 404) {
        this.proposal.value = null;
        this.refusal.value = null;
        this.said.value = t("dispatch.plan.discarded");
      } else {
        this.said.value = answer.problem;
      }
    } finally {
      this.busy.value = false;
    }
  }

  /**
   * The board of the proposal's day changed: reads the proposal again for its Stale flag (the routes' legs are kept,
   * its routes do not change), or learns that it is gone. Not while an apply or discard waits: that change is ours.
   */
  async boardChanged(day: string): Promise<void> {
    const proposal = this.proposal.peek();
    if (!proposal || proposal.day !== day || this.busy.peek()) return;
    const { data, response } = await api.GET("/api/v1/dispatch/proposals/{proposalId}", { params: { path: { proposalId: proposal.id } } });
    if (this.proposal.peek()?.id !== proposal.id || this.busy.peek()) return;
    if (data) this.proposal.value = { ...this.proposal.peek()!, stale: data.stale };
    else if (response.status === 404) {
      this.proposal.value = null;
      this.said.value = t("dispatch.plan.gone");
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

  /** The proposed routes' legs along the roads, for the map; without them the map draws the proposal straight. */
  private async readRoads(proposalId: string): Promise<void> {
    const { data } = await api.GET("/api/v1/dispatch/proposals/{proposalId}", { params: { path: { proposalId }, query: { geometry: true } } });
    if (data && this.proposal.peek()?.id === proposalId) this.proposal.value = data;
  }
}

/** The reasons of a 409's `conflicts` (ProposalConflict: ticketId, technicianId, reason); null when it has none. */
function conflictReasons(problem: unknown): string[] | null {
  const conflicts = (problem as { conflicts?: { reason?: unknown }[] } | undefined)?.conflicts;
  const reasons = Array.isArray(conflicts) ? conflicts.map(c => c.reason).filter((r): r is string => typeof r === "string" && r !== "") : [];
  return reasons.length > 0 ? reasons : null;
}
