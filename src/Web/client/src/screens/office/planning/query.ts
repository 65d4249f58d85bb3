import { signal } from "@preact/signals";
import type { TicketPriority, TicketStatus } from "./types";

export type View = "week" | "month" | "capacity" | "assign";

/** What the screen shows; all of it lives in the address's query, so a link reproduces the view. */
export interface PlanningQuery {
  view: View;
  /** The day the views are anchored on (its week, its month, the bulk tray's day); empty: today. */
  day: string;
  technician: string;
  skill: string;
  status: TicketStatus | "";
  priority: TicketPriority | "";
}

const views: View[] = ["week", "month", "capacity", "assign"];
const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

function read(): PlanningQuery {
  const q = new URLSearchParams(location.search);
  const view = q.get("view") as View;
  const day = q.get("day") ?? "";
  return {
    view: views.includes(view) ? view : "week",
    day: dayPattern.test(day) ? day : "",
    technician: q.get("technician") ?? "",
    skill: q.get("skill") ?? "",
    status: (q.get("status") ?? "") as TicketStatus | "",
    priority: (q.get("priority") ?? "") as TicketPriority | "",
  };
}

export const query = signal<PlanningQuery>(read());

/** The address for a query: empty fields are left out, so the plain screen stays /office/planning/. */
export function href(next: PlanningQuery): string {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(next)) if (value && !(key === "view" && value === "week")) q.set(key, value);
  const text = q.toString();
  return location.pathname + (text ? "?" + text : "");
}

/** Changes part of the query and records it in the address (a new history entry, so Back returns to the last view). */
export function update(change: Partial<PlanningQuery>): void {
  const next = { ...query.value, ...change };
  history.pushState(null, "", href(next));
  query.value = next;
}

addEventListener("popstate", () => (query.value = read()));
