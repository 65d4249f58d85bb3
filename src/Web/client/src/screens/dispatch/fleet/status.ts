// How a technician's state reads on the page and the map: their status, or "no signal" when their phone has been
// silent for five minutes (or never sent a position), which outranks the status because the status may be stale.
import { signal } from "@preact/signals";
import { t } from "../../../i18n/i18n";
import type { MessageKey } from "../../../i18n/en";
import type { TechnicianStatus } from "../live";
import type { Technician } from "./fleet";

export const NO_SIGNAL_AFTER_MS = 5 * 60 * 1000;

export type Condition = TechnicianStatus | "NoSignal";

/** The clock "no signal" is measured against: it ticks every 10 s, so a badge appears with time, not only with messages. */
export const now = signal(Date.now());
setInterval(() => (now.value = Date.now()), 10_000);

export function conditionOf(technician: Technician, at: number): Condition {
  const position = technician.position;
  if (!position || at - Date.parse(position.receivedAt) > NO_SIGNAL_AFTER_MS) return "NoSignal";
  return technician.status;
}

const labels: Record<Condition, MessageKey> = {
  Available: "dispatch.status.available",
  EnRoute: "dispatch.status.enRoute",
  OnSite: "dispatch.status.onSite",
  OffDuty: "dispatch.status.offDuty",
  NoSignal: "dispatch.status.noSignal",
};

export const conditionLabel = (condition: Condition): string => t(labels[condition]);

export const statusLabel = (status: TechnicianStatus): string => t(labels[status] ?? "dispatch.status.offDuty");

/** The fill of a technician's dot on the map and in the list (the same values as base.css's --status-* colours). */
export const conditionColour: Record<Condition, string> = {
  Available: "#1a7f37",
  EnRoute: "#1f6feb",
  OnSite: "#bf8700",
  OffDuty: "#8c959f",
  NoSignal: "#cf222e",
};

/** In the order the map's legend and a cluster's ring show them. */
export const conditions: readonly Condition[] = ["Available", "EnRoute", "OnSite", "OffDuty", "NoSignal"];
