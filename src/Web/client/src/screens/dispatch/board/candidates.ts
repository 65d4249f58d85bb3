// Who can take the job the dispatcher has picked up (dragged, or "Select"ed for the keyboard), asked of the server,
// which answers by the assignment's own checks. Asked once per job picked up, never per pointer move: the ghost
// follows the pointer at once and the rows are marked when the answer arrives. An answer for a job no longer picked
// up (or another day) is dropped.
import { computed, effect, signal } from "@preact/signals";
import type { components } from "../../../api/schema";
import { api, outcome } from "../../../api/client";
import type { BoardStore } from "./boardStore";
import type { BoardDrag } from "./drag";

export type Conflict = components["schemas"]["AssignmentConflict"];
export type TechnicianCandidate = components["schemas"]["TechnicianCandidate"];

export interface CandidatesAnswer {
  ticketId: string;
  /** Why nobody can take it that day (it is under way, promised another day); null when it depends on the technician. */
  refused: string | null;
  byTechnician: ReadonlyMap<string, TechnicianCandidate>;
}

export class Candidates {
  readonly answer = signal<CandidatesAnswer | null>(null);
  /** The job picked up now: the one dragged, else the one selected. */
  readonly ticketId = computed(() => this.drag.state.value?.job.ticketId ?? this.board.selected.value?.ticketId ?? null);
  private readonly stop: () => void;

  constructor(private readonly board: BoardStore, private readonly drag: BoardDrag) {
    this.stop = effect(() => void this.ask(this.ticketId.value, this.board.day.value, this.board.board.value?.version ?? null));
  }

  dispose(): void {
    this.stop();
  }

  /** The answer about a technician, while it is about the job picked up now; undefined otherwise (nothing to mark yet). */
  verdict(technicianId: string): TechnicianCandidate | undefined {
    const answer = this.answer.value;
    return answer && answer.ticketId === this.ticketId.value ? answer.byTechnician.get(technicianId) : undefined;
  }

  private async ask(ticketId: string | null, day: string | null, _version: string | null): Promise<void> {
    if (!ticketId || !day) {
      this.answer.value = null;
      return;
    }
    if (this.answer.peek()?.ticketId !== ticketId) this.answer.value = null;
    const reply = await outcome(api.GET("/api/v1/dispatch/jobs/{ticketId}/candidates", { params: { path: { ticketId }, query: { day } } }));
    // Dropped when the dispatcher has let go of the job, or picked up another, meanwhile.
    if (!reply.ok || this.ticketId.peek() !== ticketId || this.board.day.peek() !== day) return;
    this.answer.value = {
      ticketId,
      refused: reply.data.refused ?? null,
      byTechnician: new Map(reply.data.technicians.map(c => [c.technicianId, c])),
    };
  }
}
