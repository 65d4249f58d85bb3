// A conflict in a few words for a row or a stop's marker ("Missing skill: gas"), in the page's language; the server's
// whole sentence goes with it in the tooltip and the accessible name.
import { t } from "../../../i18n/i18n";
import type { MessageKey } from "../../../i18n/en";
import type { Conflict } from "./candidates";

const labels: Record<Conflict["kind"], MessageKey> = {
  OffShift: "dispatch.conflict.offShift",
  MissingSkill: "dispatch.conflict.missingSkill",
  ExpiredCertificate: "dispatch.conflict.expiredCertificate",
  OutsideShift: "dispatch.conflict.outsideShift",
  Late: "dispatch.conflict.late",
  DoubleBooking: "dispatch.conflict.doubleBooking",
};

export const conflictLabel = (conflict: Conflict): string => t(labels[conflict.kind], { detail: conflict.detail ?? "" });

/** Short labels, one after the other. */
export const conflictsShort = (conflicts: readonly Conflict[]): string => conflicts.map(conflictLabel).join(" · ");

/** Each label with its sentence, one per line (a tooltip). */
export const conflictsLong = (conflicts: readonly Conflict[]): string => conflicts.map(c => `${conflictLabel(c)}: ${c.message}`).join("\n");
