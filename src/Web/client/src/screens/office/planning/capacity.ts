import { language, t } from "../../../i18n/i18n";
import type { CalendarDay } from "./types";

export type Level = "green" | "amber" | "red";

/** How full a day is: under 70 % has room, up to 100 % is nearly full, past it overbooked; null without a shift. */
export function levelOf(day: Pick<CalendarDay, "bookedMinutes" | "shiftMinutes">): Level | null {
  if (day.shiftMinutes <= 0) return day.bookedMinutes > 0 ? "red" : null;
  const share = day.bookedMinutes / day.shiftMinutes;
  return share < 0.7 ? "green" : share <= 1 ? "amber" : "red";
}

export function hours(minutes: number): string {
  return (Math.round(minutes / 6) / 10).toLocaleString(language.value, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

/** "6.0 of 8.0 h" */
export function bookedOf(day: Pick<CalendarDay, "bookedMinutes" | "shiftMinutes">): string {
  return t("planning.bookedOf", { booked: hours(day.bookedMinutes), shift: hours(day.shiftMinutes) });
}

export function percent(day: Pick<CalendarDay, "bookedMinutes" | "shiftMinutes">): string {
  return day.shiftMinutes > 0 ? `${Math.round((100 * day.bookedMinutes) / day.shiftMinutes)} %` : "";
}
