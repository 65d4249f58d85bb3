// Shared by the portal family: the portal's lists and the live appointment page (screens/appointment).
import type { MessageKey } from "../../i18n/en";
import { t } from "../../i18n/i18n";

const labels: Record<string, MessageKey> = {
  New: "jobs.status.New",
  Scheduled: "jobs.status.Scheduled",
  Assigned: "jobs.status.Assigned",
  EnRoute: "jobs.status.EnRoute",
  OnSite: "jobs.status.OnSite",
  Completed: "jobs.status.Completed",
  Cancelled: "jobs.status.Cancelled",
};

/** A job's status as the customer reads it, in their language (the API's own label is English). */
export function jobStatusLabel(status: string): string {
  return t(labels[status] ?? "jobs.status.OnHold");
}
