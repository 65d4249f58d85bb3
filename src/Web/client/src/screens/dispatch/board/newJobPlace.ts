import { signal } from "@preact/signals";

/** Whether the new-job form is open, and where its job will be (the chosen property), shown as a pin on the map. */
export class NewJobPlace {
  readonly open = signal(false);
  readonly pin = signal<{ lat: number; lng: number } | null>(null);
}
