// Dragging a job (a tray card or a planned stop) onto a technician's lane, with pointer events on the board's own
// elements: no library, and the same code serves a mouse, a pen and a finger. A drag starts once the pointer has moved
// a few pixels (a press without moving stays a click); the lane under the pointer on release gets the job, at the time
// its x position stands for. On a touch screen a vertical swipe scrolls the page instead (the browser cancels the
// pointer), so the tray stays scrollable; "Select" then "Assign here" is the way without dragging.
import { signal } from "@preact/signals";
import type { BoardJob } from "../format";

const THRESHOLD = 5;

export interface DragState {
  job: BoardJob;
  x: number;
  y: number;
  /** The technician whose lane is under the pointer. */
  over: string | null;
  /** Where across that lane the pointer is, 0 at the start of the day's scale to 1 at its end (the time a drop asks for). */
  fraction: number;
}

export class BoardDrag {
  readonly state = signal<DragState | null>(null);
  private pressed: { job: BoardJob; x: number; y: number; pointerId: number } | null = null;

  constructor(private readonly drop: (technicianId: string, ticketId: string, fraction: number) => void) {}

  /** To be called from a draggable element's pointerdown. */
  press(event: PointerEvent, job: BoardJob): void {
    if (event.button !== 0 || this.pressed) return;
    this.pressed = { job, x: event.clientX, y: event.clientY, pointerId: event.pointerId };
    window.addEventListener("pointermove", this.move);
    window.addEventListener("pointerup", this.release);
    window.addEventListener("pointercancel", this.cancel);
  }

  private readonly move = (event: PointerEvent) => {
    const pressed = this.pressed;
    if (!pressed || event.pointerId !== pressed.pointerId) return;
    if (!this.state.peek() && Math.hypot(event.clientX - pressed.x, event.clientY - pressed.y) < THRESHOLD) return;
    event.preventDefault();
    this.state.value = { job: pressed.job, x: event.clientX, y: event.clientY, ...placeAt(event.clientX, event.clientY) };
  };

  private readonly release = (event: PointerEvent) => {
    if (!this.pressed || event.pointerId !== this.pressed.pointerId) return;
    const dragged = this.state.peek();
    this.end();
    if (!dragged) return;
    // The press and release were a drag, not a click on whatever lies under the pointer now.
    window.addEventListener("click", swallow, { capture: true, once: true });
    setTimeout(() => window.removeEventListener("click", swallow, { capture: true }), 0);
    const { over, fraction } = placeAt(event.clientX, event.clientY);
    if (over) this.drop(over, dragged.job.ticketId, fraction);
  };

  private readonly cancel = () => this.end();

  private end(): void {
    this.pressed = null;
    this.state.value = null;
    window.removeEventListener("pointermove", this.move);
    window.removeEventListener("pointerup", this.release);
    window.removeEventListener("pointercancel", this.cancel);
  }
}

/** The lane under a point and how far across it the point is. */
function placeAt(x: number, y: number): { over: string | null; fraction: number } {
  const lane = document.elementFromPoint(x, y)?.closest<HTMLElement>("[data-lane]");
  if (!lane?.dataset.lane) return { over: null, fraction: 0 };
  const box = lane.getBoundingClientRect();
  const fromStart = document.documentElement.dir === "rtl" ? box.right - x : x - box.left;
  return { over: lane.dataset.lane, fraction: Math.min(1, Math.max(0, fromStart / box.width)) };
}

function swallow(event: Event): void {
  event.stopPropagation();
  event.preventDefault();
}
