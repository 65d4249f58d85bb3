// Formatting shared by the dispatch screen's parts. Times are the company's (the board's time zone), through
// components/time.tsx; durations and windows are worded here.
import { t } from "../../i18n/i18n";
import { timeOfDay } from "../../components/time";
import type { components } from "../../api/schema";

export type DayBoard = components["schemas"]["DayBoard"];
export type BoardTechnician = components["schemas"]["BoardTechnician"];
export type BoardStop = components["schemas"]["BoardStop"];
export type BoardJob = components["schemas"]["BoardJob"];
export type TicketPriority = components["schemas"]["TicketPriority"];
export type TimeWindow = components["schemas"]["TimeWindow"];

export const clock = (instant: string | number | Date, zone: string): string => timeOfDay(new Date(instant), zone);

export function windowText(window: TimeWindow | null, zone: string): string {
  return window ? `${clock(window.start, zone)}–${clock(window.end, zone)}` : t("dispatch.anyTime");
}

export function duration(minutes: number): string {
  const m = Math.round(minutes);
  if (m < 60) return t("dispatch.minutes", { m });
  return m % 60 === 0 ? t("dispatch.hours", { h: m / 60 }) : t("dispatch.hoursMinutes", { h: Math.floor(m / 60), m: m % 60 });
}

const priorityKeys = { Emergency: "dispatch.priority.emergency", High: "dispatch.priority.high", Routine: "dispatch.priority.routine" } as const;

export const priorityLabel = (priority: TicketPriority): string => t(priorityKeys[priority]);

export const PRIORITY_RANK: Record<TicketPriority, number> = { Emergency: 0, High: 1, Routine: 2 };

/** yyyy-MM-dd of a day shifted by whole days (calendar arithmetic: no time zone is involved). */
export function addDays(day: string, days: number): string {
  const date = new Date(day + "T00:00:00Z");
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * The instant a wall-clock time ("2026-12-05T09:30", as a datetime-local input gives it) stands for in a time zone:
 * a dispatcher enters the company's hours wherever their browser is. In a spring-forward gap it moves on by the gap.
 */
export function instantIn(local: string, zone: string): Date {
  const wall = Date.parse(local + (local.length === 16 ? ":00Z" : "Z"));
  let instant = wall - offsetAt(wall, zone);
  const corrected = wall - offsetAt(instant, zone); // across a change of offset, the second guess is the right one
  if (corrected !== instant) instant = corrected;
  return new Date(instant);
}

/** How far the zone's wall clock is ahead of UTC at an instant, in milliseconds. */
function offsetAt(instant: number, zone: string): number {
  const parts = Object.fromEntries(new Intl.DateTimeFormat("en-US", {
    timeZone: zone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit",
  }).formatToParts(instant).map(p => [p.type, Number(p.value)]));
  return Date.UTC(parts.year!, parts.month! - 1, parts.day, parts.hour, parts.minute, parts.second) - Math.floor(instant / 1000) * 1000;
}
