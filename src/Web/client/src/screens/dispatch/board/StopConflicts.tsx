import { t } from "../../../i18n/i18n";
import type { BoardStop } from "../format";
import { conflictsLong, conflictsShort } from "./conflictText";

/**
 * A planned stop's warning mark when it breaks the assignment's rules (a skill or certificate its technician lacks,
 * work past their shift, an overlap): the reasons are its accessible name and its tooltip.
 */
export function StopConflicts({ stop }: { stop: BoardStop }) {
  if (stop.conflicts.length === 0) return null;
  return (
    <span class="conflict-mark" role="img" title={conflictsLong(stop.conflicts)}
      aria-label={t("dispatch.stop.conflicts", { job: stop.job.description, reasons: conflictsShort(stop.conflicts) })}>!</span>
  );
}
