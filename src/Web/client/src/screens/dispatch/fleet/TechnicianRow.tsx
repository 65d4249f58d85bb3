import type { ReadonlySignal } from "@preact/signals";
import { t } from "../../../i18n/i18n";
import type { Technician } from "./fleet";
import { conditionLabel, conditionOf, now } from "./status";

export const ROW_HEIGHT = 44;

interface Props {
  technician: ReadonlySignal<Technician>;
  index: number;
  total: number;
  selected: boolean;
  /** The one row of the list that Tab reaches (roving tabindex); arrow keys move it. */
  tabbable: boolean;
  onOpen(id: string, index: number): void;
}

/**
 * One technician in the list. It reads its technician's own signal, so a position or status change re-renders this
 * row alone; the list around it re-renders only when scrolled, filtered or when someone joins.
 */
export function TechnicianRow({ technician, index, total, selected, tabbable, onOpen }: Props) {
  const tech = technician.value;
  const condition = conditionOf(tech, now.value);
  return (
    <li class="technician" style={{ transform: `translateY(${index * ROW_HEIGHT}px)` }} aria-setsize={total} aria-posinset={index + 1}>
      <button type="button" class={`status-${condition}${selected ? " selected" : ""}`} data-index={index} tabIndex={tabbable ? 0 : -1}
        aria-current={selected ? "true" : undefined} onClick={() => onOpen(tech.id, index)}>
        <span class="dot" aria-hidden="true" />
        <span class="name">{tech.name}</span>
        {condition === "NoSignal"
          ? <span class="badge nosignal">{t("dispatch.fleet.noSignal")}</span>
          : <span class="state">{conditionLabel(condition)}</span>}
      </button>
    </li>
  );
}
