// Every technician of the company as the live map knows them. Hub messages come in bursts (a fleet of 5,000 sends
// several batches a second); they are only queued as they arrive, newest position per technician winning, and applied
// together in one animation frame: each changed technician's signal is set once (so only their list row and details
// re-render), then the map hears which technicians changed (so it moves only their markers). A hidden tab gets no
// frames, and its queue stays one entry per technician however long it waits.
import { batch, signal, type ReadonlySignal, type Signal } from "@preact/signals";
import type { LivePosition, LiveTechnician, TechnicianStatus } from "../live";

export interface Technician {
  readonly id: string;
  readonly name: string;
  readonly status: TechnicianStatus;
  /** The newest position heard, null before the first ping. */
  readonly position: LivePosition | null;
}

type Listener = (changed: readonly Technician[]) => void;

export class Fleet {
  private readonly technicians = new Map<string, Signal<Technician>>();
  private readonly ordered = signal<readonly string[]>([]);
  private pending = new Map<string, Technician>();
  private frame = 0;
  private readonly listeners = new Set<Listener>();
  private readonly collator = new Intl.Collator(undefined, { sensitivity: "base", numeric: true });

  /** Every technician's id, by name; it changes when someone joins or is renamed, never when someone moves. */
  get roster(): ReadonlySignal<readonly string[]> {
    return this.ordered;
  }

  technician(id: string): ReadonlySignal<Technician> | undefined {
    return this.technicians.get(id);
  }

  *all(): IterableIterator<Technician> {
    for (const held of this.technicians.values()) yield held.peek();
  }

  /** Called with the technicians that changed in a frame, after their signals were set. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The hub's snapshot, sent on every (re)connect. */
  snapshot(technicians: readonly LiveTechnician[]): void {
    for (const t of technicians) this.queue({ id: t.id, name: t.name, status: t.status, position: t.position });
  }

  /** A batch of the hub's position changes. */
  positions(positions: readonly LivePosition[]): void {
    for (const p of positions) this.queue({ id: p.id, name: p.name, status: p.status, position: p });
  }

  private queue(update: Technician): void {
    const queued = this.pending.get(update.id);
    // Name and status come from the message heard last; a position older than one already heard is ignored, so a
    // snapshot that arrives after a delta cannot move a marker backwards.
    this.pending.set(update.id, queued ? { ...update, position: newest(queued.position, update.position) } : update);
    this.frame ||= requestAnimationFrame(() => this.flush());
  }

  private flush(): void {
    this.frame = 0;
    const updates = this.pending;
    this.pending = new Map();
    const changed: Technician[] = [];
    let reorder = false;
    batch(() => {
      for (const update of updates.values()) {
        const held = this.technicians.get(update.id);
        if (!held) {
          this.technicians.set(update.id, signal(update));
          changed.push(update);
          reorder = true;
          continue;
        }
        const known = held.peek();
        const position = newest(known.position, update.position);
        if (known.name === update.name && known.status === update.status && known.position === position) continue;
        reorder ||= known.name !== update.name;
        const next = { ...update, position };
        held.value = next;
        changed.push(next);
      }
      if (reorder) this.ordered.value = this.sortedIds();
    });
    for (const listener of this.listeners) listener(changed);
  }

  private sortedIds(): string[] {
    return [...this.technicians.values()]
      .map(held => held.peek())
      .sort((a, b) => this.collator.compare(a.name, b.name) || (a.id < b.id ? -1 : 1))
      .map(t => t.id);
  }
}

function newest(held: LivePosition | null, heard: LivePosition | null): LivePosition | null {
  if (!heard) return held;
  if (!held) return heard;
  return Date.parse(heard.time) >= Date.parse(held.time) ? heard : held;
}
