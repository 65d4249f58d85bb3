// The day board's state. The server's board is the only truth: every change (ours or anyone's, announced by the hub's
// BoardChanged) ends in reading it again, and nothing moves on the page before the server accepted the move, so a
// refusal (409 with its reason) leaves everything where it was.
import { computed, signal } from "@preact/signals";
import { api, outcome } from "../../../api/client";
import { t } from "../../../i18n/i18n";
import type { DispatchAlert } from "../live";
import type { BoardJob, BoardTechnician, DayBoard } from "../format";
import { routeColours } from "./routeColours";
import { scaleOf } from "./scale";

export class BoardStore {
  readonly board = signal<DayBoard | null>(null);
  /** The day asked for; null until the first read answers with today. */
  readonly day = signal<string | null>(null);
  readonly today = signal<string | null>(null);
  /** The job chosen for a keyboard (or click) assignment. */
  readonly selected = signal<BoardJob | null>(null);
  /** Why the server refused the last change, shown until dismissed or the next change. */
  readonly refusal = signal<string | null>(null);
  /** What the last change did, for the status line. */
  readonly said = signal("");
  readonly alerts = signal<readonly DispatchAlert[]>([]);
  readonly zone = computed(() => this.board.value?.settings.timeZone ?? "UTC");
  /** Route colours of the technicians with stops on the day shown, in row order. */
  readonly colours = computed(() => routeColours((this.board.value?.technicians ?? []).filter(t => t.stops.length > 0).map(t => t.id)));
  /** The technicians whose rows the day plan shows now (it renders only those); the map draws their routes. */
  readonly rowsInView = signal<readonly string[]>([]);
  readonly scale = computed(() => scaleOf(this.board.value));

  private loading: Promise<void> | null = null;
  private again = false;

  /**
   * Reads the board of the day shown. Changes come in bursts (an optimization moves many jobs): one read at a time,
   * and one more after it when anything changed meanwhile.
   */
  load(): Promise<void> {
    if (this.loading) {
      this.again = true;
      return this.loading;
    }
    this.loading = (async () => {
      do {
        this.again = false;
        const day = this.day.peek();
        const answer = await outcome(api.GET("/api/v1/dispatch/board", { params: { query: day ? { day } : {} } }));
        if (!answer.ok) {
          this.refusal.value = answer.problem;
          continue;
        }
        this.today.value ??= answer.data.day;
        if (day === null || answer.data.day === this.day.peek()) this.show(answer.data);
      } while (this.again);
    })().finally(() => (this.loading = null));
    return this.loading;
  }

  show(board: DayBoard): void {
    this.board.value = board;
    this.day.value = board.day;
    this.alerts.value = board.alerts;
    const selected = this.selected.peek();
    if (selected && !findJob(board, selected.ticketId)) this.selected.value = null;
  }

  goTo(day: string | null): void {
    if (!day) return;
    this.day.value = day;
    this.selected.value = null;
    this.refusal.value = null;
    void this.load();
  }

  select(job: BoardJob | null): void {
    this.selected.value = job;
    if (job) this.said.value = t("dispatch.board.selected", { job: job.description });
  }

  async assign(technician: BoardTechnician, ticketId: string, at: Date | null): Promise<void> {
    this.refusal.value = null;
    const job = findJob(this.board.peek(), ticketId);
    const answer = await outcome(api.POST("/api/v1/dispatch/assignments", {
      body: { ticketId, technicianId: technician.id, day: this.day.peek(), at: at?.toISOString() ?? null },
    }));
    if (!answer.ok) {
      this.refusal.value = answer.problem;
      return;
    }
    this.selected.value = null;
    this.said.value = t("dispatch.board.assigned", { job: job?.description ?? t("dispatch.board.theJob"), technician: technician.name });
    this.show(answer.data);
  }

  async unassign(job: BoardJob): Promise<void> {
    this.refusal.value = null;
    const answer = await outcome(api.DELETE("/api/v1/dispatch/assignments/{ticketId}", { params: { path: { ticketId: job.ticketId } } }));
    if (!answer.ok) {
      this.refusal.value = answer.problem;
      return;
    }
    this.said.value = t("dispatch.board.unassigned", { job: job.description });
    await this.load();
  }
}

export function findJob(board: DayBoard | null, ticketId: string): BoardJob | undefined {
  if (!board) return undefined;
  return board.unassigned.find(j => j.ticketId === ticketId)
    ?? board.technicians.flatMap(t => t.stops.map(s => s.job)).find(j => j.ticketId === ticketId);
}
