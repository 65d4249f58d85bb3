// The board's time scale: one for every row, so a drop's x position is a time (the `at` of an assignment). It spans
// the shifts and the planned stops of the day.
import type { DayBoard } from "../format";

export const HOUR = 3_600_000;

export interface Scale {
  from: number;
  to: number;
}

export function scaleOf(board: DayBoard | null): Scale {
  const times: number[] = [];
  for (const t of board?.technicians ?? []) {
    if (t.shiftStart && t.shiftEnd) times.push(Date.parse(t.shiftStart), Date.parse(t.shiftEnd));
    for (const s of t.stops) times.push(Date.parse(s.plannedStart), Date.parse(s.plannedDeparture));
  }
  if (times.length === 0) {
    // Nobody works this day: show the calendar day (UTC) so the rows still have a scale to drop onto.
    const start = Date.parse((board?.day ?? new Date().toISOString().slice(0, 10)) + "T00:00:00Z");
    return { from: start, to: start + 24 * HOUR };
  }
  const from = Math.min(...times);
  return { from, to: Math.max(Math.max(...times), from + HOUR) };
}

/** Where an instant falls on the scale, as a percentage of its width. */
export const percent = (scale: Scale, at: number): number => ((at - scale.from) / (scale.to - scale.from)) * 100;

export const timeAt = (scale: Scale, fraction: number): Date => new Date(scale.from + fraction * (scale.to - scale.from));
