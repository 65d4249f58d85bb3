// What a technician's row says while a job is picked up: whether they can take it (the server's answer, by the
// assignment's rules) and, on the row under the pointer, whether the time pointed at overlaps one of their stops.
import { t } from "../../../i18n/i18n";
import { clock, type BoardTechnician } from "../format";
import type { Candidates, Conflict } from "./candidates";
import { conflictsLong, conflictsShort } from "./conflictText";
import type { BoardDrag } from "./drag";
import { timeAt, type Scale } from "./scale";

export interface RowVerdict {
  /** "cannot": the assignment would be refused; "overlap": it would work, but not at the time pointed at; "can": it would work. */
  kind: "cannot" | "overlap" | "can";
  /** A few words, shown on the row. */
  short: string;
  /** The reasons in full, for the tooltip and a screen reader. */
  long: string;
}

export function rowVerdict(tech: BoardTechnician, candidates: Candidates, drag: BoardDrag, scale: Scale, zone: string): RowVerdict | null {
  const verdict = candidates.verdict(tech.id);
  if (!verdict) return null;
  if (!verdict.canTake) {
    // A job nobody can take that day (under way, promised another day) says so on every row.
    const refused = candidates.answer.value?.refused;
    return refused
      ? { kind: "cannot", short: t("dispatch.candidates.nobody"), long: refused }
      : { kind: "cannot", short: conflictsShort(verdict.reasons), long: conflictsLong(verdict.reasons) };
  }
  const dragged = drag.state.value;
  if (dragged?.over === tech.id) {
    const from = timeAt(scale, dragged.fraction).getTime();
    const to = from + dragged.job.estimatedMinutes * 60_000;
    const clash = tech.stops.find(s => s.job.ticketId !== dragged.job.ticketId && Date.parse(s.plannedStart) < to && Date.parse(s.plannedDeparture) > from);
    if (clash) {
      const overlap: Conflict = {
        kind: "DoubleBooking",
        detail: clash.job.description,
        message: t("dispatch.candidates.overlap", { job: clash.job.description, from: clock(clash.plannedStart, zone), to: clock(clash.plannedDeparture, zone) }),
      };
      return { kind: "overlap", short: conflictsShort([overlap]), long: conflictsLong([overlap]) };
    }
  }
  return { kind: "can", short: t("dispatch.candidates.canTake"), long: t("dispatch.candidates.canTake") };
}
