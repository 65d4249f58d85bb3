import type { components } from "../../api/schema";
import { t } from "../../i18n/i18n";
import type { MessageKey } from "../../i18n/en";

export type Trigger = components["schemas"]["NotificationTrigger"];
export type Channel = components["schemas"]["NotificationChannel"];
export type Preview = components["schemas"]["PreviewDto"];

/** Every trigger, in the order a visit lives them, then the money ones, support, then the team's own messages. */
export const triggers: readonly Trigger[] = [
  "BookingConfirmed", "BookingChanged", "Reminder", "TechnicianAssigned", "OnMyWay", "Arriving", "Delayed", "Completed",
  "ReviewRequest", "EstimateReady", "InvoiceIssued", "PaymentReceipt", "PaymentReminder", "CaseAcknowledged", "CaseReplied", "NpsSurvey", "Message",
];

export const channels: readonly Channel[] = ["Email", "Sms", "InApp", "Push"];

/** A key built from a server's name, looked up with the name itself as the fallback (a status added later still reads). */
function label(prefix: string, name: string): string {
  const key = `${prefix}.${name}` as MessageKey;
  const text = t(key);
  return text === undefined || text === key ? name : text;
}

export const triggerLabel = (trigger: string): string => label("messages.trigger", trigger);
export const channelLabel = (channel: string): string => label("messages.channel", channel);
export const statusLabel = (status: string): string => label("messages.status", status);
export const stepLabel = (step: string): string => label("messages.step", step);
