import { useComputed, useSignal } from "@preact/signals";
import { useCallback, useEffect, useRef } from "preact/hooks";
import { useVirtualRows } from "../../../components/useVirtualRows";
import { t } from "../../../i18n/i18n";
import { clock } from "../format";
import type { Filters } from "../filters/filters";
import type { BoardStore } from "./boardStore";
import type { Candidates } from "./candidates";
import type { BoardDrag } from "./drag";
import { HOUR, percent } from "./scale";
import { TimelineBar } from "./TimelineBar";
import { TimelineRow } from "./TimelineRow";

/** A row's pitch in pixels: compact for a mouse, a finger's height on a touch screen (see .tech-row in dispatch.css). */
const rowHeight = () => (matchMedia("(pointer: coarse)").matches ? 44 : 22);

interface Props {
  store: BoardStore;
  drag: BoardDrag;
  candidates: Candidates;
  filters: Filters;
}

/**
 * The day plan: one compact row per technician on one time scale, so twenty technicians fit under the map on an office
 * screen; more scroll, and only the rows in view are rendered (a fleet of thousands is one board). Refusals show in an
 * alert above the rows and leave everything where it was.
 */
export function Timeline({ store, drag, candidates, filters }: Props) {
  // Every lane is as wide as the scale's: chips need it in pixels to choose the words that fit.
  const laneWidth = useSignal(0);
  const observer = useRef<ResizeObserver | null>(null);
  const measure = useCallback((lane: HTMLDivElement | null) => {
    observer.current?.disconnect();
    if (!lane) return;
    observer.current = new ResizeObserver(() => (laneWidth.value = lane.clientWidth));
    observer.current.observe(lane);
  }, []);

  const board = store.board.value;
  // Only the rows the filters keep; they are counted and placed like the whole list was.
  const technicians = useComputed(() => {
    const all = store.board.value?.technicians ?? [];
    const test = filters.technicianTest.value;
    return filters.active.value ? all.filter(tech => test(tech.id, tech.name)) : all;
  }).value;
  const pitch = rowHeight();
  const rows = useVirtualRows(technicians.length, pitch, 6);
  const shown = technicians.slice(rows.first, rows.last);
  // The map draws the routes of the rows in view.
  const inView = shown.map(tech => tech.id).join(" ");
  useEffect(() => {
    store.rowsInView.value = inView ? inView.split(" ") : [];
  }, [inView]);

  const scale = store.scale.value;
  const zone = store.zone.value;
  const colours = store.colours.value;
  const refusal = store.refusal.value;
  // As many hour marks as the lane has room for (about 48 px each), at most twelve.
  const room = Math.max(2, Math.min(12, Math.floor(laneWidth.value / 48)));
  const step = Math.max(1, Math.ceil((scale.to - scale.from) / HOUR / room)) * HOUR;
  const marks: number[] = [];
  // Whole UTC hours are whole local hours in almost every zone; in a half-hour zone the marks read :30, still right.
  for (let at = Math.ceil(scale.from / HOUR) * HOUR; at < scale.to; at += step) marks.push(at);

  return (
    <section class="timeline-panel" aria-labelledby="timeline-heading">
      <TimelineBar store={store} />
      {refusal && (
        <div class="board-message" role="alert">
          <span>{refusal}</span>
          <button type="button" class="close" onClick={() => (store.refusal.value = null)}>{t("dispatch.board.dismiss")}</button>
        </div>
      )}
      <div class="timeline" ref={rows.ref} onScroll={rows.onScroll} tabIndex={0} role="group" aria-labelledby="timeline-heading">
        {!board ? <p class="muted empty">{t("common.loading")}</p>
          : technicians.length === 0 ? <p class="muted empty">{t(board.technicians.length > 0 ? "dispatch.filters.noRows" : "dispatch.board.noTechnicians")}</p>
          : (
            <>
              <div class="scale" aria-hidden="true">
                <div class="row-head" />
                <div class="lane" ref={measure}>
                  {marks.map(at => <span key={at} class="hour" style={{ insetInlineStart: `${percent(scale, at)}%` }}>{clock(at, zone)}</span>)}
                </div>
              </div>
              <ol class="rows" aria-label={t("dispatch.board.rows")} style={{ height: `${technicians.length * pitch}px` }}>
                {shown.map((tech, offset) => (
                  <TimelineRow key={tech.id} technician={tech} index={rows.first + offset} total={technicians.length} pitch={pitch}
                    colour={colours.get(tech.id) ?? null} scale={scale} laneWidth={laneWidth.value} store={store} drag={drag} candidates={candidates} filters={filters} />
                ))}
              </ol>
            </>
          )}
      </div>
    </section>
  );
}
