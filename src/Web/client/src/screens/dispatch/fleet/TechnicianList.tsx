import { useComputed, useSignal, useSignalEffect } from "@preact/signals";
import { useCallback, useLayoutEffect, useRef } from "preact/hooks";
import { useVirtualRows } from "../../../components/useVirtualRows";
import { t } from "../../../i18n/i18n";
import type { Filters } from "../filters/filters";
import type { Fleet } from "./fleet";
import type { Selection } from "./selection";
import { ROW_HEIGHT, TechnicianRow } from "./TechnicianRow";

interface Props {
  fleet: Fleet;
  selection: Selection;
  filters: Filters;
}

/**
 * The technicians, by name, searchable (the search is the dashboard's technician filter, see filters.ts), for a fleet of thousands: only the rows in view (and a few around them) are in
 * the DOM (useVirtualRows). Each row is a button; the arrow keys, Home, End, Page Up and Page Down move between rows,
 * and Tab leaves the list from the row last reached (a roving tabindex).
 */
export function TechnicianList({ fleet, selection, filters }: Props) {
  const active = useSignal(0);
  const focusIndex = useRef<number | null>(null);
  const scroller = useRef<HTMLDivElement | null>(null);

  const ids = useComputed(() => {
    const test = filters.technicianTest.value;
    const all = fleet.roster.value;
    return filters.active.value ? all.filter(id => test(id, fleet.technician(id)?.peek().name ?? "")) : all;
  });
  const list = ids.value;
  const rows = useVirtualRows(list.length, ROW_HEIGHT);
  const attach = useCallback((element: HTMLDivElement | null) => {
    scroller.current = element;
    rows.ref(element);
  }, []);

  // Bring the opened technician's row into view, wherever they were opened from (the list or the map); after the next
  // frame, when the details panel above has taken its room from the list.
  useSignalEffect(() => {
    const index = ids.peek().indexOf(selection.technicianId.value ?? "");
    if (index < 0) return;
    const frame = requestAnimationFrame(() => moveTo(index, false));
    return () => cancelAnimationFrame(frame);
  });

  // After a keyboard move has rendered its row, focus it.
  useLayoutEffect(() => {
    if (focusIndex.current === null) return;
    scroller.current?.querySelector<HTMLElement>(`button[data-index="${focusIndex.current}"]`)?.focus();
    focusIndex.current = null;
  });

  function moveTo(index: number, focus: boolean) {
    const count = ids.peek().length;
    if (count === 0) return;
    const target = Math.max(0, Math.min(count - 1, index));
    active.value = target;
    rows.reveal(target);
    if (focus) focusIndex.current = target;
  }

  function onKeyDown(event: KeyboardEvent) {
    const at = active.peek();
    const moves: Record<string, number> = {
      ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: ids.peek().length - 1, PageDown: at + rows.perPage - 1, PageUp: at - rows.perPage + 1,
    };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    moveTo(target, true);
  }

  // The row Tab reaches: the one last moved to, or the first drawn when that one has scrolled away.
  const tabbable = active.value >= rows.first && active.value < rows.last ? active.value : rows.first;
  const selectedId = selection.technicianId.value;
  const total = fleet.roster.value.length;

  return (
    <section class="fleet" aria-labelledby="fleet-heading">
      <h2 id="fleet-heading">{t("dispatch.fleet.heading")} <span class="badge">{t("dispatch.fleet.count", { count: total })}</span></h2>
      <input type="search" placeholder={t("dispatch.fleet.search")} aria-label={t("dispatch.fleet.search")} value={filters.technician.value}
        onInput={e => {
          filters.technician.value = e.currentTarget.value;
          active.value = 0;
          rows.reveal(0);
        }} />
      <div class="fleet-scroll" ref={attach} onScroll={rows.onScroll}>
        {list.length === 0
          ? <p class="muted empty">{total === 0 ? t("dispatch.fleet.none") : t("dispatch.fleet.noMatch")}</p>
          : (
            <ul class="technicians" aria-label={t("dispatch.fleet.heading")} style={{ height: `${list.length * ROW_HEIGHT}px` }} onKeyDown={onKeyDown}>
              {list.slice(rows.first, rows.last).map((id, offset) => {
                const technician = fleet.technician(id);
                const index = rows.first + offset;
                return technician && (
                  <TechnicianRow key={id} technician={technician} index={index} total={list.length} selected={id === selectedId}
                    tabbable={index === tabbable} onOpen={(opened, at) => {
                      active.value = at;
                      void selection.open(opened);
                    }} />
                );
              })}
            </ul>
          )}
      </div>
    </section>
  );
}
