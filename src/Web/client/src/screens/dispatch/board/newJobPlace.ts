import { signal } from "@preact/signals";

/** Where a new job goes: while the new-job form is open, a click on the map places it. */
export class NewJobPlace {
  readonly open = signal(false);
  readonly pin = signal<{ lat: number; lng: number } | null>(null);
}
