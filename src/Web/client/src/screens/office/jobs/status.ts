import type { MessageKey } from "../../../i18n/en";
import { t } from "../../../i18n/i18n";

/** The steps a job goes through when all goes well, in order; Cancelled and OnHold leave this line. */
export const mainSteps = ["New", "Scheduled", "Assigned", "EnRoute", "OnSite", "Completed"] as const;

const known = new Set<string>([...mainSteps, "Cancelled", "OnHold"]);

/** A ticket status in the reader's language (an unknown one as the API says it). */
export function statusLabel(status: string): string {
  return known.has(status) ? t(`office.job.status.${status}` as MessageKey) : status;
}

