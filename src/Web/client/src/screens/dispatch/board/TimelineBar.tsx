import { dateOnly } from "../../../components/time";
import { t } from "../../../i18n/i18n";
import { addDays } from "../format";
import type { BoardStore } from "./boardStore";

/** The day plan's heading line: the day picker, what day it is, the plan's totals and what the last change did. */
export function TimelineBar({ store }: { store: BoardStore }) {
  const board = store.board.value;
  const day = store.day.value;
  const today = store.today.value;
  const s = board?.summary;
  return (
    <div class="timeline-bar">
      <h2 id="timeline-heading">{t("dispatch.board.heading")}</h2>
      <nav class="day-picker" aria-label={t("dispatch.board.dayNav")}>
        <button type="button" aria-label={t("dispatch.board.previousDay")} disabled={!day} onClick={() => store.goTo(day && addDays(day, -1))}>‹</button>
        <input type="date" aria-label={t("dispatch.board.dayShown")} value={day ?? ""} onChange={e => store.goTo(e.currentTarget.value)} />
        <button type="button" aria-label={t("dispatch.board.nextDay")} disabled={!day} onClick={() => store.goTo(day && addDays(day, 1))}>›</button>
        <button type="button" disabled={!today || day === today} onClick={() => store.goTo(today)}>{t("dispatch.board.today")}</button>
      </nav>
      {board && (
        <span class="day-name">
          {board.day === today ? t("dispatch.board.todayIs", { day: dateOnly(noon(board.day), "UTC") }) : dateOnly(noon(board.day), "UTC")}
        </span>
      )}
      {s && (
        <span class="muted small">
          {t("dispatch.board.summary", { km: s.kilometers.toFixed(1), late: Math.round(s.minutesLate), lateJobs: s.lateJobs, unassigned: s.unassigned })}
        </span>
      )}
      <span class="spacer" />
      <span class="small muted board-status" role="status">{store.said.value}</span>
    </div>
  );
}

/** Noon UTC of a calendar day: the same date in any zone's wording of it. */
const noon = (day: string) => new Date(day + "T12:00:00Z");
